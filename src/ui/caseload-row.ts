import { setIcon } from "obsidian";
import { format } from "date-fns";
import type { CaseloadRow } from "../core/brief/caseload";
import type { CaseloadColumn } from "../core/brief/caseload-table";
import { aboutWords, dueStateWords, relativeDays } from "../core/brief/copy";
import type { Client } from "../core/index/coaching-index";
import { toDate } from "../core/notes/dates";

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
	openPrepare(client: Client): Promise<void>;
	openClientNote(client: Client): Promise<void>;
}


/**
 * One client's line of the caseload, made in `owner`'s document (a pop-out's own) and detached,
 * for the caller to place: click or Enter prepares the session, Shift+Enter or the note button
 * opens the client note, the arrow keys move to the row above or below.
 */
export function caseloadRowElement(owner: HTMLElement, row: CaseloadRow, actions: RowActions): HTMLTableRowElement {
	const { client, entry, detail } = row;
	const element = owner.createEl("tr", {
		cls: "coaching-alliance-caseload-row",
		attr: { tabindex: "0", "data-client": client.key, "aria-label": `${entry.name}: ${dueStateWords(detail.dueState)}. Enter prepares the session; Shift+Enter opens the client note.` },
	});
	element.detach();
	element.createEl("td", { cls: "coaching-alliance-caseload-name" }).createSpan({ text: entry.name });
	element.createEl("td", { cls: `coaching-alliance-due is-${detail.dueState.kind}`, text: dueStateWords(detail.dueState), attr: { "data-label": "Cadence" } });
	const last = element.createEl("td", { attr: { "data-label": "Last session" } });
	if (entry.lastSessionDate === null) last.setText("No session yet");
	else {
		last.createSpan({ text: format(toDate(entry.lastSessionDate), actions.dateFormat()) });
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
		if (event.key === "Enter") {
			event.preventDefault();
			void (event.shiftKey ? actions.openClientNote(client) : actions.openPrepare(client));
			return;
		}
		if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
		event.preventDefault();
		const sibling = event.key === "ArrowDown" ? nextRow(element, 1) : nextRow(element, -1);
		sibling?.focus();
	});
	return element;
}

/** The row above or below, across the active and the past clients' tables alike. */
function nextRow(element: HTMLTableRowElement, step: 1 | -1): HTMLElement | undefined {
	const root = element.closest(".coaching-alliance-caseload") ?? element.parentElement;
	const rows = [...(root?.querySelectorAll<HTMLElement>(".coaching-alliance-caseload-row") ?? [])];
	const at = rows.indexOf(element);
	return rows[Math.min(rows.length - 1, Math.max(0, at + step))];
}
