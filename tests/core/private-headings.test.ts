import { describe, expect, it } from "vitest";
import { BriefReader } from "../../src/core/brief/brief-text";
import { privateRanges } from "../../src/core/notes/private-sections";
import { NotesVault } from "../helpers/notes-vault";

// Sections under "Private" or "Supervision" (settable) are never shown, in any mode: not in the
// brief's text, its JSON, its commitments, themes or mentions.

const CLIENT = "---\ntype: client\n---\n# Maya Chen\nRuns the design team.\n## Goals\nLead without proving herself.\n## Private\nMy hunch: her father's illness is behind the overwork.\n";

const FIRST = `---
type: session
client: "[[Maya Chen]]"
date: 2026-06-02
tags: [leadership]
---
## What she brought
The reorg. "I keep saying yes to everything they ask of me."
- [ ] Say no to one meeting this week
## Supervision
Talked this through with Anna: I rescue her too fast.
### What Anna said
Let her sit in the silence. #countertransference
- [ ] Ask Anna about rescuing
Saw [[Priya Nair]] about it too.
## To hold for next time
The meeting she says no to.
`;

const SECOND = `---
type: session
client: "[[Maya Chen]]"
date: 2026-06-16
---
## What she brought
She said no. "It felt like stepping off a cliff, and then nothing happened."
## Private
> "I have never told anyone this."
She cried about her father.
Next time: ask about her father
`;

function vault(settings = {}): NotesVault {
	return new NotesVault(
		{
			"Clients/Maya Chen.md": CLIENT,
			"Clients/Priya Nair.md": "---\ntype: client\n---\n",
			"Sessions/2026-06-02 Maya.md": FIRST,
			"Sessions/2026-06-16 Maya.md": SECOND,
		},
		{ settings },
	);
}

const SECRETS = ["father", "Anna", "rescue", "never told", "countertransference", "cried", "hunch"];

describe("private headings", () => {
	it("cover their section and the headings below it, up to the next heading of their level", () => {
		const headings = [
			{ heading: "What she brought", level: 2, line: 5 },
			{ heading: "Supervision", level: 2, line: 8 },
			{ heading: "What Anna said", level: 3, line: 10 },
			{ heading: "To hold for next time", level: 2, line: 14 },
		];
		expect(privateRanges(headings, ["Private", "Supervision"])).toEqual([{ from: 8, to: 14 }]);
		expect(privateRanges(headings, ["supervision:"])).toEqual([{ from: 8, to: 14 }]);
		expect(privateRanges(headings, [])).toEqual([]);
	});

	it("are never in the brief's JSON: not its text, its quotes, its threads, its commitments, its themes or its mentions", async () => {
		const json = JSON.stringify(await vault().briefJson("Maya"));
		for (const secret of SECRETS) expect(json).not.toContain(secret);
		const brief = vault().brief("Maya");
		expect(brief.openCommitments.map((commitment) => commitment.text)).toEqual(["Say no to one meeting this week"]);
		expect(brief.themes).toEqual([{ tag: "leadership", count: 1 }]);
		expect(vault().brief("Priya").mentionsSinceLastSession).toEqual([]);
	});

	it("leave what is around them as it was", async () => {
		const json = await vault().briefJson("Maya");
		expect(json.about.text).toBe("Runs the design team.");
		expect(json.profile).toEqual([{ heading: "Goals", text: "Lead without proving herself." }]);
		expect(json.held.map((thread) => thread.text)).toEqual(["The meeting she says no to."]);
		expect(json.quotes.map((quote) => quote.text)).toEqual(["It felt like stepping off a cliff, and then nothing happened.", "I keep saying yes to everything they ask of me."]);
	});

	it("are never read back, nor in a conversation's first lines", async () => {
		const notes = vault();
		const brief = notes.brief("Maya");
		const reader = new BriefReader(notes.index, notes, notes.settings);
		for (const session of brief.sessions) {
			const words = [await reader.conversation(session), await reader.conversation(session, { quiet: true }), ...(await reader.excerpt(session))].join("\n");
			for (const secret of SECRETS) expect(words).not.toContain(secret);
		}
		expect(await reader.conversation(brief.sessions[1] as never)).toContain("Say no to one meeting this week");
		const text = await reader.briefText(brief);
		expect(text.lastSessionSections.map((section) => section.heading)).toEqual(["What she brought"]);
	});

	it("are the coach's to name: with none, everything shows", async () => {
		const json = JSON.stringify(await vault({ privateHeadings: [] }).briefJson("Maya"));
		expect(json).toContain("Ask Anna about rescuing");
		expect(json).toContain("never told anyone");
	});
});

