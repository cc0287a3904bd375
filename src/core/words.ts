import { basenameOf } from "./note";
import { linkInPropertyValue, linkpathOf } from "./links";

/** Lowercased, trimmed, inner white space collapsed: how names and headings are compared. */
export function fold(text: string): string {
	return text.trim().replace(/\s+/g, " ").toLowerCase();
}

/** "1 session", "3 sessions", "1 day", "14 days". */
export function countOf(count: number, noun: string): string {
	return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** Whole-value match, any case, singular or plural: `Clients` and `client` match `client`. */
export function matchesWord(value: string, words: readonly string[]): boolean {
	const folded = fold(value);
	if (folded === "") return false;
	return words.some((word) => {
		const w = fold(word);
		return folded === w || folded === `${w}s` || folded === `${w}es` || (w.endsWith("s") && folded === w.slice(0, -1));
	});
}

/**
 * A type property value as written: plain text, `[[Clients]]`, `[[Categories/Clients|Clients]]`;
 * a link counts by the name of the note it points to.
 */
export function typeValueText(value: string): string {
	const link = linkInPropertyValue(value);
	return link ? basenameOf(linkpathOf(link.link)) : value;
}

/** Property values as a flat list of text: a single value, a list, numbers as text. */
export function propertyValues(value: unknown): string[] {
	if (value === null || value === undefined) return [];
	if (Array.isArray(value)) return value.flatMap((item) => propertyValues(item));
	if (typeof value === "string") return [value];
	if (typeof value === "number" || typeof value === "boolean") return [String(value)];
	return [];
}

/** Template text that was never filled in: `{{client}}`, `<% tp.file.title %>`. */
export function isPlaceholder(text: string): boolean {
	return /\{\{[^}]*\}\}|<%[\s\S]*%>/.test(text);
}

/**
 * Reads a property case-insensitively (`Client:` and `client:` are the same property to a coach),
 * skipping values that are empty or still hold template placeholders.
 */
export function readProperty(frontmatter: Record<string, unknown> | null, names: readonly string[]): { name: string; values: string[] } | null {
	if (!frontmatter) return null;
	const keys = Object.keys(frontmatter);
	for (const name of names) {
		const key = keys.find((candidate) => candidate.trim().toLowerCase() === name.toLowerCase());
		if (key === undefined) continue;
		const values = propertyValues(frontmatter[key])
			.map((text) => text.trim())
			.filter((text) => text !== "" && !isPlaceholder(text));
		if (values.length > 0) return { name: key, values };
	}
	return null;
}
