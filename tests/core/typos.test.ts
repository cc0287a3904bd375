import { describe, expect, it } from "vitest";
import { caseloadRow } from "../../src/core/brief/caseload";
import { NotesVault } from "../helpers/notes-vault";

// A client link a letter or two off makes a client of its own, without a note, and keeps the
// conversation from the client meant: both sides say so.

function session(client: string, date: string): string {
	return `---\ntype: session\nclient: "[[${client}]]"\ndate: ${date}\n---\n## What they brought\nThe board.\n`;
}

const PRACTICE = {
	"Clients/Renée Dubois.md": "---\ntype: client\n---\n",
	"Clients/Priya Nair.md": "---\ntype: client\naliases: [PN]\n---\n",
	"Clients/Marcus Lee.md": "---\ntype: client\n---\n",
	"Sessions/2026-06-02 Renée.md": session("Renée Dubois", "2026-06-02"),
	"Sessions/2026-06-16 Renee.md": session("Renee Dubios", "2026-06-16"),
	"Sessions/2026-06-18 Renee.md": session("Renee Dubois", "2026-06-18"),
	"Sessions/2026-06-12 Priya.md": session("Priya Nayr", "2026-06-12"),
	"Sessions/2026-06-20 Maya.md": session("Maya Lee", "2026-06-20"),
	"Clients/Max Lee.md": "---\ntype: client\n---\n",
	"Sessions/2026-06-22 Mia.md": session("Mia Lee", "2026-06-22"),
	"Clients/Ben Cho.md": "---\ntype: client\n---\n",
	"Sessions/2026-06-23 Ken.md": session("Ken Cho", "2026-06-23"),
	"Sessions/2026-06-24 Priya.md": "---\ntype: session\nclient: Priya Nari\ndate: 2026-06-24\n---\nA plain-text name.\n",
};

describe("a client link a letter or two off", () => {
	it("shows in the brief of the client it most likely meant, with the session notes that hold it", () => {
		const notes = new NotesVault(PRACTICE);
		expect(notes.brief("Renée").maybeTheirs).toEqual([
			{ name: "Renee Dubios", paths: ["Sessions/2026-06-16 Renee.md"] },
			{ name: "Renee Dubois", paths: ["Sessions/2026-06-18 Renee.md"] },
		]);
		expect(notes.brief("Priya Nair").maybeTheirs).toEqual([{ name: "Priya Nayr", paths: ["Sessions/2026-06-12 Priya.md"] }]);
	});

	it("is said on the other side too: the client without a note was most likely meant to be another", () => {
		const notes = new NotesVault(PRACTICE);
		expect(notes.brief("Renee Dubios").maybeMeant).toEqual(["Renée Dubois"]);
		const nayr = notes.index.clients().find((client) => client.name === "Priya Nayr");
		expect(caseloadRow(notes.index, nayr as never, "2026-06-30").detail.maybeMeant).toEqual(["Priya Nair"]);
	});

	it("is never a name that merely shares a word with a client's, nor a client of their own note", () => {
		const notes = new NotesVault(PRACTICE);
		expect(notes.brief("Maya Lee").maybeMeant).toEqual([]);
		expect(notes.brief("Marcus").maybeTheirs).toEqual([]);
		expect(notes.brief("Renée").maybeMeant).toEqual([]);
		// Two letters apart in a short name, and another first letter.
		expect(notes.brief("Max Lee").maybeTheirs).toEqual([]);
		expect(notes.brief("Mia Lee").maybeMeant).toEqual([]);
		expect(notes.brief("Ben Cho").maybeTheirs).toEqual([]);
	});

	it("is only a session note's client link that reaches no note, which Check client links can fix: never a name written as plain text", () => {
		const notes = new NotesVault(PRACTICE);
		expect(notes.brief("Priya Nari").maybeMeant).toEqual([]);
		expect(notes.brief("Priya Nair").maybeTheirs.map((maybe) => maybe.name)).toEqual(["Priya Nayr"]);
	});
});
