import { describe, expect, it } from "vitest";
import { NotesVault } from "../helpers/notes-vault";

function sessionsOf(vault: NotesVault, name: string): string[] {
	return vault.brief(name, AFTER_EVERY_SESSION).sessions.map((session) => session.path);
}

// These vaults are dated through the autumn: a day after all of it, so every session is one held.
const AFTER_EVERY_SESSION = "2026-12-31";

describe("one folder per client", () => {
	it("makes the folder the client and its dated notes their sessions, never clients of their own", () => {
		const vault = new NotesVault({
			"Clients/Leo Park/2026-10-01.md": "Leo wants to leave the agency by spring.\n- [ ] Draft the first portfolio page\n",
			"Clients/Leo Park/2026-10-15.md": "The portfolio page is live.\n",
		});
		expect(vault.clientNames()).toEqual(["Leo Park"]);
		expect(vault.client("Leo Park").path).toBeNull();
		expect(sessionsOf(vault, "Leo Park")).toEqual(["Clients/Leo Park/2026-10-15.md", "Clients/Leo Park/2026-10-01.md"]);
		expect(vault.brief("Leo Park", AFTER_EVERY_SESSION).openCommitments.map((commitment) => commitment.text)).toEqual(["Draft the first portfolio page"]);
	});

	it("takes the folder note as the client note; an overview note when there is none; an undated intake form and a dated contract are material", () => {
		const material = {
			"Clients/Leo Park/Intake form.md": "## Goals\nA studio of his own.\n",
			"Clients/Leo Park/2026-09-20 Contract.md": "---\ntype: contract\n---\nSigned.\n",
			"Clients/Leo Park/2026-10-01.md": "First session.\n",
		};
		const withFolderNote = new NotesVault({ ...material, "Clients/Leo Park/Leo Park.md": "---\ncadence: fortnightly\n---\n## Goals\nA studio.\n" });
		expect(withFolderNote.clientNames()).toEqual(["Leo Park"]);
		expect(withFolderNote.client("Leo Park")).toMatchObject({ path: "Clients/Leo Park/Leo Park.md", cadence: "fortnightly" });
		expect(sessionsOf(withFolderNote, "Leo Park")).toEqual(["Clients/Leo Park/2026-10-01.md"]);

		const withOverview = new NotesVault({ ...material, "Clients/Leo Park/overview.md": "Who Leo is.\n" });
		expect(withOverview.clientNames()).toEqual(["Leo Park"]);
		expect(withOverview.client("Leo Park")).toMatchObject({ name: "Leo Park", path: "Clients/Leo Park/overview.md" });
		expect(sessionsOf(withOverview, "Leo Park")).toEqual(["Clients/Leo Park/2026-10-01.md"]);
	});

	it("lets a dated note that names its own client be a session with that client", () => {
		const vault = new NotesVault({
			"Clients/Maya Chen.md": "---\ntype: client\n---\n",
			"Clients/Leo Park/2026-10-01.md": "Leo.\n",
			"Clients/Leo Park/2026-10-08 Joint call.md": '---\nclient: "[[Maya Chen]]"\n---\nMaya joined.\n',
		});
		expect(sessionsOf(vault, "Maya Chen")).toEqual(["Clients/Leo Park/2026-10-08 Joint call.md"]);
		expect(sessionsOf(vault, "Leo Park")).toEqual(["Clients/Leo Park/2026-10-01.md"]);
	});

	it("names an organisation's folder as written: `client: Example Corp` is the folder Example-Corp", () => {
		const vault = new NotesVault({
			"Coaching/Clients/Example-Corp/2026-10-02.md": "Kick-off with the leadership team.\n",
			"Meetings/2026-10-16 Example Corp.md": "---\nclient: Example Corp\n---\nSecond workshop.\n",
		});
		expect(vault.clientNames()).toEqual(["Example-Corp"]);
		expect(sessionsOf(vault, "Example Corp")).toEqual(["Meetings/2026-10-16 Example Corp.md", "Coaching/Clients/Example-Corp/2026-10-02.md"]);
	});

	it("keeps a grouping folder's notes clients: an archive, a year, an organisation holding two clients", () => {
		const vault = new NotesVault({
			"Clients/Archive/Ruth Okafor.md": "## Goals\nDone.\n",
			"Clients/2025/Tom Baker.md": "## Goals\nA new role.\n",
			"Clients/Acme/Jane Doe.md": "## Goals\nLead the platform team.\n",
			"Clients/Acme/John Roe.md": "## Goals\nDelegate.\n",
		});
		expect(vault.clientNames()).toEqual(["Jane Doe", "John Roe", "Ruth Okafor", "Tom Baker"]);
		expect(vault.client("Ruth Okafor").archived).toBe(true);
		expect(vault.client("Jane Doe").archived).toBe(false);
	});

	it("reads a client's own folder inside an archive as a past client's", () => {
		const vault = new NotesVault({ "Clients/Archive/Leo Park/Leo Park.md": "Past.\n", "Clients/Archive/Leo Park/2025-03-01.md": "Last call.\n" });
		expect(vault.clientNames()).toEqual(["Leo Park"]);
		expect(vault.client("Leo Park").archived).toBe(true);
		expect(vault.brief("Leo Park", AFTER_EVERY_SESSION).sessionCount).toBe(1);
	});

	it("follows a folder that becomes a client's own when its first dated note arrives, and back", () => {
		const vault = new NotesVault({ "Clients/Acme/Jane Doe.md": "## Goals\nLead.\n" });
		expect(vault.clientNames()).toEqual(["Jane Doe"]);
		vault.write("Clients/Acme/2026-10-01.md", "A workshop with the whole team.\n");
		expect(vault.clientNames()).toEqual(["Acme"]);
		vault.delete("Clients/Acme/2026-10-01.md");
		expect(vault.clientNames()).toEqual(["Jane Doe"]);
	});
});

