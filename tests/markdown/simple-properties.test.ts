/**
 * The quick reader of simple properties must read every block it reads exactly as the YAML
 * library does (core schema), and hand every other block to the library.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { parseDocument } from "yaml";
import { describe, expect, it } from "vitest";
import { frontmatterEnd, noteLines } from "../../src/core/notes/note";
import { readSimpleProperties } from "../../src/markdown/simple-properties";

function byLibrary(source: string): unknown {
	const document = parseDocument(source, { schema: "core", logLevel: "error", uniqueKeys: false });
	return document.errors.length > 0 ? { errors: document.errors.map((error) => error.code) } : document.toJS();
}

function agrees(source: string): void {
	const quick = readSimpleProperties(source);
	if (quick !== null) expect({ source, read: quick }).toEqual({ source, read: byLibrary(source) });
}

function markdownFiles(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
		if (entry.name.startsWith(".")) return [];
		const path = join(folder, entry.name);
		return entry.isDirectory() ? markdownFiles(path) : entry.name.endsWith(".md") ? [path] : [];
	});
}

describe("the quick reader of simple properties", () => {
	it("reads what coaches write as the YAML library does", () => {
		const blocks = [
			'client: "[[Maya Chen]]"\ndate: 2026-06-02\nsession: 4\ntags: [coaching, energy]',
			"type: client\ncadence: every 3 weeks\naliases:\n  - Maya\n  - M. Chen\nstatus: active",
			"people:\n- '[[Sam Okoro]]'\n- \"[[Leo Park]]\"\ndone: true\nnext: null\nempty:",
			"title: Session 4 (the offer)\nnote: C# and F# are fine\nspaced:    many   words   ",
			"number: 007\nbig: 12345678901234567890\nfloat: 1.5\nnegative: -3\nplus: +3\nzero: -0",
		];
		for (const block of blocks) agrees(block);
		expect(readSimpleProperties(blocks[0] as string)).toEqual({ client: "[[Maya Chen]]", date: "2026-06-02", session: 4, tags: ["coaching", "energy"] });
		expect(readSimpleProperties(blocks[1] as string)).toMatchObject({ aliases: ["Maya", "M. Chen"] });
	});

	it("hands anything else to the library: nesting, comments, escapes, unquoted links, repeated keys, floats", () => {
		for (const block of [
			"client: [[Maya Chen]]",
			"date: {{date}}",
			"a: 1 # why",
			'a: "line \\"quoted\\""',
			"a: 1\na: 2",
			"a:\n  b: 1",
			"a: 1.5",
			"a: first\n  continued",
			"# only a comment",
			"null: x",
			"a:b",
			"a: b\u00A0",
			"a: [\u00A0]",
			"a: 1\n\u00A0\nb: 2",
			"a: 1\n\uFEFF\nb: 2",
			"a: 1\n\r\nb: 2",
			"__proto__: x",
			"__proto__:\n- a",
			"a:\tb",
		]) {
			expect({ block, read: readSimpleProperties(block) }).toEqual({ block, read: null });
		}
	});

	it("agrees with the library on made-up blocks of simple-looking lines", () => {
		const word = fc.stringMatching(/^[A-Za-z0-9 _.:#'"\[\],{}~+\u00A0\u3000\t-]{0,12}$/);
		const key = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_ .-]{0,8}$/);
		const line = fc.oneof(
			fc.tuple(key, word).map(([k, v]) => `${k}: ${v}`),
			fc.tuple(key, fc.array(word, { maxLength: 3 })).map(([k, items]) => `${k}: [${items.join(", ")}]`),
			fc.tuple(key, fc.array(word, { minLength: 1, maxLength: 3 })).map(([k, items]) => `${k}:\n${items.map((item) => `  - ${item}`).join("\n")}`),
			fc.tuple(key, word).map(([k, v]) => `${k}: "${v}"`),
			fc.tuple(key, word).map(([k, v]) => `${k}: '${v}'`),
		);
		fc.assert(
			fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (lines) => agrees(lines.join("\n"))),
			{ numRuns: 3000 },
		);
	});

	it("agrees with the library on every properties block of the real vaults and the demo vault", () => {
		const roots = [join(__dirname, "../../examples/demo-vault"), join(__dirname, "../../../shared/realdata")];
		let read = 0;
		for (const root of roots) {
			for (const file of markdownFiles(root)) {
				const lines = noteLines(readFileSync(file, "utf8"));
				const end = frontmatterEnd(lines);
				if (end < 0) continue;
				const source = lines.slice(1, end).join("\n");
				agrees(source);
				if (readSimpleProperties(source) !== null) read++;
			}
		}
		expect(read).toBeGreaterThan(100);
	});
});
