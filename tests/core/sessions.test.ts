import { describe, expect, it } from "vitest";
import { NotesVault } from "../helpers/notes-vault";

const MAYA = { "Clients/Maya Chen.md": "---\naliases: [Maya]\n---\n## Goals\nA calmer launch.\n" };

function sessionsOf(vault: NotesVault, name: string): string[] {
	return vault.brief(name).sessions.map((session) => session.path);
}

describe("a note is a session", () => {
	it.each(["Sessions", "meetings", "Calls", "1-1s", "1on1s", "Coaching/Sessions/2026"])("in a folder named %s", (folder) => {
		const vault = new NotesVault({ ...MAYA, [`${folder}/2026-06-02.md`]: '---\nclient: "[[Maya Chen]]"\n---\n' });
		expect(sessionsOf(vault, "Maya Chen")).toEqual([`${folder}/2026-06-02.md`]);
	});

	it.each(["session", "Meeting", "calls", "1:1", "1on1", "1-1", "one-on-one", "Coaching Sessions", '"[[Meetings]]"'])(
		"by its type: %s",
		(type) => {
			const vault = new NotesVault({ ...MAYA, "Notes/2026-06-02.md": `---\ntype: ${type}\nclient: "[[Maya Chen]]"\n---\n` });
			expect(sessionsOf(vault, "Maya Chen")).toEqual(["Notes/2026-06-02.md"]);
		},
	);

	it.each(["#session", "#Meetings", "#coaching"])("by a tag: %s", (tag) => {
		const vault = new NotesVault({ ...MAYA, "Notes/2026-06-02.md": `---\nclient: "[[Maya Chen]]"\n---\nA good one. ${tag}\n` });
		expect(sessionsOf(vault, "Maya Chen")).toEqual(["Notes/2026-06-02.md"]);
	});

	it("not in a `Meeting types/` folder, nor with `categories: [[Meeting types]]`: whole values, not substrings", () => {
		const vault = new NotesVault({
			...MAYA,
			"Meeting types/Chemistry call.md": '---\nclient: "[[Maya Chen]]"\n---\n',
			"Notes/Intake.md": '---\ncategories: ["[[Meeting types]]"]\nclient: "[[Maya Chen]]"\n---\n',
		});
		expect(vault.brief("Maya Chen").sessionCount).toBe(0);
	});

	it("inside a client's own folder, a Sessions folder wins: the nearest folder decides", () => {
		const vault = new NotesVault({
			"Clients/Maya Chen/Maya Chen.md": "---\ntype: client\n---\n",
			"Clients/Maya Chen/Sessions/2026-06-02.md": '---\nclient: "[[Maya Chen]]"\n---\n',
		});
		expect(vault.clientNames()).toEqual(["Maya Chen"]);
		expect(sessionsOf(vault, "Maya Chen")).toEqual(["Clients/Maya Chen/Sessions/2026-06-02.md"]);
	});
});

describe("a session's clients", () => {
	it.each(["client", "clients", "coachee", "person", "people", "participants", "participant", "with", "attendees"])(
		"are named by the %s property",
		(property) => {
			const vault = new NotesVault({ ...MAYA, "Sessions/2026-06-02.md": `---\n${property}: "[[Maya Chen]]"\n---\n` });
			expect(vault.brief("Maya Chen").sessionCount).toBe(1);
		},
	);

	it("the first client property present decides", () => {
		const vault = new NotesVault({
			...MAYA,
			"Clients/Sam Ortiz.md": "",
			"Sessions/2026-06-02.md": '---\nclient: "[[Maya Chen]]"\nattendees: ["[[Sam Ortiz]]"]\n---\n',
		});
		expect(vault.brief("Maya Chen").sessionCount).toBe(1);
		expect(vault.brief("Sam Ortiz").sessionCount).toBe(0);
	});

	it.each([
		['"[[Maya Chen]]"', "a link"],
		['"[[maya chen]]"', "a link in another case"],
		['"[[Clients/Maya Chen|Maya]]"', "a path-qualified link with an alias"],
		['"[[Maya Chen.md]]"', "a link with the extension"],
		['"[[Maya Chen#Goals]]"', "a link to a heading"],
		["Maya Chen", "plain text naming the note"],
		["maya", "plain text matching an alias"],
		['["[[Maya Chen]]"]', "a list of links"],
	])("resolve from %s (%s)", (value) => {
		const vault = new NotesVault({ ...MAYA, "Sessions/2026-06-02.md": `---\nclient: ${value}\n---\n` });
		expect(vault.brief("Maya Chen").sessions.map((session) => session.path)).toEqual(["Sessions/2026-06-02.md"]);
	});

	it("an alias is not a link target, as in Obsidian: [[Maya]] names a client without a note", () => {
		const vault = new NotesVault({ ...MAYA, "Sessions/2026-06-02.md": '---\nclient: "[[Maya]]"\n---\n' });
		expect(vault.brief("Maya Chen").sessionCount).toBe(0);
		expect(vault.clientNames()).toEqual(["Maya", "Maya Chen"]);
	});

	it("with two notes of the same name, the link goes to the one in the session's folder, else the shortest path", () => {
		const vault = new NotesVault({
			"Clients/Maya Chen.md": "---\ntype: client\n---\n",
			"Coaching/Old practice/Clients/Maya Chen.md": "---\ntype: client\n---\n",
			"Coaching/Old practice/Clients/2026-01-05 session.md": '---\ntype: session\nclient: "[[Maya Chen]]"\n---\n',
			"Sessions/2026-06-02.md": '---\nclient: "[[Maya Chen]]"\n---\n',
		});
		expect(vault.brief("Clients/Maya Chen").sessions.map((session) => session.path)).toEqual(["Sessions/2026-06-02.md"]);
		expect(vault.brief("Coaching/Old practice/Clients/Maya Chen").sessions.map((session) => session.path)).toEqual([
			"Coaching/Old practice/Clients/2026-01-05 session.md",
		]);
	});

	it("a group session belongs to each of its clients", () => {
		const vault = new NotesVault({
			...MAYA,
			"Clients/Sam Ortiz.md": "",
			"Sessions/2026-06-04 Circle.md": '---\nclients:\n  - "[[Maya Chen]]"\n  - "[[Sam Ortiz]]"\n---\n',
		});
		expect(vault.brief("Maya Chen").sessions[0]?.clients).toEqual(["Clients/Maya Chen.md", "Clients/Sam Ortiz.md"]);
		expect(vault.brief("Sam Ortiz").sessionCount).toBe(1);
	});

	it("property names are read in any case, and placeholder values are ignored", () => {
		const vault = new NotesVault({
			...MAYA,
			"Sessions/2026-06-02.md": '---\nClient: "[[Maya Chen]]"\n---\n',
			"Sessions/2026-06-09.md": '---\nclient: "{{client}}"\n---\n',
			"Sessions/2026-06-16.md": '---\nclient: "<% tp.file.title %>"\n---\n',
		});
		expect(vault.brief("Maya Chen").sessionCount).toBe(1);
		expect(vault.clientNames()).toEqual(["Maya Chen"]);
	});
});

