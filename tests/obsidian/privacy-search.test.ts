// @vitest-environment jsdom
import { EditorView } from "@codemirror/view";
import { describe, expect, it, vi } from "vitest";
import type CoachingAlliancePlugin from "../../src/main";
import { CASELOAD_VIEW, type CaseloadView } from "../../src/ui/caseload-view";
import { PREPARE_VIEW, type PrepareView } from "../../src/ui/prepare-view";
import { editorInfoField, Notice, type App, type MarkdownView, type TFile } from "../../obsidian-runtime";
import { appFromFiles, loadPlugin, settle, until } from "../../obsidian-runtime/test-app";
import { TestVisibility } from "../../obsidian-runtime/dom";
import { atMoment } from "../helpers/clock";
import { SETTINGS_VERSION } from "../../src/core/settings/stored";

// A practice as a coach keeps it: a note per session, a private section in one, a supervision
// section in another, a booked next session in one client note.

atMoment("2026-06-30T09:00:00Z");

function session(client: string, date: string, body: string): string {
	return `---\ntype: session\nclient: "[[${client}]]"\ndate: ${date}\n---\n${body}`;
}

const PRACTICE: Record<string, string> = {
	"Clients/Maya Chen.md": "---\ntype: client\ncadence: fortnightly\nrole: Head of design\n---\n# Maya Chen\nRuns the design team at a furniture maker.\n## Goals\nLead without proving herself.\n",
	"Clients/Tomás Rivera.md": "---\ntype: client\ncadence: weekly\nnext_session: 2026-06-30T14:00\n---\n# Tomás Rivera\nBaker, opening a second shop.\n",
	"Sessions/2026-06-02 Maya.md": session("Maya Chen", "2026-06-02", "## What she brought\nThe CFO thing: Renée wants the budget cut.\n- [ ] Ask the CFO for ten minutes\n## Supervision\nI rescue her too fast, said Anna.\n"),
	"Sessions/2026-06-16 Maya.md": session("Maya Chen", "2026-06-16", "## What she brought\nShe met the CFO. It went better than she feared.\n## Private\nHer father's illness, again.\n"),
	"Sessions/2026-06-25 Tomás.md": session("Tomás Rivera", "2026-06-25", "## What he brought\nThe oven for the new shop.\n"),
	"Journal/2026-06-20.md": "---\ndate: 2026-06-20\n---\nLunch with [[Maya Chen]] and the CFO's team.\n",
};

const SECRETS = ["father", "rescue", "Anna"];

async function practice(files: Record<string, string> = PRACTICE): Promise<{ app: App; plugin: CoachingAlliancePlugin }> {
	const app = await appFromFiles(files);
	const plugin = await loadPlugin(app);
	return { app, plugin };
}

async function prepare(app: App, plugin: CoachingAlliancePlugin, name: string): Promise<PrepareView> {
	const client = plugin.vaultIndex.index.clients().find((candidate) => candidate.name === name);
	if (!client) throw new Error(`no client ${name}`);
	await plugin.actions.openPrepare(client);
	const view = app.workspace.getLeavesOfType(PREPARE_VIEW)[0]?.view as unknown as PrepareView;
	await until(() => view.contentEl.querySelector(".coaching-alliance-header") !== null);
	return view;
}

function statusItem(app: App, cls: string): HTMLElement | null {
	return app.statusBarEl?.querySelector<HTMLElement>(`.${cls}`) ?? null;
}

