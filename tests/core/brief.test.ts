import type { CoachingSettings } from "../../src/core/settings/settings";
import { describe, expect, it } from "vitest";
import { dueBy, parseCadence } from "../../src/core/brief/cadence";
import { caseloadJson } from "../../src/core/brief/caseload";
import { NotesVault } from "../helpers/notes-vault";

const MAYA_NOTE = [
	"---",
	"type: client",
	"aliases: [Maya]",
	"---",
	"# Maya Chen",
	"Product manager, two kids, training for a half marathon.",
	"",
	"## Goals",
	"- Lead the platform team by spring",
	"",
	"## What keeps them awake at night",
	"Her manager's silence after the reorg.",
	"",
	"### Notes",
	"Mentioned twice in May.",
	"",
	"## What makes them happy",
	"Sunday long runs. Her daughter's terrible jokes.",
	"",
	"## Family",
	"Partner Lee, kids June (7) and Ollie (4).",
].join("\n");

function session(date: string, body = "", extra = ""): string {
	return `---\nclient: "[[Maya Chen]]"\ndate: ${date}\n${extra}---\n${body}`;
}

describe("mentions", () => {
	const vault = new NotesVault({
		"Clients/Maya Chen.md": MAYA_NOTE,
		"Sessions/2026-06-02.md": session("2026-06-02"),
		"Sessions/2026-06-16.md": session("2026-06-16", "She mentioned [[Maya Chen#Goals]] again."),
		"Daily/2026-06-10.md": "Thinking about [[Maya Chen]] and the reorg.",
		"Daily/2026-06-18.md": "Saw [[maya chen]]'s talk announced.",
		"Daily/2026-06-25.md": "Bumped into Dana who manages [[Clients/Maya Chen|Maya]].",
		"Projects/Talk ideas.md": '---\nspeaker: "[[Maya Chen]]"\ncreated: 2026-06-20\n---\n',
		"Daily/2026-06-26.md": "Nothing about clients today. Maya, the alias, is not a link.",
	});

	it("are other notes that link to the client, dated after the last session, newest first", () => {
		expect(vault.brief("Maya Chen").mentionsSinceLastSession).toEqual([
			{ path: "Daily/2026-06-25.md", date: "2026-06-25", dateFrom: "name" },
			{ path: "Projects/Talk ideas.md", date: "2026-06-20", dateFrom: "property" },
			{ path: "Daily/2026-06-18.md", date: "2026-06-18", dateFrom: "name" },
		]);
	});

	it("dated only by their file's times come after those dated by a property or a name, and say so", () => {
		const vault = new NotesVault(
			{
				"Clients/Maya Chen.md": MAYA_NOTE,
				"Sessions/2026-06-02.md": session("2026-06-02"),
				"Notes/Fresh clone.md": "For [[Maya Chen]]: a link in a note a fresh clone dated today.",
				"Daily/2026-06-10.md": "Coffee with [[Maya Chen]].",
			},
			{ times: { "Notes/Fresh clone.md": { ctime: 0, mtime: Date.UTC(2026, 5, 29, 8) } } },
		);
		expect(vault.brief("Maya Chen").mentionsSinceLastSession).toEqual([
			{ path: "Daily/2026-06-10.md", date: "2026-06-10", dateFrom: "name" },
			{ path: "Notes/Fresh clone.md", date: "2026-06-29", dateFrom: "file" },
		]);
	});

	it("take the modification time when nothing else dates them", () => {
		const dated = new NotesVault(
			{
				"Clients/Maya Chen.md": MAYA_NOTE,
				"Sessions/2026-06-02.md": session("2026-06-02"),
				"Notes/Reading list.md": "For [[Maya Chen]]: Radical Candor.",
			},
			{ times: { "Notes/Reading list.md": { ctime: 0, mtime: Date.UTC(2026, 5, 12, 8) } } },
		);
		expect(dated.brief("Maya Chen").mentionsSinceLastSession).toEqual([{ path: "Notes/Reading list.md", date: "2026-06-12", dateFrom: "file" }]);
	});
});

