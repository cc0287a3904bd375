import { parse as parseYaml, parseDocument } from "yaml";
import type { FrontmatterLink } from "../core/note";
import { isValidTag, parseWikilinkInner } from "./inline";

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
 * them is silenced, since such values are simply not read.
 */
const YAML_OPTIONS = { schema: "core" as const, logLevel: "error" as const };

export function readFrontmatter(lines: readonly string[]): Frontmatter {
	if (lines.length === 0 || lines[0]?.trimEnd() !== "---") return { data: null, endLine: -1, problems: [] };
	let endLine = -1;
	for (let i = 1; i < lines.length; i++) {
		if (lines[i]?.trimEnd() === "---") {
			endLine = i;
			break;
		}
	}
	if (endLine < 0) return { data: null, endLine: -1, problems: [] };
	const source = lines.slice(1, endLine).join("\n");
	if (source.trim() === "") return { data: null, endLine, problems: [] };

	const document = parseDocument(source, YAML_OPTIONS);
	if (document.errors.length === 0) {
		const value: unknown = document.toJS();
		if (isRecord(value)) return { data: value, endLine, problems: [] };
		if (value === null || value === undefined) return { data: null, endLine, problems: [] };
		return { data: null, endLine, problems: ["its frontmatter is not a list of properties, so it was ignored"] };
	}
	const first = document.errors[0];
	// linePos counts from 1 within the block; the block starts on the note's second line.
	const where = first?.linePos?.[0] ? ` (line ${first.linePos[0].line + 1} of the note)` : "";
	const salvaged = salvageProperties(source);
	const kept = Object.keys(salvaged);
	const recovered = kept.length > 0 ? `; read what could be read: ${kept.join(", ")}` : "; no property could be read";
	return {
		data: kept.length > 0 ? salvaged : null,
		endLine,
		problems: [`its frontmatter is not valid YAML${where}${recovered}`],
	};
}

/**
 * When the whole block does not parse, each top-level property (its line and the indented lines
 * under it) is parsed on its own, so one bad line does not hide `client:` or `date:` from the index.
 */
function salvageProperties(source: string): Record<string, unknown> {
	const blocks: string[][] = [];
	for (const line of source.split("\n")) {
		const startsProperty = /^[^\s#-][^:]*:/.test(line);
		if (startsProperty || blocks.length === 0) blocks.push([line]);
		else blocks[blocks.length - 1]?.push(line);
	}
	const result: Record<string, unknown> = {};
	for (const block of blocks) {
		try {
			const value: unknown = parseYaml(block.join("\n"), YAML_OPTIONS);
			if (isRecord(value)) {
				for (const [key, property] of Object.entries(value)) {
					if (!(key in result)) result[key] = property;
				}
			}
		} catch {
			// This property is the broken one; the others are still worth keeping.
		}
	}
	return result;
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
