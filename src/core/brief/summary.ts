import { dueBy, parseCadence, type Due } from "./cadence";
import { commitmentsOf, type Commitment } from "./commitments";
import type { Client, CoachingIndex } from "../index/coaching-index";
import { daysBetween, type Day } from "../notes/dates";
import type { SessionFacts } from "../notes/facts";

export interface CadenceStatus extends Due {
	text: string;
	/** False when the cadence property could not be read; then nothing is due by it. */
	readable: boolean;
}
export interface SummarySession {
	session: SessionFacts;
	number: number;
	clients: readonly Client[];
}

export interface ClientSummary {
	client: Client;
	/** The conversations held by today, oldest first, each with its number and everyone it is with. */
	sessions: readonly SummarySession[];
	/** Session notes dated after today, soonest first: written ahead, not yet held, so never "the last session". */
	planned: readonly SummarySession[];
	commitments: readonly Commitment[];
	lastDay: Day | null;
	daysSinceLast: number | null;
	cadence: CadenceStatus | null;
}

/** Kept by the index until one of the client's conversations changes: the caseload asks for every client each time it is shown. */
export function summarise(index: CoachingIndex, client: Client, today: Day): ClientSummary {
	return index.remember(client, `summary ${today}`, () => summariseNow(index, client, today));
}

/** The number the next conversation takes: one past the highest so far (numbers written in notes count). */
export function nextSessionNumber(summary: ClientSummary): number {
	return summary.sessions.reduce((highest, session) => Math.max(highest, session.number), 0) + 1;
}

/** Whether a note dated `day` was written since the client's last session (any, when there is none yet): a mention "since last time". */
export function isSinceLastSession(day: Day | null, summary: ClientSummary): boolean {
	return summary.lastDay === null || (day ?? "") > summary.lastDay;
}

function summariseNow(index: CoachingIndex, client: Client, today: Day): ClientSummary {
	const all = index.sessionsOf(client).map((session, position) => ({ session, number: session.sessionNumber ?? position + 1, clients: index.sessionClients(session) }));
	// Sessions come in date order, so those written ahead for a later day are the tail.
	const held = all.findIndex(({ session }) => (session.date?.day ?? "") > today);
	const sessions = held === -1 ? all : all.slice(0, held);
	const lastDay = sessions[sessions.length - 1]?.session.date?.day ?? null;
	return {
		client,
		sessions,
		planned: held === -1 ? [] : all.slice(held),
		commitments: commitmentsOf(index, client, sessions),
		lastDay,
		daysSinceLast: lastDay === null ? null : daysBetween(lastDay, today),
		cadence: cadenceStatus(client.cadence, lastDay, today),
	};
}

function cadenceStatus(text: string | null, lastDay: Day | null, today: Day): CadenceStatus | null {
	if (text === null) return null;
	const cadence = parseCadence(text);
	if (!cadence) return { text, readable: false, dueDate: null, due: false, overdueDays: 0 };
	return { text, readable: true, ...dueBy(cadence, lastDay, today) };
}
