import { describe, expect, it } from "vitest";
import { mentionsBetween } from "../../src/core/brief/read-back";
import type { CoachingSettings } from "../../src/core/settings/settings";
import { NotesVault } from "../helpers/notes-vault";

// What the brief prepares from (spec/brief.md), each rule on notes as a coach writes them.

const LENA_NOTE = "---\ntype: client\naliases: [Lena]\n---\n# Lena Fischer\n\nHead of design at a furniture maker. Two teenagers, one dog (Otto).\n\n## Goals\n- Hire a design lead\n";

function lenaSession(date: string, body: string): string {
	return `---\ntype: session\nclient: "[[Lena Fischer]]"\ndate: ${date}\n---\n${body}`;
}

function lenaVault(sessions: Record<string, string>, others: Record<string, string> = {}, settings: Partial<CoachingSettings> = {}): NotesVault {
	const files: Record<string, string> = { "Clients/Lena Fischer.md": LENA_NOTE, ...others };
	for (const [date, body] of Object.entries(sessions)) files[`Sessions/${date} Lena.md`] = lenaSession(date, body);
	return new NotesVault(files, { settings });
}

describe("about them: the lead text", () => {
	async function about(note: string) {
		const vault = new NotesVault({ "Clients/Lena Fischer.md": note, "Sessions/2026-06-02 Lena.md": lenaSession("2026-06-02", "Talked.\n") });
		return (await vault.briefJson("Lena Fischer")).about.text;
	}

	it("follows a title heading that names the note, or an alias", async () => {
		expect(await about("---\ntype: client\naliases: [Lena]\n---\n# Lena\nTwo teenagers.\n# Goals\n- Hire\n")).toBe("Two teenagers.");
	});

	it("follows an opening heading that is the note's only top-level one, whatever it says", async () => {
		expect(await about("---\ntype: client\n---\n# About her\nTwo teenagers.\n## Goals\n- Hire\n")).toBe("Two teenagers.");
	});

	it("is nothing when the note opens with a section among others of its level: # Background is not a title", async () => {
		expect(await about("---\ntype: client\n---\n# Background\nGrew up in Kiel.\n# Goals\n- Hire\n")).toBe("");
	});
});

describe("where we left off", () => {
	it("reads a session note under its title line as its sections, the intention checklist and the threads held left out", async () => {
		const vault = lenaVault({
			"2026-06-16": "# Lena, session 5\n## Who do I want to show up as?\n- [ ] Someone who cares\n## What she brought\nThe offer.\n## To hold for next time\nThe notice period.\n",
		});
		const { BriefReader } = await import("../../src/core/brief/brief-text");
		const brief = vault.brief("Lena");
		const text = await new BriefReader(vault.index, vault, vault.settings).briefText(brief);
		expect(text.lastSessionSections.map(({ heading, text: words }) => [heading, words])).toEqual([["What she brought", "The offer."]]);
		expect(text.held.map((thread) => thread.text)).toEqual(["The notice period."]);
	});
});

