import type { CaseloadRow, DueState } from "./caseload";
import { searchKey } from "../notes/fold";

/** The caseload's columns, each sortable. */
export type CaseloadColumn = "name" | "sessions" | "last" | "cadence" | "open" | "since" | "depth";

export interface CaseloadSort {
	column: CaseloadColumn;
	/** False: the column's natural order (A to Z, fewest first, oldest first, most urgent first). */
	descending: boolean;
}

/** Who needs you first: by cadence, the most urgent at the top. */
export const DEFAULT_SORT: CaseloadSort = { column: "cadence", descending: false };

export type StatusFilter = "active" | "archived" | "all";

export interface CaseloadFilter {
	/** Words a client's name or alias holds, in any case or accent form. */
	text: string;
	status: StatusFilter;
}

/**
 * How urgent a due state is: the lower, the sooner the client needs a conversation. Within "overdue"
 * and "soon", the days order them: divided down so they never reach the next state's rank.
 */
export function dueUrgency(state: DueState): number {
	switch (state.kind) {
		case "past":
			return 7;
		case "no-session":
			return 0;
		case "overdue":
			return 1 - state.days / 100_000;
		case "today":
			return 2;
		case "soon":
			return 3 + state.days / 100_000;
		case "not-due":
			return 4;
		case "unreadable":
			return 5;
		case "none":
			return 6;
	}
}

const COMPARE: Record<CaseloadColumn, (a: CaseloadRow, b: CaseloadRow) => number> = {
	name: (a, b) => a.entry.name.localeCompare(b.entry.name),
	sessions: (a, b) => a.entry.sessionCount - b.entry.sessionCount,
	// Oldest first: who has waited longest; no session yet before any.
	last: (a, b) => (a.entry.lastSessionDate ?? "").localeCompare(b.entry.lastSessionDate ?? ""),
	cadence: (a, b) => dueUrgency(a.detail.dueState) - dueUrgency(b.detail.dueState) || (b.entry.daysSinceLastSession ?? Infinity) - (a.entry.daysSinceLastSession ?? Infinity),
	open: (a, b) => a.detail.openTheirs + a.detail.openMine - (b.detail.openTheirs + b.detail.openMine),
	since: (a, b) => a.detail.mentionsSince - b.detail.mentionsSince,
	depth: (a, b) => a.detail.depthWords - b.detail.depthWords,
};

/** The rows in the order asked for; rows that tie keep to name order, whichever way the column runs. */
export function sortCaseload(rows: readonly CaseloadRow[], sort: CaseloadSort): CaseloadRow[] {
	const compare = COMPARE[sort.column];
	return [...rows].sort((a, b) => (sort.descending ? -compare(a, b) : compare(a, b)) || COMPARE.name(a, b) || (a.client.path ?? "").localeCompare(b.client.path ?? ""));
}

/** The rows of the status asked for whose name or an alias holds every word of the text, in any case, with or without accents. */
export function filterCaseload(rows: readonly CaseloadRow[], filter: CaseloadFilter): CaseloadRow[] {
	const words = searchKey(filter.text).split(" ").filter((word) => word !== "");
	return rows.filter(({ entry, client }) => {
		if (filter.status !== "all" && entry.status !== filter.status) return false;
		const names = [client.name, ...client.aliases].map(searchKey);
		return words.every((word) => names.some((name) => name.includes(word)));
	});
}
