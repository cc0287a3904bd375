import { describe, expect, it } from "vitest";
import { withoutControlCharacters } from "../../src/cli/text";
import { parseCadence } from "../../src/core/brief/cadence";
import { dayOfTimestamp, parseDateText } from "../../src/core/notes/dates";
import { noteLines } from "../../src/core/notes/note";
import { clipLine, excerpt, heldIn, prepareNote, quietText, quotesIn, spanOf } from "../../src/core/notes/sections";
import { candidatePath, fillPlaceholders, fitFileName, safeFileName } from "../../src/core/writing/session-note";
import { pathInVault } from "../../src/core/writing/vault-path";
import { isPlaceholder } from "../../src/core/notes/properties";
import { withoutEscapes } from "../../src/core/notes/fold";
import { inertForTemplater } from "../../src/core/writing/templater";
import { readFrontmatter } from "../../src/markdown/frontmatter";
import { scanInline } from "../../src/core/notes/inline";
import { atxHeading } from "../../src/core/notes/headings";

const bytes = (text: string): number => new TextEncoder().encode(text).length;

describe("the vault's path gate", () => {
	it.each([
		["Coaching/Sessions", "Coaching/Sessions"],
		["Coaching//Sessions/", "Coaching/Sessions"],
		["Coaching\\Sessions", "Coaching/Sessions"],
		["  Sessions  ", "Sessions"],
		["/Coaching/Sessions/", "Coaching/Sessions"],
		["/tmp/x", "tmp/x"],
		["/", ""],
		["~Sessions", "~Sessions"],
		["", ""],
	])("keeps %j inside the vault as %j (a leading slash is the vault's top, as in Obsidian)", (input, path) => {
		expect(pathInVault(input, "The folder")).toEqual({ path });
	});

	it.each(["..", "../x", "Sessions/../../x", "./Sessions", "a/./b"])("refuses %j, which climbs", (input) => {
		expect(pathInVault(input, "The folder")).toEqual({ problem: 'The folder must be inside your vault, written from the vault\'s top without "." or "..".' });
	});

	it.each(["C:\\Users\\ana", "c:/x", "~/notes", "~", "\\\\server\\share", "//server/share"])("refuses %j, a place on the disk", (input) => {
		expect(pathInVault(input, "The folder")).toEqual({
			problem: "The folder must be inside your vault, written from the vault's top (like Coaching/Sessions), not a place on the disk.",
		});
	});

	it.each([".obsidian", ".obsidian/plugins", "Notes/.hidden"])("refuses %j, a hidden folder", (input) => {
		expect(pathInVault(input, "The folder")).toEqual({ problem: "The folder cannot be in a hidden or configuration folder." });
	});

	it("refuses control characters", () => {
		expect(pathInVault("Sessions\u0000x", "The folder")).toEqual({ problem: "The folder cannot hold control characters." });
	});
});

describe("file names fitted to the file system", () => {
	it("a name that fits is left alone", () => {
		expect(fitFileName("2026-11-24 Maya Chen", ".md")).toBe("2026-11-24 Maya Chen");
	});

	it("a long name keeps its leading date and the copy suffix, cut with an ellipsis", () => {
		const name = `2026-11-24 ${"Maximiliana ".repeat(30)}`;
		const path = candidatePath("Sessions", name, 2);
		const file = path.slice("Sessions/".length);
		expect(bytes(file)).toBeLessThanOrEqual(255);
		expect(file).toMatch(/^2026-11-24 Maximiliana .*… \(2\)\.md$/);
	});

	it("a trailing date is kept too", () => {
		const fitted = fitFileName(`${"Ngozi ".repeat(60)}2026-11-24`, ".md");
		expect(bytes(`${fitted}.md`)).toBeLessThanOrEqual(255);
		expect(fitted).toMatch(/^Ngozi .*… 2026-11-24$/);
	});

	it("cuts between whole characters: an emoji or an accent is never split", () => {
		const fitted = fitFileName(`2026-11-24 ${"🌱é".repeat(100)}`, ".md");
		expect(bytes(`${fitted}.md`)).toBeLessThanOrEqual(255);
		expect(fitted).not.toMatch(/\uFFFD/);
		expect(fitted.normalize()).toBe(fitted);
		expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(fitted)).toBe(false);
	});

	it("trailing dots and spaces are trimmed, quickly even for a hundred thousand of them", () => {
		expect(safeFileName(`Ana${". ".repeat(100_000)}x`)).toMatch(/^Ana\. \. /);
		expect(safeFileName(`Ana${". ".repeat(100_000)}`)).toBe("Ana");
	});
});

