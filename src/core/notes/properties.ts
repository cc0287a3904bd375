import { basenameOf } from "./note";
import { fold } from "./fold";
import { linkInPropertyValue, linkpathOf } from "./links";

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
function propertyValues(value: unknown): string[] {
	if (value === null || value === undefined) return [];
	if (Array.isArray(value)) return value.flatMap((item) => propertyValues(item));
	if (typeof value === "string") return [value];
	if (typeof value === "number" || typeof value === "boolean") return [String(value)];
	return [];
}

/** Whether text holds a Templater command (`<% ... %>`): found in one left-to-right pass. */
export function hasTemplaterSyntax(text: string): boolean {
	const open = text.indexOf("<%");
	return open >= 0 && text.indexOf("%>", open + 2) >= 0;
}

/**
 * Template text that was never filled in: `{{client}}`, `<% tp.file.title %>`. Searched with
 * `indexOf` from left to right, so a value of many `{{` or `<%` costs one pass, never a backtrack.
 */
export function isPlaceholder(text: string): boolean {
	if (hasTemplaterSyntax(text)) return true;
	for (let open = text.indexOf("{{"); open >= 0; ) {
		const brace = text.indexOf("}", open + 2);
		if (brace < 0) return false;
		if (text[brace + 1] === "}") return true;
		open = text.indexOf("{{", brace);
	}
	return false;
}

/**
 * The last properties block's keys by their name in lower case, the first written winning: a note's
 * properties are asked for a dozen times in a row, and one block kept costs nothing in a large vault.
 */
let lastBlock: { frontmatter: Record<string, unknown>; keys: Map<string, string> } | null = null;

function keyNamed(frontmatter: Record<string, unknown>, name: string): string | undefined {
	if (lastBlock?.frontmatter !== frontmatter) {
		const keys = new Map<string, string>();
		for (const key of Object.keys(frontmatter)) {
			const named = key.trim().toLowerCase();
			if (!keys.has(named)) keys.set(named, key);
		}
		lastBlock = { frontmatter, keys };
	}
	return lastBlock.keys.get(name.toLowerCase());
}

/**
 * Reads a property case-insensitively (`Client:` and `client:` are the same property to a coach),
 * skipping values that are empty or still hold template placeholders.
 */
export function readProperty(frontmatter: Record<string, unknown> | null, names: readonly string[]): { name: string; values: string[] } | null {
	if (!frontmatter) return null;
	for (const name of names) {
		const key = keyNamed(frontmatter, name);
		if (key === undefined) continue;
		const values = propertyValues(frontmatter[key])
			.map((text) => text.trim())
			.filter((text) => text !== "" && !isPlaceholder(text));
		if (values.length > 0) return { name: key, values };
	}
	return null;
}
