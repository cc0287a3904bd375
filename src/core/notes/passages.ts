import { atxHeading } from "./headings";
import { scanInline, type InlineLink } from "./inline";
import { linkInPropertyValue } from "./links";
import { visitMarkdownLines, type MarkdownLine } from "./markdown-lines";
import { frontmatterEnd } from "./note";
import { clipLine } from "./sections";

/** About three sentences: enough to know why the note names the person, short enough to skim a list of them. */
export const PASSAGE_LENGTH = 300;

const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+\[.\])?(?:[ \t]+|$)/u;
/** A line that ends a paragraph above it: a thematic break, or a setext heading's underline. */
const BREAK = /^[ \t]*(?:(?:[-*_][ \t]*){3,}|=+)[ \t]*$/u;
const TABLE_ROW = /^[ \t]*\|/u;
/** What opens a line but is no one's words: a callout's type, a footnote's label. */
const LINE_MARKUP = /^(?:\[![^\]]*\][+-]?[ \t]*|\[\^[^\]]+\]:[ \t]*)/u;
/** Text inside `%%` on one line: Obsidian hides it in reading view. */
const INLINE_COMMENT = /%%.*?%%/gu;

/**
 * The paragraph or list item where a note first links someone, as one line of Markdown, its links
 * kept as written so a view can show them as links: "Saw [[Ana Costa]] at the station…". An embed
 * is shown as a link, never embedded; a table gives the row, a heading the paragraph below it too.
 * Cut to about `PASSAGE_LENGTH` characters around the link, at word boundaries and never inside
 * other markup, with an ellipsis where text is left out. A link Obsidian hides (in a `%%` comment)
 * is chosen only when no visible one reaches them. Null when nothing the note's text says reaches
 * them (a link in code is not a link): then a property may (`propertyPassage`).
 */
export function linkingPassage(lines: readonly string[], reaches: (link: string) => boolean): string | null {
	const read: MarkdownLine[] = [];
	let visible: { at: number; link: InlineLink } | null = null;
	let hidden: { at: number; link: InlineLink } | null = null;
	let ended = false;
	let textAfter = false;
	visitMarkdownLines(lines, frontmatterEnd(lines) + 1, (line) => {
		if (ended) return;
		if (visible) {
			// The lines after the link's are read to the end of its paragraph (under a heading, the paragraph below it), no further.
			const blank = line.content.trim() === "";
			if (blank && (textAfter || !isHeadingLine(read[visible.at]))) ended = true;
			else if (!blank) textAfter = true;
			if (!ended) read.push(line);
			return;
		}
		read.push(line);
		const links = scanInline(line.content).links.filter((candidate) => reaches(candidate.link));
		if (links.length === 0) return;
		const shown = line.structureHidden ? [] : scanInline(line.content.replace(INLINE_COMMENT, (comment) => " ".repeat(comment.length))).links;
		const link = links.find((candidate) => shown.some((seen) => seen.original === candidate.original));
		if (link) visible = { at: read.length - 1, link };
		else hidden ??= { at: read.length - 1, link: links[0] as InlineLink };
	});
	const found = (visible ?? hidden) as { at: number; link: InlineLink } | null;
	if (!found) return null;
	return aroundLink(asLinks(blockAround(read, found.at)), asLinks(found.link.original));
}

function isHeadingLine(line: MarkdownLine | undefined): boolean {
	return line !== undefined && atxHeading(line.content.trim()) !== null;
}

