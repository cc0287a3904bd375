import { headingKey } from "./facts";
import { frontmatterEnd, noteLines, type NoteHeading } from "./note";

export interface Section {
	/** The heading's text; empty for text before the first heading. */
	heading: string;
	level: number;
	text: string;
}

/** The line after a note's frontmatter block (0 when there is none). */
export function bodyStartLine(lines: readonly string[]): number {
	return frontmatterEnd(lines) + 1;
}

/**
 * Where each heading's section ends: the line of the next heading of the same or a higher level,
 * else the note's end. One pass with a stack of open sections, so a note of 40,000 headings costs
 * 40,000 steps, not their square.
 */
function sectionEnds(headings: readonly NoteHeading[], lineCount: number): number[] {
	const ends = new Array<number>(headings.length).fill(lineCount);
	const open: number[] = [];
	headings.forEach((heading, index) => {
		while (open.length > 0 && (headings[open[open.length - 1] as number]?.level ?? 0) >= heading.level) ends[open.pop() as number] = heading.line;
		open.push(index);
	});
	return ends;
}

/** The text under a heading, down to the next heading of the same or a higher level (`end`, from `sectionEnds`). */
function sectionUnder(lines: readonly string[], heading: NoteHeading, end: number): string {
	return trimBlankLines(lines.slice(heading.line + 1, end)).join("\n");
}

/** The sections under the wanted headings, in the order wanted; missing headings are simply absent. */
export function sectionsNamed(text: string, headings: readonly NoteHeading[], wanted: readonly string[]): Section[] {
	const lines = noteLines(text);
	const ends = sectionEnds(headings, lines.length);
	const sections: Section[] = [];
	for (const name of wanted) {
		const index = headings.findIndex((heading) => headingKey(heading.heading) === headingKey(name));
		const heading = headings[index];
		if (!heading) continue;
		sections.push({ heading: heading.heading, level: heading.level, text: sectionUnder(lines, heading, ends[index] ?? lines.length) });
	}
	return sections;
}

/**
 * A note cut at its top-level headings (the shallowest level it uses), without the sections whose
 * headings are left out: what "where we left off" shows of the last conversation.
 */
export function topSections(text: string, headings: readonly NoteHeading[], leaveOut: readonly string[]): Section[] {
	const lines = noteLines(text);
	const start = bodyStartLine(lines);
	const skip = new Set(leaveOut.map(headingKey));
	const top = headings.reduce((shallowest, heading) => Math.min(shallowest, heading.level), Infinity);
	const ends = sectionEnds(headings, lines.length);
	const sections: Section[] = [];
	const firstHeadingLine = headings[0]?.line ?? lines.length;
	const preamble = trimBlankLines(lines.slice(start, firstHeadingLine)).join("\n");
	if (preamble !== "") sections.push({ heading: "", level: 0, text: preamble });
	headings.forEach((heading, index) => {
		if (heading.level !== top || skip.has(headingKey(heading.heading))) return;
		sections.push({ heading: heading.heading, level: heading.level, text: sectionUnder(lines, heading, ends[index] ?? lines.length) });
	});
	return sections;
}

/** An excerpt's line is a glimpse: a note written on one long line (10 MB, once) still shows a few sentences. */
const EXCERPT_LINE_LENGTH = 300;

/** A line cut to at most `max` characters, at a word boundary where there is one, with an ellipsis. */
export function clipLine(text: string, max: number): string {
	if (text.length <= max) return text;
	let cut = text.lastIndexOf(" ", max);
	if (cut < max * 0.6) cut = max;
	// Never between the two halves of a character outside the basic plane (an emoji, say).
	const code = text.charCodeAt(cut - 1);
	if (code >= 0xd800 && code <= 0xdbff) cut--;
	return `${text.slice(0, cut).trimEnd()}…`;
}

/** The first lines of a note worth reading: no frontmatter, headings, blank lines, or left-out sections. */
export function excerpt(text: string, headings: readonly NoteHeading[], leaveOut: readonly string[], count: number): string[] {
	const lines = noteLines(text);
	const skip = new Set(leaveOut.map(headingKey));
	const hidden = new Set<number>();
	const ends = sectionEnds(headings, lines.length);
	headings.forEach((heading, index) => {
		hidden.add(heading.line);
		if (!skip.has(headingKey(heading.heading))) return;
		for (let line = heading.line; line < (ends[index] ?? lines.length); line++) hidden.add(line);
	});
	const picked: string[] = [];
	for (let line = bodyStartLine(lines); line < lines.length && picked.length < count; line++) {
		const content = lines[line]?.trim() ?? "";
		if (content === "" || hidden.has(line)) continue;
		picked.push(clipLine(content, EXCERPT_LINE_LENGTH));
	}
	return picked;
}

function trimBlankLines(lines: string[]): string[] {
	let start = 0;
	let end = lines.length;
	while (start < end && (lines[start]?.trim() ?? "") === "") start++;
	while (end > start && (lines[end - 1]?.trim() ?? "") === "") end--;
	return lines.slice(start, end);
}