describe("Templater never sees note text as code", () => {
	it("`<%` from a note is written as the Markdown escape `<\\%`, which reads the same", () => {
		expect(inertForTemplater("Look up <%* app.vault.delete() %> later")).toBe("Look up <\\%* app.vault.delete() %> later");
		expect(withoutEscapes(inertForTemplater("a <% b %> c"))).toBe("a <% b %> c");
	});

	it("a leading `%` and a trailing `<` are escaped too, so two values side by side never join into `<%`", () => {
		const value = inertForTemplater("% tR += app.vault.adapter.basePath %><");
		expect(value).toBe("\\% tR += app.vault.adapter.basePath %>\\<");
		expect(`${value}${value}`).not.toMatch(/<%/);
		expect(`<${value}`).not.toMatch(/<%/);
		expect(withoutEscapes(value)).toBe("% tR += app.vault.adapter.basePath %><");
	});

	it("placeholders are found in one pass", () => {
		expect(isPlaceholder("{{client}}")).toBe(true);
		expect(isPlaceholder("<% tp.file.title %>")).toBe(true);
		expect(isPlaceholder("half <% of one")).toBe(false);
		expect(isPlaceholder(`${"{{".repeat(100_000)}`)).toBe(false);
		expect(isPlaceholder(`${"<%".repeat(100_000)}`)).toBe(false);
		expect(isPlaceholder("{{ a } b }}")).toBe(false);
	});
});

describe("placeholders filled by a scan", () => {
	const values = { client: "Maya Chen", session_number: "3" };

	it("fills names and date formats, and leaves the rest as written", () => {
		expect(fillPlaceholders("{{client}} #{{session_number}} {{date:d MMM yyyy}} {{unknown}} <% tp.date.now() %>", values, "2026-11-24")).toBe(
			"Maya Chen #3 24 Nov 2026 {{unknown}} <% tp.date.now() %>",
		);
	});

	it("finds a placeholder inside extra braces, as the pattern did", () => {
		expect(fillPlaceholders("{{{client}}}", values, "2026-11-24")).toBe("{Maya Chen}");
		expect(fillPlaceholders("{{ client }}", values, "2026-11-24")).toBe("Maya Chen");
	});

	it("leaves an unclosed or hostile placeholder as written", () => {
		expect(fillPlaceholders(`{{date:${" ".repeat(100_000)}`, values, "2026-11-24")).toHaveLength(100_007);
		expect(fillPlaceholders(`${"{".repeat(50_000)}}}`, values, "2026-11-24")).toHaveLength(50_002);
		expect(fillPlaceholders("{{date:}x}}", values, "2026-11-24")).toBe("{{date:}x}}");
	});
});

describe("headings read by a scan", () => {
	it.each([
		["# Title", { heading: "Title", level: 1 }],
		["## Title ##", { heading: "Title", level: 2 }],
		["## Title#", { heading: "Title#", level: 2 }],
		["#\tTabbed", { heading: "Tabbed", level: 1 }],
		["#", { heading: "", level: 1 }],
		["# ###", { heading: "", level: 1 }],
		["###### Six", { heading: "Six", level: 6 }],
		["####### Seven", null],
		["#Hashtag", null],
		["Not # a heading", null],
	])("%j", (line, heading) => {
		expect(atxHeading(line)).toEqual(heading);
	});

	it("a line of a hundred thousand spaces is read in one pass", () => {
		expect(atxHeading(`# a${" ".repeat(100_000)}b`)?.heading).toHaveLength(100_002);
		expect(atxHeading(`## x${" ".repeat(100_000)}#x`)?.heading.endsWith("#x")).toBe(true);
	});
});

