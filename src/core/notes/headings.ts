import { fold } from "./fold";
import type { NoteHeading } from "./note";

/**
 * An ATX heading (`## Title ##`): one to six `#`, then white space or the line's end; the title
 * without its closing `#`s. Written as a scan, not a regular expression: a backtracking pattern
 * took seconds on a heading line of 100,000 spaces.
 */
export function atxHeading(content: string): { heading: string; level: number } | null {
	let level = 0;
	while (level < content.length && content[level] === "#") level++;
	if (level === 0 || level > 6) return null;
	if (level < content.length && !isBlank(content[level])) return null;
	let end = content.length;
	while (end > level && isBlank(content[end - 1])) end--;
	let closing = end;
	while (closing > level && content[closing - 1] === "#") closing--;
	if (closing === level) end = level;
	else if (closing < end && isBlank(content[closing - 1])) {
		end = closing;
		while (end > level && isBlank(content[end - 1])) end--;
	}
	let start = level;
	while (start < end && isBlank(content[start])) start++;
	return { heading: content.slice(start, end), level };
}

function isBlank(character: string | undefined): boolean {
	return character === " " || character === "\t";
}

/** Headings compare by their words alone: `## 🧭 Who do I want to show up as` matches the setting. */
export function headingKey(heading: string): string {
	let key = headingKeys.get(heading);
	if (key === undefined) {
		key = fold(heading.replace(/[^\p{L}\p{N}\s]/gu, " "));
		// The same few headings come back in every note ("Commitments", the checklist's); the memo stays small.
		if (headingKeys.size >= 4096) headingKeys.clear();
		headingKeys.set(heading, key);
	}
	return key;
}

const headingKeys = new Map<string, string>();

/** A heading and the lines its section covers. */
export interface HeadingSpan {
	text: string;
	level: number;
	line: number;
	/** The line after the section's last: the next heading of the same or a higher level, else `lineCount`. */
	end: number;
}

/** A section with no heading after it runs to the note's end, however long the note is. */
const NOTE_END = Number.MAX_SAFE_INTEGER;

/**
 * Each heading with the line its section ends at. One pass with a stack of open sections, so a
 * note of 40,000 headings costs 40,000 steps, not their square.
 */
export function headingSpans(headings: readonly NoteHeading[], lineCount = NOTE_END): HeadingSpan[] {
	const sorted = [...headings].sort((a, b) => a.line - b.line);
	const spans: HeadingSpan[] = sorted.map((heading) => ({ text: heading.heading, level: heading.level, line: heading.line, end: lineCount }));
	const open: HeadingSpan[] = [];
	for (const span of spans) {
		while (open.length > 0 && (open[open.length - 1]?.level ?? 0) >= span.level) (open.pop() as HeadingSpan).end = span.line;
		open.push(span);
	}
	return spans;
}

/**
 * A heading as a link's `#subpath` is written: Obsidian matches a heading link with punctuation
 * (`:`, `|`, brackets, `#`) read as spaces, and writes its own heading links so; a heading holding
 * a link (`## Coaching: [[Sam Okoro|Sam]]`) would otherwise break the link that opens it.
 */
export function headingSubpath(heading: string): string {
	return heading
		.replace(/[!"#$%&()*+,.:;<=>?@^`{|}~/[\]\\]/g, " ")
		.replace(/\s+/g, " ")
		.trim();
}
