import { format } from "date-fns";
import type { Brief } from "../brief/brief";
import { headingSpans, type HeadingSpan } from "../notes/headings";
import { toDate, type Day } from "../notes/dates";
import type { NoteFacts } from "../notes/facts";
import { markdownHeadings } from "../notes/markdown-lines";
import { noteLines } from "../notes/note";
import type { CoachingSettings } from "../settings/settings";

/**
 * Where a new conversation goes in the client's own note, as their log already is: next to which
 * entry (before the newest, or after the last), at the log's heading level, dated in the style of
 * its newest entry.
 */
export interface LogEntryPlace {
	path: string;
	/** The entry's heading line. */
	heading: string;
	/** Its level: the body's headings sit one below. */
	level: number;
	/** The heading the entry is written next to, as the index saw it; found again in the text when it is written. */
	anchor: { text: string; line: number; place: "before" | "after" };
}

/** The entry itself, ready to write. */
export interface LogEntryPlan extends LogEntryPlace {
	/** The entry's text, from its heading line to a blank line after it. */
	entry: string;
	/** The line of the entry where the coach starts writing. */
	cursorLine: number;
}

/** Date styles a log's headings are written in; of those the newest entry's heading holds, the longest (with its weekday) decides. */
const DATE_STYLES = ["yyyy-MM-dd", "d MMM yyyy", "d MMMM yyyy", "MMM d, yyyy", "MMMM d, yyyy", "EEE d MMM yyyy", "EEEE d MMMM yyyy", "EEEE, d MMMM yyyy"];

/**
 * Where the next conversation goes when the client's log lives in their note: when the latest of
 * their session notes and log entries is a log entry (a day's section elsewhere does not decide
 * it), or when the settings say to write into the client's note. Null means a session note of its own.
 */
export function placeLogEntry(brief: Brief, clientFacts: NoteFacts | undefined, settings: CoachingSettings, today: Day): LogEntryPlace | null {
	if (clientFacts === undefined || settings.newSessionShape === "note") return null;
	const [latest] = brief.sessions.filter((session) => session.heading === null || session.path === clientFacts.path);
	const followsLog = latest !== undefined && latest.path === clientFacts.path && latest.heading !== null;
	if (!followsLog && settings.newSessionShape !== "client-note") return null;
	const log = clientFacts.sessions
		.filter((session) => session.shape === "client-note-section" && session.heading !== null)
		.map((session) => ({ heading: session.heading as HeadingSpan, day: session.date?.day ?? "" }))
		.sort((a, b) => a.heading.line - b.heading.line);
	const top = log[0];
	const bottom = log[log.length - 1];
	const plan = (level: number, dateText: string, anchor: LogEntryPlace["anchor"]): LogEntryPlace => ({
		path: clientFacts.path,
		heading: `${"#".repeat(level)} ${dateText}`,
		level,
		anchor,
	});
	if (!top || !bottom) return plan(2, today, { text: "", line: -1, place: "after" });
	// A log of one entry, or of one day, grows downwards, as a diary does.
	const newestFirst = top.day > bottom.day;
	const newest = newestFirst ? top : bottom;
	const dateText = dateInStyleOf(newest.heading.text, newest.day, today);
	return newestFirst
		? plan(newest.heading.level, dateText, { text: top.heading.text, line: top.heading.line, place: "before" })
		: plan(newest.heading.level, dateText, { text: bottom.heading.text, line: bottom.heading.line, place: "after" });
}

/** The day written as the log's newest entry writes its day: `Thu 19 Nov 2026` stays that style, weekday and all. */
function dateInStyleOf(heading: string, newestDay: Day, today: Day): string {
	if (newestDay === "") return today;
	const written = DATE_STYLES.filter((pattern) => heading.includes(format(toDate(newestDay), pattern)));
	const style = written.sort((a, b) => format(toDate(newestDay), b).length - format(toDate(newestDay), a).length)[0];
	return style ? format(toDate(today), style) : today;
}

/** The entry as one insertion into the note: its text, the offset it goes in at, and the line its heading lands on. */
export interface LogEntryInsertion {
	offset: number;
	insert: string;
	line: number;
	/** The whole note after the insertion. */
	text: string;
}

/**
 * The entry inserted next to its anchor heading, found in the text as it is now; every character
 * that was there stays, whatever its line endings. Null when the anchor heading is no longer in the
 * note.
 */
export function withLogEntry(text: string, plan: LogEntryPlan): LogEntryInsertion | null {
	const lines = linesOf(text);
	const newline = /\r\n/.test(text) ? "\r\n" : /\r/.test(text) ? "\r" : "\n";
	const entry = plan.entry.split("\n").join(newline);
	if (plan.anchor.line < 0) {
		const last = lines[lines.length - 1];
		const separator = last === undefined || last.end === last.start ? "" : newline;
		return insertion(text, text.length, `${separator}${newline}${entry}`, lines.length - (separator ? 0 : 1) + 1);
	}
	const headings = markdownHeadings(noteLines(text));
	const spans = headingSpans(headings, lines.length);
	// Typing above the log moves its headings; of the headings with the anchor's text, the nearest to where it was is it.
	const distance = (span: HeadingSpan): number => Math.abs(span.line - plan.anchor.line);
	const anchor = spans.filter((span) => span.text === plan.anchor.text).sort((a, b) => distance(a) - distance(b))[0];
	if (!anchor) return null;
	const at = plan.anchor.place === "before" ? anchor.line : anchor.end;
	if (at >= lines.length) {
		const separator = text.endsWith("\n") || text.endsWith("\r") ? "" : newline;
		return insertion(text, text.length, `${separator}${entry}`, lines.length - (separator ? 0 : 1));
	}
	return insertion(text, lines[at]?.start ?? text.length, entry, at);
}

function insertion(text: string, offset: number, insert: string, line: number): LogEntryInsertion {
	return { offset, insert, line, text: `${text.slice(0, offset)}${insert}${text.slice(offset)}` };
}

/**
 * Where each line starts and ends in the text (its line break not included), for any mix of
 * `\r\n`, `\r` and `\n`; a byte order mark stays before the first line.
 */
function linesOf(text: string): { start: number; end: number }[] {
	const lines: { start: number; end: number }[] = [];
	const breaks = /\r\n|\r|\n/g;
	let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	for (let found = breaks.exec(text); found !== null; found = breaks.exec(text)) {
		lines.push({ start, end: found.index });
		start = found.index + found[0].length;
	}
	lines.push({ start, end: text.length });
	return lines;
}
