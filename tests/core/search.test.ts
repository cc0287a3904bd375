import { describe, expect, it } from "vitest";
import { BriefReader } from "../../src/core/brief/brief-text";
import { ConversationSearch, foldForSearch, queryWords, searchJson, shownMatch, type SearchMatch } from "../../src/core/brief/search";
import { searchKey } from "../../src/core/notes/fold";
import { NotesVault } from "../helpers/notes-vault";

// "Remember when I told you about the CFO thing?": a client's conversations searched by paragraph.

function session(date: string, body: string): string {
	return `---\ntype: session\nclient: "[[Maya Chen]]"\ndate: ${date}\n---\n${body}`;
}

const MAYA = {
	"Clients/Maya Chen.md": "---\ntype: client\n---\n# Maya Chen\n## Session log\n### 2026-05-19\nFirst talk about the CFO. She thinks Renée will block it.\n",
	"Sessions/2026-06-02 Maya.md": session("2026-06-02", "## What she brought\nThe CFO thing again:\nshe is afraid the board sees her as\nsomeone who says yes to everything.\n\n- [ ] Ask the cfo for ten minutes\n"),
	"Sessions/2026-06-16 Maya.md": session("2026-06-16", "## What she brought\nA quiet week. The board met without her.\n## Private\nThe CFO and her father: the same voice.\n"),
};

/** The search and how many notes it has read. */
function searcher(files: Record<string, string> = MAYA) {
	const vault = new NotesVault(files);
	const reads = { count: 0 };
	const notes = { read: async (path: string) => (reads.count++, vault.read(path)), properties: (path: string) => vault.properties(path) };
	const reader = new BriefReader(vault.index, notes, vault.settings);
	const search = new ConversationSearch(reader);
	return { vault, reads, search, brief: vault.brief("Maya") };
}

function found(matches: SearchMatch[] | null): { date: string | null; line: number; marked: string[] }[] {
	return (matches ?? []).map(({ session: { date }, line, text, marks }) => ({ date, line, marked: marks.map(([start, end]) => text.slice(start, end)) }));
}

describe("searching a client's conversations", () => {
	it("finds a word in any case, with or without its accents, and marks it as written", async () => {
		const { search, brief } = searcher();
		expect(found(await search.search(brief, "renee"))).toEqual([{ date: "2026-05-19", line: 6, marked: ["Renée"] }]);
		expect(found(await search.search(brief, "RENÉE"))).toEqual([{ date: "2026-05-19", line: 6, marked: ["Renée"] }]);
	});

	it("needs every word somewhere in one paragraph, in any order, and gives the newest conversation first", async () => {
		const { search, brief } = searcher();
		expect(found(await search.search(brief, "board cfo"))).toEqual([{ date: "2026-06-02", line: 6, marked: ["CFO", "board"] }]);
		expect(found(await search.search(brief, "cfo"))).toEqual([
			{ date: "2026-06-02", line: 6, marked: ["CFO"] },
			{ date: "2026-06-02", line: 10, marked: ["cfo"] },
			{ date: "2026-05-19", line: 6, marked: ["CFO"] },
		]);
	});

	it("opens at the line of the first word found, in a paragraph of several lines", async () => {
		const { search, brief } = searcher();
		const [match] = (await search.search(brief, "everything")) ?? [];
		expect(match?.line).toBe(8);
		expect(match?.text).toBe("The CFO thing again:\nshe is afraid the board sees her as\nsomeone who says yes to everything.");
	});

	it("never finds what is under a private heading", async () => {
		const { search, brief } = searcher();
		expect(await search.search(brief, "father")).toEqual([]);
		expect(found(await search.search(brief, "board")).map((match) => match.date)).toEqual(["2026-06-16", "2026-06-02"]);
	});

	it("finds nothing for a query of no words", async () => {
		const { search, brief, reads } = searcher();
		expect(await search.search(brief, "   ")).toEqual([]);
		expect(reads.count).toBe(0);
	});

	it("reads each note once: a second search over 300 conversations reads none", async () => {
		const files: Record<string, string> = { "Clients/Maya Chen.md": "---\ntype: client\n---\n" };
		for (let day = 0; day < 300; day++) {
			const date = new Date(Date.UTC(2020, 0, 1) + day * 7 * 86_400_000).toISOString().slice(0, 10);
			files[`Sessions/${date} Maya.md`] = session(date, `## What she brought\nWeek ${day}: the team, the budget${day % 50 === 0 ? ", and the CFO" : ""}.\n- [ ] Walk on Sunday\n`);
		}
		const { search, vault, reads } = searcher(files);
		const brief = vault.brief("Maya", "2026-06-30");
		const dates = found(await search.search(brief, "cfo")).map((match) => match.date ?? "");
		expect(dates).toHaveLength(6);
		expect(dates).toEqual([...dates].sort().reverse());
		const first = reads.count;
		expect(first).toBe(300);
		expect(await search.search(brief, "walk sunday")).toHaveLength(300);
		expect(reads.count).toBe(first);
	});

	it("drops a search asked again before it finished: only the latest answers", async () => {
		const vault = new NotesVault(MAYA);
		let release: () => void = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		const reader = new BriefReader(vault.index, { read: async (path) => (await held, vault.read(path)), properties: (path) => vault.properties(path) }, vault.settings);
		const search = new ConversationSearch(reader);
		const brief = vault.brief("Maya");
		const stale = search.search(brief, "cf");
		const latest = search.search(brief, "cfo");
		release();
		expect(await stale).toBeNull();
		expect(found(await latest)).toHaveLength(3);
	});
});

