import { atxHeading } from "./headings";
import { frontmatterEnd, type NoteHeading } from "./note";

/** One line of a note's body that Markdown reads: not in fenced code, a math block or an HTML comment. */
export interface MarkdownLine {
	line: number;
	/** The text after any `>` markers, each HTML comment in it read as a space. */
	content: string;
	/** Inside a blockquote, where a `#` line is quoted text, not the note's heading. */
	quoted: boolean;
	/**
	 * Inside a `%%` comment. Obsidian still indexes its links and tags (see the recorded
	 * comments_markdown_style note); only its headings and list items are not there.
	 */
	structureHidden: boolean;
}

const FENCE_OPEN = /^([ \t]*)(`{3,}|~{3,})/;
/** A list item's marker, on a line's text after any `>` markers. */
export const LIST_ITEM_START = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

/**
 * Visits each line of the body, from `from` (the line after the frontmatter), that Markdown reads,
 * as Obsidian's metadata cache reads it. One pass, with the state of the fence, math block and
 * comments it is in: a note's headings, list items, links and tags are all found from here.
 */
export function visitMarkdownLines(lines: readonly string[], from: number, visit: (line: MarkdownLine) => void): void {
	let fence: { marker: string; length: number; quoted: boolean } | null = null;
	let inMath = false;
	let inHtmlComment = false;
	let inPercentComment = false;
	let inList = false;

	for (let line = from; line < lines.length; line++) {
		const rawLine = lines[line] ?? "";
		const quoteEnd = afterBlockquoteMarkers(rawLine);
		const quoted = quoteEnd > 0;
		const content = quoted ? rawLine.slice(quoteEnd) : rawLine;

		// A fence opened in a quote ends with the quote, as CommonMark closes it with its container.
		if (fence && fence.quoted && !quoted) fence = null;
		if (fence) {
			const close = new RegExp(`^[ \\t]*${fence.marker === "`" ? "`" : "~"}{${fence.length},}[ \\t]*$`);
			if (close.test(content)) fence = null;
			continue;
		}
		if (content.trim() !== "" && !/^[ \t]/.test(content)) inList = LIST_ITEM_START.test(content);
		// Most lines are prose: the patterns below run only on lines that hold their markers.
		const fenceOpen = content.includes("```") || content.includes("~~~") ? FENCE_OPEN.exec(content) : null;
		// Four columns of indentation make indented code, not a fence, except inside a list item.
		if (fenceOpen?.[2] && !inHtmlComment && (inList || columns(fenceOpen[1] ?? "") < 4)) {
			fence = { marker: fenceOpen[2][0] ?? "`", length: fenceOpen[2].length, quoted };
			continue;
		}
		if (!inHtmlComment && content.includes("$$") && content.trim().startsWith("$$")) {
			const closesOnSameLine = content.trim().length > 2 && content.trim().endsWith("$$");
			if (!closesOnSameLine) inMath = !inMath;
			continue;
		}
		if (inMath) continue;

		const withoutComments = stripHtmlComments(content, inHtmlComment);
		inHtmlComment = withoutComments.openAtEnd;
		if (withoutComments.wholeLineHidden) continue;

		const percentCount = withoutComments.text.includes("%%") ? (withoutComments.text.match(/%%/g) ?? []).length : 0;
		const structureHidden = inPercentComment;
		if (percentCount % 2 === 1) inPercentComment = !inPercentComment;

		visit({ line, content: withoutComments.text, quoted, structureHidden });
	}
}

/** The width of leading white space, a tab reaching the next multiple of four. */
function columns(indent: string): number {
	let width = 0;
	for (const character of indent) width = character === "\t" ? width + 4 - (width % 4) : width + 1;
	return width;
}

/** The line's heading, when it is one of the note's own: not quoted, not in a `%%` comment. */
function headingOfLine(line: MarkdownLine): NoteHeading | null {
	if (line.quoted || line.structureHidden) return null;
	const heading = atxHeading(line.content);
	return heading ? { ...heading, line: line.line } : null;
}

const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;

/**
 * Finds a note's headings line by line, as `visitMarkdownLines` hands the lines over: `#` headings,
 * and a one-line paragraph underlined with `===` (level 1) or `---` (level 2), as Obsidian reads
 * both. A `---` after a blank line is a break, not a heading.
 */
export class HeadingReader {
	/** The last line handed over, when it is a paragraph's first line: an underline below it makes it a heading. */
	private lonely: MarkdownLine | null = null;
	/** Whether the next line starts a paragraph: at the top, after a blank line or a heading. */
	private paragraphStarts = true;

	/** The heading `line` makes, or null; for an underline, the line above it is the heading. */
	read(line: MarkdownLine): NoteHeading | null {
		const own = headingOfLine(line);
		const above = this.lonely;
		const underline = !own && above && above.line === line.line - 1 && !line.quoted && !line.structureHidden ? SETEXT_UNDERLINE.exec(line.content) : null;
		const heading = own ?? (underline && above ? { heading: above.content.trim(), level: underline[1]?.startsWith("=") ? 1 : 2, line: above.line } : null);
		const blank = line.content.trim() === "";
		const prose = !blank && !heading && !line.quoted && !line.structureHidden && !LIST_ITEM_START.test(line.content) && columns(/^[ \t]*/.exec(line.content)?.[0] ?? "") < 4;
		this.lonely = prose && this.paragraphStarts ? line : null;
		this.paragraphStarts = blank || heading !== null;
		return heading;
	}
}

/** A note's headings read from its text, as the metadata cache holds them: for text newer than the cache. */
export function markdownHeadings(lines: readonly string[]): NoteHeading[] {
	const headings: NoteHeading[] = [];
	const reader = new HeadingReader();
	visitMarkdownLines(lines, frontmatterEnd(lines) + 1, (line) => {
		const heading = reader.read(line);
		if (heading) headings.push(heading);
	});
	return headings;
}

/**
 * Where a line's text starts after its `>` markers (each after up to three spaces, with one
 * optional space or tab after it); 0 when the line is not quoted. One pass: a line of 100,000
 * `>` is read in linear time.
 */
function afterBlockquoteMarkers(line: string): number {
	let at = 0;
	let end = 0;
	for (;;) {
		let indent = 0;
		while (indent < 3 && (line[at + indent] === " " || line[at + indent] === "\t")) indent++;
		if (line[at + indent] !== ">") return end;
		at += indent + 1;
		if (line[at] === " " || line[at] === "\t") at++;
		end = at;
	}
}

function stripHtmlComments(
	content: string,
	openAtStart: boolean,
): { text: string; openAtEnd: boolean; wholeLineHidden: boolean } {
	if (!openAtStart && !content.includes("<!--")) return { text: content, openAtEnd: false, wholeLineHidden: false };
	let text = "";
	let open = openAtStart;
	let rest = content;
	let visibleSomething = false;
	while (rest.length > 0) {
		if (open) {
			const end = rest.indexOf("-->");
			if (end < 0) return { text, openAtEnd: true, wholeLineHidden: !visibleSomething };
			rest = rest.slice(end + 3);
			text += " ";
			open = false;
		} else {
			const start = rest.indexOf("<!--");
			if (start < 0) {
				text += rest;
				visibleSomething = visibleSomething || rest.trim().length > 0;
				break;
			}
			text += rest.slice(0, start);
			visibleSomething = visibleSomething || rest.slice(0, start).trim().length > 0;
			rest = rest.slice(start + 4);
			open = true;
		}
	}
	return { text, openAtEnd: open, wholeLineHidden: !visibleSomething && openAtStart };
}