describe("code spans matched by run length", () => {
	it("a span closes at the next run of the same length; what is inside is neither link nor tag", () => {
		expect(scanInline("``a ` [[Not]] #no`` [[Yes]] #yes").links.map((link) => link.link)).toEqual(["Yes"]);
		expect(scanInline("``a ` [[Not]] #no`` [[Yes]] #yes").tags).toEqual(["yes"]);
	});

	it("a run with no partner is literal text", () => {
		expect(scanInline("``lonely [[Maya]] `also`").links.map((link) => link.link)).toEqual(["Maya"]);
	});

	it("runs of every length on one line are read in one pass", () => {
		const line = `${Array.from({ length: 450 }, (_, i) => `${"`".repeat(i + 1)}a`).join("")} [[Maya]]`;
		expect(scanInline(line).links.map((link) => link.link)).toEqual(["Maya"]);
	});
});

describe("lines, dates and cadences at the edges", () => {
	it("CRLF, CR-only and a byte order mark split as the editor splits them", () => {
		expect(noteLines("\uFEFF---\r\na\rb\nc")).toEqual(["---", "a", "b", "c"]);
	});

	it.each(["2026-02-30", "0000-00-00", "0999-12-31", "2026-11-09T25:00", "1 Jan 275760", "x".repeat(1000)])("%j is not a date", (text) => {
		expect(parseDateText(text)).toBeNull();
	});

	it("a file time no calendar holds gives no day", () => {
		expect(dayOfTimestamp(8.64e15 + 1)).toBeNull();
		expect(dayOfTimestamp(Number.NaN)).toBeNull();
	});

	it.each(["100000000", "every 99999999999 weeks", "every 1000 months", "3661 days"])("cadence %j is too long to count", (text) => {
		expect(parseCadence(text)).toBeNull();
	});

	it("ten years is still a cadence", () => {
		expect(parseCadence("every 520 weeks")).toEqual({ days: 3640 });
	});
});