describe("screen-share privacy", () => {
	it("hides every word of the notes in the pane, keeping names and dates, from the command, the pane's button and the status bar", async () => {
		const { app, plugin } = await practice();
		const view = await prepare(app, plugin, "Maya Chen");
		expect(view.contentEl.textContent).toContain("It went better than she feared");
		expect(app.commands.executeCommandById("coaching-alliance:toggle-screen-share-privacy")).toBe(true);
		await until(() => view.contentEl.querySelector(".coaching-alliance-privacy-notice") !== null);
		const shown = view.contentEl.textContent ?? "";
		for (const words of ["feared", "Head of design", "furniture", "Lead without", "CFO"]) expect(shown).not.toContain(words);
		expect(shown).toContain("Maya Chen");
		expect(shown).toContain("Session 2 · Tue 16 Jun 2026");
		expect(shown).toContain("Note text is hidden while you share your screen");
		expect(statusItem(app, "coaching-alliance-privacy-status")?.classList.contains("is-on")).toBe(true);
		expect(statusItem(app, "coaching-alliance-privacy-status")?.textContent?.trim()).toBe("Private");

		view.contentEl.querySelector<HTMLButtonElement>(".coaching-alliance-privacy-toggle")?.click();
		await until(() => view.contentEl.querySelector(".coaching-alliance-privacy-notice") === null);
		expect(view.contentEl.textContent).toContain("It went better than she feared");
		statusItem(app, "coaching-alliance-privacy-status")?.click();
		await until(() => view.contentEl.querySelector(".coaching-alliance-privacy-notice") !== null);
		plugin.unload();
	});

	it("takes the note text off a pane that is not in view at once, before it is shown again", async () => {
		const { app, plugin } = await practice();
		const view = await prepare(app, plugin, "Maya Chen");
		expect(view.contentEl.textContent).toContain("It went better than she feared");
		// The sidebar is collapsed, or the pane is a background tab: it is not redrawn while unseen.
		view.containerEl.hide();
		await plugin.actions.togglePrivacy();
		expect(view.contentEl.textContent).not.toContain("feared");
		view.containerEl.show();
		app.workspace.trigger("layout-change");
		await until(() => view.contentEl.querySelector(".coaching-alliance-privacy-notice") !== null);
		expect(view.contentEl.textContent).not.toContain("feared");
		plugin.unload();
	});

	it("drops a redraw already under way when it is turned on, so no note text comes back with it", async () => {
		const { app, plugin } = await practice();
		const view = await prepare(app, plugin, "Maya Chen");
		// A redraw starts (the pane forgets what it drew, as after an edit) and reads her notes; privacy goes on before it is drawn.
		(view as unknown as { shownFrom: unknown }).shownFrom = null;
		const underWay = view.render();
		view.containerEl.hide();
		await plugin.actions.togglePrivacy();
		await underWay;
		await settle(app);
		expect(view.contentEl.textContent).not.toContain("feared");
		plugin.unload();
	});

	it("is remembered across a restart", async () => {
		const { app, plugin } = await practice();
		await plugin.actions.togglePrivacy();
		plugin.unload();
		const again = await loadPlugin(app);
		expect(again.settings.privacyMode).toBe(true);
		const view = await prepare(app, again, "Maya Chen");
		await until(() => view.contentEl.querySelector(".coaching-alliance-privacy-notice") !== null);
		expect(view.contentEl.textContent).not.toContain("feared");
		expect(statusItem(app, "coaching-alliance-privacy-status")?.classList.contains("is-on")).toBe(true);
		again.unload();
	});

	it("says so in the caseload, and takes the hints out of notes", async () => {
		const { app, plugin } = await practice();
		const file = app.vault.getFileByPath("Journal/2026-06-20.md") as TFile;
		const editor = new EditorView({ doc: await app.vault.read(file), parent: document.body.createDiv(), extensions: [editorInfoField.init(() => ({ file })), ...app.workspace.editorExtensions] });
		expect(editor.dom.querySelectorAll(".coaching-alliance-hint")).toHaveLength(1);
		await plugin.actions.openCaseload();
		const caseload = app.workspace.getLeavesOfType(CASELOAD_VIEW)[0]?.view as unknown as CaseloadView;
		await until(() => caseload.contentEl.querySelector(".coaching-alliance-caseload-row") !== null);
		expect((caseload.contentEl.querySelector(".coaching-alliance-privacy-notice") as HTMLElement).isShown()).toBe(false);
		await plugin.actions.togglePrivacy();
		await until(() => (caseload.contentEl.querySelector(".coaching-alliance-privacy-notice") as HTMLElement).isShown());
		await until(() => editor.dom.querySelectorAll(".coaching-alliance-hint").length === 0);
		expect(caseload.contentEl.textContent).toContain("Maya Chen");
		editor.destroy();
		plugin.unload();
	});
});

