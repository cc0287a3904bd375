import { setIcon, type EventRef, type Plugin } from "obsidian";
import { nextUp } from "../core/brief/next-up";
import type { Client, CoachingIndex } from "../core/index/coaching-index";
import type { Day } from "../core/notes/dates";
import type { CoachingSettings } from "../core/settings/settings";
import { dayInFormat } from "../core/brief/copy";

/** What the status bar needs of the plugin. */
export interface StatusBarPort {
	readonly index: CoachingIndex;
	indexReady(): boolean;
	onIndexChanged(listener: () => void): EventRef;
	settings(): CoachingSettings;
	today(): Day;
	/** The time of day now, "HH:mm": a session booked for earlier today is over. */
	now(): string;
	/** The client note's next session property as written, or null. */
	bookedSession(client: Client): string | null;
	togglePrivacy(): Promise<void>;
	openPrepare(client: Client): Promise<void>;
}

/**
 * Two items of the status bar (desktop only: phones have none): the screen-share privacy switch,
 * plain while off and loud while on, and "Next: Maya Chen, due today", which prepares that session
 * when clicked and is hidden while privacy is on. Both follow the index and the settings, and the
 * day as it turns.
 */
export function registerStatusBar(plugin: Plugin, port: StatusBarPort): void {
	const privacy = plugin.addStatusBarItem();
	privacy.addClass("mod-clickable", "coaching-alliance-privacy-status");
	privacy.setAttrs({ role: "button", tabindex: "0" });
	plugin.registerDomEvent(privacy, "click", () => void port.togglePrivacy());
	plugin.registerDomEvent(privacy, "keydown", (event) => {
		if (event.key !== "Enter" && event.key !== " ") return;
		event.preventDefault();
		void port.togglePrivacy();
	});

	const next = plugin.addStatusBarItem();
	next.addClass("mod-clickable", "coaching-alliance-next-up");
	next.setAttr("role", "button");
	let nextClient: Client | null = null;
	plugin.registerDomEvent(next, "click", () => {
		if (nextClient) void port.openPrepare(nextClient);
	});

	let drawnFor = "";
	const draw = (): void => {
		const settings = port.settings();
		const on = settings.privacyMode;
		privacy.empty();
		privacy.toggleClass("is-on", on);
		setIcon(privacy.createSpan({ cls: "status-bar-item-icon" }), on ? "eye-off" : "eye");
		if (on) privacy.createSpan({ text: "Private" });
		privacy.setAttr("aria-label", on ? "Note text is hidden for screen sharing: click to show it" : "Hide note text for screen sharing");
		privacy.setAttr("aria-pressed", String(on));

		const today = port.today();
		drawnFor = today;
		// On a shared screen, who else you coach and when is no one's business either.
		const shown = settings.nextUpInStatusBar && !on && port.indexReady() ? nextUp(port.index, today, port.now(), (client) => port.bookedSession(client), (day) => dayInFormat(day, settings.dateFormat)) : null;
		nextClient = shown?.client ?? null;
		next.toggle(shown !== null);
		next.setText(shown ? `Next: ${shown.client.name}, ${shown.when}` : "");
		next.setAttr("aria-label", shown ? `Prepare the session with ${shown.client.name}` : "");
	};
	plugin.registerEvent(port.onIndexChanged(draw));
	// "Due today" becomes "overdue by 1 day" at midnight, and a session booked for 10:00 is over at 10:01, whether or not a note changes.
	plugin.registerInterval(window.setInterval(() => {
		if (port.today() !== drawnFor || next.isShown()) draw();
	}, 60_000));
	draw();
}