/** `![[photo.png]]` and `![x](y)` as plain links: a glimpse of another note never embeds a whole note or an image. */
function asLinks(markdown: string): string {
	return markdown.replace(/!(?=\[)/gu, "");
}

/**
 * The block that holds line `at`, as one line: a table's row; a heading with the paragraph below
 * it; else the paragraph or list item, which ends at a blank line, a heading, a break or another
 * list item. Callout types, footnote labels and `%%` comments are left out.
 */
function blockAround(read: readonly MarkdownLine[], at: number): string {
	const line = read[at] as MarkdownLine;
	if (TABLE_ROW.test(line.content)) return tidy(line.content);
	const heading = atxHeading(line.content.trim());
	if (heading) {
		const below = read[at + 1]?.content.trim() === "" ? at + 2 : at + 1;
		const next = read[below];
		const paragraph = next && next.content.trim() !== "" && !isHeadingLine(next) ? blockAround(read, below) : "";
		return paragraph === "" ? heading.heading : `${heading.heading}: ${paragraph}`;
	}
	const joins = (next: MarkdownLine | undefined, previous: MarkdownLine): boolean =>
		next !== undefined &&
		Math.abs(next.line - previous.line) === 1 &&
		next.quoted === line.quoted &&
		next.content.trim() !== "" &&
		!isHeadingLine(next) &&
		!BREAK.test(next.content) &&
		!TABLE_ROW.test(next.content);
	let first = at;
	while (!LIST_ITEM.test(read[first]?.content ?? "") && joins(read[first - 1], read[first] as MarkdownLine)) first--;
	let last = at;
	while (joins(read[last + 1], read[last] as MarkdownLine) && !LIST_ITEM.test(read[last + 1]?.content ?? "")) last++;
	return read
		.slice(first, last + 1)
		.map(({ content }, index) => tidy(index === 0 ? content.replace(LIST_ITEM, "") : content))
		.filter((text) => text !== "")
		.join(" ");
}

function tidy(content: string): string {
	return content.replace(INLINE_COMMENT, " ").replace(/%%/gu, " ").trim().replace(LINE_MARKUP, "").replace(/\s+/gu, " ").trim();
}

/**
 * The passage cut to about `PASSAGE_LENGTH` characters so that the link is in it: from a little
 * before the link when it sits deep in a long paragraph, never starting or ending inside a link,
 * a code span or a link's label.
 */
function aroundLink(passage: string, link: string): string {
	if (passage.length <= PASSAGE_LENGTH) return passage;
	const at = Math.max(0, passage.indexOf(link));
	let start = 0;
	if (at + link.length > PASSAGE_LENGTH - 40) {
		start = passage.indexOf(" ", Math.max(0, at - 80));
		if (start < 0 || start > at) start = at;
		// Never from inside an earlier link: from its end instead.
		const open = passage.lastIndexOf("[[", start);
		if (open >= 0 && passage.indexOf("]]", open) >= start) start = Math.min(at, passage.indexOf("]]", open) + 2);
	}
	const piece = withoutOpenMarkup(clipLine(passage.slice(start).trimStart(), PASSAGE_LENGTH));
	return start > 0 ? `…${piece}` : piece;
}

/** A clipped passage that would end inside a link, a link's label or a code span ends before it. */
function withoutOpenMarkup(piece: string): string {
	if (!piece.endsWith("…")) return piece;
	let text = piece.slice(0, -1);
	const cut = (at: number): void => {
		if (at > 0) text = text.slice(0, at).trimEnd();
	};
	if (text.lastIndexOf("[[") > text.lastIndexOf("]]")) cut(text.lastIndexOf("[["));
	if (text.lastIndexOf("[") > text.lastIndexOf("]")) cut(text.lastIndexOf("["));
	if ((text.match(/`/gu) ?? []).length % 2 === 1) cut(text.lastIndexOf("`"));
	return `${text}…`;
}

/** The first property whose value links them, as `name: value`, lists joined and cut as a passage is: `speaker: [[Ana Costa]]`. */
export function propertyPassage(properties: Record<string, unknown> | null, reaches: (link: string) => boolean): string | null {
	for (const [name, value] of Object.entries(properties ?? {})) {
		const values = (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === "string");
		const link = values.find((item) => reaches(linkInPropertyValue(item)?.link ?? ""));
		if (link !== undefined) return `${name}: ${aroundLink(values.join(", "), link.trim())}`;
	}
	return null;
}
