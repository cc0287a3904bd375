import { atxHeading } from "./headings";
import { scanInline, type InlineLink } from "./inline";
import { linkInPropertyValue } from "./links";
import { visitMarkdownLines, type MarkdownLine } from "./markdown-lines";
import { frontmatterEnd } from "./note";
import { clipLine } from "./sections";

/** About three sentences: enough to know why the note names the person, short enough to skim a list of them. */
export const PASSAGE_LENGTH = 300;

const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+\[.\])?(?:[ \t]+|$)/u;

/**
 * The paragraph or list item where a note first links someone, as one line of Markdown, its
 * links kept as written so a view can show them as links: "Saw [[Ana Costa]] at the station…".
 * Cut to about `PASSAGE_LENGTH` characters around the link at word boundaries, with an ellipsis
 * where text is left out. Null when nothing the note's text says reaches them (a link in code is
 * not a link): then a property may (`propertyPassage`).
 */
export function linkingPassage(lines: readonly string[], reaches: (link: string) => boolean): string | null {
	const read: MarkdownLine[] = [];
	let found: { at: number; link: InlineLink } | null = null;
	let ended = false;
	visitMarkdownLines(lines, frontmatterEnd(lines) + 1, (line) => {
		// The lines after the link's are read to the end of its paragraph, and no further.
		if (ended) return;
		if (found && line.content.trim() === "") ended = true;
		read.push(line);
		if (found) return;
		const link = scanInline(line.content).links.find((candidate) => reaches(candidate.link));
		if (link) found = { at: read.length - 1, link };
	});
	if (!found) return null;
	const { at, link } = found as { at: number; link: InlineLink };
	return aroundLink(blockAround(read, at), link.original);
}

/** The paragraph, list item or heading that holds line `at`, as one line: a paragraph ends at a blank line, a heading or a list item. */
function blockAround(read: readonly MarkdownLine[], at: number): string {
	const line = read[at] as MarkdownLine;
	const heading = atxHeading(line.content.trim());
	if (heading) return heading.heading;
	const joins = (next: MarkdownLine | undefined, previous: MarkdownLine): boolean =>
		next !== undefined &&
		Math.abs(next.line - previous.line) === 1 &&
		next.quoted === line.quoted &&
		next.content.trim() !== "" &&
		atxHeading(next.content.trim()) === null;
	let first = at;
	while (!LIST_ITEM.test(read[first]?.content ?? "") && joins(read[first - 1], read[first] as MarkdownLine)) first--;
	let last = at;
	while (joins(read[last + 1], read[last] as MarkdownLine) && !LIST_ITEM.test(read[last + 1]?.content ?? "")) last++;
	return read
		.slice(first, last + 1)
		.map(({ content }, index) => (index === 0 ? content.replace(LIST_ITEM, "") : content).trim())
		.join(" ");
}

/**
 * The passage cut to about `PASSAGE_LENGTH` characters so that the link is in it: from a little
 * before the link when it sits deep in a long paragraph, never ending inside another link.
 */
function aroundLink(passage: string, link: string): string {
	if (passage.length <= PASSAGE_LENGTH) return passage;
	const at = Math.max(0, passage.indexOf(link));
	let start = 0;
	if (at + link.length > PASSAGE_LENGTH - 40) {
		start = passage.indexOf(" ", Math.max(0, at - 80));
		if (start < 0 || start > at) start = at;
	}
	let piece = clipLine(passage.slice(start).trimStart(), PASSAGE_LENGTH);
	const open = piece.lastIndexOf("[[");
	if (open > piece.lastIndexOf("]]") && open > 0) piece = `${piece.slice(0, open).trimEnd()}…`;
	return start > 0 ? `…${piece}` : piece;
}

/** The first property whose value links them, as `name: value`, lists joined: `speaker: [[Ana Costa]]`. */
export function propertyPassage(properties: Record<string, unknown> | null, reaches: (link: string) => boolean): string | null {
	for (const [name, value] of Object.entries(properties ?? {})) {
		const values = (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === "string");
		if (values.some((item) => reaches(linkInPropertyValue(item)?.link ?? ""))) return `${name}: ${values.join(", ")}`;
	}
	return null;
}