describe("search's words", () => {
	it("fold case, accents and white space, each character kept to where it was", () => {
		expect(foldForSearch("Ça  va, TOMÁS")).toEqual({ key: "ca va, tomas", from: [0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12] });
		expect(queryWords("  Tomás  tomas CFO ")).toEqual(["tomas", "cfo"]);
	});

	it("fold as the caseload filter and client lookup do, a final sigma read as a sigma", () => {
		for (const text of ["Ça  va, TOMÁS", "ΟΔΟΣ", "οδος", " Zoë\tRenée "]) expect(foldForSearch(text).key.trim()).toBe(searchKey(text));
		expect(queryWords("Οδός")).toEqual(queryWords("ΟΔΟΣ"));
	});

	it("make the command line's JSON: each match's note, heading, date, line from 1 and paragraph", async () => {
		const { search, brief } = searcher();
		expect(searchJson("Maya Chen", "renee", (await search.search(brief, "renee")) ?? [])).toEqual({
			client: "Maya Chen",
			query: "renee",
			matches: [{ path: "Clients/Maya Chen.md", heading: "2026-05-19", date: "2026-05-19", line: 7, text: "First talk about the CFO. She thinks Renée will block it." }],
		});
	});
});

describe("searching fenced code", () => {
	const CODE = {
		...MAYA,
		"Sessions/2026-06-30 Maya.md": session("2026-06-30", "## What she brought\nBefore the code.\n```python\nx = 1\n# the board\n\nbudget = 2\n```\nAfter the code, the budget.\n"),
	};

	it("reads a fenced block as one paragraph: a `#` line in it is not a heading, a blank line does not part it", async () => {
		const { search, vault } = searcher(CODE);
		const [match, ...rest] = (await search.search(vault.brief("Maya"), "board budget")) ?? [];
		expect(rest).toEqual([]);
		expect(match?.line).toBe(9);
		expect(match?.text).toBe("```python\nx = 1\n# the board\n\nbudget = 2\n```");
	});

	it("parts the fence from the paragraphs around it, each at its own line", async () => {
		const { search, vault } = searcher(CODE);
		const brief = vault.brief("Maya");
		expect(await search.search(brief, "before python")).toEqual([]);
		expect(found(await search.search(brief, "budget"))).toEqual([
			{ date: "2026-06-30", line: 11, marked: ["budget"] },
			{ date: "2026-06-30", line: 13, marked: ["budget"] },
		]);
		expect(searchJson("Maya Chen", "after", (await search.search(brief, "after")) ?? [])).toMatchObject({ matches: [{ line: 14, text: "After the code, the budget." }] });
	});
});

describe("searching, with a note written ahead", () => {
	it("searches the note written ahead too, first, as the newest", async () => {
		const { search, vault } = searcher({ ...MAYA, "Sessions/2026-07-07 Maya.md": session("2026-07-07", "## Agenda\nAsk about the CFO's answer.\n") });
		const brief = vault.brief("Maya");
		expect(found(await search.search(brief, "cfo")).map((match) => match.date)).toEqual(["2026-07-07", "2026-06-02", "2026-06-02", "2026-05-19"]);
	});
});

describe("a match as the pane shows it", () => {
	it("drops a list item's bullet and shows a task's box as its state, the marks moved with the words", () => {
		expect(shownMatch({ text: "- [ ] Ask the board chair", marks: [[10, 15]] })).toEqual({ text: "☐ Ask the board chair", marks: [[6, 11]] });
		expect(shownMatch({ text: "  * [x] Booked the offsite", marks: [[8, 14]] })).toEqual({ text: "☑ Booked the offsite", marks: [[2, 8]] });
		expect(shownMatch({ text: "- The CFO thing", marks: [[6, 9]] })).toEqual({ text: "The CFO thing", marks: [[4, 7]] });
	});

	it("keeps a numbered item's number, and a paragraph that is no list item as written", () => {
		expect(shownMatch({ text: "2. [-] Call the recruiter", marks: [[12, 15]] })).toEqual({ text: "2. ☒ Call the recruiter", marks: [[10, 13]] });
		expect(shownMatch({ text: "3. The budget", marks: [[7, 13]] })).toEqual({ text: "3. The budget", marks: [[7, 13]] });
		expect(shownMatch({ text: "She said [x] marks the spot.", marks: [[0, 3]] })).toEqual({ text: "She said [x] marks the spot.", marks: [[0, 3]] });
	});
});
