import { getAllTags, type CachedMetadata, type TFile } from "obsidian";
import { noteLines, interned, type NoteSource, type NoteTask } from "../core/notes/note";
import { frontmatterLinks, frontmatterTags, readFrontmatter } from "../markdown/frontmatter";
import { taskTexts } from "../markdown/note-from-markdown";

const TASK_LINE = /^[ \t]*(?:>[ \t]?)*[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[.\](?:[ \t]+(.*))?$/;

/**
 * Where the body starts (the line after the properties) and the text ends (the last block's end),
 * from the cache's positions: how much is written, without reading the note.
 */
function bodyOf(cache: CachedMetadata): { start: number; end: number } {
	// An empty properties block (`---` twice) has no frontmatterPosition, only its yaml section.
	const first = cache.sections?.[0];
	const properties = cache.frontmatterPosition ?? (first?.type === "yaml" ? first.position : undefined);
	const start = properties ? properties.end.offset + 1 : 0;
	const last = cache.sections?.[cache.sections.length - 1];
	return { start, end: Math.max(start, last?.position.end.offset ?? start) };
}

/**
 * The core's view of a note, from Obsidian's metadata cache. The cache records where tasks are
 * but not their words, so the text is read only when the note has tasks (the `changed` event
 * hands it over; otherwise one cached read). When the note has a properties block that Obsidian
 * could not parse, Obsidian keeps none of it; then the text is read too, and the block is read
 * property by property as the command line reads it, so `client:` still names the client and
 * the problem is reported. With `readLater`, a note that needs its text is not read: it comes
 * back marked as awaiting its text, to be read again later.
 */
export async function noteFromCache(
	file: TFile,
	cache: CachedMetadata,
	read: () => Promise<string>,
	{ content, readLater = false }: { content?: string; readLater?: boolean } = {},
): Promise<NoteSource> {
	const taskItems = (cache.listItems ?? []).filter((item) => item.task !== undefined);
	const unparsedProperties = cache.frontmatterPosition !== undefined && cache.frontmatter === undefined;
	const needsText = taskItems.length > 0 || unparsedProperties;
	const awaitingText = needsText && content === undefined && readLater ? (unparsedProperties ? "properties" : "tasks") : null;
	const text = needsText && awaitingText === null ? (content ?? (await read())) : "";
	const lines = noteLines(text);
	const taskLines = new Set(taskItems.map((item) => item.position.start.line));
	const wordsByLine = taskTexts(lines, (cache.frontmatterPosition?.end.line ?? -1) + 1, text === "" ? new Set() : taskLines);
	const tasks: NoteTask[] = taskItems.map((item) => {
		const line = item.position.start.line;
		// A task Obsidian sees where the file reader sees none (a list marker inside a task's text): its words as the line has them.
		const words = wordsByLine.get(line) ?? (TASK_LINE.exec(lines[line] ?? "")?.[1] ?? "").trim();
		return { line, status: item.task ?? " ", text: interned(words) };
	});
	const salvaged = unparsedProperties && awaitingText === null ? readFrontmatter(lines) : null;
	return {
		path: file.path,
		frontmatter: cache.frontmatter ?? salvaged?.data ?? null,
		frontmatterLinks: salvaged
			? frontmatterLinks(salvaged.data)
			: (cache.frontmatterLinks ?? []).map(({ key, link, displayText }) => ({ key, link, displayText })),
		links: (cache.links ?? []).map(({ link, displayText, position }) => ({ link, displayText, line: position.start.line })),
		embeds: (cache.embeds ?? []).map(({ link, displayText, position }) => ({ link, displayText, line: position.start.line })),
		tags: salvaged
			? [...frontmatterTags(salvaged.data), ...(cache.tags ?? []).map(({ tag }) => tag.replace(/^#/, ""))]
			: (getAllTags(cache) ?? []).map((tag) => tag.replace(/^#/, "")),
		inlineTags: (cache.tags ?? []).map(({ tag, position }) => ({ tag: tag.replace(/^#/, ""), line: position.start.line })),
		tasks,
		headings: (cache.headings ?? []).map(({ heading, level, position }) => ({ heading, level, line: position.start.line, offset: position.start.offset })),
		body: bodyOf(cache),
		ctime: file.stat.ctime,
		mtime: file.stat.mtime,
		problems: salvaged?.problems ?? [],
		awaitingText,
		read,
	};
}
