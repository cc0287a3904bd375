import { describe, expect, it } from "vitest";
import { BriefReader } from "../../src/core/brief/brief-text";
import { NotesVault } from "../helpers/notes-vault";

/** A client who never made a note per conversation: her log lives in her note, newest entry first. */
const PRIYA_NEWEST_FIRST = `---
type: client
cadence: fortnightly
---
# Priya Raman

## What makes them happy
Her allotment on Saturday mornings.

## Session log

### 2026-10-26
She said yes to the CPO offer, then lay awake.
- [ ] Write down what "yes" costs her, before Friday
- [x] Tell Tom about the offer

### 2026-10-12 · The CPO offer
The offer came in on a Tuesday. #career
- [ ] Ask for the role description in writing

### 12 Sep 2026
First call. She wants to stop proving herself.
`;

const PRIYA_OLDEST_FIRST = `---
type: client
---
## Session log
### 12 Sep 2026
First call.
### 2026-10-12 · The CPO offer
The offer. #career
### 2026-10-26
Said yes.
`;

function sessionHeadings(vault: NotesVault, name: string): (string | null)[] {
	return vault.brief(name, AFTER_EVERY_SESSION).sessions.map((session) => session.heading);
}

// These vaults are dated through the autumn: a day after all of it, so every session is one held.
const AFTER_EVERY_SESSION = "2026-12-31";

describe("a running log in the client's note", () => {
	it("makes each dated entry a session, newest first in the brief, numbered in date order", () => {
		const vault = new NotesVault({ "Clients/Priya Raman.md": PRIYA_NEWEST_FIRST });
		const brief = vault.brief("Priya Raman", "2026-11-02");
		expect(brief.sessions.map(({ heading, date, number }) => ({ heading, date, number }))).toEqual([
			{ heading: "2026-10-26", date: "2026-10-26", number: 3 },
			{ heading: "2026-10-12 · The CPO offer", date: "2026-10-12", number: 2 },
			{ heading: "12 Sep 2026", date: "2026-09-12", number: 1 },
		]);
		expect(brief.lastSession).toMatchObject({ path: "Clients/Priya Raman.md", heading: "2026-10-26", date: "2026-10-26" });
		expect(brief.nextSessionNumber).toBe(4);
		expect(brief.daysSinceLastSession).toBe(7);
	});

	it("reads a log kept oldest first the same way", () => {
		const vault = new NotesVault({ "Clients/Priya Raman.md": PRIYA_OLDEST_FIRST });
		expect(sessionHeadings(vault, "Priya Raman")).toEqual(["2026-10-26", "2026-10-12 · The CPO offer", "12 Sep 2026"]);
	});

	it("never takes the profile or the log's own heading for a session", () => {
		const vault = new NotesVault({ "Clients/Priya Raman.md": PRIYA_NEWEST_FIRST });
		expect(sessionHeadings(vault, "Priya Raman")).not.toContain("What makes them happy");
		expect(sessionHeadings(vault, "Priya Raman")).not.toContain("Session log");
		expect(vault.brief("Priya Raman", AFTER_EVERY_SESSION).sessionCount).toBe(3);
	});

	it("takes each entry's tasks and tags from that entry alone", () => {
		const vault = new NotesVault({ "Clients/Priya Raman.md": PRIYA_NEWEST_FIRST });
		const brief = vault.brief("Priya Raman", "2026-11-02");
		expect(brief.openCommitments.map(({ text, heading }) => ({ text, heading }))).toEqual([
			{ text: 'Write down what "yes" costs her, before Friday', heading: "2026-10-26" },
			{ text: "Ask for the role description in writing", heading: "2026-10-12 · The CPO offer" },
		]);
		expect(brief.themes).toEqual([{ tag: "career", count: 1 }]);
	});

	it("sees a commitment carried from one entry to the next as one, first written in the earlier entry", () => {
		const log = `---\ntype: client\n---\n## 2026-10-26\n- [ ] Book the holiday\n## 2026-10-12\n- [ ] book the  holiday\n`;
		const vault = new NotesVault({ "Clients/Priya Raman.md": log });
		expect(vault.brief("Priya Raman", AFTER_EVERY_SESSION).openCommitments).toMatchObject([
			{ text: "Book the holiday", heading: "2026-10-26", firstHeading: "2026-10-12", firstDate: "2026-10-12" },
		]);
	});

	it("shows an entry's own text as where we left off, its excerpt and its read-back, and nothing of the rest of the note", async () => {
		const vault = new NotesVault({ "Clients/Priya Raman.md": PRIYA_NEWEST_FIRST });
		const json = await vault.briefJson("Priya Raman", "2026-11-02");
		expect(json.sessions[0]).toMatchObject({ path: "Clients/Priya Raman.md", heading: "2026-10-26" });
		const brief = vault.brief("Priya Raman", "2026-11-02");
		const [latest, middle] = brief.sessions;
		if (!latest || !middle) throw new Error("sessions missing");
		const reader = new BriefReader(vault.index, vault, vault.settings);
		expect(await reader.excerpt(middle)).toEqual([
			"The offer came in on a Tuesday. #career",
			"- [ ] Ask for the role description in writing",
		]);
		const conversation = await reader.conversation(latest);
		expect(conversation).toContain("She said yes to the CPO offer");
		expect(conversation).not.toContain("allotment");
		expect(conversation).not.toContain("The offer came in");
	});

	it("reads dated headings in the shapes coaches write them", () => {
		const headings = ["## 12 Oct 2026", "## 2026-10-19 · Debrief", "## Session 4 (2026-10-26)", "## [[2026-11-02]]", "## October 12, 2026"];
		const vault = new NotesVault({ "Clients/Priya Raman.md": `---\ntype: client\n---\n${headings.join("\nNotes.\n")}\nNotes.\n` });
		expect(vault.brief("Priya Raman", AFTER_EVERY_SESSION).sessions.map((session) => session.date)).toEqual([
			"2026-11-02",
			"2026-10-26",
			"2026-10-19",
			"2026-10-12",
			"2026-10-12",
		]);
	});
});