describe("held for this conversation", () => {
	it("is each session's hold section, under any of the hold headings, newest first", async () => {
		const vault = lenaVault({
			"2026-05-05": "## What she brought\nThe reorg.\n## To hold for next time\nHer father's visit.\n",
			"2026-05-19": "## For next time\nThe portfolio review.\n",
			"2026-06-02": "## Next time\nWhether she told the CEO.\n",
			"2026-06-16": "## Next session\nThe offer letter.\n- and the notice period\n",
		});
		const held = (await vault.briefJson("Lena")).held;
		expect(held.map((thread) => [thread.date, thread.text])).toEqual([
			["2026-06-16", "The offer letter.\n- and the notice period"],
			["2026-06-02", "Whether she told the CEO."],
			["2026-05-19", "The portfolio review."],
			["2026-05-05", "Her father's visit."],
		]);
		expect(held[0]).toMatchObject({ path: "Sessions/2026-06-16 Lena.md", heading: null });
	});

	it("is each line starting Next time: outside a hold section, the words after the colon, as a line or a list item", async () => {
		const vault = lenaVault({
			"2026-06-02": "She was tired.\nNext time: ask how the move went.\n- next time: the dog's operation\n- Not next time: this is not one\n",
		});
		expect((await vault.briefJson("Lena")).held.map((thread) => thread.text)).toEqual(["ask how the move went.", "the dog's operation"]);
	});

	it("follows the hold headings chosen in the settings, and a session that holds nothing adds nothing", async () => {
		const vault = lenaVault(
			{ "2026-06-02": "## Thread\nThe hiring plan.\n", "2026-06-16": "## To hold for next time\nNot a heading she uses now.\n", "2026-06-23": "Quiet one.\n" },
			{},
			{ holdHeadings: ["Thread"] },
		);
		expect((await vault.briefJson("Lena")).held).toEqual([{ text: "The hiring plan.", path: "Sessions/2026-06-02 Lena.md", heading: null, date: "2026-06-02" }]);
	});

	it("the pane's thread to pick up is only the last conversation's: an earlier one was there to be picked up in the next", async () => {
		const vault = lenaVault({ "2026-06-02": "## Next time\nThe hiring plan.\n", "2026-06-16": "Nothing held.\n" });
		const { BriefReader } = await import("../../src/core/brief/brief-text");
		const brief = vault.brief("Lena");
		const reader = new BriefReader(vault.index, vault, vault.settings);
		expect((await reader.briefText(brief)).held).toEqual([]);
		expect((await reader.heldBefore(brief)).map((thread) => thread.text)).toEqual(["The hiring plan."]);
	});
});

describe("in their words", () => {
	it("takes each blockquote whole, a quoted sentence inside it belonging to it, and nested quotes as one", async () => {
		const vault = lenaVault({
			"2026-06-02": [
				"She opened with this:",
				'> I keep saying "I will decide on Friday" and Friday never comes.',
				"> > Her manager, quoted: decide by the offsite.",
				"",
				"Then the hiring.",
			].join("\n"),
		});
		expect((await vault.briefJson("Lena")).quotes.map((quote) => quote.text)).toEqual([
			'I keep saying "I will decide on Friday" and Friday never comes.\nHer manager, quoted: decide by the offsite.',
		]);
	});

	it("takes quoted sentences of five words or more, in prose and inside tasks, straight or curly", async () => {
		const vault = lenaVault({
			"2026-06-02": [
				'She said "I am not the bottleneck anymore" and laughed.',
				"Also “the team can run without me now”, quietly.",
				'Too short: "not yet".',
				"## Commitments",
				'- [ ] Tell Jan "I need the Friday afternoons for myself"',
			].join("\n"),
		});
		expect((await vault.briefJson("Lena")).quotes.map((quote) => quote.text)).toEqual([
			"I am not the bottleneck anymore",
			"the team can run without me now",
			"I need the Friday afternoons for myself",
		]);
	});

	it("pins a quote whose line has #pin first, the tag taken off; the rest newest first", async () => {
		const vault = lenaVault({
			"2026-05-05": '> Because if something breaks it is on me. #pin\n\nShe said "I never take the whole week off".\n',
			"2026-06-16": 'Lighter: "I think I can take August now, really".\n',
		});
		expect((await vault.briefJson("Lena")).quotes.map(({ text, pinned, date }) => [text, pinned, date])).toEqual([
			["Because if something breaks it is on me.", true, "2026-05-05"],
			["I think I can take August now, really", false, "2026-06-16"],
			["I never take the whole week off", false, "2026-05-05"],
		]);
	});

	it("leaves out callouts and code, and a stray inch mark does not pair the line the wrong way round", async () => {
		const vault = lenaVault({
			"2026-06-02": [
				"> [!note] My own box",
				"> Not her words at all, just my reminder.",
				"",
				"```",
				'"five words inside a code block"',
				"```",
				'The shelf is 5" deep; she said "I want to stop carrying everyone" and meant it.',
			].join("\n"),
		});
		expect((await vault.briefJson("Lena")).quotes.map((quote) => quote.text)).toEqual(["I want to stop carrying everyone"]);
	});
});