describe("screen-share privacy, everywhere else", () => {
	it("draws open reading views again without their hints, and hides who is next in the status bar", async () => {
		const { app, plugin } = await practice();
		const journal = app.vault.getFileByPath("Journal/2026-06-20.md") as TFile;
		const leaf = app.workspace.getLeaf("tab");
		await leaf.openFile(journal);
		const reading = leaf.view as unknown as MarkdownView;
		await reading.showMode("preview");
		expect(reading.previewMode.containerEl.querySelectorAll(".coaching-alliance-hint")).toHaveLength(1);
		await until(() => statusItem(app, "coaching-alliance-next-up")?.isShown() === true);
		await plugin.actions.togglePrivacy();
		await until(() => reading.previewMode.containerEl.querySelectorAll(".coaching-alliance-hint").length === 0);
		expect(reading.previewMode.containerEl.textContent).toContain("Lunch with");
		expect(statusItem(app, "coaching-alliance-next-up")?.isShown()).toBe(false);
		plugin.unload();
	});

	it("follows a data.json synced from another device: open reading views are drawn again without their hints", async () => {
		const { app, plugin } = await practice();
		const leaf = app.workspace.getLeaf("tab");
		await leaf.openFile(app.vault.getFileByPath("Journal/2026-06-20.md") as TFile);
		const reading = leaf.view as unknown as MarkdownView;
		await reading.showMode("preview");
		expect(reading.previewMode.containerEl.querySelectorAll(".coaching-alliance-hint")).toHaveLength(1);
		app.vault.seed(".obsidian/plugins/coaching-alliance/data.json", JSON.stringify({ settingsVersion: SETTINGS_VERSION, privacyMode: true }));
		await plugin.onExternalSettingsChange();
		await until(() => reading.previewMode.containerEl.querySelectorAll(".coaching-alliance-hint").length === 0);
		expect(reading.previewMode.containerEl.textContent).toContain("Lunch with");
		plugin.unload();
	});

	it("offers no save button in the pane, and a brief saved by the command is not opened on the shared screen", async () => {
		const { app, plugin } = await practice();
		const view = await prepare(app, plugin, "Maya Chen");
		expect(view.contentEl.querySelector(".coaching-alliance-save-brief")).not.toBeNull();
		await plugin.actions.togglePrivacy();
		await until(() => view.contentEl.querySelector(".coaching-alliance-privacy-notice") !== null);
		expect(view.contentEl.querySelector(".coaching-alliance-save-brief")).toBeNull();
		const tabs = app.workspace.getLeavesOfType("markdown").length;
		expect(app.commands.executeCommandById("coaching-alliance:save-brief-as-note")).toBe(true);
		await until(() => app.vault.getFileByPath("Briefs/Maya Chen brief 2026-06-30.md") !== null);
		await settle(app);
		expect(app.workspace.getLeavesOfType("markdown")).toHaveLength(tabs);
		plugin.unload();
	});

	it("is switched from the status bar by keyboard", async () => {
		const { app, plugin } = await practice();
		const item = statusItem(app, "coaching-alliance-privacy-status") as HTMLElement;
		expect(item.getAttribute("tabindex")).toBe("0");
		item.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
		await until(() => plugin.settings.privacyMode);
		expect(item.getAttribute("aria-pressed")).toBe("true");
		plugin.unload();
	});
});

describe("private headings in the plugin", () => {
	it("are never in the pane, in the brief or in read-back", async () => {
		const { app, plugin } = await practice();
		const view = await prepare(app, plugin, "Maya Chen");
		for (const secret of SECRETS) expect(view.contentEl.textContent).not.toContain(secret);
		await view.showClient(plugin.vaultIndex.index.clients().find((client) => client.name === "Maya Chen") as never, "read-back");
		await until(() => view.contentEl.querySelectorAll(".coaching-alliance-read-back-body").length === 2);
		const bodies = [...view.contentEl.querySelectorAll(".coaching-alliance-read-back-body")];
		TestVisibility.reveal(bodies);
		await until(() => bodies.every((body) => !body.hasClass("is-loading")));
		expect(view.contentEl.textContent).toContain("She met the CFO");
		for (const secret of SECRETS) expect(view.contentEl.textContent).not.toContain(secret);
		plugin.unload();
	});
});