const DAILY = `---
date: 2026-10-20
---
# Tuesday 20 October

## Errands
- [ ] Renew insurance
- [ ] Buy printer ink

## Coaching: [[Sam Okoro|Sam]]
Sam is tired of being the calm one. #energy
- [ ] Sam: block two evenings with no laptop

## Call with Maya
The launch slipped again.
- [ ] Maya asks Dana for the real date

## Later
Saw [[Ruth Mensah]]'s post about the move.
`;

const CLIENTS = {
	"Clients/Sam Okoro.md": "---\ntype: client\n---\n",
	"Clients/Maya Chen.md": "---\ntype: client\naliases: [Maya]\n---\n",
	"Clients/Ruth Mensah.md": "---\ntype: client\n---\n",
};

describe("a client's section of a dated note", () => {
	it("is a session with that client on the note's date, named by a link, an alias or a first name", () => {
		const vault = new NotesVault({ ...CLIENTS, "Daily/2026-10-20.md": DAILY });
		expect(vault.brief("Sam Okoro", AFTER_EVERY_SESSION).sessions).toMatchObject([{ path: "Daily/2026-10-20.md", heading: "Coaching: [[Sam Okoro|Sam]]", date: "2026-10-20" }]);
		expect(vault.brief("Maya Chen", AFTER_EVERY_SESSION).sessions).toMatchObject([{ path: "Daily/2026-10-20.md", heading: "Call with Maya", date: "2026-10-20" }]);
	});

	it("gives each client the tasks of their own section only: errands are nobody's commitments", () => {
		const vault = new NotesVault({ ...CLIENTS, "Daily/2026-10-20.md": DAILY });
		expect(vault.brief("Sam Okoro", AFTER_EVERY_SESSION).openCommitments.map((commitment) => commitment.text)).toEqual(["Sam: block two evenings with no laptop"]);
		expect(vault.brief("Maya Chen", AFTER_EVERY_SESSION).openCommitments.map((commitment) => commitment.text)).toEqual(["Maya asks Dana for the real date"]);
		expect(vault.brief("Sam Okoro", AFTER_EVERY_SESSION).themes).toEqual([{ tag: "energy", count: 1 }]);
	});

	it("makes a passing link a mention, not a session", () => {
		const vault = new NotesVault({ ...CLIENTS, "Daily/2026-10-20.md": DAILY });
		expect(vault.brief("Ruth Mensah", AFTER_EVERY_SESSION).sessionCount).toBe(0);
		expect(vault.brief("Ruth Mensah", AFTER_EVERY_SESSION).mentionsSinceLastSession).toEqual([{ path: "Daily/2026-10-20.md", date: "2026-10-20", dateFrom: "property" }]);
	});

	it("reads back a section alone: another client's words never show in this client's brief", async () => {
		const vault = new NotesVault({ ...CLIENTS, "Daily/2026-10-20.md": DAILY });
		const [session] = vault.brief("Sam Okoro", AFTER_EVERY_SESSION).sessions;
		if (!session) throw new Error("no session");
		const text = await new BriefReader(vault.index, vault, vault.settings).conversation(session);
		expect(text).toContain("tired of being the calm one");
		expect(text).not.toContain("launch slipped");
		expect(text).not.toContain("printer ink");
	});

	it("makes no client and no session of a heading that names no client", () => {
		const vault = new NotesVault({ ...CLIENTS, "Daily/2026-10-20.md": DAILY });
		expect(vault.clientNames()).toEqual(["Maya Chen", "Ruth Mensah", "Sam Okoro"]);
		expect(vault.index.sessionsIn("Daily/2026-10-20.md").map((session) => session.heading?.text)).toEqual([
			"Coaching: [[Sam Okoro|Sam]]",
			"Call with Maya",
		]);
	});

	it("names nobody by a first name two clients share", () => {
		const vault = new NotesVault({
			"Clients/Sam Okoro.md": "---\ntype: client\n---\n",
			"Clients/Sam Lee.md": "---\ntype: client\n---\n",
			"Daily/2026-10-20.md": "## Coaching: Sam\nWho was it?\n",
		});
		expect(vault.brief("Sam Okoro", AFTER_EVERY_SESSION).sessionCount).toBe(0);
		expect(vault.brief("Sam Lee", AFTER_EVERY_SESSION).sessionCount).toBe(0);
	});

	it("needs the note to have a date of its own: a date property or one in its name", () => {
		const vault = new NotesVault({ ...CLIENTS, "Notes/Ideas.md": "## Coaching: [[Sam Okoro]]\nAn idea for Sam.\n" });
		expect(vault.brief("Sam Okoro", AFTER_EVERY_SESSION).sessionCount).toBe(0);
	});
});

