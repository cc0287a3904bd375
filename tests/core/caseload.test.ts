import { describe, expect, it } from "vitest";
import { caseloadRows, type CaseloadRow } from "../../src/core/brief/caseload";
import { DEFAULT_SORT, filterCaseload, sortCaseload } from "../../src/core/brief/caseload-table";
import { aboutWords, dueStateWords } from "../../src/core/brief/copy";
import { NotesVault } from "../helpers/notes-vault";

function client(name: string, cadence?: string, extra = ""): string {
	return `---\ntype: client\n${cadence ? `cadence: ${cadence}\n` : ""}${extra}---\n# ${name}\n`;
}

function session(name: string, date: string, body = "Talked.\n"): string {
	return `---\ntype: session\nclient: "[[${name}]]"\ndate: ${date}\n---\n${body}`;
}

/** The due state of one client with a cadence and a last session, on a day. */
function stateOn(cadence: string, lastSession: string, today: string): string {
	const vault = new NotesVault({ "Clients/Maya Chen.md": client("Maya Chen", cadence), [`Sessions/${lastSession}.md`]: session("Maya Chen", lastSession) });
	const [row] = caseloadRows(vault.index, today);
	return dueStateWords((row as CaseloadRow).detail.dueState);
}

describe("where a client stands against their cadence", () => {
	it.each([
		// Soon is a week ahead, or half the cadence when shorter: a weekly client is not due for the first days.
		["weekly", "2026-06-23", "2026-06-26", "not due"],
		["weekly", "2026-06-23", "2026-06-27", "due in 3 days"],
		["weekly", "2026-06-23", "2026-06-29", "due tomorrow"],
		["weekly", "2026-06-23", "2026-06-30", "due today"],
		["weekly", "2026-06-23", "2026-07-01", "overdue by 1 day"],
		["fortnightly", "2026-06-16", "2026-06-23", "due in 7 days"],
		["fortnightly", "2026-06-16", "2026-06-22", "not due"],
		["fortnightly", "2026-06-16", "2026-06-30", "due today"],
		["fortnightly", "2026-06-16", "2026-07-09", "overdue by 9 days"],
		// A month after 31 January is the last day of February, and after 31 May, 30 June.
		["monthly", "2026-01-31", "2026-02-27", "due tomorrow"],
		["monthly", "2026-01-31", "2026-02-28", "due today"],
		["monthly", "2026-01-31", "2026-03-01", "overdue by 1 day"],
		["monthly", "2026-05-31", "2026-06-30", "due today"],
		["monthly", "2026-12-15", "2027-01-15", "due today"],
		["every 3 weeks", "2026-06-01", "2026-06-20", "due in 2 days"],
		["every 3 weeks", "2026-06-01", "2026-06-22", "due today"],
		["10 days", "2026-06-20", "2026-06-30", "due today"],
		["10 days", "2026-06-20", "2026-06-24", "not due"],
		["10 days", "2026-06-20", "2026-06-25", "due in 5 days"],
		["10", "2026-06-20", "2026-07-01", "overdue by 1 day"],
	])("%s after %s, on %s: %s", (cadence, last, today, words) => {
		expect(stateOn(cadence, last, today)).toBe(words);
	});

	it("is nothing for a past client, whatever their note's cadence still says", () => {
		const vault = new NotesVault({ "Clients/Archive/Ruth Okafor.md": client("Ruth Okafor", "monthly"), "Sessions/2026-02-19.md": session("Ruth Okafor", "2026-02-19") });
		const [row] = caseloadRows(vault.index, "2026-06-30");
		expect(dueStateWords((row as CaseloadRow).detail.dueState)).toBe("past client");
	});

	it("is due now with no session yet, says an unreadable cadence is one, and says when there is none", () => {
		const vault = new NotesVault({
			"Clients/New One.md": client("New One", "weekly"),
			"Clients/Odd One.md": client("Odd One", "when it feels right"),
			"Clients/Free One.md": client("Free One"),
		});
		const states = Object.fromEntries(caseloadRows(vault.index, "2026-06-30").map((row) => [row.entry.name, dueStateWords(row.detail.dueState)]));
		expect(states).toEqual({ "New One": "due now: no session yet", "Odd One": "cadence unreadable", "Free One": "no cadence" });
	});
});

