import { describe, expect, it } from "vitest";
import { NotesVault } from "../helpers/notes-vault";

const MAYA = { "Clients/Maya Chen.md": "---\ntype: client\n---\n" };

function session(date: string, body: string, client = '"[[Maya Chen]]"'): string {
	return `---\nclient: ${client}\ndate: ${date}\n---\n${body}`;
}

const INTENTIONS = [
	"## Who do I want to show up as?",
	"- [x] The person who listens to them better than anyone else in their life",
	"- [ ] Someone who cares",
	"",
].join("\n");

function openTexts(vault: NotesVault, name = "Maya Chen"): string[] {
	return vault.brief(name).openCommitments.map((commitment) => commitment.text);
}

describe("a commitment", () => {
	it("is a task with text in a session note", () => {
		const vault = new NotesVault({
			...MAYA,
			"Sessions/2026-06-02.md": session("2026-06-02", "## Commitments\n- [ ] Ask Dana about the team lead role\n- [ ] \n- [ ]\n"),
		});
		expect(openTexts(vault)).toEqual(["Ask Dana about the team lead role"]);
	});

	it("is never the intention checklist, ticked or not", () => {
		const vault = new NotesVault({
			...MAYA,
			"Sessions/2026-06-02.md": session("2026-06-02", `${INTENTIONS}## What she brought\nThe launch.\n- [ ] Sleep before 11 on weeknights\n`),
		});
		expect(openTexts(vault)).toEqual(["Sleep before 11 on weeknights"]);
	});

	it("is never in the reflection section, nor under its sub-headings", () => {
		const vault = new NotesVault({
			...MAYA,
			"Sessions/2026-06-02.md": session(
				"2026-06-02",
				"## Commitments\n- [ ] Call her sister\n## How did I show up?\n- [ ] Someone who cares\n### Notes to self\n- [ ] Slow down at the start\n## After\n- [ ] Book the next call\n",
			),
		});
		expect(openTexts(vault)).toEqual(["Call her sister", "Book the next call"]);
	});

	it("matches the intention heading however it is decorated", () => {
		const vault = new NotesVault({
			...MAYA,
			"Sessions/2026-06-02.md": session("2026-06-02", "### 🧭 Who do I want to show up as\n- [ ] Curious, not clever\n"),
		});
		expect(openTexts(vault)).toEqual([]);
	});

	it("follows the configured intention heading", () => {
		const vault = new NotesVault(
			{ ...MAYA, "Sessions/2026-06-02.md": session("2026-06-02", "## My stance today\n- [ ] Curious, not clever\n- [ ] Not mine\n") },
			{ settings: { intentionHeading: "My stance today" } },
		);
		expect(openTexts(vault)).toEqual([]);
	});

	it.each([
		[" ", true],
		["/", true],
		["x", false],
		["X", false],
		["-", false],
		[">", false],
		["?", false],
	])("with status [%s] is open: %s", (status, open) => {
		const vault = new NotesVault({ ...MAYA, "Sessions/2026-06-02.md": session("2026-06-02", `- [${status}] Draft the offer letter\n`) });
		expect(openTexts(vault)).toEqual(open ? ["Draft the offer letter"] : []);
	});
});