describe("private headings, as coaches write them", () => {
	it("hold a private word anywhere: 'Private notes', 'Supervision with Helen', '3. Private', 'Notes (private)' are private; 'Privately held' is not", () => {
		const at = (heading: string) => privateRanges([{ heading, level: 2, line: 3 }], ["Private", "Supervision"]).length === 1;
		const private_ = ["Private notes", "Supervision with Helen: José Martínez", "🔒 Private", "private", "Private – Renée Dubois", "3. Private", "Notes (private)", "Questions for supervision", "PRIVATE:"];
		expect(private_.map(at)).toEqual(private_.map(() => true));
		expect(["Privately held", "Notes", "Supervisions", "What she brought"].map(at)).toEqual([false, false, false, false]);
		expect(privateRanges([{ heading: "Not for the client, ever", level: 2, line: 3 }], ["Not for the client"])).toHaveLength(1);
	});

	it("never make a conversation: a supervision section in a day's note naming a client is no session with them", () => {
		const vault = new NotesVault({
			"Clients/José Martínez.md": "---\ntype: client\ncadence: weekly\n---\n",
			"Sessions/2026-06-16 José.md": '---\ntype: session\nclient: "[[José Martínez]]"\ndate: 2026-06-16\n---\n## What he brought\nThe scorecard.\n- [ ] Draft the scorecard\n',
			"Journal/2026-06-23.md":
				"---\ndate: 2026-06-23\n---\n## Supervision with Helen: [[José Martínez]]\nI keep wanting to rescue José.\n- [ ] Journal about my father\n### José again\nMore.\n## Call with José\nA short check-in.\n",
			"Clients/Zoë Achterberg.md": "---\ntype: client\n---\n## Session log\n### 2026-06-02\nTalked.\n## Private\n### 2026-06-09 her mother\nHer mother died.\n",
		});
		const jose = vault.brief("José");
		expect(jose.sessions.map((session) => session.heading)).toEqual(["Call with José", null]);
		expect(jose.openCommitments.map((commitment) => commitment.text)).toEqual(["Draft the scorecard"]);
		expect(vault.brief("Zoë").sessions.map((session) => session.heading)).toEqual(["2026-06-02"]);
	});
});

describe("a conversation read back with a private section left out", () => {
	it("leaves one blank line where it was, checklists shown or not", async () => {
		const notes = new NotesVault({
			"Clients/Maya Chen.md": "---\ntype: client\n---\n",
			"Sessions/2026-06-16 Maya.md": '---\ntype: session\nclient: "[[Maya Chen]]"\ndate: 2026-06-16\n---\n## What she brought\nThe offer.\n\n## Private\nHer father.\n\nThe clinic.\n\n## How did I show up?\n- [x] Someone who cares\nToo quick to advise.\n',
		});
		const brief = notes.brief("Maya");
		const reader = new BriefReader(notes.index, notes, notes.settings);
		for (const quiet of [false, true]) {
			const text = await reader.conversation(brief.sessions[0] as never, { quiet });
			expect(text).not.toMatch(/\n\n\n/);
			expect(text).toContain("The offer.\n\n## How did I show up?");
		}
	});
});

describe("private headings and an index behind the text", () => {
	it("keep a private section written since the index last read the note out of what is shown", async () => {
		const notes = vault();
		const path = "Sessions/2026-06-16 Maya.md";
		// The coach has just added a private section; the index (Obsidian's cache) has not caught up.
		const file = notes.files.get(path);
		if (file) notes.files.set(path, { ...file, text: `${file.text}## Private\nThe divorce papers came.\n` });
		const brief = notes.brief("Maya");
		const reader = new BriefReader(notes.index, notes, notes.settings);
		expect(await reader.conversation(brief.sessions[0] as never)).not.toContain("divorce");
		const text = await reader.briefText(brief);
		expect(JSON.stringify(text)).not.toContain("divorce");
	});
});

describe("saved briefs", () => {
	it("are never read as anyone's notes, wherever they are moved and whatever the type properties setting names", async () => {
		const brief = '---\ntype: coaching-brief\nbrief_for: "[[Clients/Maya Chen|Maya Chen]]"\ndate: 2026-06-02\n---\nLast spoke with [[Maya Chen]].\n';
		const files = { "Clients/Maya Chen.md": "---\ntype: client\n---\n", "Archive/Maya Chen brief 2026-06-02.md": brief };
		expect(new NotesVault(files).brief("Maya").mentions).toEqual([]);
		expect(new NotesVault(files, { settings: { typeProperties: ["kind"] } }).brief("Maya").mentions).toEqual([]);
	});

	it("leave the coach's own notes in the briefs folder read as ever: the folder is where briefs go, not what they are", async () => {
		const notes = new NotesVault(
			{
				"Clients/Maya Chen.md": "---\ntype: client\n---\n",
				"Briefs/Acme engagement.md": "---\ndate: 2026-06-20\n---\nThe sponsor asked how [[Maya Chen]] is doing.\n",
				"Briefs/2026-06-16 Maya.md": '---\ntype: session\nclient: "[[Maya Chen]]"\n---\n## What she brought\nThe offer.\n',
			},
			{ settings: { briefFolder: "Briefs" } },
		);
		const brief = notes.brief("Maya");
		expect(brief.sessions.map((session) => session.path)).toEqual(["Briefs/2026-06-16 Maya.md"]);
		expect(brief.mentions.map((mention) => mention.path)).toEqual(["Briefs/Acme engagement.md"]);
	});
});

describe("an underlined private heading", () => {
	it("is private as a # one is, for the command line's reader too", async () => {
		const notes = new NotesVault({
			"Clients/Priya Nair.md": "---\ntype: client\n---\n",
			"Sessions/2026-06-20 Priya.md": '---\ntype: session\nclient: "[[Priya Nair]]"\ndate: 2026-06-20\n---\n## What she brought\nThe new flat.\n\nSupervision\n===========\nShe is pregnant and has told no one.\n- [ ] Ask Helen about it\n#pregnancy\n',
		});
		const json = JSON.stringify(await notes.briefJson("Priya"));
		expect(json).not.toMatch(/pregnan|Helen/);
		const brief = notes.brief("Priya");
		const reader = new BriefReader(notes.index, notes, notes.settings);
		expect(await reader.conversation(brief.sessions[0] as never)).not.toContain("pregnant");
	});
});
