import type { Brief, BriefSession } from "./brief";
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

const LIST_ITEM = /^[ \t]*(?:>[ \t]?)*[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]/;
const HEADING = /^[ \t]{0,3}#{1,6}[ \t]/;

/** The query's words as search compares them: folded, each once, in the order typed. */
export function queryWords(query: string): string[] {
	return [...new Set(foldForSearch(query).key.split(" ").filter((word) => word !== ""))];
}

/**
 * Text as search compares it: lower case, accents off (`Tomás` is found by `tomas`), each run of
 * white space one space; with, for each character of the key, where it came from in the text.
 */
export function foldForSearch(text: string): { key: string; from: number[] } {
	let key = "";
	const from: number[] = [];
	let space = false;
	for (let at = 0; at < text.length; ) {
		const code = text.codePointAt(at) ?? 0;
		const character = String.fromCodePoint(code);
		const width = character.length;
		if (/\s/u.test(character)) {
			if (!space) {
				key += " ";
				from.push(at);
			}
			space = true;
		} else {
			const folded = code < 0x80 ? character.toLowerCase() : character.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
			for (let unit = 0; unit < folded.length; unit++) from.push(at);
			key += folded;
			space = false;
		}
		at += width;
	}
	return { key, from };
}

/** A conversation's paragraphs: blank lines part them, and each heading and list item is one of its own. */
export function paragraphsOf(span: TextSpan): Paragraph[] {
	const paragraphs: Paragraph[] = [];
	let current: { line: number; lines: string[] } | null = null;
	const close = (): void => {
		if (current) paragraphs.push({ ...current, key: foldForSearch(current.lines.join(" ")).key });
		current = null;
	};
	for (let line = span.start; line < span.end; line++) {
		const text = span.lines[line] ?? "";
		if (text.trim() === "") {
			close();
			continue;
		}
		if (HEADING.test(text) || LIST_ITEM.test(text)) close();
		if (current) current.lines.push(text);
		else current = { line, lines: [text] };
		if (HEADING.test(text)) close();
	}
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