describe("since last time, with the words", () => {
	const sessions = { "2026-06-02": "Talked about hiring.\n" };

	it("shows the paragraph that links the client, its lines joined and the link kept as written", async () => {
		const vault = lenaVault(sessions, {
			"Journal/2026-06-10.md": "Rainy day.\n\nLunch with Jan, who said [[Lena Fischer]] turned down\nthe second offer. Ask her why?\n\nGym.",
		});
		expect((await vault.briefJson("Lena")).mentionsSinceLastSession).toEqual([
			{
				path: "Journal/2026-06-10.md",
				date: "2026-06-10",
				dateFrom: "name",
				excerpt: "Lunch with Jan, who said [[Lena Fischer]] turned down the second offer. Ask her why?",
			},
		]);
	});

	it("gives each client named in one paragraph that paragraph, however many links it holds", async () => {
		const vault = new NotesVault({
			"Clients/Lena Fischer.md": LENA_NOTE,
			"Clients/Jan Berg.md": "---\ntype: client\n---\n",
			"Sessions/2026-06-02 Lena.md": lenaSession("2026-06-02", "Talked.\n"),
			"Sessions/2026-06-02 Jan.md": '---\ntype: session\nclient: "[[Jan Berg]]"\ndate: 2026-06-02\n---\nTalked.\n',
			"Journal/2026-06-12.md": "- Errands\n- Saw [[Jan Berg]] and [[Lena Fischer|Lena]] together at the fair; [[Lena Fischer]] looked tired.\n  Jan did the talking.\n- Call the vet",
		});
		const passage = "Saw [[Jan Berg]] and [[Lena Fischer|Lena]] together at the fair; [[Lena Fischer]] looked tired. Jan did the talking.";
		expect((await vault.briefJson("Lena")).mentionsSinceLastSession.map((mention) => mention.excerpt)).toEqual([passage]);
		expect((await vault.briefJson("Jan Berg")).mentionsSinceLastSession.map((mention) => mention.excerpt)).toEqual([passage]);
	});

	it("cuts a long paragraph around the link, at words, with ellipses where text is left out", async () => {
		const before = "The week was long and the studio was loud and nothing went to plan at all. ".repeat(6);
		const vault = lenaVault(sessions, { "Journal/2026-06-11.md": `${before}Then [[Lena Fischer]] called to say yes. ${"And the rest of the day went by. ".repeat(8)}` });
		const [mention] = (await vault.briefJson("Lena")).mentionsSinceLastSession;
		expect(mention?.excerpt.startsWith("…")).toBe(true);
		expect(mention?.excerpt.endsWith("…")).toBe(true);
		expect(mention?.excerpt).toContain("Then [[Lena Fischer]] called to say yes.");
		expect(mention?.excerpt.length).toBeLessThanOrEqual(302);
	});

	it("shows the property when only a property links the client, and skips a link in code", async () => {
		const vault = lenaVault(sessions, {
			"Projects/Design awards.md": '---\njuror: "[[Lena Fischer]]"\ncreated: 2026-06-20\n---\nExample: `[[Lena Fischer]]` in code.\n',
		});
		expect((await vault.briefJson("Lena")).mentionsSinceLastSession).toEqual([
			{ path: "Projects/Design awards.md", date: "2026-06-20", dateFrom: "property", excerpt: 'juror: [[Lena Fischer]]' },
		]);
	});

	it("lists a mention dated only by its file's times last, and says so", async () => {
		const vault = new NotesVault(
			{
				"Clients/Lena Fischer.md": LENA_NOTE,
				"Sessions/2026-06-02 Lena.md": lenaSession("2026-06-02", "Talked.\n"),
				"Notes/Portfolio ideas.md": "- For [[Lena Fischer]]: the chair series.\n",
				"Journal/2026-06-09.md": "Thought about [[Lena Fischer|Lena]]'s offer.\n",
			},
			{ times: { "Notes/Portfolio ideas.md": { ctime: Date.UTC(2026, 5, 25), mtime: Date.UTC(2026, 5, 25) } } },
		);
		expect((await vault.briefJson("Lena")).mentionsSinceLastSession).toEqual([
			{ path: "Journal/2026-06-09.md", date: "2026-06-09", dateFrom: "name", excerpt: "Thought about [[Lena Fischer|Lena]]'s offer." },
			{ path: "Notes/Portfolio ideas.md", date: "2026-06-25", dateFrom: "file", excerpt: "For [[Lena Fischer]]: the chair series." },
		]);
	});

	it("shows an embed as a link, never embedded, and a link in a heading with the paragraph below it", async () => {
		const vault = lenaVault(sessions, {
			"Journal/2026-06-10.md": "![[Lena Fischer#Goals]] for the offsite.\n",
			"Projects/Referrals.md": "---\ncreated: 2026-06-13\n---\nIntro.\n\n### [[Lena Fischer]]\n\nJonas asked whether she would take a second coach.\n\n### Someone else\nNot her.\n",
		});
		const excerpts = (await vault.briefJson("Lena")).mentionsSinceLastSession.map((mention) => mention.excerpt);
		expect(excerpts).toContain("[[Lena Fischer#Goals]] for the offsite.");
		expect(excerpts).toContain("[[Lena Fischer]]: Jonas asked whether she would take a second coach.");
	});

	it("takes a table's row, a callout's words without its type, and a visible link before one Obsidian hides in a comment", async () => {
		const vault = lenaVault(sessions, {
			"Journal/2026-06-10.md": "| Date | Who |\n|---|---|\n| 6/10 | [[Lena Fischer]] lunch |\n| 6/11 | Bob |\n",
			"Journal/2026-06-11.md": "> [!note] Call prep\n> Ask [[Lena Fischer]] about the offer.\n",
			"Journal/2026-06-12.md": "%% private [[Lena Fischer]] note %%\n\nMet [[Lena Fischer]] at the fair.\n",
		});
		expect((await vault.briefJson("Lena")).mentionsSinceLastSession.map((mention) => mention.excerpt)).toEqual([
			"Met [[Lena Fischer]] at the fair.",
			"Call prep Ask [[Lena Fischer]] about the offer.",
			"| 6/10 | [[Lena Fischer]] lunch |",
		]);
	});

	it("cuts a property that lists many links around the client's, keeping its name", async () => {
		const attendees = Array.from({ length: 40 }, (_, at) => (at === 20 ? '"[[Lena Fischer]]"' : `"[[Guest number ${at}]]"`));
		const vault = lenaVault(sessions, { "Events/Design week.md": `---\ncreated: 2026-06-20\nattendees: [${attendees.join(", ")}]\n---\n` });
		const [mention] = (await vault.briefJson("Lena")).mentionsSinceLastSession;
		expect(mention?.excerpt).toMatch(/^attendees: …/u);
		expect(mention?.excerpt).toContain("[[Lena Fischer]]");
		expect(mention?.excerpt.length).toBeLessThan(330);
	});

	it("leaves out notes in the excluded folders", async () => {
		const vault = lenaVault(sessions, { "Archive/Old/2026-06-12.md": "Saw [[Lena Fischer]].\n", "Journal/2026-06-13.md": "Saw [[Lena Fischer]] again.\n" }, { excludedFolders: ["Archive"] });
		expect((await vault.briefJson("Lena")).mentionsSinceLastSession.map((mention) => mention.path)).toEqual(["Journal/2026-06-13.md"]);
	});
});