describe("a commitment carried over", () => {
	const carried = {
		...MAYA,
		"Sessions/2026-05-19.md": session("2026-05-19", "- [ ] Talk to  Dana about the promotion\n- [ ] Run three times a week\n"),
		"Sessions/2026-06-02.md": session("2026-06-02", "- [ ] talk to dana about the promotion \n- [x] Run three times a week\n"),
	};

	it("is listed once, with the latest session that has it and the session where it first appeared", () => {
		const vault = new NotesVault(carried);
		expect(vault.brief("Maya Chen").openCommitments).toEqual([
			{
				text: "talk to dana about the promotion",
				open: true,
				status: " ",
				path: "Sessions/2026-06-02.md",
				heading: null,
				date: "2026-06-02",
				firstPath: "Sessions/2026-05-19.md",
				firstHeading: null,
				firstDate: "2026-05-19",
				owner: "client",
				sessions: 2,
				dropped: false,
			},
		]);
	});

	it("says how many sessions carried it, and when it was dropped without a word", () => {
		const vault = new NotesVault({
			...carried,
			"Sessions/2026-06-16.md": session("2026-06-16", "- [ ] Talk to Dana about the promotion\n"),
			"Sessions/2026-06-30.md": session("2026-06-30", "- [ ] Book the August holiday\n"),
		});
		expect(vault.brief("Maya Chen").openCommitments.map(({ text, sessions, dropped }) => [text, sessions, dropped])).toEqual([
			["Book the August holiday", 1, false],
			["Talk to Dana about the promotion", 3, true],
		]);
	});

	it("once closed, is listed among the closed, the most recently closed first, with where it was closed", () => {
		const vault = new NotesVault({ ...carried, "Sessions/2026-06-16.md": session("2026-06-16", "- [x] Talk to Dana about the promotion\n") });
		expect(vault.brief("Maya Chen").closedCommitments.map(({ text, path, firstDate }) => [text, path, firstDate])).toEqual([
			["Talk to Dana about the promotion", "Sessions/2026-06-16.md", "2026-05-19"],
			["Run three times a week", "Sessions/2026-06-02.md", "2026-05-19"],
		]);
	});

	it("is closed when the latest session that has it ticks it", () => {
		const vault = new NotesVault({ ...carried, "Sessions/2026-06-16.md": session("2026-06-16", "- [x] Talk to Dana about the promotion\n") });
		expect(openTexts(vault)).toEqual([]);
	});

	it("reopens when a later session writes it open again", () => {
		const vault = new NotesVault({
			...carried,
			"Sessions/2026-06-16.md": session("2026-06-16", "- [x] Talk to Dana about the promotion\n"),
			"Sessions/2026-06-30.md": session("2026-06-30", "- [ ] Talk to Dana about the promotion\n"),
		});
		expect(vault.brief("Maya Chen").openCommitments.map((commitment) => [commitment.date, commitment.firstDate])).toEqual([
			["2026-06-30", "2026-05-19"],
		]);
	});

	it("sessions without the task do not close it: only a session that has it decides", () => {
		const vault = new NotesVault({ ...carried, "Sessions/2026-06-16.md": session("2026-06-16", "We talked about her father.\n") });
		expect(openTexts(vault)).toEqual(["talk to dana about the promotion"]);
	});
});

describe("in a group session", () => {
	const circle = {
		...MAYA,
		"Clients/Sam Ortiz.md": "---\ntype: client\n---\n",
		"Clients/Ruth Mensah.md": "---\ntype: client\n---\n",
		"Sessions/2026-06-04 Circle.md": session(
			"2026-06-04",
			[
				"- [ ] [[Sam Ortiz]] shares his hiring plan with the group",
				"- [ ] [[Maya Chen]] and [[Ruth Mensah]] pair on the budget",
				"- [ ] Everyone brings one thing they stopped doing",
				"- [ ] Read [[Radical Candor]] before next time",
			].join("\n"),
			'["[[Maya Chen]]", "[[Sam Ortiz]]", "[[Ruth Mensah]]"]',
		),
	};
	const vault = new NotesVault(circle);

	it("a task that links one client belongs to that client only", () => {
		expect(openTexts(vault, "Sam Ortiz")).toEqual([
			"[[Sam Ortiz]] shares his hiring plan with the group",
			"Everyone brings one thing they stopped doing",
			"Read [[Radical Candor]] before next time",
		]);
	});

	it("a task that links several clients belongs to each of them", () => {
		expect(openTexts(vault, "Ruth Mensah")).toContain("[[Maya Chen]] and [[Ruth Mensah]] pair on the budget");
		expect(openTexts(vault, "Maya Chen")).toContain("[[Maya Chen]] and [[Ruth Mensah]] pair on the budget");
	});

	it("a task that links none of the session's clients belongs to every client", () => {
		for (const name of ["Maya Chen", "Sam Ortiz", "Ruth Mensah"]) {
			expect(openTexts(vault, name)).toContain("Everyone brings one thing they stopped doing");
			expect(openTexts(vault, name)).toContain("Read [[Radical Candor]] before next time");
		}
	});
});