describe("what each line counts", () => {
	const vault = new NotesVault({
		"Clients/Maya Chen.md": client("Maya Chen", "weekly", "") + "Two kids, a half marathon in October, a new manager she has not met yet.\n",
		"Sessions/2026-06-02 Maya.md": session("Maya Chen", "2026-06-02", "## Commitments\n- [ ] Ask Dana for feedback\n## My commitments\n- [ ] Send Maya the article\n"),
		"Sessions/2026-06-16 Maya.md": session("Maya Chen", "2026-06-16", "She talked about the reorg for most of the hour.\n## Commitments\n- [ ] Ask Dana for feedback\n- [x] Book the offsite\n"),
		"Daily/2026-06-10.md": "Thinking about [[Maya Chen]] and the reorg.\n",
		"Daily/2026-06-20.md": "Saw [[Maya Chen]]'s talk announced.\n",
	});
	const [row] = caseloadRows(vault.index, "2026-06-30");

	it("open commitments, theirs and the coach's own apart", () => {
		expect(row?.entry.openCommitments).toBe(2);
		expect(row?.detail).toMatchObject({ openTheirs: 1, openMine: 1 });
	});

	it("mentions since the last session only", () => {
		expect(row?.detail.mentionsSince).toBe(1);
	});

	it("depth: about how many words the client note and the sessions hold after their properties", () => {
		const characters = ["# Maya Chen\nTwo kids, a half marathon in October, a new manager she has not met yet.", "## Commitments\n- [ ] Ask Dana for feedback\n## My commitments\n- [ ] Send Maya the article", "She talked about the reorg for most of the hour.\n## Commitments\n- [ ] Ask Dana for feedback\n- [x] Book the offsite"].reduce(
			(total, text) => total + text.length,
			0,
		);
		expect(row?.detail.depthWords).toBe(Math.round(characters / 6));
		expect(aboutWords(1234)).toBe("about 1,200 words");
		expect(aboutWords(52)).toBe("about 52 words");
		expect(aboutWords(1)).toBe("about 1 word");
	});

	it("depth counts a log kept in the client note once, with the note", () => {
		const log = "---\ntype: client\n---\n# Sam Okoro\n## 2026-06-02\nTalked about the move.\n## 2026-06-16\nThe move happened.\n";
		const vault = new NotesVault({ "Clients/Sam Okoro.md": log });
		const [sam] = caseloadRows(vault.index, "2026-06-30");
		expect(sam?.entry.sessionCount).toBe(2);
		expect(sam?.detail.depthWords).toBe(Math.round(log.slice(log.indexOf("# Sam")).trimEnd().length / 6));
	});
});

describe("sorting and filtering the caseload", () => {
	const vault = new NotesVault({
		"Clients/Ana Costa.md": client("Ana Costa", "fortnightly", "aliases: [Ana]\n"),
		"Clients/Tomás Rivera.md": client("Tomás Rivera", "monthly", "aliases: [Tomás]\n"),
		"Clients/Sam Okoro.md": client("Sam Okoro"),
		"Clients/Archive/Ruth Okafor.md": client("Ruth Okafor"),
		"Sessions/2026-06-16 Ana.md": session("Ana Costa", "2026-06-16", "- [ ] One\n- [ ] Two\n"),
		"Sessions/2026-05-21 Tomás.md": session("Tomás Rivera", "2026-05-21", "- [ ] One\n"),
		"Sessions/2026-06-23 Sam.md": session("Sam Okoro", "2026-06-23", "A long conversation about everything that happened at work and at home this month.\n"),
		"Sessions/2026-02-19 Ruth.md": session("Ruth Okafor", "2026-02-19"),
	});
	const rows = caseloadRows(vault.index, "2026-06-30");
	const names = (sorted: readonly CaseloadRow[]) => sorted.map((row) => row.entry.name);

	it("by cadence first: the most overdue, then due today, then the rest by how long since you spoke, past clients last", () => {
		expect(names(sortCaseload(rows, DEFAULT_SORT))).toEqual(["Tomás Rivera", "Ana Costa", "Sam Okoro", "Ruth Okafor"]);
	});

	it("by each column, either way", () => {
		expect(names(sortCaseload(rows, { column: "name", descending: false }))).toEqual(["Ana Costa", "Ruth Okafor", "Sam Okoro", "Tomás Rivera"]);
		expect(names(sortCaseload(rows, { column: "last", descending: false }))).toEqual(["Ruth Okafor", "Tomás Rivera", "Ana Costa", "Sam Okoro"]);
		expect(names(sortCaseload(rows, { column: "last", descending: true }))).toEqual(["Sam Okoro", "Ana Costa", "Tomás Rivera", "Ruth Okafor"]);
		expect(names(sortCaseload(rows, { column: "open", descending: true }))).toEqual(["Ana Costa", "Tomás Rivera", "Ruth Okafor", "Sam Okoro"]);
		expect(names(sortCaseload(rows, { column: "depth", descending: true }))[0]).toBe("Sam Okoro");
		expect(names(sortCaseload(rows, { column: "sessions", descending: false }))).toEqual(["Ana Costa", "Ruth Okafor", "Sam Okoro", "Tomás Rivera"]);
	});

	it("by status and by words of a name or alias, in any case and with or without accents", () => {
		expect(names(filterCaseload(rows, { text: "", status: "archived" }))).toEqual(["Ruth Okafor"]);
		expect(names(filterCaseload(rows, { text: "", status: "active" }))).toHaveLength(3);
		expect(names(filterCaseload(rows, { text: "tomas", status: "all" }))).toEqual(["Tomás Rivera"]);
		expect(names(filterCaseload(rows, { text: "OKO", status: "all" }))).toEqual(["Sam Okoro"]);
		expect(names(filterCaseload(rows, { text: "ana costa", status: "all" }))).toEqual(["Ana Costa"]);
		expect(names(filterCaseload(rows, { text: "ana okoro", status: "all" }))).toEqual([]);
	});
});
