import { HeadingReader, visitMarkdownLines } from "../core/notes/markdown-lines";
import { noteLines, interned, type FrontmatterLink, type NoteHeading, type NoteLink, type NoteSource } from "../core/notes/note";
import { frontmatterLinks, frontmatterTags, readFrontmatter } from "./frontmatter";
import { scanInline } from "../core/notes/inline";

/** What Obsidian's metadata cache would hold for a note, derived from its text alone. */
export interface ParsedNote {
	frontmatter: Record<string, unknown> | null;
	/** Closing line of the frontmatter block, -1 when there is none. */
	frontmatterEndLine: number;
	frontmatterLinks: FrontmatterLink[];
	links: (NoteLink & { original: string })[];
	embeds: (NoteLink & { original: string })[];
	/** Inline tags with their lines, `#` kept, as in CachedMetadata.tags. */
	inlineTags: { tag: string; line: number }[];
	/** Tags from the `tags` property, without `#`. */
	frontmatterTags: string[];
	headings: NoteHeading[];
	listItems: ParsedListItem[];
	problems: string[];
	/** Where each line starts in the text, in UTF-16 code units, as the metadata cache's positions count. */
	lineStarts: number[];
	/** Where the body starts (after the properties) and where the text ends (trailing blank lines left out). */
	body: { start: number; end: number };
}

export interface ParsedListItem {
	line: number;
	/** The status character for a task, undefined for a plain list item. */
	task?: string;
	/** Text after the marker (and after the checkbox, for a task). */
	text: string;
}

const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+(.*)|$)/;
const TASK = /^\[(.)\](?:[ \t]+(.*)|$)/;

/** The list item a line's content starts, as Obsidian records it, with its text after the marker and checkbox. */
function listItemOf(line: number, content: string): ParsedListItem | null {
	const item = LIST_ITEM.exec(content);
	if (!item) return null;
	const rest = item[1] ?? "";
	const task = TASK.exec(rest);
	return task?.[1] !== undefined ? { line, task: task[1], text: (task[2] ?? "").trim() } : { line, text: rest.trim() };
}

/**
 * The words of the tasks on these lines, read as the file reader reads them (without what HTML
 * comments hide): Obsidian's cache says where tasks are, and the plugin reads their words with this.
 */
export function taskTexts(lines: readonly string[], from: number, taskLines: ReadonlySet<number>): Map<number, string> {
	const texts = new Map<number, string>();
	if (taskLines.size === 0) return texts;
	visitMarkdownLines(lines, from, ({ line, content }) => {
		if (!taskLines.has(line)) return;
		const item = listItemOf(line, content);
		if (item?.task !== undefined) texts.set(line, item.text);
	});
	return texts;
}

export function parseMarkdown(text: string): ParsedNote {
	const lines = noteLines(text);
	const frontmatter = readFrontmatter(lines);
	const lineStarts = lineStartsOf(text);
	const parsed: ParsedNote = {
		frontmatter: frontmatter.data,
		frontmatterEndLine: frontmatter.endLine,
		frontmatterLinks: frontmatterLinks(frontmatter.data),
		links: [],
		embeds: [],
		inlineTags: [],
		frontmatterTags: frontmatterTags(frontmatter.data),
		headings: [],
		listItems: [],
		problems: frontmatter.problems,
		lineStarts,
		body: bodyOf(lines, frontmatter.endLine, lineStarts),
	};

	const headings = new HeadingReader();
	visitMarkdownLines(lines, frontmatter.endLine + 1, (markdownLine) => {
		const { line, content, structureHidden } = markdownLine;
		const heading = headings.read(markdownLine);
		if (heading) parsed.headings.push({ ...heading, offset: lineStarts[heading.line] ?? 0 });
		if (!structureHidden) {
			const item = listItemOf(line, content);
			if (item) parsed.listItems.push(item);
		}
		const inline = scanInline(content);
		for (const link of inline.links) {
			const entry = { link: link.link, displayText: link.displayText, original: link.original, line };
			(link.embed ? parsed.embeds : parsed.links).push(entry);
		}
		for (const tag of inline.tags) parsed.inlineTags.push({ tag: `#${tag}`, line });
	});
	return parsed;
}