describe("a session note holding a log", () => {
	it("is one session when its sections share a date, and one per section when they are dated differently", () => {
		const vault = new NotesVault({
			...CLIENTS,
			"Sessions/Circle.md": '---\nclient: ["[[Sam Okoro]]", "[[Maya Chen]]"]\n---\n## 2026-10-06\nFirst circle.\n## 2026-10-20\nSecond circle.\n',
			"Sessions/2026-10-27 Sam.md": '---\nclient: "[[Sam Okoro]]"\n---\n## 2026-10-27\nMorning.\n## Later that day\nMore.\n',
		});
		expect(vault.brief("Sam Okoro", AFTER_EVERY_SESSION).sessions.map(({ path, heading }) => ({ path, heading }))).toEqual([
			{ path: "Sessions/2026-10-27 Sam.md", heading: null },
			{ path: "Sessions/Circle.md", heading: "2026-10-20" },
			{ path: "Sessions/Circle.md", heading: "2026-10-06" },
		]);
		expect(vault.brief("Maya Chen", AFTER_EVERY_SESSION).sessionCount).toBe(2);
	});
});

describe("names written as plain text", () => {
	const session = (client: string) => `---\nclient: ${client}\ndate: 2026-10-20\n---\nWe talked.\n`;

	it("`client: Maya` names Maya Chen when she is the only client called Maya, and makes no phantom", () => {
		const vault = new NotesVault({ "Clients/Maya Chen.md": "---\ntype: client\n---\n", "Sessions/2026-10-20.md": session("Maya") });
		expect(vault.clientNames()).toEqual(["Maya Chen"]);
		expect(vault.brief("Maya Chen", AFTER_EVERY_SESSION).sessionCount).toBe(1);
	});

	it("`client: Maya` with two clients called Maya names neither: it is a client without a note", () => {
		const vault = new NotesVault({
			"Clients/Maya Chen.md": "---\ntype: client\n---\n",
			"Clients/Maya Lopez.md": "---\ntype: client\n---\n",
			"Sessions/2026-10-20.md": session("Maya"),
		});
		expect(vault.clientNames()).toEqual(["Maya", "Maya Chen", "Maya Lopez"]);
		expect(vault.brief("Maya Chen", AFTER_EVERY_SESSION).sessionCount).toBe(0);
	});

	it("a file name beats an alias, and an alias beats a first name", () => {
		const vault = new NotesVault({
			"Clients/Sam.md": "---\ntype: client\n---\n",
			"Clients/Samuel Okoro.md": "---\ntype: client\naliases: [Sam]\n---\n",
			"Clients/Ruth Mensah.md": "---\ntype: client\naliases: [Ruthie]\n---\n",
			"Clients/Ruthie Park.md": "---\ntype: client\n---\n",
			"Sessions/2026-10-20 Sam.md": session("Sam"),
			"Sessions/2026-10-21 Ruthie.md": `---\nclient: ruthie\ndate: 2026-10-21\n---\n`,
		});
		expect(vault.brief("Clients/Sam.md", AFTER_EVERY_SESSION).sessionCount).toBe(1);
		expect(vault.brief("Samuel Okoro", AFTER_EVERY_SESSION).sessionCount).toBe(0);
		expect(vault.brief("Ruth Mensah", AFTER_EVERY_SESSION).sessionCount).toBe(1);
		expect(vault.brief("Ruthie Park", AFTER_EVERY_SESSION).sessionCount).toBe(0);
	});

	it("`client: Example Corp` names the client whose note is Example-Corp: hyphens, underscores and spaces alike", () => {
		const vault = new NotesVault({ "Coaching/Clients/Example-Corp.md": "---\ntype: client\n---\n", "Sessions/2026-10-20.md": session("Example Corp") });
		expect(vault.clientNames()).toEqual(["Example-Corp"]);
		expect(vault.brief("Example-Corp", AFTER_EVERY_SESSION).sessionCount).toBe(1);
	});

	it("a meeting dated by meeting_date is dated so", () => {
		const vault = new NotesVault({
			"Clients/Maya Chen.md": "---\ntype: client\n---\n",
			"Meetings/Launch debrief.md": '---\nclient: "[[Maya Chen]]"\nmeeting_date: 2026-10-14\n---\n',
		});
		expect(vault.brief("Maya Chen", AFTER_EVERY_SESSION).sessions.map((session) => session.date)).toEqual(["2026-10-14"]);
	});
});