describe("commitments with their history", () => {
	it("one last written two sessions ago and not carried since is dropped without a word; one ticked in the third session after it was made is closed there", async () => {
		const vault = lenaVault({
			"2026-05-05": "## Commitments\n- [ ] Ask the board for the hiring budget\n- [ ] Write to her old mentor\n",
			"2026-05-19": "## Commitments\n- [ ] Write to her old mentor\n",
			"2026-06-02": "## Commitments\n- [ ] Write to her old mentor\n## My commitments\n- [ ] Send Lena the agreement\n",
			"2026-06-16": "## Commitments\n- [x] Write to her old mentor\n- [ ] Send Lena the agreement #me\n",
		});
		const json = await vault.briefJson("Lena");
		expect(json.openCommitments.map(({ text, owner, sessions, dropped, firstDate }) => ({ text, owner, sessions, dropped, firstDate }))).toEqual([
			{ text: "Send Lena the agreement #me", owner: "coach", sessions: 2, dropped: false, firstDate: "2026-06-02" },
			{ text: "Ask the board for the hiring budget", owner: "client", sessions: 1, dropped: true, firstDate: "2026-05-05" },
		]);
		expect(json.closedCommitments).toEqual([
			{ text: "Write to her old mentor", owner: "client", closedPath: "Sessions/2026-06-16 Lena.md", closedHeading: null, closedDate: "2026-06-16", firstDate: "2026-05-05" },
		]);
	});
});