describe("frontmatter that fights back", () => {
	const lines = (block: string): string[] => ["---", ...block.split("\n"), "---"];

	it("an undefined alias is a problem, and the rest is read", () => {
		const read = readFrontmatter(lines("client: *nope\ndate: 2026-11-09"));
		expect(read.data).toEqual({ client: "*nope", date: "2026-11-09" });
		expect(read.problems).toEqual(["its frontmatter uses a YAML alias (*name) that no anchor (&name) defines; read what could be read: client, date"]);
	});

	it("a property written twice keeps the first, and says so", () => {
		const read = readFrontmatter(lines("client: Maya\nclient: Sam"));
		expect(read.data).toEqual({ client: "Maya" });
		expect(read.problems).toEqual(['its frontmatter has the property "client" twice; read what could be read: client']);
	});

	it("a property written without a space after its colon is still its own property", () => {
		const read = readFrontmatter(lines('client: "[[Maya Chen]]"\nstatus:done\ndate: 2026-11-02'));
		expect(read.data).toEqual({ client: "[[Maya Chen]]", status: "done", date: "2026-11-02" });
	});

	it("a quoted key is read without its quotes", () => {
		expect(readFrontmatter(lines('"client": "[[Maya Chen]]\ndate: 2026-11-02')).data).toEqual({ client: "[[Maya Chen]]", date: "2026-11-02" });
	});

	it("an unclosed quote keeps the text written", () => {
		expect(readFrontmatter(lines('client: "[[Maya Chen]]\ndate: 2026-11-09')).data).toEqual({ client: "[[Maya Chen]]", date: "2026-11-09" });
	});

	it("a block far larger than any note's properties is read only up to the limit, at a property's start", () => {
		const block = ['client: "[[Maya Chen]]"', ...Array.from({ length: 40_000 }, (_, i) => `key${i}: ${i}`)].join("\n");
		const read = readFrontmatter(lines(block));
		expect(read.data?.["client"]).toBe("[[Maya Chen]]");
		expect(Object.keys(read.data ?? {}).length).toBeLessThan(40_000);
		expect(read.problems).toEqual([expect.stringMatching(/^its frontmatter is over 256 KB, far more than any note's properties, so only its first part was read: client, key0, /)]);
	});

	it("nesting too deep is refused before the parser can overflow", () => {
		expect(readFrontmatter(lines(`tags: ${"[".repeat(20_000)}`)).problems[0]).toMatch(/^its frontmatter is nested too deeply/);
	});
});

describe("what a terminal is shown", () => {
	it("escape sequences and control characters from notes are removed", () => {
		expect(withoutControlCharacters("\u001b[31mRed\u001b[0m \u001b]0;title\u0007Rose\u009b2J\r\u0000!\ttab\nline")).toBe("Red Rose!\ttab\nline");
	});

	it("an excerpt that stops before the conversation does ends with an ellipsis; one that shows it all does not", () => {
		const span = spanOf(prepareNote("First line.\nSecond line.\n\nThird line.\n", []), null);
		expect(excerpt(span, [], 2)).toEqual(["First line.", "Second line. …"]);
		expect(excerpt(span, [], 3)).toEqual(["First line.", "Second line.", "", "Third line."]);
	});

	it("what a conversation holds for the next: the text under a hold heading, and each Next time: line elsewhere, in the order written", () => {
		const note = "Talked about the move.\nNext time: ask about Porto.\n## To hold for next time\nHer sister's visit.\nNext time: not this one, it is inside the section.\n## Notes\n- next time:   the budget\n";
		const span = spanOf(prepareNote(note, [{ heading: "To hold for next time", level: 2, line: 2 }, { heading: "Notes", level: 2, line: 5 }]), null);
		expect(heldIn(span, ["To hold for next time"])).toEqual(["ask about Porto.", "Her sister's visit.\nNext time: not this one, it is inside the section.", "the budget"]);
		expect(heldIn(span, [])).toEqual(["ask about Porto.", "not this one, it is inside the section.", "the budget"]);
	});

	it("a line labelled with a hold heading that says next time is held too, and a line labelled otherwise is not", () => {
		const note =
			"Talked about the move.\nTo hold for next time: did he tell Lucía?\n- For next time: the budget\nNote: he was late.\nTime: 14:00\n" +
			"Next session: Tue 16 Jun at 10:00\nnext_session:: 2026-06-16\n**Next time:** in bold\n- [ ] Next time: a task\n";
		const span = spanOf(prepareNote(note, []), null);
		expect(heldIn(span, ["To hold for next time", "For next time", "Next time", "Next session"])).toEqual(["did he tell Lucía?", "the budget"]);
	});

	it("a conversation read back quietly leaves the coach's checklists out and keeps their prose", () => {
		const note = "Talked.\n## Who do I want to show up as?\n- [ ] Curious\n## Commitments\n- [ ] Call Dana\n## How did I show up?\n- [x] Curious\nRushed the ending.\n";
		const headings = [
			{ heading: "Who do I want to show up as?", level: 2, line: 1 },
			{ heading: "Commitments", level: 2, line: 3 },
			{ heading: "How did I show up?", level: 2, line: 5 },
		];
		const span = spanOf(prepareNote(note, headings), null);
		expect(quietText(span, ["Who do I want to show up as?", "How did I show up?"])).toBe("Talked.\n## Commitments\n- [ ] Call Dana\n## How did I show up?\nRushed the ending.");
	});

	it("the client's own words: blockquotes whole, and quoted sentences of five words or more elsewhere; #pin pins", () => {
		const note = [
			'She said "it is fine" and then "I think I can take August now".',
			"> Because if something breaks",
			'> it is on me. "Quoted inside a blockquote is not listed twice" #pin',
			"",
			"> [!note] My own box",
			"> not her words",
			"“Curly quotes count the same way here” too.",
		].join("\n");
		expect(quotesIn(spanOf(prepareNote(note, []), null))).toEqual([
			{ text: "I think I can take August now", pinned: false },
			{ text: 'Because if something breaks\nit is on me. "Quoted inside a blockquote is not listed twice"', pinned: true },
			{ text: "Curly quotes count the same way here", pinned: false },
		]);
	});

	it("what is written in a code block is no one's words, no thread to hold and no checklist", () => {
		const note = ["```", 'print("this is code and not her words at all")', "Next time: not a thread", "> not a quote", "```", "> Her words. #pin", "> Second line #pin", "Next time: the real thread"].join("\n");
		const span = spanOf(prepareNote(note, []), null);
		expect(quotesIn(span)).toEqual([{ text: "Her words.\nSecond line", pinned: true }]);
		expect(heldIn(span, [])).toEqual(["the real thread"]);
	});

	it("an excerpt line is clipped at a word, with an ellipsis", () => {
		expect(clipLine("All work and no play. ".repeat(50), 40)).toBe("All work and no play. All work and no…");
		expect(clipLine("short", 40)).toBe("short");
	});
});
