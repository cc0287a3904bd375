import { summarise } from "./summary";
import type { Client, CoachingIndex, Recognised } from "../index/coaching-index";
import type { Day } from "../notes/dates";

export interface CaseloadEntry {
	name: string;
	path: string | null;
	status: "active" | "archived";
	sessionCount: number;
	lastSessionDate: Day | null;
	daysSinceLastSession: number | null;
	openCommitments: number;
	cadence: string | null;
	due: boolean;
}

export interface Caseload {
	today: Day;
	clients: CaseloadEntry[];
	/** Every note in the vault that could not be fully read, by path. */
	problems: { path: string; problem: string }[];
	/** How many clients and conversations of each shape were found. */
	recognised: Recognised;
}

/** A caseload line with the client it is about, for views that act on the client. */
export interface CaseloadRow {
	client: Client;
	entry: CaseloadEntry;
}

/**
 * Every client, archived ones too, ordered by who has waited longest: clients with no session
 * first, then by days since the last session. Status does not change the order; views may show
 * archived clients apart.
 */
export function computeCaseload(index: CoachingIndex, today: Day): Caseload {
	const problems = index.problems().sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	return { today, clients: caseloadRows(index, today).map((row) => row.entry), problems, recognised: index.recognised() };
}

export function caseloadRows(index: CoachingIndex, today: Day): CaseloadRow[] {
	const rows = index.clients().map((client): CaseloadRow => {
		const summary = summarise(index, client, today);
		const entry: CaseloadEntry = {
			name: client.name,
			path: client.path,
			status: client.archived ? "archived" : "active",
			sessionCount: summary.sessions.length,
			lastSessionDate: summary.lastDay,
			daysSinceLastSession: summary.daysSinceLast,
			openCommitments: summary.commitments.filter((commitment) => commitment.open).length,
			cadence: client.cadence,
			due: summary.cadence?.due ?? false,
		};
		return { client, entry };
	});
	return rows.sort(
		({ entry: a }, { entry: b }) =>
			Number(a.sessionCount > 0) - Number(b.sessionCount > 0) ||
			(b.daysSinceLastSession ?? 0) - (a.daysSinceLastSession ?? 0) ||
			a.name.localeCompare(b.name) ||
			(a.path ?? "").localeCompare(b.path ?? ""),
	);
}
