import { getAllTags, type CachedMetadata, type TFile } from "obsidian";
import { noteLines, type NoteSource, type NoteTask } from "../core/note";

const TASK_LINE = /^[ \t]*(?:>[ \t]?)*[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[.\](?:[ \t]+(.*))?$/;

/**
 * The core's view of a note, from Obsidian's metadata cache. The cache records where tasks are
 * but not their words, so the text is read only when the note has tasks (the `changed` event
 * hands it over; otherwise one cached read).
 */
export async function noteFromCache(
	file: TFile,
	cache: CachedMetadata,
	read: () => Promise<string>,
	content?: string,
): Promise<NoteSource> {
	const taskItems = (cache.listItems ?? []).filter((item) => item.task !== undefined);
	const text = taskItems.length > 0 ? (content ?? (await read())) : "";
	const lines = noteLines(text);
	const tasks: NoteTask[] = taskItems.map((item) => ({
		line: item.position.start.line,
		status: item.task ?? " ",
		text: (TASK_LINE.exec(lines[item.position.start.line] ?? "")?.[1] ?? "").trim(),
	}));
	return {
		path: file.path,
		frontmatter: cache.frontmatter ?? null,
		frontmatterLinks: (cache.frontmatterLinks ?? []).map(({ key, link, displayText }) => ({ key, link, displayText })),
		links: (cache.links ?? []).map(({ link, displayText, position }) => ({ link, displayText, line: position.start.line })),
		embeds: (cache.embeds ?? []).map(({ link, displayText, position }) => ({ link, displayText, line: position.start.line })),
		tags: (getAllTags(cache) ?? []).map((tag) => tag.replace(/^#/, "")),
		tasks,
		headings: (cache.headings ?? []).map(({ heading, level, position }) => ({ heading, level, line: position.start.line })),
		ctime: file.stat.ctime,
		mtime: file.stat.mtime,
		problems: [],
		read,
	};
}