describe("how did I show up", () => {
	const INTENTIONS = "## Who do I want to show up as?\n- [ ] The person who listens to them better than anyone else in their life\n- [ ] Someone who cares\n";

	it("counts an intention kept when ticked under the reflection heading, partial ticks and all, newest first", async () => {
		const vault = lenaVault({
			"2026-06-02": `${INTENTIONS}## How did I show up?\n- [x] The person who listens to them better than anyone else in their life\n- [ ] Someone who cares\nI talked too much in the second half.\n`,
			"2026-06-16": `${INTENTIONS}## How did I show up?\n- [x] The person who listens to them better than anyone else in their life\n- [x] Someone who cares\n`,
		});
		expect((await vault.briefJson("Lena")).intentionRecord).toEqual([
			{
				path: "Sessions/2026-06-16 Lena.md",
				heading: null,
				date: "2026-06-16",
				kept: ["The person who listens to them better than anyone else in their life", "Someone who cares"],
				missed: [],
			},
			{
				path: "Sessions/2026-06-02 Lena.md",
				heading: null,
				date: "2026-06-02",
				kept: ["The person who listens to them better than anyone else in their life"],
				missed: ["Someone who cares"],
			},
		]);
	});

	it("reads the intention heading's ticks in a session with no reflection section, and leaves out a session with no checklist", async () => {
		const vault = lenaVault({
			"2026-06-02": "## Who do I want to show up as?\n- [x] Someone who cares\n- [ ] Curious, not clever\n",
			"2026-06-09": "Just notes, no checklist.\n",
		});
		expect((await vault.briefJson("Lena")).intentionRecord).toEqual([
			{ path: "Sessions/2026-06-02 Lena.md", heading: null, date: "2026-06-02", kept: ["Someone who cares"], missed: ["Curious, not clever"] },
		]);
	});

	it("counts nothing kept in a session whose reflection has prose but no ticks: only the reflection's ticks count once it is there", async () => {
		const vault = lenaVault({
			"2026-06-02": "## Who do I want to show up as?\n- [x] Someone who cares\n## How did I show up?\n- [ ] \nRushed her. Talked too much.\n",
		});
		expect((await vault.briefJson("Lena")).intentionRecord.map(({ kept, missed }) => ({ kept, missed }))).toEqual([{ kept: [], missed: ["Someone who cares"] }]);
	});

	it("keeps the intentions in the order written, whichever were kept", async () => {
		const vault = lenaVault({
			"2026-04-14": `${INTENTIONS}## How did I show up?\n- [ ] The person who listens to them better than anyone else in their life\n- [x] Someone who cares\n`,
		});
		const { BriefReader } = await import("../../src/core/brief/brief-text");
		const [record] = await new BriefReader(vault.index, vault, vault.settings).howIShowedUp(vault.brief("Lena"));
		expect(record?.intentions).toEqual([
			{ text: "The person who listens to them better than anyone else in their life", kept: false },
			{ text: "Someone who cares", kept: true },
		]);
	});

	it("keeps each session's intentions as written there, after the intentions are reworded in the settings", async () => {
		const vault = lenaVault(
			{
				"2026-05-05": `${INTENTIONS}## How did I show up?\n- [x] Someone who cares\n- [ ] The person who listens to them better than anyone else in their life\n`,
				"2026-06-16": "## Who do I want to show up as?\n- [ ] Fully present\n- [ ] Curious, not clever\n## How did I show up?\n- [ ] Fully present\n- [x] Curious, not clever\n",
			},
			{},
			{ intentions: ["Fully present", "Curious, not clever"] },
		);
		expect((await vault.briefJson("Lena")).intentionRecord.map(({ date, kept, missed }) => ({ date, kept, missed }))).toEqual([
			{ date: "2026-06-16", kept: ["Curious, not clever"], missed: ["Fully present"] },
			{ date: "2026-05-05", kept: ["Someone who cares"], missed: ["The person who listens to them better than anyone else in their life"] },
		]);
	});

	it("follows the intention and reflection headings chosen in the settings", async () => {
		const vault = lenaVault(
			{ "2026-06-16": "## My intention\n- [ ] Fully present\n## Afterwards\n- [x] Fully present\nGood.\n## Commitments\n- [ ] Send the brief\n" },
			{},
			{ intentionHeading: "My intention", reflectionHeading: "Afterwards" },
		);
		const json = await vault.briefJson("Lena");
		expect(json.intentionRecord.map(({ kept, missed }) => ({ kept, missed }))).toEqual([{ kept: ["Fully present"], missed: [] }]);
		expect(json.openCommitments.map((commitment) => commitment.text)).toEqual(["Send the brief"]);
	});

	it("reads the last reflections' prose for the pane, newest first", async () => {
		const vault = lenaVault({
			"2026-06-02": `${INTENTIONS}## How did I show up?\n- [x] Someone who cares\nStayed with the silence.\n`,
			"2026-06-16": `${INTENTIONS}## How did I show up?\nRushed the ending.\n`,
		});
		const { BriefReader } = await import("../../src/core/brief/brief-text");
		const record = await new BriefReader(vault.index, vault, vault.settings).howIShowedUp(vault.brief("Lena"));
		expect(record.map(({ date, reflection }) => [date, reflection])).toEqual([
			["2026-06-16", "Rushed the ending."],
			["2026-06-02", "Stayed with the silence."],
		]);
	});
});