describe("searching in the pane", () => {
	it("shows each paragraph holding every word, newest first, marked, in place of the brief", async () => {
		const { app, plugin } = await practice();
		const view = await prepare(app, plugin, "Maya Chen");
		const input = view.contentEl.querySelector<HTMLInputElement>(".coaching-alliance-search-input");
		expect(input?.getAttribute("placeholder")).toBe("Search Maya Chen's conversations");
		if (input) input.value = "cfo";
		input?.dispatchEvent(new Event("input"));
		await until(() => view.contentEl.querySelectorAll(".coaching-alliance-search-result").length === 3);
		const results = [...view.contentEl.querySelectorAll(".coaching-alliance-search-result")];
		expect(results.map((result) => result.querySelector(".coaching-alliance-muted")?.textContent)).toEqual(["Session 2 · Tue 16 Jun 2026", "Session 1 · Tue 2 Jun 2026", "Session 1 · Tue 2 Jun 2026"]);
		expect([...results[0]!.querySelectorAll("mark")].map((mark) => mark.textContent)).toEqual(["CFO"]);
		expect((view.contentEl.querySelector(".coaching-alliance-brief-body") as HTMLElement).isShown()).toBe(false);
		expect(view.contentEl.querySelector(".coaching-alliance-search-status")?.textContent).toBe("3 paragraphs");
		plugin.unload();
	});

	it("opens the note at the paragraph's line with Enter, and goes back to the brief with Escape", async () => {
		const { app, plugin } = await practice();
		const view = await prepare(app, plugin, "Maya Chen");
		const input = view.contentEl.querySelector<HTMLInputElement>(".coaching-alliance-search-input") as HTMLInputElement;
		input.value = "renee budget";
		input.dispatchEvent(new Event("input"));
		await until(() => view.contentEl.querySelectorAll(".coaching-alliance-search-result").length === 1);
		input.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true }));
		const result = view.contentEl.querySelector<HTMLElement>(".coaching-alliance-search-result");
		expect(view.contentEl.ownerDocument.activeElement).toBe(result);
		result?.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
		expect(app.workspace.opened.at(-1)).toMatchObject({ path: "Sessions/2026-06-02 Maya.md", eState: { line: 6 } });
		input.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
		expect(input.value).toBe("");
		expect((view.contentEl.querySelector(".coaching-alliance-brief-body") as HTMLElement).isShown()).toBe(true);
		plugin.unload();
	});

	it("finds nothing under a private heading, and keeps the words typed across a live redraw", async () => {
		const { app, plugin } = await practice();
		const view = await prepare(app, plugin, "Maya Chen");
		const type = (words: string): void => {
			const input = view.contentEl.querySelector<HTMLInputElement>(".coaching-alliance-search-input") as HTMLInputElement;
			input.value = words;
			input.dispatchEvent(new Event("input"));
		};
		type("father");
		await until(() => view.contentEl.querySelector(".coaching-alliance-search-status")?.textContent === "No paragraph holds all these words.");
		type("feared");
		await until(() => view.contentEl.querySelectorAll(".coaching-alliance-search-result").length === 1);
		const note = app.vault.getFileByPath("Sessions/2026-06-16 Maya.md") as TFile;
		await app.vault.process(note, (text) => text.replace("than she feared.\n", "than she feared.\n\nShe feared the board, too.\n"));
		await settle(app);
		await until(() => view.contentEl.querySelectorAll(".coaching-alliance-search-result").length === 2);
		expect(view.contentEl.querySelector<HTMLInputElement>(".coaching-alliance-search-input")?.value).toBe("feared");
		plugin.unload();
	});
});

describe("searching in the pane, typed fast", () => {
	it("shows only the answer to the words in the field: a search overtaken by the next keystroke never draws", async () => {
		const { app, plugin } = await practice();
		const view = await prepare(app, plugin, "Maya Chen");
		const input = view.contentEl.querySelector<HTMLInputElement>(".coaching-alliance-search-input") as HTMLInputElement;
		for (const typed of ["c", "cf", "cfo", "cfo b", "cfo bu", "cfo budget"]) {
			input.value = typed;
			input.dispatchEvent(new Event("input"));
		}
		await until(() => view.contentEl.querySelector(".coaching-alliance-search-status")?.textContent === "1 paragraph");
		await settle(app);
		const results = [...view.contentEl.querySelectorAll(".coaching-alliance-search-result")];
		expect(results).toHaveLength(1);
		expect(results[0]?.textContent).toContain("Renée wants the budget cut.");
		plugin.unload();
	});
});

