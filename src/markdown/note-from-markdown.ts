import { atxHeading } from "../core/notes/headings";
import { noteLines, type FrontmatterLink, type NoteHeading, type NoteLink, type NoteSource } from "../core/notes/note";
import { frontmatterLinks, frontmatterTags, readFrontmatter } from "./frontmatter";
import { scanInline } from "./inline";

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
}

export interface ParsedListItem {
	line: number;
	/** The status character for a task, undefined for a plain list item. */
	task?: string;
	/** Text after the marker (and after the checkbox, for a task). */
	text: string;
}

interface Fence {
	marker: string;
	length: number;
}

const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+(.*)|$)/;
const TASK = /^\[(.)\](?:[ \t]+(.*)|$)/;
const FENCE_OPEN = /^[ \t]*(`{3,}|~{3,})/;

export function parseMarkdown(text: string): ParsedNote {
	const lines = noteLines(text);
	const frontmatter = readFrontmatter(lines);
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
	};

	let fence: Fence | null = null;
	let inMath = false;
	let inHtmlComment = false;
	let inPercentComment = false;

	for (let line = frontmatter.endLine + 1; line < lines.length; line++) {
		const rawLine = lines[line] ?? "";
		const quoteEnd = afterBlockquoteMarkers(rawLine);
		const quoted = quoteEnd > 0;
		let content = quoted ? rawLine.slice(quoteEnd) : rawLine;

		if (fence) {
			const close = new RegExp(`^[ \\t]*${fence.marker === "`" ? "`" : "~"}{${fence.length},}[ \\t]*$`);
			if (close.test(content)) fence = null;
			continue;
		}
		const fenceOpen = FENCE_OPEN.exec(content);
		if (fenceOpen?.[1] && !inHtmlComment) {
			fence = { marker: fenceOpen[1][0] ?? "`", length: fenceOpen[1].length };
			continue;
		}
		if (content.trim().startsWith("$$")) {
			const closesOnSameLine = content.trim().length > 2 && content.trim().endsWith("$$");
			if (!closesOnSameLine) inMath = !inMath;
			continue;
		}
		if (inMath) continue;

		const withoutComments = stripHtmlComments(content, inHtmlComment);
		inHtmlComment = withoutComments.openAtEnd;
		content = withoutComments.text;
		if (withoutComments.wholeLineHidden) continue;

		// `%%` comments hide a block from reading view, yet Obsidian still indexes the links and
		// tags inside them (see the recorded comments_markdown_style note); only structure is lost.
		const percentCount = (content.match(/%%/g) ?? []).length;
		const structureHidden = inPercentComment;
		if (percentCount % 2 === 1) inPercentComment = !inPercentComment;

		if (!structureHidden && !quoted) {
			const heading = atxHeading(content);
			if (heading) parsed.headings.push({ ...heading, line });
		}
		if (!structureHidden) {
			const item = LIST_ITEM.exec(content);
			if (item) {
				const rest = item[1] ?? "";
				const task = TASK.exec(rest);
				parsed.listItems.push(
					task?.[1] !== undefined ? { line, task: task[1], text: (task[2] ?? "").trim() } : { line, text: rest.trim() },
				);
			}
		}

		const inline = scanInline(content);
		for (const link of inline.links) {
			const entry = { link: link.link, displayText: link.displayText, original: link.original, line };
			(link.embed ? parsed.embeds : parsed.links).push(entry);
		}
		for (const tag of inline.tags) parsed.inlineTags.push({ tag: `#${tag}`, line });
	}
	return parsed;
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

/** A note on disk as the core reads it: the same facts the Obsidian adapter takes from the metadata cache. */
export function noteFromMarkdown(
	path: string,
	text: string,
	times: { ctime: number; mtime: number },
	read: () => Promise<string>,
): NoteSource {
	const parsed = parseMarkdown(text);
	return {
		path,
		frontmatter: parsed.frontmatter,
		frontmatterLinks: parsed.frontmatterLinks,
		links: parsed.links.map(({ link, displayText, line }) => ({ link, displayText, line })),
		embeds: parsed.embeds.map(({ link, displayText, line }) => ({ link, displayText, line })),
		tags: [...parsed.frontmatterTags, ...parsed.inlineTags.map(({ tag }) => tag.slice(1))],
		inlineTags: parsed.inlineTags.map(({ tag, line }) => ({ tag: tag.slice(1), line })),
		tasks: parsed.listItems.flatMap((item) => (item.task === undefined ? [] : [{ line: item.line, status: item.task, text: item.text }])),
		headings: parsed.headings,
		ctime: times.ctime,
		mtime: times.mtime,
		problems: parsed.problems,
		read,
	};
}