describe("themes", () => {
	it("are session tags counted once per session, by count then latest use, without marker tags", () => {
		const vault = new NotesVault({
			"Clients/Maya Chen.md": MAYA_NOTE,
			"Sessions/2026-05-05.md": session("2026-05-05", "#confidence and #Confidence again", "tags: [session, career/promotion]\n"),
			"Sessions/2026-05-19.md": session("2026-05-19", "#boundaries #coaching", "tags: [career/promotion]\n"),
			"Sessions/2026-06-02.md": session("2026-06-02", "#confidence #family", "tags: [client/active]\n"),
		});
		expect(vault.brief("Maya Chen").themes).toEqual([
			{ tag: "confidence", count: 2 },
			{ tag: "career/promotion", count: 2 },
			{ tag: "family", count: 1 },
			{ tag: "boundaries", count: 1 },
		]);
	});
});

describe("the profile", () => {
	it("is the client note's sections under the profile headings, in the configured order", async () => {
		const vault = new NotesVault({ "Clients/Maya Chen.md": MAYA_NOTE });
		expect((await vault.briefJson("Maya Chen")).profile).toEqual([
			{ heading: "What makes them happy", text: "Sunday long runs. Her daughter's terrible jokes." },
			{ heading: "What keeps them awake at night", text: "Her manager's silence after the reorg.\n\n### Notes\nMentioned twice in May." },
			{ heading: "Goals", text: "- Lead the platform team by spring" },
		]);
	});

	it("follows the profile headings setting; missing headings are simply absent", async () => {
		const vault = new NotesVault(
			{ "Clients/Maya Chen.md": MAYA_NOTE },
			{ settings: { profileHeadings: ["Family", "Values", "Goals"] } },
		);
		expect((await vault.briefJson("Maya Chen")).profile.map((section) => section.heading)).toEqual(["Family", "Goals"]);
	});
});

describe("cadence", () => {
	it.each([
		["weekly", { days: 7 }],
		["Fortnightly", { days: 14 }],
		["monthly", { months: 1 }],
		["every 3 weeks", { days: 21 }],
		["every 10 days", { days: 10 }],
		["10", { days: 10 }],
		["every 2 months", { months: 2 }],
		["whenever she likes", null],
	])("%s", (text, cadence) => {
		expect(parseCadence(text)).toEqual(cadence);
	});

	it("makes the next conversation due once today reaches the last session plus the cadence", () => {
		expect(dueBy({ days: 14 }, "2026-06-16", "2026-06-29")).toEqual({ dueDate: "2026-06-30", due: false, overdueDays: 0 });
		expect(dueBy({ days: 14 }, "2026-06-16", "2026-06-30")).toEqual({ dueDate: "2026-06-30", due: true, overdueDays: 0 });
		expect(dueBy({ days: 14 }, "2026-06-16", "2026-07-03")).toEqual({ dueDate: "2026-06-30", due: true, overdueDays: 3 });
	});

	it("counts calendar months for monthly", () => {
		expect(dueBy({ months: 1 }, "2026-01-31", "2026-02-28").dueDate).toBe("2026-02-28");
		expect(dueBy({ months: 1 }, "2026-03-15", "2026-04-14").due).toBe(false);
		expect(dueBy({ months: 1 }, "2026-03-15", "2026-04-15").due).toBe(true);
	});

	it("a client with a cadence and no session yet is due; without a cadence, never", () => {
		const vault = new NotesVault({
			"Clients/Maya Chen.md": "---\ntype: client\ncadence: weekly\n---\n",
			"Clients/Sam Ortiz.md": "---\ntype: client\n---\n",
			"Sessions/2026-01-05.md": '---\nclient: "[[Sam Ortiz]]"\n---\n',
		});
		const due = Object.fromEntries(vault.caseload().clients.map((client) => [client.name, client.due]));
		expect(due).toEqual({ "Maya Chen": true, "Sam Ortiz": false });
	});

	it("an unreadable cadence is shown as such and makes nothing due", () => {
		const vault = new NotesVault({ "Clients/Maya Chen.md": "---\ntype: client\ncadence: when it feels right\n---\n" });
		expect(vault.brief("Maya Chen").cadence).toEqual({ text: "when it feels right", readable: false, dueDate: null, due: false, overdueDays: 0 });
	});
});