describe("a session's date", () => {
	const cases: [string, string, string][] = [
		["date: 2026-06-02", "Sessions/Call.md", "2026-06-02"],
		["session_date: 2026-06-02", "Sessions/Call.md", "2026-06-02"],
		["created: 2026-06-02", "Sessions/Call.md", "2026-06-02"],
		["date: 2026-06-02T23:30", "Sessions/Call.md", "2026-06-02"],
		["date: 2026-06-02T23:30:00+05:00", "Sessions/Call.md", "2026-06-02"],
		['date: "2026-06-02 08:15"', "Sessions/Call.md", "2026-06-02"],
		["date: 06/02/2026", "Sessions/Call.md", "2026-06-02"],
		["date: Tuesday, June 2nd 2026", "Sessions/Call.md", "2026-06-02"],
		["tags: [x]", "Sessions/2026-06-02 Maya.md", "2026-06-02"],
		["tags: [x]", "Sessions/Maya 2026-06-02.md", "2026-06-02"],
		["date: 2026-06-02", "Sessions/2026-05-01 Maya.md", "2026-06-02"],
	];

	it.each(cases)("%s in %s is %s: the calendar day as written, never shifted", (property, path, day) => {
		const vault = new NotesVault({ ...MAYA, [path]: `---\nclient: "[[Maya Chen]]"\n${property}\n---\n` });
		expect(vault.brief("Maya Chen").lastSession?.date).toBe(day);
	});

	it("falls back to the file's creation time", () => {
		const vault = new NotesVault(
			{ ...MAYA, "Sessions/Call with Maya.md": '---\nclient: "[[Maya Chen]]"\n---\n' },
			{ times: { "Sessions/Call with Maya.md": { ctime: Date.UTC(2026, 4, 19, 9), mtime: Date.UTC(2026, 5, 20, 9) } } },
		);
		expect(vault.brief("Maya Chen").lastSession?.date).toBe("2026-05-19");
	});

	it("an unreadable date is reported and the next source is used", () => {
		const vault = new NotesVault({ ...MAYA, "Sessions/2026-06-02 Maya.md": '---\nclient: "[[Maya Chen]]"\ndate: next Tuesday\n---\n' });
		const brief = vault.brief("Maya Chen");
		expect(brief.lastSession?.date).toBe("2026-06-02");
		expect(brief.problems).toEqual([
			{ path: "Sessions/2026-06-02 Maya.md", problem: 'its date "next Tuesday" is not a date I can read, so another date was used' },
		]);
	});

	it("two sessions on the same day keep the order of their times", () => {
		const vault = new NotesVault({
			...MAYA,
			"Sessions/b.md": '---\nclient: "[[Maya Chen]]"\ndate: 2026-06-02T09:00\n---\n',
			"Sessions/a.md": '---\nclient: "[[Maya Chen]]"\ndate: 2026-06-02T16:00\n---\n',
		});
		expect(vault.brief("Maya Chen").sessions.map((session) => session.path)).toEqual(["Sessions/a.md", "Sessions/b.md"]);
	});
});

describe("a session's number", () => {
	it("is its position in date order, first = 1; the next session is one more", () => {
		const vault = new NotesVault({
			...MAYA,
			"Sessions/2026-05-19 Maya.md": '---\nclient: "[[Maya Chen]]"\n---\n',
			"Sessions/2026-06-02 Maya.md": '---\nclient: "[[Maya Chen]]"\n---\n',
		});
		const brief = vault.brief("Maya Chen");
		expect(brief.sessions.map((session) => [session.date, session.number])).toEqual([
			["2026-06-02", 2],
			["2026-05-19", 1],
		]);
		expect(brief.nextSessionNumber).toBe(3);
	});

	it("is the session or session_number property when present", () => {
		const vault = new NotesVault({
			...MAYA,
			"Sessions/2026-05-19 Maya.md": '---\nclient: "[[Maya Chen]]"\nsession: 11\n---\n',
			"Sessions/2026-06-02 Maya.md": '---\nclient: "[[Maya Chen]]"\nsession_number: 12\n---\n',
		});
		const brief = vault.brief("Maya Chen");
		expect(brief.sessions.map((session) => session.number)).toEqual([12, 11]);
		expect(brief.nextSessionNumber).toBe(13);
	});
});
