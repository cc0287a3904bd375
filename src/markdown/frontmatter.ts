import { isMap, isScalar, parseDocument } from "yaml";
import { frontmatterEnd, type FrontmatterLink } from "../core/notes/note";
import { isValidTag, parseWikilinkInner } from "../core/notes/inline";
import { readSimpleProperties } from "./simple-properties";
import { reasonOf } from "../core/reason";

export interface Frontmatter {
	/** Parsed properties, or null when the note has no (or an empty) frontmatter block. */
	data: Record<string, unknown> | null;
	/** Index of the closing `---` line, or -1 when there is no frontmatter block. */
	endLine: number;
	problems: string[];
}

/**
 * The YAML 1.2 core schema keeps `date: 2026-11-09` as the text written, as Obsidian does:
 * a timestamp type would turn it into a UTC Date and shift the calendar day in local time.
 * Unquoted placeholders (`date: {{date}}`) parse as odd maps; the library's console warning about
 * them is silenced, since such values are simply not read. The library's own duplicate-key check
 * compares every key with every other (40,000 keys took 11 s), so duplicates are found here, in one
 * pass; aliases are limited so that a "billion laughs" block is a problem, not a hang.
 */
const YAML_OPTIONS = { schema: "core" as const, logLevel: "error" as const, uniqueKeys: false };
const TO_JS_OPTIONS = { maxAliasCount: 100 };
/** Far deeper than any note's properties; deep enough nesting overflows the parser's stack. */
const MAX_NESTING = 256;
/** A note's properties are a few kilobytes; a block past this is read only in part, quickly. */
const MAX_LENGTH = 256 * 1024;

export function readFrontmatter(lines: readonly string[]): Frontmatter {
	const endLine = frontmatterEnd(lines);
	if (endLine < 0) return { data: null, endLine: -1, problems: [] };
	const source = lines.slice(1, endLine).join("\n");
	if (source.trim() === "") return { data: null, endLine, problems: [] };

	if (source.length <= MAX_LENGTH) {
		const read = readBlock(source);
		return { data: read.data, endLine, problems: read.problem === null ? [] : [read.problem] };
	}
	const read = readBlock(firstPart(source));
	const kept = Object.keys(read.data ?? {});
	const which = kept.length > 0 ? `: ${shortList(kept)}` : "";
	return { data: read.data, endLine, problems: [`its frontmatter is over ${MAX_LENGTH / 1024} KB, far more than any note's properties, so only its first part was read${which}`] };
}

/** The properties of a block, or as many as can be read, with what went wrong in words. */
function readBlock(source: string): { data: Record<string, unknown> | null; problem: string | null } {
	const parsed = parseProperties(source);
	if ("data" in parsed) {
		if (parsed.data === null || parsed.data === undefined) return { data: null, problem: null };
		if (isRecord(parsed.data)) return { data: parsed.data, problem: null };
		return { data: null, problem: "its frontmatter is not a list of properties, so it was ignored" };
	}
	const salvaged = salvageProperties(source);
	const kept = Object.keys(salvaged);
	const recovered = kept.length > 0 ? `; read what could be read: ${shortList(kept)}` : "; no property could be read";
	return { data: kept.length > 0 ? salvaged : null, problem: `its frontmatter ${parsed.problem}${recovered}` };
}

/** The block up to the last top-level property that starts within the size limit. */
function firstPart(source: string): string {
	for (let cut = source.lastIndexOf("\n", MAX_LENGTH); cut > 0; cut = source.lastIndexOf("\n", cut - 1)) {
		if (PROPERTY_LINE.test(source.slice(cut + 1, Math.min(cut + 201, lineEnd(source, cut + 1))))) return source.slice(0, cut);
	}
	return "";
}

function lineEnd(text: string, from: number): number {
	const end = text.indexOf("\n", from);
	return end < 0 ? text.length : end;
}

/** The block as data, or what is wrong with it in words (`is not valid YAML (line 3 of the note)`). */
function parseProperties(source: string): { data: unknown } | { problem: string } {
	const simple = readSimpleProperties(source);
	if (simple !== null) return { data: simple };
	if (nestingDepth(source) > MAX_NESTING) return { problem: `is nested too deeply (over ${MAX_NESTING} levels) to read` };
	const document = parseDocument(source, YAML_OPTIONS);
	const first = document.errors[0];
	if (first) {
		// linePos counts from 1 within the block; the block starts on the note's second line.
		const where = first.linePos?.[0] ? ` (line ${first.linePos[0].line + 1} of the note)` : "";
		return { problem: `is not valid YAML${where}` };
	}
	const repeated = repeatedTopLevelKey(document.contents);
	if (repeated !== null) return { problem: `has the property "${repeated}" twice` };
	try {
		return { data: document.toJS(TO_JS_OPTIONS) as unknown };
	} catch (error) {
		return { problem: aliasProblem(error) };
	}
}

