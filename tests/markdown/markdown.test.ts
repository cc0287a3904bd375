import { describe, expect, it } from "vitest";
import { interned } from "../../src/core/notes/note";
import { noteFromMarkdown, parseMarkdown } from "../../src/markdown/note-from-markdown";

describe("the markdown reader", () => {
	it("reads notes saved with Windows line endings", () => {
		const note = parseMarkdown('---\r\nclient: "[[Maya Chen]]"\r\n---\r\n## Commitments\r\n- [ ] Call Dana\r\n');
		expect(note.frontmatter).toEqual({ client: "[[Maya Chen]]" });
		expect(note.headings).toEqual([{ heading: "Commitments", level: 2, line: 3, offset: 35 }]);
		expect(note.listItems).toEqual([{ line: 4, task: " ", text: "Call Dana" }]);
	});

	it("reads an underlined one-line paragraph as a heading, as Obsidian does, and a --- after a blank line as a break", () => {
		const note = parseMarkdown(["Supervision", "===========", "Talked to Helen.", "", "What she brought", "---", "The offer.", "", "---", "", "- a list item", "---", "> quoted", "> ===", "Two lines of", "a paragraph", "==="].join("\n"));
		expect(note.headings.map(({ heading, level, line }) => ({ heading, level, line }))).toEqual([
			{ heading: "Supervision", level: 1, line: 0 },
			{ heading: "What she brought", level: 2, line: 4 },
		]);
		expect(note.headings[1]?.offset).toBe("Supervision\n===========\nTalked to Helen.\n\n".length);
	});

	it("ignores links, tags, tasks and headings inside fenced code and math", () => {
		const note = parseMarkdown(
			["```", "- [ ] not a task [[Nope]] #nope", "```", "~~~~md", "# not a heading", "~~~~", "$$", "x #nope [[Nope]]", "$$", "Real [[Yes]] #yes"].join("\n"),
		);
		expect(note.links.map((link) => link.link)).toEqual(["Yes"]);
		expect(note.inlineTags.map((tag) => tag.tag)).toEqual(["#yes"]);
		expect(note.listItems).toEqual([]);
		expect(note.headings).toEqual([]);
	});

	it("hides what is inside HTML comments, across lines", () => {
		const note = parseMarkdown(["<!--", "- [ ] hidden [[Nope]]", "-->", "Seen [[Yes]] <!-- [[Nope]] --> and #seen"].join("\n"));
		expect(note.links.map((link) => link.link)).toEqual(["Yes"]);
		expect(note.inlineTags.map((tag) => tag.tag)).toEqual(["#seen"]);
		expect(note.listItems).toEqual([]);
	});

	it("a `$$` inside an HTML comment starts no math block, so the comment still ends", () => {
		const note = parseMarkdown(["## 2026-09-28", "<!--", "$$", "-->", "## Goals", "Stop proving herself."].join("\n"));
		expect(note.headings.map((heading) => heading.heading)).toEqual(["2026-09-28", "Goals"]);
	});

	it("a fence opened in a quote ends with the quote", () => {
		const note = parseMarkdown(["> ```", "> ls -la", "## Goals", "- [ ] Call Dana"].join("\n"));
		expect(note.headings.map((heading) => heading.heading)).toEqual(["Goals"]);
		expect(note.listItems).toEqual([{ line: 3, task: " ", text: "Call Dana" }]);
	});

	it("four spaces before ``` make indented code, not a fence, except inside a list item", () => {
		const topLevel = parseMarkdown(["Text.", "", "    ```never closed", "", "## Goals"].join("\n"));
		expect(topLevel.headings.map((heading) => heading.heading)).toEqual(["Goals"]);
		const inList = parseMarkdown(["1. Run this:", "    ```", "    # not a heading", "    ```", "## Goals"].join("\n"));
		expect(inList.headings.map((heading) => heading.heading)).toEqual(["Goals"]);
	});

	it("a `---` line with no closing line is not frontmatter", () => {
		const note = parseMarkdown("---\nclient: Maya\nno closing line");
		expect(note.frontmatter).toBeNull();
		expect(note.frontmatterEndLine).toBe(-1);
	});

	it("does not take URLs, headings or numbers for tags", () => {
		const note = parseMarkdown("See https://example.com/#anchor and issue #123, but #2026-goals and #café count.");
		expect(note.inlineTags.map((tag) => tag.tag)).toEqual(["#2026-goals", "#café"]);
	});

	it("keeps dates as the text written, never as a Date shifted by a time zone", () => {
		expect(parseMarkdown("---\ndate: 2026-11-09\nwhen: 2026-11-09T23:30:00+05:00\n---\n").frontmatter).toEqual({
			date: "2026-11-09",
			when: "2026-11-09T23:30:00+05:00",
		});
	});

	it("hands the core the same words it read, whatever they look like, held apart from the note's text", () => {
		for (const piece of ["Call Dana", "", "__proto__", "12", "007", "toString", "Zoë \uD83E", "constructor", " spaced "]) expect(interned(piece)).toBe(piece);
		const text = ["# Maya Chen", "## 2026-10-06", "- [ ] Send the budget draft to [[Dana Okafor|Dana]] #money"].join("\n");
		const note = noteFromMarkdown("Clients/Maya Chen.md", text, { ctime: 0, mtime: 0 }, () => Promise.resolve(text));
		expect(note.tasks).toEqual([{ line: 2, status: " ", text: "Send the budget draft to [[Dana Okafor|Dana]] #money" }]);
		expect(note.links).toEqual([{ link: "Dana Okafor", displayText: "Dana", line: 2 }]);
		expect(note.headings.map((heading) => heading.heading)).toEqual(["Maya Chen", "2026-10-06"]);
		expect(note.inlineTags).toEqual([{ tag: "money", line: 2 }]);
	});
});
