import type { Brief, BriefSession } from "./brief";
import { taskMark } from "./copy";
import { searchFoldOf } from "../notes/fold";
import { HeadingReader, LIST_ITEM_START, visitMarkdownLines } from "../notes/markdown-lines";
import type { TextSpan } from "../notes/sections";

// "Remember when I told you about the CFO thing?": every conversation with a client searched for
// paragraphs that hold all the words asked, in any case and with or without accents.

/** A paragraph, list item or heading of a conversation, and its words as a search compares them. */
export interface Paragraph {
	/** The note's line it starts on, 0-based. */
	line: number;
	/** Its lines as written. */
	lines: readonly string[];
	/** Its text folded for searching (see `foldForSearch`), lines joined by a space. */
	key: string;
}

/** A paragraph that holds every word asked, in one conversation. */
export interface SearchMatch {
	session: BriefSession;
	/** The note's line (0-based) where the first word asked is found: where the note opens. */
	line: number;
	/** The paragraph as written. */
	text: string;
	/** Where each word asked is found in `text`, in order, as [start, end) ranges that do not overlap. */
	marks: [number, number][];
}

/** A list item's bullet and a task's box, at the start of a paragraph: numbers stay, they say something. */
const ITEM_START = /^([ \t]*)(?:(?:[-*+])[ \t]+(?:\[(.)\][ \t]+)?|(\d{1,9}[.)][ \t]+)\[(.)\][ \t]+)/u;

/**
 * A match as the pane shows it: the paragraph without a list item's bullet, a task's box as its
 * state (☐, ☑), the marks moved with the words. The match's own text stays as written.
 */
export function shownMatch({ text, marks }: Pick<SearchMatch, "text" | "marks">): { text: string; marks: [number, number][] } {
	const start = ITEM_START.exec(text);
	if (!start) return { text, marks };
	const [prefix, , bulletState, number, numberState] = start;
	const state = bulletState ?? numberState;
	const shown = `${number ?? ""}${state === undefined ? "" : `${taskMark(state)} `}`;
	const shift = shown.length - prefix.length;
	return {
		text: shown + text.slice(prefix.length),
		marks: marks.filter(([from]) => from >= prefix.length).map(([from, to]) => [from + shift, to + shift]),
	};
}

/** The query's words as search compares them: folded, each once, in the order typed. */
export function queryWords(query: string): string[] {
	return [...new Set(foldForSearch(query).key.split(" ").filter((word) => word !== ""))];
}

/**
 * Text as search compares it: folded as `searchKey` folds it (the caseload filter and client lookup
 * fold alike), each run of white space one space; with, for each character of the key, where it came
 * from in the text. Built here on `searchFoldOf`, a character at a time, because `searchKey` gives only
 * the key and a match is marked in the text as written.
 */
export function foldForSearch(text: string): { key: string; from: number[] } {
	let key = "";
	const from: number[] = [];
	for (let at = 0; at < text.length; ) {
		const character = String.fromCodePoint(text.codePointAt(at) ?? 0);
		const folded = searchFoldOf(character);
		if (folded !== " " || !key.endsWith(" ")) {
			for (let unit = 0; unit < folded.length; unit++) from.push(at);
			key += folded;
		}
		at += character.length;
	}
	return { key, from };
}

/**
 * How a line parts a conversation into paragraphs. `code` is a line Markdown does not read as text
 * (fenced code, a math block, a comment's inside): a run of them is one block, whatever it holds.
 */
type LineKind = "blank" | "text" | "listItem" | "heading" | "underline" | "code";

/** Each line's kind, read as the note's headings are: `#` headings and underlined ones, never in code or a quote. */
function lineKinds(lines: readonly string[]): LineKind[] {
	const kinds: LineKind[] = lines.map(() => "code");
	const headings = new HeadingReader();
	visitMarkdownLines(lines, 0, (line) => {
		// Every line goes through the reader, blank ones too: an underline counts only below a paragraph's first line.
		const heading = headings.read(line);
		if (heading) kinds[line.line] = heading.line === line.line ? "heading" : "underline";
		else if ((lines[line.line] ?? "").trim() === "") kinds[line.line] = "blank";
		else kinds[line.line] = !line.structureHidden && LIST_ITEM_START.test(line.content) ? "listItem" : "text";
	});
	return kinds;
}

