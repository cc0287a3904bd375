/**
 * Most notes' properties are a handful of `key: value` lines: a date, a quoted link, a list of
 * tags. This reads exactly those, as the YAML library reads them under the core schema, at a
 * fraction of its cost; anything else (nesting, comments, escapes, anchors, numbers other than
 * whole ones, a repeated key) answers null, and the YAML library reads the block. Tests hold the
 * two readers to the same answer on every block this one reads.
 */

const KEY = /^([A-Za-z_][A-Za-z0-9_ .-]*?):(?:[ ]+(.*))?$/;
const SEQUENCE_ITEM = /^( *)- (.*)$/;
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOLEAN = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INTEGER = /^[-+]?[0-9]+$/;
/** What the core schema reads as a number other than a whole one: left to the library. */
const OTHER_NUMBER = /^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;
/** Characters that start something other than a plain scalar. */
const INDICATORS = new Set([..."-?:,[]{}#&*!|>'\"%@`"]);

/** Not a block this reader reads. */
const COMPLEX = Symbol("complex");

/** White space YAML reads differently from JavaScript's `trim` (a no-break space is text to YAML). */
const UNLIKE_WHITESPACE = /[\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF]/;

/** A tab, a control character or such white space: a block holding any is left to the library. */
function holdsOddCharacters(source: string): boolean {
	for (let at = 0; at < source.length; at++) {
		const code = source.charCodeAt(at);
		if ((code < 0x20 && code !== 0x0a) || code === 0x7f) return true;
	}
	return UNLIKE_WHITESPACE.test(source);
}

export function readSimpleProperties(source: string): Record<string, unknown> | null {
	if (holdsOddCharacters(source)) return null;
	const lines = source.split("\n");
	const data: Record<string, unknown> = {};
	let keys = 0;
	for (let at = 0; at < lines.length; at++) {
		const line = lines[at] ?? "";
		if (line.trim() === "") continue;
		const match = KEY.exec(line);
		const key = match?.[1];
		if (key === undefined || key.endsWith(" ") || key === "__proto__" || NULL.test(key) || BOOLEAN.test(key) || Object.prototype.hasOwnProperty.call(data, key)) return null;
		const written = match?.[2] ?? "";
		let value: unknown;
		if (written.trim() === "") {
			const items: unknown[] = [];
			let indent: string | null = null;
			while (at + 1 < lines.length) {
				const item = SEQUENCE_ITEM.exec(lines[at + 1] ?? "");
				if (!item) break;
				if (indent !== null && item[1] !== indent) return null;
				indent = item[1] ?? "";
				const read = scalar(item[2] ?? "", false);
				if (read === COMPLEX) return null;
				items.push(read);
				at++;
			}
			value = indent === null ? null : items;
		} else {
			value = written.trimStart().startsWith("[") ? flowSequence(written.trim()) : scalar(written, false);
			if (value === COMPLEX) return null;
		}
		data[key] = value;
		keys++;
	}
	return keys > 0 ? data : null;
}

/** `[a, "b", 3]` with no nesting, quotes only around whole items, and no empty item. */
function flowSequence(written: string): unknown[] | typeof COMPLEX {
	if (!written.endsWith("]")) return COMPLEX;
	const inner = written.slice(1, -1);
	if (inner.trim() === "") return [];
	const items: unknown[] = [];
	for (const part of inner.split(",")) {
		if (part.trim() === "") return COMPLEX;
		const read = scalar(part, true);
		if (read === COMPLEX) return COMPLEX;
		items.push(read);
	}
	return items;
}

function scalar(raw: string, inFlow: boolean): unknown {
	const text = raw.trim();
	const quote = text[0];
	if (quote === '"' || quote === "'") {
		const inside = text.slice(1, -1);
		if (text.length < 2 || text[text.length - 1] !== quote || inside.includes(quote) || inside.includes("\\")) return COMPLEX;
		return inside;
	}
	if (text === "" || INDICATORS.has(text[0] ?? "")) return COMPLEX;
	if (text.includes(": ") || text.endsWith(":") || text.includes(" #")) return COMPLEX;
	if (inFlow && /[[\]{}:"']/.test(text)) return COMPLEX;
	if (NULL.test(text)) return null;
	if (BOOLEAN.test(text)) return text[0] === "t" || text[0] === "T";
	if (INTEGER.test(text)) {
		const number = Number(text);
		return Number.isSafeInteger(number) ? number : COMPLEX;
	}
	if (OTHER_NUMBER.test(text)) return COMPLEX;
	return text;
}