describe("who the person is, above the profile", () => {
	async function about(clientNote: string, settings: Partial<CoachingSettings> = {}) {
		const vault = new NotesVault({ "Clients/Maya Chen.md": clientNote, "Sessions/2026-06-02 Maya.md": session("2026-06-02", "Talked.\n") }, { settings });
		return (await vault.briefJson("Maya Chen", "2026-06-30")).about;
	}

	it("is the text after the note's title and before its first other heading", async () => {
		expect(await about("---\ntype: client\n---\n# Maya Chen\n\nTwo kids, a dog called Biscuit.\nRuns on Sundays.\n\n## Goals\n- Lead\n")).toEqual({
			text: "Two kids, a dog called Biscuit.\nRuns on Sundays.",
			properties: {},
		});
	});

	it("is the text before the first heading when the note has no title, and nothing when a profile heading comes first", async () => {
		expect(await about("---\ntype: client\n---\nTwo kids.\n## Goals\n- Lead\n")).toEqual({ text: "Two kids.", properties: {} });
		expect(await about("---\ntype: client\n---\n## Goals\n- Lead\n")).toEqual({ text: "", properties: {} });
		expect(await about("---\ntype: client\n---\n# Maya Chen\n## Goals\n- Lead\n")).toEqual({ text: "", properties: {} });
		expect(await about("---\ntype: client\n---\nOnly a few lines,\nno headings at all.\n")).toEqual({ text: "Only a few lines,\nno headings at all.", properties: {} });
	});

	it("shows the chosen properties the note has, in the order chosen, as the note names them, lists joined, blanks and placeholders left out", async () => {
		const note = '---\ntype: client\nlocation: [Lisbon, Porto]\norganization: "[[Acme]]"\nRole: Head of platform\ncompany: ""\npronouns: "{{pronouns}}"\nfavourite: tea\n---\n';
		expect(await about(note)).toEqual({ text: "", properties: { Role: "Head of platform", organization: "[[Acme]]", location: "Lisbon, Porto" } });
		expect(await about(note, { aboutProperties: ["favourite", "location"] })).toEqual({ text: "", properties: { favourite: "tea", location: "Lisbon, Porto" } });
	});
});

