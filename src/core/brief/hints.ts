import { caseloadRow } from "./caseload";
import { dueStateWords, relativeDays } from "./copy";
import { summarise } from "./summary";
import type { Client, CoachingIndex } from "../index/coaching-index";
import type { Day } from "../notes/dates";
import { commitmentKey } from "../notes/fold";
import { nameKey } from "../notes/links";

// What a note shows beside what the coach writes, from the index alone: never a note read.

/** A commitment carried into this conversation from an earlier one: where and when it was first made. */
export interface CarriedHint {
	firstPath: string;
	firstHeading: string | null;
	firstDate: Day | null;
}

/**
 * The open commitments the note's conversations carry from earlier ones, by commitment key
 * (`commitmentKey` of a task's words): a task line whose words give one of these keys shows when
 * it was first made. Empty for a note that holds no conversation.
 */
export function carriedInto(index: CoachingIndex, path: string, today: Day): Map<string, CarriedHint> {
	const carried = new Map<string, CarriedHint>();
	for (const session of index.sessionsIn(path)) {
		const here = new Set(session.commitments.map((task) => task.key));
		if (here.size === 0) continue;
		for (const client of index.sessionClients(session)) {
			for (const commitment of summarise(index, client, today).commitments) {
				const key = commitmentKey(commitment.text);
				const firstHere = commitment.firstPath === session.path && commitment.firstHeading === (session.heading?.text ?? null);
				if (!commitment.open || firstHere || !here.has(key) || carried.has(key)) continue;
				carried.set(key, { firstPath: commitment.firstPath, firstHeading: commitment.firstHeading, firstDate: commitment.firstDate });
			}
		}
	}
	return carried;
}

/** Beside a link to a client: how long since you spoke and what is open; on hover, the next session and the cadence. */
export interface ClientLinkHint {
	client: Client;
	/** "2 weeks ago · 3 open". */
	text: string;
	/** "Next: session 10 · fortnightly, due today". */
	detail: string;
}

/** The hint for a link written in `sourcePath`, or null when it reaches no client. */
export function clientLinkHint(index: CoachingIndex, link: string, sourcePath: string, today: Day): ClientLinkHint | null {
	const target = index.resolveLink(link, sourcePath);
	const client = index.client(target ?? `?${nameKey(link)}`);
	if (!client) return null;
	const { entry, detail } = caseloadRow(index, client, today);
	const spoke = entry.daysSinceLastSession === null ? "no session yet" : `last ${relativeDays(entry.daysSinceLastSession)}`;
	const open = entry.openCommitments > 0 ? ` · ${entry.openCommitments} open` : "";
	const sessions = summarise(index, client, today).sessions;
	const next = sessions.reduce((highest, session) => Math.max(highest, session.number), 0) + 1;
	const cadence = entry.cadence === null ? "" : ` · ${entry.cadence}, ${dueStateWords(detail.dueState)}`;
	return { client, text: `${spoke}${open}`, detail: `Next: session ${next}${cadence}` };
}

