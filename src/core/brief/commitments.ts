import type { Client, CoachingIndex } from "../index/coaching-index";
import type { Day } from "../notes/dates";
import type { SessionFacts, TaskFact } from "../notes/facts";
import { withoutCoachMark } from "../notes/fold";

export interface Commitment {
	text: string;
	/** Whose promise it is: the coach's once any session writes it as theirs. */
	owner: "client" | "coach";
	open: boolean;
	/** The status character the latest session gave it: a carried `[/]` stays in progress. */
	status: string;
	/** The latest session that has it: it decides whether the commitment is open. */
	path: string;
	heading: string | null;
	date: Day | null;
	/** The session where it first appeared. */
	firstPath: string;
	firstHeading: string | null;
	firstDate: Day | null;
	/** How many of the client's sessions have it, the first included. */
	sessions: number;
	/** Last written before the client's latest session, and not carried into it: dropped without a word. */
	dropped: boolean;
}

/**
 * The client's commitments across their sessions (oldest first). A task carried over into a later
 * note is the same commitment when its text matches after trimming, collapsing white space,
 * ignoring case and reading Markdown escapes as what they show (`<\%` is `<%`); the latest
 * session that has it decides whether it is still open.
 */
export function commitmentsOf(index: CoachingIndex, client: Client, sessions: readonly { session: SessionFacts; clients: readonly Client[] }[]): Commitment[] {
	// Where each commitment was first and last written; the latest writing sets its place in the list.
	const byKey = new Map<string, { first: SessionFacts; last: SessionFacts; task: TaskFact; order: number; sessions: number; coach: boolean }>();
	let order = 0;
	for (const { session, clients } of sessions) {
		// A conversation with one client only: every task in it is theirs.
		const alone = clients.length <= 1;
		for (const task of session.commitments) {
			if (!alone && !belongsTo(index, session, task, client)) continue;
			const seen = byKey.get(task.key);
			if (seen) {
				// Written twice in one conversation, it is still one session that has it.
				if (seen.last !== session) seen.sessions++;
				seen.last = session;
				seen.task = task;
				seen.order = order++;
				// Once the coach's, always: a session note made after it carries it under the client's Commitments heading.
				seen.coach ||= task.owner === "coach";
			} else {
				byKey.set(task.key, { first: session, last: session, task, order: order++, sessions: 1, coach: task.owner === "coach" });
			}
		}
	}
	const latest = sessions[sessions.length - 1]?.session.date?.day ?? null;
	return [...byKey.values()]
		.sort((a, b) => a.order - b.order)
		.map(({ first, last, task, sessions: count, coach }) => ({
			text: task.text,
			owner: coach ? ("coach" as const) : ("client" as const),
			open: task.open,
			status: task.status,
			path: last.path,
			heading: last.heading?.text ?? null,
			date: last.date?.day ?? null,
			firstPath: first.path,
			firstHeading: first.heading?.text ?? null,
			firstDate: first.date?.day ?? null,
			sessions: count,
			dropped: latest !== null && compareDays(last.date?.day ?? null, latest) < 0,
		}));
}

/** The ones the latest session that has them marks done (`[x]`), the most recently closed first; a cancelled or forwarded one is not. */
export function closedCommitments(commitments: readonly Commitment[]): Commitment[] {
	return commitments
		.map((commitment, order) => ({ commitment, order }))
		.filter(({ commitment }) => commitment.status === "x" || commitment.status === "X")
		.sort((a, b) => compareDays(b.commitment.date, a.commitment.date) || b.order - a.order)
		.map(({ commitment }) => commitment);
}

/** Whether the commitment was first written in an earlier conversation than the one that has it last. */
export function isCarried(commitment: Commitment): boolean {
	return commitment.firstPath !== commitment.path || commitment.firstHeading !== commitment.heading;
}

/** The open ones, the most recently carried first: what the coach asks about next. */
export function openCommitments(commitments: readonly Commitment[]): Commitment[] {
	return commitments
		.map((commitment, order) => ({ commitment, order }))
		.filter(({ commitment }) => commitment.open)
		.sort((a, b) => compareDays(b.commitment.date, a.commitment.date) || a.order - b.order)
		.map(({ commitment }) => commitment);
}

/** In a group session a task that links some of the session's clients is theirs alone; otherwise everyone's. */
function belongsTo(index: CoachingIndex, session: SessionFacts, task: TaskFact, client: Client): boolean {
	if (task.links.length === 0) return true;
	const owners = index.taskOwners(session, task);
	return owners === null || owners.has(client.key);
}

function compareDays(a: Day | null, b: Day | null): number {
	return (a ?? "").localeCompare(b ?? "");
}

/**
 * A commitment's words as the brief shows them: without `#me`, since the brief lists the coach's
 * promises apart. `text` keeps the mark: a new session note carries the task as it was written.
 */
export function commitmentWords(commitment: Pick<Commitment, "text">): string {
	return withoutCoachMark(commitment.text);
}
