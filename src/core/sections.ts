import { headingKey } from "./facts";
import type { NoteHeading } from "./note";

export interface Section {
	/** The heading's text; empty for text before the first heading. */
	heading: string;
	level: number;
	text: string;
}

/** The line after a note's frontmatter block (0 when there is none). */
export function bodyStartLine(lines: readonly string[]): number {
	if (lines[0]?.trimEnd() !== "---") return 0;
	for (let i = 1; i < lines.length; i++) if (lines[i]?.trimEnd() === "---") return i + 1;
	return 0;
}

/** The text under a heading, down to the next heading of the same or a higher level. */
export function sectionUnder(lines: readonly string[], headings: readonly NoteHeading[], index: number): string {
	const heading = headings[index];
	if (!heading) return "";
	let end = lines.length;
	for (const next of headings.slice(index + 1)) {
		if (next.level <= heading.level) {
			end = next.line;
			break;
		}
	}
	return trimBlankLines(lines.slice(heading.line + 1, end)).join("\n");
}

/** The sections under the wanted headings, in the order wanted; missing headings are simply absent. */
export function sectionsNamed(text: string, headings: readonly NoteHeading[], wanted: readonly string[]): Section[] {
	const lines = text.split(/\r?\n/);
	const sections: Section[] = [];
	for (const name of wanted) {
		const index = headings.findIndex((heading) => headingKey(heading.heading) === headingKey(name));
		const heading = headings[index];
		if (!heading) continue;
		sections.push({ heading: heading.heading, level: heading.level, text: sectionUnder(lines, headings, index) });
	}
	return sections;
}

/**
 * A note cut at its top-level headings (the shallowest level it uses), without the sections whose
 * headings are left out: what "where we left off" shows of the last conversation.
 */
export function topSections(text: string, headings: readonly NoteHeading[], leaveOut: readonly string[]): Section[] {
	const lines = text.split(/\r?\n/);
	const start = bodyStartLine(lines);
	const skip = new Set(leaveOut.map(headingKey));
	const top = Math.min(...headings.map((heading) => heading.level));
	const sections: Section[] = [];
	const firstHeadingLine = headings[0]?.line ?? lines.length;
	const preamble = trimBlankLines(lines.slice(start, firstHeadingLine)).join("\n");
	if (preamble !== "") sections.push({ heading: "", level: 0, text: preamble });
	headings.forEach((heading, index) => {
		if (heading.level !== top || skip.has(headingKey(heading.heading))) return;
		sections.push({ heading: heading.heading, level: heading.level, text: sectionUnder(lines, headings, index) });
	});
	return sections;
}

/** The first lines of a note worth reading: no frontmatter, headings, blank lines, or left-out sections. */
export function excerpt(text: string, headings: readonly NoteHeading[], leaveOut: readonly string[], count: number): string[] {
	const lines = text.split(/\r?\n/);
	const skip = new Set(leaveOut.map(headingKey));
	const hidden = new Set<number>();
	headings.forEach((heading, index) => {
		hidden.add(heading.line);
		if (!skip.has(headingKey(heading.heading))) return;
		const next = headings.slice(index + 1).find((candidate) => candidate.level <= heading.level);
		for (let line = heading.line; line < (next?.line ?? lines.length); line++) hidden.add(line);
	});
	const picked: string[] = [];
	for (let line = bodyStartLine(lines); line < lines.length && picked.length < count; line++) {
		const content = lines[line]?.trim() ?? "";
		if (content === "" || hidden.has(line)) continue;
		picked.push(content);
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