describe("the brief as JSON", () => {
	const vault = new NotesVault({
		"Clients/Maya Chen.md": MAYA_NOTE,
		"Sessions/2026-06-02 Maya.md": session("2026-06-02", "## Commitments\n- [ ] Ask Dana for feedback\n", "tags: [feedback]\n"),
		"Sessions/2026-06-16 Maya.md": session("2026-06-16", "## What she brought\nThe reorg.\n## Commitments\n- [ ] Ask Dana for feedback\n"),
		"Daily/2026-06-20.md": "Coffee with [[Maya Chen]]'s old boss.",
	});

	it("holds exactly the fields of the contract", async () => {
		const json = await vault.briefJson("maya", "2026-06-30");
		expect(json).toEqual({
			client: { name: "Maya Chen", path: "Clients/Maya Chen.md", status: "active" },
			today: "2026-06-30",
			sessionCount: 2,
			nextSessionNumber: 3,
			lastSession: { path: "Sessions/2026-06-16 Maya.md", heading: null, date: "2026-06-16" },
			daysSinceLastSession: 14,
			sessions: [
				{ path: "Sessions/2026-06-16 Maya.md", heading: null, date: "2026-06-16", number: 2, title: "2026-06-16 Maya", clients: ["Clients/Maya Chen.md"] },
				{ path: "Sessions/2026-06-02 Maya.md", heading: null, date: "2026-06-02", number: 1, title: "2026-06-02 Maya", clients: ["Clients/Maya Chen.md"] },
			],
			plannedSessions: [],
			openCommitments: [
				{
					text: "Ask Dana for feedback",
					path: "Sessions/2026-06-16 Maya.md",
					heading: null,
					date: "2026-06-16",
					firstPath: "Sessions/2026-06-02 Maya.md",
					firstHeading: null,
					firstDate: "2026-06-02",
					owner: "client",
					sessions: 2,
					dropped: false,
				},
			],
			closedCommitments: [],
			mentionsSinceLastSession: [{ path: "Daily/2026-06-20.md", date: "2026-06-20", dateFrom: "name", excerpt: "Coffee with [[Maya Chen]]'s old boss." }],
			themes: [{ tag: "feedback", count: 1 }],
			held: [],
			quotes: [],
			intentionRecord: [],
			about: { text: "Product manager, two kids, training for a half marathon.", properties: {} },
			profile: [
				{ heading: "What makes them happy", text: "Sunday long runs. Her daughter's terrible jokes." },
				{ heading: "What keeps them awake at night", text: "Her manager's silence after the reorg.\n\n### Notes\nMentioned twice in May." },
				{ heading: "Goals", text: "- Lead the platform team by spring" },
			],
			intentions: ["The person who listens to them better than anyone else in their life", "Someone who cares"],
			problems: [],
		});
	});

	it("before the first session: no last session, and nothing is dated since", async () => {
		const fresh = new NotesVault({ "Clients/Sam Ortiz.md": "---\ntype: client\n---\n" });
		const json = await fresh.briefJson("Sam Ortiz");
		expect(json.lastSession).toBeNull();
		expect(json.daysSinceLastSession).toBeNull();
		expect(json.sessionCount).toBe(0);
		expect(json.nextSessionNumber).toBe(1);
	});
});

describe("the caseload", () => {
	it("lists every client, no session first, then by days since the last session; archived ones too", () => {
		const vault = new NotesVault({
			"Clients/Maya Chen.md": "---\ntype: client\ncadence: fortnightly\n---\n",
			"Clients/Sam Ortiz.md": "---\ntype: client\n---\n",
			"Clients/Ruth Mensah.md": "---\ntype: client\nstatus: archived\n---\n",
			"Clients/Leo Park.md": "---\ntype: client\n---\n",
			"Sessions/2026-06-16 Maya.md": '---\nclient: "[[Maya Chen]]"\n---\n- [ ] Ask Dana\n- [x] Run\n',
			"Sessions/2026-01-08 Ruth.md": '---\nclient: "[[Ruth Mensah]]"\n---\n',
			"Sessions/2026-05-02 Leo.md": '---\nclient: "[[Leo Park]]"\n---\n',
		});
		expect(caseloadJson(vault.caseload("2026-06-30"))).toEqual({
			today: "2026-06-30",
			clients: [
				{ name: "Sam Ortiz", path: "Clients/Sam Ortiz.md", status: "active", sessionCount: 0, lastSessionDate: null, daysSinceLastSession: null, openCommitments: 0, cadence: null, due: false },
				{ name: "Ruth Mensah", path: "Clients/Ruth Mensah.md", status: "archived", sessionCount: 1, lastSessionDate: "2026-01-08", daysSinceLastSession: 173, openCommitments: 0, cadence: null, due: false },
				{ name: "Leo Park", path: "Clients/Leo Park.md", status: "active", sessionCount: 1, lastSessionDate: "2026-05-02", daysSinceLastSession: 59, openCommitments: 0, cadence: null, due: false },
				{ name: "Maya Chen", path: "Clients/Maya Chen.md", status: "active", sessionCount: 1, lastSessionDate: "2026-06-16", daysSinceLastSession: 14, openCommitments: 1, cadence: "fortnightly", due: true },
			],
			problems: [],
			recognised: { clients: 4, sessionNotes: 3, sessionNoteSections: 0, clientNoteSections: 0, datedNoteSections: 0, clientFolders: 0 },
		});
	});
});