describe("read-back weaves in the notes written between conversations", () => {
	const session = (number: number, date: string | null) => ({ id: String(number), path: `${number}.md`, heading: null, date, number, title: String(number), clients: [] });
	const mention = (path: string, date: string | null) => ({ path, date, dateFrom: "name" as const });

	it("after the conversation of the same day or the last before it; before the first, apart; undated ones nowhere", () => {
		const sessions = [session(1, "2026-05-05"), session(2, null), session(3, "2026-06-02")];
		const mentions = [
			mention("early.md", "2026-04-01"),
			mention("same-day.md", "2026-05-05"),
			mention("between.md", "2026-05-20"),
			mention("after-last.md", "2026-06-10"),
			mention("undated.md", null),
		];
		expect(mentionsBetween(sessions, mentions)).toEqual({
			before: [mention("early.md", "2026-04-01")],
			after: [[mention("same-day.md", "2026-05-05"), mention("between.md", "2026-05-20")], [], [mention("after-last.md", "2026-06-10")]],
		});
	});
});

describe("a session note written ahead, dated after today", () => {
	const vault = (): NotesVault =>
		lenaVault({
			"2026-06-16": "## What she brought\nThe offer.\n## To hold for next time\nThe notice period.\n",
			"2026-07-07": "## Agenda\n- [ ] Ask about the notice period\n",
		});

	it("is never the last session: where we left off, the days since and the count are the conversations held", () => {
		const brief = vault().brief("Lena");
		expect(brief.lastSession?.date).toBe("2026-06-16");
		expect(brief.daysSinceLastSession).toBe(14);
		expect(brief.sessionCount).toBe(1);
		expect(brief.nextSessionNumber).toBe(2);
		expect(brief.sessions.map((session) => session.date)).toEqual(["2026-06-16"]);
		expect(brief.openCommitments).toEqual([]);
	});

	it("is listed apart as written ahead, with the number it takes", async () => {
		const brief = vault().brief("Lena");
		expect(brief.plannedSessions.map(({ date, number, path }) => ({ date, number, path }))).toEqual([{ date: "2026-07-07", number: 2, path: "Sessions/2026-07-07 Lena.md" }]);
		expect((await vault().briefJson("Lena")).plannedSessions).toEqual([
			{ path: "Sessions/2026-07-07 Lena.md", heading: null, date: "2026-07-07", number: 2, title: "2026-07-07 Lena", clients: ["Clients/Lena Fischer.md"] },
		]);
	});

	it("becomes the last session once its day comes", () => {
		const brief = vault().brief("Lena", "2026-07-07");
		expect(brief.lastSession?.date).toBe("2026-07-07");
		expect(brief.plannedSessions).toEqual([]);
	});
});
