import { decodeLinkTarget } from "./links";

/**
 * Inline syntax on one line of a note: wikilinks, markdown links, embeds and tags, read the way
 * Obsidian's metadata cache reads them (checked against recorded Obsidian output in the tests).
 */
export interface InlineLink {
	link: string;
	displayText: string;
	original: string;
	embed: boolean;
}

export interface InlineFacts {
	links: InlineLink[];
	tags: string[];
}

/** `target|alias` inside `[[...]]`; an empty target keeps the whole text as the link, as Obsidian does. */
export function parseWikilinkInner(inner: string): { link: string; displayText: string } | null {
	if (inner.length === 0) return null;
	const pipe = inner.indexOf("|");
	if (pipe > 0) return { link: inner.slice(0, pipe), displayText: inner.slice(pipe + 1) };
	return { link: inner, displayText: defaultDisplayText(inner) };
}

function defaultDisplayText(link: string): string {
	return link
		.split("#")
		.filter((part) => part.length > 0)
		.join(" > ");
}

const WIKILINK = /(!?)\[\[([^[\]]*)\]\]/g;
/** An angle-bracket target stops at the next `<`, `>` or line end, as CommonMark says: one scan per link, never to the line's end. */
const MARKDOWN_LINK = /(!?)\[([^[\]]*)\]\((<[^<>\n]*>|[^()\s]+)\)/g;
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** What a tag is made of: anything but white space and punctuation other than `-`, `_` and `/`. */
const TAG_CHARACTERS = String.raw`[^\s!"#$%&'()*+,.:;<=>?@[\\\]^${"`"}{|}~]`;
const TAG = new RegExp(`#(${TAG_CHARACTERS}+)`, "gu");
const TAG_BODY = new RegExp(`^${TAG_CHARACTERS}+$`, "u");

/** A tag needs at least one character that is not a digit: `#2026` is not a tag, `#2026-goals` is. */
export function isValidTag(tag: string): boolean {
	return TAG_BODY.test(tag) && !/^[0-9]+$/.test(tag);
}
/** A `#` right after one of these is part of a word, path or entity, not a tag. */
const TAG_BLOCKED_BEFORE = /[\p{L}\p{N}_/&#:]/u;

export function scanInline(text: string): InlineFacts {
	// A line with neither `[` nor `#` holds no link and no tag: most lines of prose.
	if (!text.includes("[") && !text.includes("#")) return { links: [], tags: [] };
	let masked = maskCodeSpans(maskEscapes(text));
	const found: { index: number; link: InlineLink }[] = [];

	masked = masked.replace(WIKILINK, (whole: string, bang: string, inner: string, index: number) => {
		const parsed = parseWikilinkInner(inner);
		if (!parsed) return whole;
		found.push({
			index,
			link: { ...parsed, original: text.slice(index, index + whole.length), embed: bang === "!" },
		});
		return " ".repeat(whole.length);
	});

	masked = masked.replace(MARKDOWN_LINK, (whole: string, bang: string, label: string, target: string, index: number) => {
		const bare = target.startsWith("<") ? target.slice(1, -1) : target;
		if (bare.length === 0 || URL_SCHEME.test(bare)) return " ".repeat(whole.length);
		found.push({
			index,
			link: {
				link: decodeLinkTarget(bare),
				displayText: label,
				original: text.slice(index, index + whole.length),
				embed: bang === "!",
			},
		});
		return " ".repeat(whole.length);
	});

	const tags: string[] = [];
	for (const match of masked.matchAll(TAG)) {
		const before = match.index > 0 ? masked[match.index - 1] : "";
		if (before && TAG_BLOCKED_BEFORE.test(before)) continue;
		const body = match[1] ?? "";
		if (isValidTag(body)) tags.push(body);
	}

	found.sort((a, b) => a.index - b.index);
	return { links: found.map((entry) => entry.link), tags };
}

/** `\[` and friends are literal characters: they must not open a link. */
function maskEscapes(text: string): string {
	return text.replace(/\\[[\]()!]/g, "  ");
}

/**
 * Nothing inside `code` is a link or a tag. A code span opens at a run of backticks and closes at
 * the next run of exactly the same length (CommonMark); runs are matched in one pass from the
 * right, so a line of backtick runs of every length costs no more than its length.
 */
function maskCodeSpans(text: string): string {
	const runs: { start: number; end: number }[] = [];
	for (let at = text.indexOf("`"); at >= 0; at = text.indexOf("`", at)) {
		let end = at;
		while (text[end] === "`") end++;
		runs.push({ start: at, end });
		at = end;
	}
	if (runs.length < 2) return text;
	const nextOfSameLength = new Array<number>(runs.length).fill(-1);
	const seen = new Map<number, number>();
	for (let index = runs.length - 1; index >= 0; index--) {
		const run = runs[index] as { start: number; end: number };
		nextOfSameLength[index] = seen.get(run.end - run.start) ?? -1;
		seen.set(run.end - run.start, index);
	}
	let masked = "";
	let copied = 0;
	for (let index = 0; index < runs.length; index++) {
		const close = nextOfSameLength[index] ?? -1;
		if (close < 0) continue;
		const open = runs[index] as { start: number };
		const closing = runs[close] as { end: number };
		masked += text.slice(copied, open.start) + " ".repeat(closing.end - open.start);
		copied = closing.end;
		index = close;
	}
	return masked + text.slice(copied);
}