describe("next up in the status bar", () => {
	it("names the session booked in the client note's property, and prepares it when clicked; the brief says it too", async () => {
		const { app, plugin } = await practice();
		const next = statusItem(app, "coaching-alliance-next-up");
		await until(() => next?.textContent === "Next: Tomás Rivera, today at 14:00");
		next?.click();
		await until(() => app.workspace.getLeavesOfType(PREPARE_VIEW).length === 1);
		expect(app.workspace.getLeavesOfType(PREPARE_VIEW)[0]?.view.getState()["client"]).toBe("Clients/Tomás Rivera.md");
		const view = app.workspace.getLeavesOfType(PREPARE_VIEW)[0]?.view as unknown as PrepareView;
		await until(() => view.contentEl.querySelector(".coaching-alliance-booked") !== null);
		expect(view.contentEl.querySelector(".coaching-alliance-booked")?.textContent).toBe("Next session booked for Tue 30 Jun 2026 · today at 14:00");
		plugin.unload();
	});

	it("lets a session booked for earlier today go, in the brief as in the status bar", async () => {
		vi.setSystemTime(new Date("2026-06-30T15:00:00Z"));
		const { app, plugin } = await practice();
		const view = await prepare(app, plugin, "Tomás Rivera");
		expect(view.contentEl.querySelector(".coaching-alliance-booked")).toBeNull();
		await until(() => statusItem(app, "coaching-alliance-next-up")?.textContent !== "");
		expect(statusItem(app, "coaching-alliance-next-up")?.textContent).not.toContain("14:00");
		plugin.unload();
	});

	it("moves on by the clock alone: a booked time passing, and the day turning", async () => {
		vi.useFakeTimers({ toFake: ["Date", "setInterval", "clearInterval"] });
		vi.setSystemTime(new Date("2026-06-30T13:58:00Z"));
		const { app, plugin } = await practice();
		const next = statusItem(app, "coaching-alliance-next-up");
		await until(() => next?.textContent === "Next: Tomás Rivera, today at 14:00");
		// No note changes: only the status bar's minute check sees the time pass.
		vi.setSystemTime(new Date("2026-06-30T14:01:00Z"));
		vi.advanceTimersByTime(60_000);
		expect(next?.textContent).toBe("Next: Maya Chen, due today");
		vi.setSystemTime(new Date("2026-07-01T00:01:00Z"));
		vi.advanceTimersByTime(60_000);
		expect(next?.textContent).toBe("Next: Maya Chen, overdue by 1 day");
		plugin.unload();
	});

	it("lets the brief in the pane move on by the clock too: the booked line goes once its time has passed", async () => {
		vi.useFakeTimers({ toFake: ["Date", "setInterval", "clearInterval"] });
		vi.setSystemTime(new Date("2026-06-30T13:58:00Z"));
		const { app, plugin } = await practice();
		const view = await prepare(app, plugin, "Tomás Rivera");
		expect(view.contentEl.querySelector(".coaching-alliance-booked")?.textContent).toBe("Next session booked for Tue 30 Jun 2026 · today at 14:00");
		vi.setSystemTime(new Date("2026-06-30T14:01:00Z"));
		vi.advanceTimersByTime(60_000);
		await until(() => view.contentEl.querySelector(".coaching-alliance-booked") === null);
		expect(view.contentEl.textContent).toContain("Tomás Rivera");
		plugin.unload();
	});

	it("follows the cadence when no session is booked, and can be turned off", async () => {
		const files = { ...PRACTICE, "Clients/Tomás Rivera.md": "---\ntype: client\ncadence: weekly\n---\n" };
		const { app, plugin } = await practice(files);
		await until(() => statusItem(app, "coaching-alliance-next-up")?.textContent === "Next: Maya Chen, due today");
		plugin.settings.nextUpInStatusBar = false;
		await plugin.saveSettings();
		await until(() => statusItem(app, "coaching-alliance-next-up")?.isShown() === false);
		plugin.unload();
	});
});

