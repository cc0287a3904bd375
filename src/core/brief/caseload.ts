import { isSinceLastSession, summarise, type CadenceStatus } from "./summary";
import type { Client, CoachingIndex, Recognised } from "../index/coaching-index";
import { daysBetween, type Day } from "../notes/dates";
import type { SessionFacts } from "../notes/facts";
import { maybeMeant } from "./typos";

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
	/** The command-line contract's lines; `rows` has them with their clients and what views show besides. */
	clients: CaseloadEntry[];
	rows: CaseloadRow[];
	/** Every note in the vault that could not be fully read, by path. */
	problems: { path: string; problem: string }[];
	/** How many clients and conversations of each shape were found. */
	recognised: Recognised;
}

/**
 * Where a client stands against their cadence: due at once with no session yet, overdue by some
 * days, due today, due within a week, or not due yet; a cadence that cannot be read, or none; or
 * a past client, who is due nothing.
 */
export type DueState =
	| { kind: "past" }
	| { kind: "none" }
	| { kind: "unreadable" }
	| { kind: "no-session" }
	| { kind: "overdue"; days: number }
	| { kind: "today" }
	| { kind: "soon"; days: number; dueDate: Day }
	| { kind: "not-due"; dueDate: Day };

/**
 * How near a due date must be for the caseload to say "due in 2 days" rather than "not due": a
 * week, or half the cadence when that is shorter, so a weekly client is "not due" for a few days
 * after a session rather than always due soon.
 */
export const DUE_SOON_DAYS = 7;

/** What the caseload shows beyond the command-line contract's fields. */
export interface CaseloadDetail {
	dueState: DueState;
	/** Open commitments: the client's, and the coach's own ("What I promised"). */
	openTheirs: number;
	openMine: number;
	/** Other notes that name the client, dated after the last session. */
	mentionsSince: number;
	/** How well the vault knows them: about how many words their client note and sessions hold. */
	depthWords: number;
	/** For a client without a note: the clients a session note most likely meant (`maybeMeant`). */
	maybeMeant: readonly string[];
}

/** A caseload line with the client it is about, for views that act on the client. */
export interface CaseloadRow {
	client: Client;
	entry: CaseloadEntry;
	detail: CaseloadDetail;
}

export function dueStateOf(cadence: CadenceStatus | null, lastDay: Day | null, today: Day): DueState {
	if (cadence === null) return { kind: "none" };
	if (!cadence.readable) return { kind: "unreadable" };
	if (cadence.dueDate === null) return { kind: "no-session" };
	if (cadence.overdueDays > 0) return { kind: "overdue", days: cadence.overdueDays };
	if (cadence.due) return { kind: "today" };
	const days = daysBetween(today, cadence.dueDate);
	const soon = lastDay === null ? DUE_SOON_DAYS : Math.min(DUE_SOON_DAYS, Math.floor(daysBetween(lastDay, cadence.dueDate) / 2));
	return days <= soon ? { kind: "soon", days, dueDate: cadence.dueDate } : { kind: "not-due", dueDate: cadence.dueDate };
}

/**
 * Every client, archived ones too, ordered by who has waited longest: clients with no session
 * first, then by days since the last session. Status does not change the order; views may show
 * archived clients apart.
 */
export function computeCaseload(index: CoachingIndex, today: Day): Caseload {
	const problems = index.problems().sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	const rows = caseloadRows(index, today);
	return { today, clients: rows.map((row) => row.entry), rows, problems, recognised: index.recognised() };
}

/** The caseload as `caseload --json` prints it (spec/brief.md). */
export function caseloadJson(caseload: Caseload): unknown {
	const { today, clients, problems, recognised } = caseload;
	return { today, clients, problems, recognised };
}

export function caseloadRows(index: CoachingIndex, today: Day): CaseloadRow[] {
	const rows = index.clients().map((client) => caseloadRow(index, client, today));
	return rows.sort(
		({ entry: a }, { entry: b }) =>
			Number(a.sessionCount > 0) - Number(b.sessionCount > 0) ||
			(b.daysSinceLastSession ?? 0) - (a.daysSinceLastSession ?? 0) ||
			a.name.localeCompare(b.name) ||
			(a.path ?? "").localeCompare(b.path ?? ""),
	);
}

/** One client's line, kept by the index until one of the client's notes changes: a live caseload redraws only the lines that did. */
export function caseloadRow(index: CoachingIndex, client: Client, today: Day): CaseloadRow {
	return index.remember(client, `caseload row ${today}`, () => caseloadRowNow(index, client, today));
}

/**
 * About how many characters make a word with the space after it, in the languages coaches write
 * in: the index knows how long notes are without reading them, not how many words they hold.
 */
const CHARACTERS_PER_WORD = 6;

/**
 * How well the vault knows them: about how many words their client note and their conversations
 * hold. A conversation written in the client note (its log) is counted once, with the note.
 */
function depthWords(index: CoachingIndex, client: Client, sessions: readonly SessionFacts[]): number {
	const note = client.path === null ? 0 : (index.get(client.path)?.bodyLength ?? 0);
	const elsewhere = sessions.filter((session) => session.path !== client.path).reduce((total, session) => total + session.length, 0);
	return Math.round((note + elsewhere) / CHARACTERS_PER_WORD);
}

function caseloadRowNow(index: CoachingIndex, client: Client, today: Day): CaseloadRow {
	const summary = summarise(index, client, today);
	const open = summary.commitments.filter((commitment) => commitment.open);
	const entry: CaseloadEntry = {
		name: client.name,
		path: client.path,
		status: client.archived ? "archived" : "active",
		sessionCount: summary.sessions.length,
		lastSessionDate: summary.lastDay,
		daysSinceLastSession: summary.daysSinceLast,
		openCommitments: open.length,
		cadence: client.cadence,
		due: summary.cadence?.due ?? false,
	};
	const mentionsSince = index.mentionsOf(client).filter((facts) => isSinceLastSession(facts.date?.day ?? null, summary)).length;
	return {
		client,
		entry,
		detail: {
			// A past client is not waiting for a conversation, whatever their note's cadence still says.
			dueState: client.archived ? { kind: "past" } : dueStateOf(summary.cadence, summary.lastDay, today),
			openTheirs: open.filter((commitment) => commitment.owner === "client").length,
			openMine: open.filter((commitment) => commitment.owner === "coach").length,
			mentionsSince,
			depthWords: depthWords(index, client, summary.sessions.map(({ session }) => session)),
			maybeMeant: maybeMeant(index, client),
		},
	};
}