function withoutBom(text: string): string {
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** From the line after the properties to the end of the last line with text, as the cache's last section ends; empty when nothing follows the properties. */
function bodyOf(lines: readonly string[], frontmatterEndLine: number, lineStarts: readonly number[]): { start: number; end: number } {
	let last = lines.length - 1;
	while (last > frontmatterEndLine && (lines[last] ?? "").trim() === "") last--;
	const start = frontmatterEndLine < 0 ? 0 : (lineStarts[frontmatterEndLine + 1] ?? lineStarts[frontmatterEndLine] ?? 0);
	const end = last > frontmatterEndLine ? (lineStarts[last] ?? 0) + (lines[last] ?? "").length : start;
	return { start, end: Math.max(start, end) };
}

/** Where each line starts, lines cut where `noteLines` cuts them. */
function lineStartsOf(text: string): number[] {
	const body = withoutBom(text);
	const starts = [0];
	for (const end of body.matchAll(/\r\n|\r|\n/g)) starts.push(end.index + end[0].length);
	return starts;
}

/** A note on disk as the core reads it: the same facts the Obsidian adapter takes from the metadata cache. */
export function noteFromMarkdown(
	path: string,
	text: string,
	times: { ctime: number; mtime: number },
	read: () => Promise<string>,
): NoteSource {
	const parsed = parseMarkdown(text);
	const inlineTags = parsed.inlineTags.map(({ tag, line }) => ({ tag: interned(tag.slice(1)), line }));
	return {
		path,
		frontmatter: parsed.frontmatter,
		frontmatterLinks: parsed.frontmatterLinks,
		links: parsed.links.map(ownLink),
		embeds: parsed.embeds.map(ownLink),
		tags: [...parsed.frontmatterTags, ...inlineTags.map(({ tag }) => tag)],
		inlineTags,
		tasks: parsed.listItems.flatMap((item) => (item.task === undefined ? [] : [{ line: item.line, status: item.task, text: interned(item.text) }])),
		headings: parsed.headings.map(({ heading, level, line, offset }) => ({ heading: interned(heading), level, line, offset })),
		body: parsed.body,
		ctime: times.ctime,
		mtime: times.mtime,
		problems: parsed.problems,
		read,
	};
}

/** A link with its words `interned`, apart from the note's text. */
function ownLink({ link, displayText, line }: NoteLink): NoteLink {
	return { link: interned(link), displayText: displayText === undefined ? undefined : interned(displayText), line };
}

/**
 * A note as its properties alone tell it, its text after them not parsed: no links, tags, tasks or
 * headings from the text. What the properties say (its kind by type or tags, its date, aliases,
 * problems with them) is as the whole note's.
 */
export function noteFromProperties(path: string, text: string, times: { ctime: number; mtime: number }, read: () => Promise<string>): NoteSource {
	const frontmatter = readFrontmatter(linesToFrontmatterEnd(text));
	return {
		path,
		frontmatter: frontmatter.data,
		frontmatterLinks: frontmatterLinks(frontmatter.data),
		links: [],
		embeds: [],
		tags: frontmatterTags(frontmatter.data),
		inlineTags: [],
		tasks: [],
		headings: [],
		ctime: times.ctime,
		mtime: times.mtime,
		problems: frontmatter.problems,
		read,
	};
}

/**
 * The note's first lines, through the line that closes its frontmatter: what `readFrontmatter`
 * reads, without splitting the rest of the note. Lines are cut where `noteLines` cuts them, so a
 * note whose lines end otherwise than with `\n` is split whole.
 */
function linesToFrontmatterEnd(text: string): string[] {
	if (!/^\uFEFF?---/.test(text)) return [];
	for (let start = text.indexOf("\n") + 1; start > 0; ) {
		const end = text.indexOf("\n", start);
		if (text.slice(start, end < 0 ? text.length : end).trimEnd() === "---") return noteLines(text.slice(0, end < 0 ? text.length : end));
		start = end + 1;
	}
	return noteLines(text);
}