describe("save brief as note", () => {
	it("writes the brief with links into the briefs folder, private sections left out, and never over an earlier one", async () => {
		const { app, plugin } = await practice();
		const maya = plugin.vaultIndex.index.clients().find((client) => client.name === "Maya Chen");
		await plugin.actions.saveBrief(maya as never);
		await plugin.actions.saveBrief(maya as never);
		const first = app.vault.getFileByPath("Briefs/Maya Chen brief 2026-06-30.md") as TFile;
		const second = app.vault.getFileByPath("Briefs/Maya Chen brief 2026-06-30 (2).md") as TFile;
		expect(first).toBeTruthy();
		expect(second).toBeTruthy();
		const text = await app.vault.read(first);
		expect(text).toContain('brief_for: "[[Clients/Maya Chen|Maya Chen]]"');
		expect(text).toContain("[[Sessions/2026-06-16 Maya|Session 2 · Tue 16 Jun 2026]]");
		expect(text).toContain("- Ask the CFO for ten minutes · [[Sessions/2026-06-02 Maya|Tue 2 Jun 2026]]");
		for (const secret of SECRETS) expect(text).not.toContain(secret);
		expect(text).not.toMatch(/- \[ \]/);
		await settle(app);
		// The saved brief names her and copies her words, yet is never a note about her.
		const maya2 = plugin.vaultIndex.index.clients().find((client) => client.name === "Maya Chen");
		expect(plugin.vaultIndex.index.mentionsOf(maya2 as never).map((facts) => facts.path)).toEqual(["Journal/2026-06-20.md"]);
		plugin.unload();
	});
});

describe("save brief as note, beside the coach's own notes", () => {
	it("never writes over a note of the coach's with the same name, whatever its case", async () => {
		const mine = "My own notes before her session: do not lose these.\n";
		const { app, plugin } = await practice({ ...PRACTICE, "briefs/maya chen brief 2026-06-30.md": mine });
		const maya = plugin.vaultIndex.index.clients().find((client) => client.name === "Maya Chen");
		await plugin.actions.saveBrief(maya as never);
		expect(await app.vault.read(app.vault.getFileByPath("briefs/maya chen brief 2026-06-30.md") as TFile)).toBe(mine);
		// Into the vault's own `briefs` folder: on a file system where case does not count, there is no second one.
		const saved = app.vault.getFileByPath("briefs/Maya Chen brief 2026-06-30 (2).md");
		expect(saved).toBeTruthy();
		expect(await app.vault.read(saved as TFile)).toContain("type: coaching-brief");
		plugin.unload();
	});

	it("writes nothing when the folder setting leads out of the vault, and says why", async () => {
		const { app, plugin } = await practice();
		plugin.settings.briefFolder = "../Outside";
		const before = app.vault.getAllLoadedFiles().map((file) => file.path);
		const maya = plugin.vaultIndex.index.clients().find((client) => client.name === "Maya Chen");
		await plugin.actions.saveBrief(maya as never);
		expect(app.vault.getAllLoadedFiles().map((file) => file.path)).toEqual(before);
		expect(Notice.shown.at(-1)).toMatch(/No brief was saved; change the folder in the settings\.$/);
		plugin.unload();
	});
});

describe("a session note written ahead, in the pane", () => {
	it("is the note to open, never a second one beside it", async () => {
		const { app, plugin } = await practice({ ...PRACTICE, "Sessions/2026-07-07 Maya.md": session("Maya Chen", "2026-07-07", "## Agenda\nAsk about the CFO.\n") });
		const view = await prepare(app, plugin, "Maya Chen");
		expect(view.contentEl.querySelector("button.coaching-alliance-start")).toBeNull();
		const open = view.contentEl.querySelector<HTMLAnchorElement>(".coaching-alliance-start a.internal-link");
		expect(open?.textContent).toBe("Open the note written ahead (session 3)");
		open?.click();
		expect(app.workspace.opened.at(-1)?.path).toBe("Sessions/2026-07-07 Maya.md");
		plugin.unload();
	});
});

describe("a private section embedded elsewhere", () => {
	it("is a link in the pane, never drawn inside it", async () => {
		const files = {
			...PRACTICE,
			"Sessions/2026-06-16 Maya.md": session("Maya Chen", "2026-06-16", "## What she brought\nShe met the CFO. Background: ![[Sessions/2026-06-02 Maya#Supervision]] and the board ![[board.png]].\n"),
		};
		const { app, plugin } = await practice(files);
		const view = await prepare(app, plugin, "Maya Chen");
		const leftOff = view.contentEl.querySelector('[data-section="left-off"]') as HTMLElement;
		expect(leftOff.querySelector('a.internal-link[data-href="Sessions/2026-06-02 Maya#Supervision"]')).not.toBeNull();
		expect([...leftOff.querySelectorAll(".internal-embed")].map((embed) => embed.getAttribute("src"))).toEqual(["board.png"]);
		plugin.unload();
	});
});
