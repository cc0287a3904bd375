import { caseloadRow } from "./caseload";
import { dueStateWords, relativeDays } from "./copy";
import { nextSessionNumber, summarise } from "./summary";
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

/** The commitments one conversation of a note carries from earlier ones, and the lines it covers (0-based, `to` not included). */
export interface CarriedIn {
	from: number;
	to: number;
	/** By commitment key (`commitmentKey` of a task's words). */
	carried: Map<string, CarriedHint>;
}

/**
 * For each conversation in the note that carries open commitments from earlier ones, the lines it
 * covers and those commitments: a task line whose words give one of these keys, within those lines,
 * shows when it was first made. A note of several conversations (a log, a day's note) gives each
 * its own, so the line where a commitment was first made never shows a date. Kept per index
 * revision and note: an editor asks at each keystroke, and the answer only changes with the index.
 */
export function carriedInto(index: CoachingIndex, path: string, today: Day): CarriedIn[] {
	const kept = carriedMemo.get(path);
	if (kept && kept.revision === index.revision && kept.today === today && kept.index === index) return kept.value;
	const value = carriedNow(index, path, today);
	if (carriedMemo.size >= 64) carriedMemo.clear();
	carriedMemo.set(path, { index, revision: index.revision, today, value });
	return value;
}

const carriedMemo = new Map<string, { index: CoachingIndex; revision: number; today: Day; value: CarriedIn[] }>();

function carriedNow(index: CoachingIndex, path: string, today: Day): CarriedIn[] {
	const found: CarriedIn[] = [];
	for (const session of index.sessionsIn(path)) {
		const here = new Set(session.commitments.map((task) => task.key));
		if (here.size === 0) continue;
		const carried = new Map<string, CarriedHint>();
		for (const client of index.sessionClients(session)) {
			for (const commitment of summarise(index, client, today).commitments) {
				if (!commitment.open || carried.size === here.size) continue;
				const firstHere = commitment.firstPath === session.path && commitment.firstHeading === (session.heading?.text ?? null);
				const key = commitmentKey(commitment.text);
				if (firstHere || !here.has(key) || carried.has(key)) continue;
				carried.set(key, { firstPath: commitment.firstPath, firstHeading: commitment.firstHeading, firstDate: commitment.firstDate });
			}
		}
		if (carried.size > 0) found.push({ from: session.heading?.line ?? 0, to: session.heading?.end ?? Infinity, carried });
	}
	return found;
}

/** A task still open as written (`[ ]` or `[/]`), in a list or a quote. */
const OPEN_TASK = /^[ \t]*(?:>[ \t]?)*[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[[ /]\][ \t]+(\S.*)$/u;

/**
 * The carried commitment a line of the note (0-based) holds, when it is an open task whose words a
 * conversation covering that line carries: what an editor or reading view marks with its date.
 */
export function carriedOnLine(carried: readonly CarriedIn[], line: number, text: string): CarriedHint | undefined {
	const task = OPEN_TASK.exec(text);
	return task ? carriedAt(carried, line, (task[1] ?? "").trim()) : undefined;
}

/** The carried commitment a task line (0-based) with these words is, if any. */
export function carriedAt(carried: readonly CarriedIn[], line: number, words: string): CarriedHint | undefined {
	const key = commitmentKey(words);
	for (const span of carried) if (line >= span.from && line < span.to && span.carried.has(key)) return span.carried.get(key);
	return undefined;
}

/** "since Tue 2 Jun 2026": when a carried commitment was first made, in the coach's date format. */
export function sinceWords(hint: CarriedHint, formatDay: (day: Day) => string): string {
	return `since ${hint.firstDate === null ? "an earlier session" : formatDay(hint.firstDate)}`;
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
	const next = nextSessionNumber(summarise(index, client, today));
	const cadence = entry.cadence === null ? "" : ` · ${entry.cadence}, ${dueStateWords(detail.dueState)}`;
	return { client, text: `${spoke}${open}`, detail: `Next: session ${next}${cadence}` };
}

