import type { BriefSession, Mention } from "./brief";

/**
 * The notes that named the person around their conversations, for read-back to weave in by date:
 * `before` the first conversation, and `after[i]` those from the day of the i-th conversation
 * (oldest first) until the next. A note of the same day as a conversation follows it: a journal
 * written that evening is about the call. Notes dated only by their file's times are left out: a
 * sync or a fresh copy sets those to any day. Undated notes and undated conversations place nothing.
 */
export function mentionsBetween(sessions: readonly BriefSession[], mentions: readonly Mention[]): { before: Mention[]; after: Mention[][] } {
	const before: Mention[] = [];
	const after: Mention[][] = sessions.map(() => []);
	for (const mention of mentions) {
		if (mention.date === null || mention.dateFrom === "file") continue;
		let at = -1;
		sessions.forEach((session, index) => {
			if (session.date !== null && session.date <= (mention.date as string)) at = index;
		});
		(at < 0 ? before : (after[at] as Mention[])).push(mention);
	}
	return { before, after };
}
