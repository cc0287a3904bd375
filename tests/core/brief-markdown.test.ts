import { describe, expect, it } from "vitest";
import { briefMarkdown, briefNoteName } from "../../src/core/brief/brief-markdown";
import { BriefReader } from "../../src/core/brief/brief-text";
import { NotesVault } from "../helpers/notes-vault";

// "Save brief as note": the brief as Markdown to keep or print.

const VAULT = {
	"Clients/Maya Chen.md": "---\ntype: client\ncadence: fortnightly\nrole: Head of design\n---\n# Maya Chen\nRuns the design team.\n## Goals\nLead without proving herself.\n## Private\nMy hunch about her father.\n",
	"Sessions/2026-06-02 Maya.md": '---\ntype: session\nclient: "[[Maya Chen]]"\ndate: 2026-06-02\ntags: [leadership]\n---\n## What she brought\nThe reorg.\n- [ ] Say no to one meeting\n',
	"Sessions/2026-06-16 Maya.md":
		'---\ntype: session\nclient: "[[Maya Chen]]"\ndate: 2026-06-16\n---\n## What she brought\nShe said no. #boundaries\n### The meeting\nNothing happened. ^quiet\n- [ ] Say no to one meeting\n- [x] Book the offsite\n- [/] Draft the hiring plan\n- [-] Call the recruiter\n## To hold for next time\nWhat the silence was like.\n## Supervision\nI rescue her too fast.\n',
	"Journal/2026-06-20.md": "---\ndate: 2026-06-20\n---\nLunch with [[Maya Chen]]: she laughed about the reorg. #lunch ^lunch-20\n",
};

async function saved(): Promise<string> {
	const vault = new NotesVault(VAULT);
	const brief = vault.brief("Maya");
	const reader = new BriefReader(vault.index, vault, vault.settings);
	return briefMarkdown({ brief, text: await reader.briefText(brief), across: { passages: await reader.passages(brief, brief.mentionsSinceLastSession) }, formatDay: (day) => day });
}

describe("the brief as a note", () => {
	it("has the pane's parts in its order, with properties that say what it is and a print class", async () => {
		const note = await saved();
		expect(note.startsWith('---\ntype: coaching-brief\nbrief_for: "[[Clients/Maya Chen|Maya Chen]]"\ndate: 2026-06-30\ncssclasses: [coaching-alliance-brief-note]\n---\n# Maya Chen: before session 3\n')).toBe(true);
		const parts = note.split("\n").filter((line) => line.startsWith("## "));
		expect(parts).toEqual(["## To pick up", "## Who do I want to show up as?", "## The person", "## Where we left off", "## Since last time", "## Themes", "## Every earlier conversation"]);
	});

	it("links each conversation, commitment and note, and carries their words", async () => {
		const note = await saved();
		expect(note).toContain("[[Sessions/2026-06-16 Maya|Session 2 · 2026-06-16]]");
		expect(note).toContain("- Say no to one meeting · [[Sessions/2026-06-16 Maya|2026-06-16]] · first on [[Sessions/2026-06-02 Maya|2026-06-02]]");
		expect(note).toContain("- 2026-06-20 · [[Journal/2026-06-20|Journal/2026-06-20]]: Lunch with [[Maya Chen]]: she laughed about the reorg. lunch");
		expect(note).toContain("- role: Head of design");
		expect(note).toContain("leadership (1)");
		expect(note).toContain("- [[Sessions/2026-06-02 Maya|Session 1 · 2026-06-02 · 2026-06-02 Maya]]");
	});

	it("makes copied words inert: tasks become plain items in their state, headings sit below the part's, tags lose their #, block ids go", async () => {
		const note = await saved();
		expect(note).not.toMatch(/^\s*- \[.\]/m);
		expect(note).toContain("- ☐ Say no to one meeting\n- ☑ Book the offsite\n- ◐ Draft the hiring plan\n- ☒ Call the recruiter");
		expect(note).toContain("\n###### The meeting\n");
		expect(note).toContain("She said no. boundaries");
		expect(note).toContain("Nothing happened.\n");
		expect(note).not.toMatch(/#(leadership|boundaries|lunch)|\^(quiet|lunch-20)/);
	});

	it("lists the conversations as bullets, so no reader renumbers them", async () => {
		const note = await saved();
		expect(note.split("## Every earlier conversation\n\n")[1]).toBe(
			"- [[Sessions/2026-06-16 Maya|Session 2 · 2026-06-16 · 2026-06-16 Maya]]\n- [[Sessions/2026-06-02 Maya|Session 1 · 2026-06-02 · 2026-06-02 Maya]]\n",
		);
	});

	it("never holds what is under a private heading", async () => {
		const note = await saved();
		for (const secret of ["hunch", "father", "rescue", "Supervision", "Private"]) expect(note).not.toContain(secret);
	});

	it("is named by the client and the day", () => {
		expect(briefNoteName({ client: { key: "", name: "Maya Chen", path: null, status: "active" }, today: "2026-06-30" })).toBe("Maya Chen brief 2026-06-30");
	});
});