/**
 * A conversation's paragraphs: blank lines part them; each heading, list item and block of code is
 * one of its own.
 */
export function paragraphsOf(span: TextSpan): Paragraph[] {
	// Read from the span's first line, a heading or the body's start: never inside a fence.
	const lines = span.lines.slice(span.start, span.end);
	const kinds = lineKinds(lines);
	const paragraphs: Paragraph[] = [];
	let current: { line: number; lines: string[]; code: boolean } | null = null;
	const close = (): void => {
		if (current) paragraphs.push({ line: span.start + current.line, lines: current.lines, key: foldForSearch(current.lines.join(" ")).key });
		current = null;
	};
	kinds.forEach((kind, at) => {
		const text = lines[at] ?? "";
		if (kind === "blank") return close();
		if (kind === "heading" || kind === "listItem" || (current && current.code !== (kind === "code"))) close();
		if (current) current.lines.push(text);
		else current = { line: at, lines: [text], code: kind === "code" };
		if (kind === "heading" || kind === "underline") close();
	});
	close();
	return paragraphs;
}

/** Where every word is found in the paragraph, or null when one is not. */
export function matchIn(paragraph: Paragraph, words: readonly string[]): { line: number; text: string; marks: [number, number][] } | null {
	if (words.length === 0 || !words.every((word) => paragraph.key.includes(word))) return null;
	const text = paragraph.lines.join("\n");
	const { key, from } = foldForSearch(text);
	const found: [number, number][] = [];
	for (const word of words) {
		for (let at = key.indexOf(word); at >= 0; at = key.indexOf(word, at + word.length)) {
			const end = at + word.length;
			found.push([from[at] ?? 0, end < from.length ? (from[end] ?? text.length) : text.length]);
		}
	}
	const marks = merged(found);
	const first = marks[0]?.[0] ?? 0;
	return { line: paragraph.line + countLineBreaks(text, first), text, marks };
}

function merged(ranges: [number, number][]): [number, number][] {
	const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	const out: [number, number][] = [];
	for (const range of sorted) {
		const last = out[out.length - 1];
		if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
		else out.push([range[0], range[1]]);
	}
	return out;
}

function countLineBreaks(text: string, before: number): number {
	let count = 0;
	for (let at = text.indexOf("\n"); at >= 0 && at < before; at = text.indexOf("\n", at + 1)) count++;
	return count;
}

/** What a search reads each conversation's paragraphs through: its notes are read when first searched. */
export interface ParagraphSource {
	paragraphs(session: BriefSession): Promise<Paragraph[]>;
}

/**
 * Searches one client's conversations, newest first. Each conversation's paragraphs are kept while
 * the conversation is unchanged (a changed note gives new sessions), so once the notes are read a
 * search is a pass over words already folded. A search asked again before the last has finished
 * makes the last one stale: it stops at its next read and gives nothing.
 */
export class ConversationSearch {
	private readonly kept = new WeakMap<BriefSession, Promise<Paragraph[]>>();
	private asked = 0;

	constructor(private readonly source: ParagraphSource) {}

	/** Every match, newest conversation first (a note written ahead first of all); null when a later search was asked before this one finished. */
	async search(brief: Brief, query: string): Promise<SearchMatch[] | null> {
		const asked = ++this.asked;
		const words = queryWords(query);
		if (words.length === 0) return [];
		const matches: SearchMatch[] = [];
		for (const session of [...[...brief.plannedSessions].reverse(), ...brief.sessions]) {
			const paragraphs = this.kept.get(session) ?? this.read(session);
			const ready = await paragraphs;
			if (asked !== this.asked) return null;
			for (const paragraph of ready) {
				const match = matchIn(paragraph, words);
				if (match) matches.push({ session, ...match });
			}
		}
		return matches;
	}

	private read(session: BriefSession): Promise<Paragraph[]> {
		const paragraphs = this.source.paragraphs(session);
		this.kept.set(session, paragraphs);
		return paragraphs;
	}
}

/** The command line's JSON for a search: each match with its note, heading, date, line (1-based) and paragraph. */
export function searchJson(client: string, query: string, matches: readonly SearchMatch[]): unknown {
	return {
		client,
		query,
		matches: matches.map(({ session, line, text }) => ({ path: session.path, heading: session.heading, date: session.date, line: line + 1, text })),
	};
}