describe("the settings that govern these shapes", () => {
	it("with folders of their own turned off, every folder below a client folder groups clients", () => {
		const vault = new NotesVault(
			{ "Clients/Leo Park/2026-10-01.md": "First.\n", "Clients/Leo Park/Leo Park.md": "Leo.\n" },
			{ settings: { readClientFolders: false } },
		);
		expect(vault.clientNames()).toEqual(["2026-10-01", "Leo Park"]);
	});
});

describe("what a review found, kept found", () => {
	it("a day's heading that links a person, not a client, is no session and makes no client", () => {
		const vault = new NotesVault({
			"People/Daniel Mensah.md": "---\ntype: person\n---\n",
			"Daily/2026-10-20.md": "## Lunch with [[Daniel Mensah]]\n- [ ] Send Daniel the book\n",
		});
		expect(vault.clientNames()).toEqual([]);
	});

	it("a client named by their folder is matched by the folder's name, never by their note's (`overview`)", () => {
		const vault = new NotesVault({
			"Clients/Example-Corp/overview.md": "Who they are.\n",
			"Clients/Example-Corp/2026-10-02.md": "Kick-off.\n",
			"Daily/2026-10-20.md": "## Overview\n- [ ] Pay the plumber\n## Coaching: Example Corp\n- [ ] Send the workshop notes\n",
		});
		expect(vault.brief("Example-Corp", AFTER_EVERY_SESSION).openCommitments.map((commitment) => commitment.text)).toEqual(["Send the workshop notes"]);
	});

	it("a client's material never counts as a client, for a first name or anything else", () => {
		const vault = new NotesVault({
			"Clients/Leo Park/Leo Park.md": "Leo.\n",
			"Clients/Leo Park/2026-10-01.md": "First.\n",
			"Clients/Leo Park/Leo contract notes.md": "Terms.\n",
			"Sessions/2026-10-15.md": "---\nclient: Leo\n---\n",
			"Sessions/2026-10-16.md": "---\nclient: Intake\n---\n",
		});
		expect(vault.brief("Leo Park", AFTER_EVERY_SESSION).sessionCount).toBe(2);
		expect(vault.clientNames()).toEqual(["Intake", "Leo Park"]);
	});

	it("`created:` stamped on every note does not make a note a dated one", () => {
		const vault = new NotesVault({
			"Clients/Ana Costa.md": "---\ntype: client\n---\n",
			"Projects/Website.md": "---\ncreated: 2024-02-11\n---\n## Feedback from Ana\n- [ ] Fix the footer colours\n",
			"Clients/Acme/Jane Doe.md": "---\ncreated: 2024-01-05\n---\n",
			"Clients/Acme/John Roe.md": "---\ncreated: 2024-01-06\n---\n",
		});
		expect(vault.brief("Ana Costa", AFTER_EVERY_SESSION).sessionCount).toBe(0);
		expect(vault.clientNames()).toEqual(["Ana Costa", "Jane Doe", "John Roe"]);
	});

	it("a first name alone in a heading names a client only where it is written as a name", () => {
		const vault = new NotesVault({
			"Clients/Will Smith.md": "---\ntype: client\n---\n",
			"Daily/2026-10-20.md": "## What I will do this week\n- [ ] Call the bank\n## Coaching: Will\n- [ ] Will drafts the plan\n",
		});
		expect(vault.brief("Will Smith", AFTER_EVERY_SESSION).openCommitments.map((commitment) => commitment.text)).toEqual(["Will drafts the plan"]);
	});

	it("in a client's own folder, a note tagged as a client is a client of its own", () => {
		const vault = new NotesVault({
			"Clients/Example-Corp/overview.md": "The company.\n",
			"Clients/Example-Corp/Jane Lee.md": "---\ntags: [client]\n---\n",
		});
		expect(vault.clientNames()).toEqual(["Example-Corp", "Jane Lee"]);
	});
});
