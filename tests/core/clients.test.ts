import { describe, expect, it } from "vitest";
import { NotesVault } from "../helpers/notes-vault";

const PROFILE = "## What makes them happy\nLong walks with the dog.\n";

// These vaults are dated through the autumn: a day after all of it, so every session is one held.
const AFTER_EVERY_SESSION = "2026-12-31";

describe("a note is a client", () => {
	it("in a folder named Clients or Coachees, any case, at any depth", () => {
		const vault = new NotesVault({
			"Clients/Maya Chen.md": PROFILE,
			"coachees/Sam Ortiz.md": PROFILE,
			"Coaching/Clients/Archive/Ruth Mensah.md": PROFILE,
			"Notes/Clients of the bakery.md": "Not a client: the folder is Notes.",
		});
		expect(vault.clientNames()).toEqual(["Maya Chen", "Ruth Mensah", "Sam Ortiz"]);
	});

	it("by its type, category or categories: plain text or a link, any case, singular or plural", () => {
		const vault = new NotesVault({
			"Notes/Maya Chen.md": "---\ntype: client\n---\n",
			"Notes/Sam Ortiz.md": "---\ncategory: Coachee\n---\n",
			"Notes/Ruth Mensah.md": '---\ncategories:\n  - "[[Clients]]"\n---\n',
			"Notes/Leo Park.md": '---\ncategories: ["[[Categories/Coachees|Coachees]]"]\n---\n',
			"Notes/Clienteles.md": "---\ntype: clientele\n---\nA whole value, not a substring: not a client.",
		});
		expect(vault.clientNames()).toEqual(["Leo Park", "Maya Chen", "Ruth Mensah", "Sam Ortiz"]);
	});

	it("by a tag in the frontmatter or the text, nested tags included", () => {
		const vault = new NotesVault({
			"Maya Chen.md": "---\ntags: [client]\n---\n",
			"Sam Ortiz.md": "Met through Ruth. #coachee\n",
			"Ruth Mensah.md": "---\ntags:\n  - client/active\n---\n",
			"Leo Park.md": "#clientele is not #client-work either\n",
		});
		expect(vault.clientNames()).toEqual(["Maya Chen", "Ruth Mensah", "Sam Ortiz"]);
	});

	it("when a session names it in its client property, even if nothing else marks it", () => {
		const vault = new NotesVault({
			"Notes/Maya Chen.md": "Just a note about Maya.",
			"Sessions/2026-06-02 Maya.md": '---\nclient: "[[Maya Chen]]"\n---\n',
		});
		expect(vault.clientNames()).toEqual(["Maya Chen"]);
		expect(vault.client("maya chen").path).toBe("Notes/Maya Chen.md");
	});
});

describe("a person note", () => {
	const people = {
		"People/Maya Chen.md": '---\ncategories: ["[[People]]"]\n---\nFriend from the choir.',
		"Contacts/Sam Ortiz.md": "Colleague.",
		"Notes/Ruth Mensah.md": "---\ntype: person\n---\n",
	};

	it("is not a client by itself: friends and colleagues live there too", () => {
		expect(new NotesVault(people).clientNames()).toEqual([]);
	});

	it("becomes a client once a session names it in a client property", () => {
		const vault = new NotesVault({
			...people,
			"Meetings/2026-06-02 Coffee.md": '---\ncategories: ["[[Meetings]]"]\npeople: ["[[Maya Chen]]"]\ndate: 2026-06-02\n---\n',
		});
		expect(vault.clientNames()).toEqual(["Maya Chen"]);
	});

	it("becomes a client when a session without a client property links it in its body", () => {
		const vault = new NotesVault({
			...people,
			"Sessions/2026-06-09.md": "Call with [[Sam Ortiz]] about the move to Leeds. We also talked about [[Some Book]].",
		});
		expect(vault.clientNames()).toEqual(["Sam Ortiz"]);
	});

	it("is not made a client by a body link when the session has a client property", () => {
		const vault = new NotesVault({
			...people,
			"Clients/Leo Park.md": PROFILE,
			"Sessions/2026-06-09.md": '---\nclient: "[[Leo Park]]"\n---\nLeo mentioned [[Ruth Mensah]], his old manager.',
		});
		expect(vault.clientNames()).toEqual(["Leo Park"]);
	});
});

describe("a client's name, aliases and status", () => {
	it("the display name is the file's basename; aliases also find the client", () => {
		const vault = new NotesVault({ "Clients/Maya Chen.md": "---\naliases: [Maya, M. Chen]\n---\n" });
		expect(vault.client("MAYA").name).toBe("Maya Chen");
		expect(vault.client("m. chen").path).toBe("Clients/Maya Chen.md");
		expect(vault.client("Clients/Maya Chen").name).toBe("Maya Chen");
	});

	it.each(["archived", "inactive", "Ended", "past"])("status: %s marks a past client, still indexed", (status) => {
		const vault = new NotesVault({
			"Clients/Ruth Mensah.md": `---\nstatus: ${status}\n---\n`,
			"Sessions/2026-01-08 Ruth.md": '---\nclient: "[[Ruth Mensah]]"\n---\n',
		});
		expect(vault.brief("Ruth Mensah", AFTER_EVERY_SESSION).client.status).toBe("archived");
		expect(vault.brief("Ruth Mensah", AFTER_EVERY_SESSION).sessionCount).toBe(1);
	});

	it("any other status is active", () => {
		const vault = new NotesVault({ "Clients/Maya Chen.md": "---\nstatus: paused\n---\n" });
		expect(vault.brief("Maya Chen", AFTER_EVERY_SESSION).client.status).toBe("active");
	});
});

describe("a client link to a note that does not exist", () => {
	const sessions = {
		"Sessions/2026-06-26 Chemistry call.md": '---\nclient: "[[New Person]]"\ndate: 2026-06-26\n---\nReferred by Maya.',
		"Sessions/2026-07-03 New Person.md": '---\nclient: "[[new person]]"\ndate: 2026-07-03\n---\n',
	};
	const vault = new NotesVault(sessions);

	it("still makes a client, named by the link text and without a note", () => {
		expect(vault.clientNames()).toEqual(["New Person"]);
		const brief = vault.brief("New Person", "2026-07-10");
		expect(brief.client).toEqual({ key: "?new person", name: "New Person", path: null, status: "active" });
		expect(brief.sessionCount).toBe(2);
	});

	it("joins the note once the coach creates it", () => {
		const later = new NotesVault(sessions);
		later.write("Clients/New Person.md", PROFILE);
		expect(later.clientNames()).toEqual(["New Person"]);
		expect(later.brief("New Person", AFTER_EVERY_SESSION).client.path).toBe("Clients/New Person.md");
		expect(later.brief("New Person", AFTER_EVERY_SESSION).sessionCount).toBe(2);
	});
});
