import { setIcon, type Component } from "obsidian";
import type { CaseloadRow } from "../core/brief/caseload";
import type { CaseloadColumn } from "../core/brief/caseload-table";
import { COPY, aboutWords, dueStateWords, relativeDays, dayInFormat } from "../core/brief/copy";
import type { Client } from "../core/index/coaching-index";
import { START_OF_DAY, type Booking } from "../core/brief/booking";
import type { Day } from "../core/notes/dates";

/** The caseload's columns, in the order a row draws its cells, with their headings: the view's table and a base's alike. */
export const CASELOAD_COLUMNS: readonly { column: CaseloadColumn; title: string; numeric: boolean }[] = [
	{ column: "name", title: "Client", numeric: false },
	{ column: "cadence", title: "Cadence", numeric: false },
	{ column: "last", title: "Last session", numeric: false },
	{ column: "sessions", title: "Sessions", numeric: true },
	{ column: "open", title: "Open", numeric: true },
	{ column: "since", title: "Mentions since", numeric: true },
	{ column: "depth", title: "Depth", numeric: true },
];

/** What a caseload row does when chosen, and how it writes dates. */
export interface RowActions {
	dateFormat(): string;
	/** The session the client note books, while it is still ahead at `now` ("HH:mm"; `bookingAhead`, the status bar's rule); null when none. */
	bookedAhead(client: Client, lastSessionDay: Day | null, now: string): Booking | null;
	openPrepare(client: Client): Promise<void>;
	openClientNote(client: Client): Promise<void>;
}


const ROW = ".coaching-alliance-caseload-row";
let keysHints = 0;

/**
 * Tells a screen reader once, under `parent`, what a row's keys do; each row points to it, so the
 * row's own cells are what is read for it. Returns the id rows name in `aria-describedby`.
 */
export function rowKeysHint(parent: HTMLElement): string {
	const id = `coaching-alliance-caseload-keys-${++keysHints}`;
	parent.createSpan({ cls: "coaching-alliance-visually-hidden", text: "Enter prepares the session; Shift+Enter opens the client note.", attr: { id } });
	return id;
}

/**
 * Makes the rows under `root` one stop of the Tab key, as a grid is: the row last focused (or else
 * the first) is the one Tab reaches, and the arrow keys move from it. Call `keepTabStop` after rows
 * are drawn or moved.
 */
export function followRowFocus(owner: Component, root: HTMLElement): void {
	owner.registerDomEvent(root, "focusin", (event) => {
		// `instanceOf`, not `instanceof`: in a pop-out the rows are that window's elements.
		const target = event.target as Node | null;
		const row = target?.instanceOf(HTMLElement) ? target.closest(ROW) : null;
		if (row) keepTabStop(root, row);
	});
}

/** Leaves exactly one row under `root` reachable by Tab: `preferred`, else the one that was, else the first. */
export function keepTabStop(root: HTMLElement, preferred: Element | null = null): void {
	const rows = [...root.querySelectorAll<HTMLElement>(ROW)];
	const stop = (preferred && rows.includes(preferred as HTMLElement) ? preferred : null) ?? rows.find((row) => row.getAttribute("tabindex") === "0") ?? rows[0];
	for (const row of rows) row.setAttribute("tabindex", row === stop ? "0" : "-1");
}

/**
 * One client's line of the caseload, made in `owner`'s document (a pop-out's own) and detached,
 * for the caller to place: click or Enter prepares the session, Shift+Enter or the note button
 * opens the client note, the arrow keys, Home and End move between rows. `keysHintId` names the
 * element that says so (see `rowKeysHint`).
 */