describe("open commitments are ordered", () => {
	it("the most recently carried first, in note order within a session", () => {
		const vault = new NotesVault({
			...MAYA,
			"Sessions/2026-05-19.md": session("2026-05-19", "- [ ] Older one\n"),
			"Sessions/2026-06-02.md": session("2026-06-02", "- [ ] First on the page\n- [ ] Second on the page\n"),
		});
		expect(openTexts(vault)).toEqual(["First on the page", "Second on the page", "Older one"]);
	});
});

describe("whose promise a commitment is", () => {
	it("the coach's, under their own headings or tagged #me; the client's otherwise", () => {
		const vault = new NotesVault({
			...MAYA,
			"Sessions/2026-06-02.md": session(
				"2026-06-02",
				"## Commitments\n- [ ] Draft the offer letter\n- [ ] Send Maya the article #me\n- [ ] Plan the #meeting agenda\n## My commitments\n- [ ] Find the book she asked about\n### Later\n- [ ] Check in by email\n",
			),
		});
		expect(vault.brief("Maya Chen").openCommitments.map(({ text, owner }) => [text, owner])).toEqual([
			["Draft the offer letter", "client"],
			["Send Maya the article #me", "coach"],
			["Plan the #meeting agenda", "client"],
			["Find the book she asked about", "coach"],
			["Check in by email", "coach"],
		]);
	});

	it("follows the headings chosen in the settings", () => {
		const vault = new NotesVault(
			{ ...MAYA, "Sessions/2026-06-02.md": session("2026-06-02", "## On me\n- [ ] Find the book\n## For me\n- [ ] Draft the letter\n") },
			{ settings: { coachCommitmentHeadings: ["On me"] } },
		);
		expect(vault.brief("Maya Chen").openCommitments.map(({ text, owner }) => [text, owner])).toEqual([
			["Find the book", "coach"],
			["Draft the letter", "client"],
		]);
	});

	it("stays the coach's once a session writes it as theirs, though the next session note carries it under Commitments", () => {
		const vault = new NotesVault({
			...MAYA,
			"Sessions/2026-06-02.md": session("2026-06-02", "## My commitments\n- [ ] Send Maya the agreement\n"),
			"Sessions/2026-06-16.md": session("2026-06-16", "## Commitments\n- [ ] Send Maya the agreement\n"),
		});
		expect(vault.brief("Maya Chen").openCommitments.map(({ text, owner }) => [text, owner])).toEqual([["Send Maya the agreement", "coach"]]);
	});
});

describe("closed commitments", () => {
	it("are the ones done: a cancelled or forwarded one is not closed", () => {
		const vault = new NotesVault({ ...MAYA, "Sessions/2026-06-02.md": session("2026-06-02", "- [x] Done\n- [-] Cancelled\n- [>] Forwarded\n- [ ] Open\n") });
		expect(vault.brief("Maya Chen").closedCommitments.map(({ text }) => text)).toEqual(["Done"]);
	});
});

describe("a commitment whose due date moves", () => {
	it("is the same promise, carried, not dropped: the Tasks plugin's dates, priorities and Dataview fields are not its words", () => {
		const vault = new NotesVault({
			...MAYA,
			"Sessions/2026-05-05.md": session("2026-05-05", "- [ ] Draft the two-year story for ops 📅 2026-05-26\n"),
			"Sessions/2026-05-26.md": session("2026-05-26", "- [/] Draft the two-year story for ops 📅 2026-05-26 ⏫\n"),
			"Sessions/2026-06-16.md": session("2026-06-16", "- [ ] Draft the two-year story for ops [due:: 2026-07-07]\n"),
		});
		const [commitment, ...others] = vault.brief("Maya Chen").openCommitments;
		expect(others).toEqual([]);
		expect(commitment).toMatchObject({ text: "Draft the two-year story for ops [due:: 2026-07-07]", firstDate: "2026-05-05", sessions: 3, dropped: false });
	});
});