function aliasProblem(error: unknown): string {
	const message = reasonOf(error);
	if (/excessive alias count/i.test(message)) return "repeats YAML aliases too often to read (an alias bomb)";
	if (/alias/i.test(message)) return "uses a YAML alias (*name) that no anchor (&name) defines";
	return `could not be read (${message.split("\n")[0] ?? "unknown error"})`;
}

/** How deeply `[` and `{` nest, counted in one pass; brackets inside quotes count too, which only errs on the safe side. */
function nestingDepth(source: string): number {
	let depth = 0;
	let deepest = 0;
	for (let i = 0; i < source.length; i++) {
		const code = source.charCodeAt(i);
		if (code === 91 || code === 123) deepest = Math.max(deepest, ++depth);
		else if ((code === 93 || code === 125) && depth > 0) depth--;
	}
	return deepest;
}

function repeatedTopLevelKey(contents: unknown): string | null {
	if (!isMap(contents)) return null;
	const seen = new Set<string>();
	for (const pair of contents.items) {
		const key = isScalar(pair.key) ? String(pair.key.value) : null;
		if (key === null) continue;
		if (seen.has(key)) return key;
		seen.add(key);
	}
	return null;
}

function shortList(keys: readonly string[]): string {
	return keys.length <= 12 ? keys.join(", ") : `${keys.slice(0, 12).join(", ")} and ${keys.length - 12} more`;
}

/** A top-level property starts at the line's start; a tab before it is a slip of the keyboard, not nesting. */
const PROPERTY_LINE = /^\t*([^\s#-][^:]*):/;

/**
 * When the whole block does not parse, each top-level property (its line and the indented lines
 * under it) is parsed on its own, so one bad line does not hide `client:` or `date:` from the index.
 * A property that still does not parse is kept as the text written after its colon, one unmatched
 * quote dropped: `client: "[[Maya Chen]]` still names Maya.
 */
function salvageProperties(source: string): Record<string, unknown> {
	const blocks: string[][] = [];
	for (const line of source.split("\n")) {
		if (PROPERTY_LINE.test(line) || blocks.length === 0) blocks.push([line.replace(/^\t+/, "")]);
		else blocks[blocks.length - 1]?.push(line);
	}
	const result: Record<string, unknown> = {};
	for (const block of blocks) {
		const key = withoutQuotes(PROPERTY_LINE.exec(block[0] ?? "")?.[1]?.trim());
		if (key === undefined || key in result) continue;
		const parsed = parseProperties(block.join("\n"));
		const value = "data" in parsed && isRecord(parsed.data) ? parsed.data[key] : undefined;
		result[key] = value !== undefined ? value : textWritten(block);
	}
	return result;
}

/** The text after a property's colon (and on the lines under it), its quotes taken off, even when they do not pair. */
function textWritten(block: readonly string[]): string {
	const first = (block[0] ?? "").slice((block[0] ?? "").indexOf(":") + 1);
	const text = [first, ...block.slice(1)].map((line) => line.trim()).filter((line) => line !== "").join(" ");
	return withoutQuotes(text) ?? "";
}

function withoutQuotes(text: string | undefined): string | undefined {
	if (text === undefined) return undefined;
	let start = 0;
	let end = text.length;
	if (text[0] === '"' || text[0] === "'") start = 1;
	if (end > start && (text[end - 1] === '"' || text[end - 1] === "'")) end--;
	return text.slice(start, end).trim();
}

/** Links written as property values (`people: ["[[Maya Chen]]"]`), keyed as Obsidian keys them. */
export function frontmatterLinks(data: Record<string, unknown> | null): FrontmatterLink[] {
	const links: FrontmatterLink[] = [];
	const visit = (value: unknown, key: string): void => {
		if (typeof value === "string") {
			const match = /^\s*\[\[([^[\]]+)\]\]\s*$/.exec(value);
			const inner = match?.[1];
			if (inner !== undefined) {
				const parsed = parseWikilinkInner(inner);
				if (parsed) links.push({ key, link: parsed.link, displayText: parsed.displayText });
			}
		} else if (Array.isArray(value)) {
			value.forEach((item, index) => visit(item, `${key}.${index}`));
		}
	};
	for (const [key, value] of Object.entries(data ?? {})) visit(value, key);
	return links;
}

/** Tags from the `tags` property: a list, or one string that is a single valid tag. */
export function frontmatterTags(data: Record<string, unknown> | null): string[] {
	const raw = data?.["tags"];
	const values = Array.isArray(raw) ? raw : typeof raw === "string" ? [raw] : [];
	const tags: string[] = [];
	for (const value of values) {
		if (typeof value !== "string" && typeof value !== "number") continue;
		const tag = String(value).trim().replace(/^#/, "");
		if (isValidTag(tag)) tags.push(tag);
	}
	return tags;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}