export function caseloadRowElement(owner: HTMLElement, row: CaseloadRow, actions: RowActions, keysHintId: string): HTMLTableRowElement {
	const { client, entry, detail } = row;
	const element = owner.createEl("tr", {
		cls: "coaching-alliance-caseload-row",
		attr: { tabindex: "-1", "data-client": client.key, "aria-describedby": keysHintId },
	});
	element.detach();
	const name = element.createEl("td", { cls: "coaching-alliance-caseload-name" });
	name.createSpan({ text: entry.name });
	if (detail.maybeMeant.length > 0) name.createDiv({ cls: "coaching-alliance-muted coaching-alliance-typo", text: COPY.typoOf(detail.maybeMeant) });
	const due = element.createEl("td", { cls: `coaching-alliance-due is-${detail.dueState.kind}`, text: dueStateWords(detail.dueState), attr: { "data-label": "Cadence" } });
	// Overdue by the cadence, yet already booked: no one to chase. Rows are drawn again each day, not
	// each minute, so a booking is read for the whole day: "booked … at 14:00" stays a fact after 14:00.
	const booked = actions.bookedAhead(client, entry.lastSessionDate, START_OF_DAY);
	if (booked) due.createSpan({ cls: "coaching-alliance-muted coaching-alliance-caseload-booked", text: ` · ${COPY.bookedOn(dayInFormat(booked.day, actions.dateFormat()), booked.time)}` });
	const last = element.createEl("td", { attr: { "data-label": "Last session" } });
	if (entry.lastSessionDate === null) last.setText("No session yet");
	else {
		last.createSpan({ text: dayInFormat(entry.lastSessionDate, actions.dateFormat()) });
		last.createSpan({ cls: "coaching-alliance-muted", text: ` · ${relativeDays(entry.daysSinceLastSession ?? 0)}` });
	}
	element.createEl("td", { cls: "is-numeric", text: String(entry.sessionCount), attr: { "data-label": "Sessions" } });
	const open = element.createEl("td", { cls: "is-numeric", attr: { "data-label": "Open" } });
	open.setText(String(detail.openTheirs));
	if (detail.openMine > 0) open.createSpan({ cls: "coaching-alliance-muted", text: ` + ${detail.openMine} mine` });
	element.createEl("td", { cls: "is-numeric", text: String(detail.mentionsSince), attr: { "data-label": "Mentions since" } });
	element.createEl("td", { cls: "is-numeric coaching-alliance-muted", text: aboutWords(detail.depthWords), attr: { "data-label": "Depth" } });
	const buttons = element.createEl("td", { cls: "coaching-alliance-caseload-actions" });
	if (client.path !== null) {
		const note = buttons.createEl("button", { cls: "clickable-icon", attr: { "aria-label": `Open ${entry.name}'s note`, tabindex: "-1" } });
		setIcon(note, "file-text");
		note.addEventListener("click", (event) => {
			event.stopPropagation();
			void actions.openClientNote(client);
		});
	}
	element.addEventListener("click", () => void actions.openPrepare(client));
	element.addEventListener("keydown", (event) => {
		// A key pressed on the note button is the button's own.
		if (event.target !== element) return;
		if (event.key === "Enter") {
			event.preventDefault();
			void (event.shiftKey ? actions.openClientNote(client) : actions.openPrepare(client));
			return;
		}
		const target = rowFor(element, event.key);
		if (target === undefined) return;
		event.preventDefault();
		target.focus();
	});
	return element;
}

/** The row a movement key leads to, across the active and the past clients' tables alike; none for other keys. */
function rowFor(element: HTMLTableRowElement, key: string): HTMLElement | undefined {
	const moves: Record<string, (at: number, last: number) => number> = {
		ArrowDown: (at, last) => Math.min(last, at + 1),
		ArrowUp: (at) => Math.max(0, at - 1),
		Home: () => 0,
		End: (_, last) => last,
	};
	const move = moves[key];
	if (!move) return undefined;
	const root = element.closest(".coaching-alliance-caseload") ?? element.parentElement;
	const rows = [...(root?.querySelectorAll<HTMLElement>(ROW) ?? [])];
	return rows[move(rows.indexOf(element), rows.length - 1)];
}

/**
 * The rows of a table as last drawn, each with what it was drawn from: a row whose source is the
 * same again is kept as it is, so a live update redraws only the rows that changed. A row drawn
 * again keeps the keyboard when the coach was on it, and its place as the Tab stop.
 */
export class RowsInPlace<Source> {
	private readonly drawn = new Map<string, { source: Source; element: HTMLTableRowElement }>();

	constructor(private readonly same: (drawn: Source, now: Source) => boolean) {}

	/** Brings every key's row up to date with its source, drawing only the changed ones; rows of keys not given are removed. */
	update(sources: ReadonlyMap<string, Source>, draw: (source: Source) => HTMLTableRowElement): void {
		for (const [key, { element }] of this.drawn) {
			if (sources.has(key)) continue;
			element.remove();
			this.drawn.delete(key);
		}
		for (const [key, source] of sources) {
			const drawn = this.drawn.get(key);
			if (drawn && this.same(drawn.source, source)) continue;
			const element = draw(source);
			if (drawn) {
				const focused = drawn.element.contains(drawn.element.doc.activeElement);
				element.setAttribute("tabindex", drawn.element.getAttribute("tabindex") ?? "-1");
				drawn.element.replaceWith(element);
				if (focused) element.focus();
			}
			this.drawn.set(key, { source, element });
		}
	}

	element(key: string): HTMLTableRowElement | undefined {
		return this.drawn.get(key)?.element;
	}

	keys(): IterableIterator<string> {
		return this.drawn.keys();
	}

	clear(): void {
		this.drawn.clear();
	}
}

/** Puts `body`'s rows in this order (below `after`, a heading row, when there is one), moving only those out of place: a row already where it belongs is not touched. */
export function inOrder(body: HTMLElement, rows: readonly HTMLElement[], after: Element | null = null): void {
	let cursor = after ? after.nextElementSibling : body.firstElementChild;
	for (const row of rows) {
		if (cursor === row) {
			cursor = cursor.nextElementSibling;
			continue;
		}
		body.insertBefore(row, cursor);
	}
}