describe("finding a client by what a coach types", () => {
	const vault = new NotesVault({
		"Clients/Maya Chen.md": "---\ntype: client\n---\n",
		"Clients/Sam Okoro.md": "---\ntype: client\n---\n",
		"Clients/Sam Lee.md": "---\ntype: client\n---\n",
		"Coaching/Clients/Example-Corp.md": "---\ntype: client\n---\n",
	});

	it("takes a unique first name, and an organisation's name with spaces for hyphens", () => {
		expect(vault.client("maya").path).toBe("Clients/Maya Chen.md");
		expect(vault.client("Example Corp").path).toBe("Coaching/Clients/Example-Corp.md");
		expect(vault.client("example_corp").path).toBe("Coaching/Clients/Example-Corp.md");
	});

	it("says a first name two clients share is ambiguous", () => {
		expect(() => vault.client("Sam")).toThrow(/ambiguous/);
	});

	it("takes a name typed without its accents, once the name as typed finds no one", () => {
		const accents = new NotesVault({
			"Clients/Renée Dubois.md": "---\ntype: client\n---\n",
			"Clients/Zoë Achterberg.md": "---\ntype: client\n---\n",
			"Clients/José Martínez.md": "---\ntype: client\n---\n",
			"Clients/Jose Alvarez.md": "---\ntype: client\n---\n",
		});
		expect(accents.client("renee").path).toBe("Clients/Renée Dubois.md");
		expect(accents.client("Renee Dubois").path).toBe("Clients/Renée Dubois.md");
		expect(accents.client("Zoe").path).toBe("Clients/Zoë Achterberg.md");
		expect(accents.client("Jose Martinez").path).toBe("Clients/José Martínez.md");
		// Typed as written, José is José, not the Jose without an accent.
		expect(accents.client("José").path).toBe("Clients/José Martínez.md");
		expect(accents.client("Jose").path).toBe("Clients/Jose Alvarez.md");
	});
});

describe("the settings that govern sections", () => {
	it("with logs in client notes turned off, a client's dated headings are just their note", () => {
		const vault = new NotesVault({ "Clients/Priya Raman.md": PRIYA_NEWEST_FIRST }, { settings: { readClientNoteLogs: false } });
		expect(vault.brief("Priya Raman", AFTER_EVERY_SESSION).sessionCount).toBe(0);
	});

	it("with words that mark a conversation, a day's heading must hold one of them as well as a client's name", () => {
		const vault = new NotesVault(
			{ ...CLIENTS, "Daily/2026-10-20.md": DAILY },
			{ settings: { dayNoteSessionWords: ["Coaching"] } },
		);
		expect(vault.brief("Sam Okoro", AFTER_EVERY_SESSION).sessionCount).toBe(1);
		expect(vault.brief("Maya Chen", AFTER_EVERY_SESSION).sessionCount).toBe(0);
	});
});
