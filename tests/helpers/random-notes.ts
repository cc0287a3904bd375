/**
 * Random notes and vault changes, from a small world of folders, names, links, tasks and tags
 * chosen so that random vaults are full of clients, conversations and near-misses: names that
 * differ only in case, links that resolve two ways, dated sections, archived clients.
 */
import fc from "fast-check";

export const FOLDERS = ["Clients", "People", "Sessions", "Meetings", "Daily", "Notes", "Templates", "Clients/Archive", "Clients/Leo Park", "Clients/Acme"];
export const NAMES = ["Maya Chen", "maya chen", "Sam Ortiz", "Ruth Mensah", "2026-06-02 Maya", "2026-06-16", "Circle", "Dana", "Leo Park", "overview"];
const LINK_TARGETS = ["Maya Chen", "maya chen", "Clients/Maya Chen", "Sam Ortiz", "Ruth Mensah", "New Person", "Dana", "Maya"];
const TASKS = ["Ask Dana for feedback", "ask dana  for feedback", "Book the August holiday", "Run three times a week", ""];
const TAGS = ["career", "family", "session", "client/active", "coaching", "Career"];

export const path = fc.tuple(fc.constantFrom(...FOLDERS), fc.constantFrom(...NAMES)).map(([folder, name]) => `${folder}/${name}.md`);

const link = fc.constantFrom(...LINK_TARGETS).map((target) => `[[${target}]]`);

const frontmatter = fc
	.record(
		{
			type: fc.constantFrom("client", "session", "person", '"[[Meetings]]"', "book"),
			client: fc.oneof(link.map((value) => `"${value}"`), fc.constantFrom("Maya", "Sam Ortiz", '"{{client}}"')),
			people: fc.array(link.map((value) => `"${value}"`), { minLength: 1, maxLength: 3 }).map((values) => `[${values.join(", ")}]`),
			aliases: fc.constantFrom("[Maya]", "[Sam]", "[Dana, Maya]"),
			status: fc.constantFrom("archived", "active"),
			date: fc.constantFrom("2026-05-19", "2026-06-02", "2026-06-16T09:30", "not a date"),
			session: fc.constantFrom("3", "12"),
			cadence: fc.constantFrom("weekly", "monthly", "every 3 weeks"),
			tags: fc.subarray(TAGS).map((tags) => `[${tags.join(", ")}]`),
		},
		{ requiredKeys: [] },
	)
	.map((fields) => {
		const lines = Object.entries(fields).map(([key, value]) => `${key}: ${value}`);
		return lines.length === 0 ? "" : `---\n${lines.join("\n")}\n---\n`;
	});

const bodyLine = fc.oneof(
	link.map((value) => `Talked about ${value} today.`),
	fc.tuple(fc.constantFrom(" ", "x", "/", "-"), fc.constantFrom(...TASKS), fc.option(link, { nil: "" })).map(
		([status, text, target]) => `- [${status}] ${text} ${target}`.trimEnd(),
	),
	fc.constantFrom("## Who do I want to show up as?", "## Commitments", "## How did I show up?", "## What makes them happy", "## Goals"),
	// Conversations inside other notes: a client's log entries, and a day's section for a client.
	fc.constantFrom("### 2026-06-02", "## 12 Jun 2026", "## 2026-06-16 · The offer", "## Coaching: [[Maya Chen]]", "## Call with Sam", "## Errands", "## Coaching: Dana"),
	fc.constantFrom(...TAGS).map((tag) => `Feeling #${tag}`),
	fc.constant("A quiet paragraph about the week."),
);

export const note = fc.tuple(frontmatter, fc.array(bodyLine, { maxLength: 8 })).map(([head, body]) => head + body.join("\n"));

export type VaultEvent =
	| { kind: "write"; path: string; text: string }
	/** A coach typing in a note: a task ticked or unticked, a line added; where its conversations stand is left as it was. */
	| { kind: "type"; path: string; line: string }
	| { kind: "rename"; from: string; to: string }
	| { kind: "delete"; path: string };

export const event: fc.Arbitrary<VaultEvent> = fc.oneof(
	{ weight: 5, arbitrary: fc.record({ kind: fc.constant("write" as const), path, text: note }) },
	{ weight: 3, arbitrary: fc.record({ kind: fc.constant("type" as const), path, line: fc.constantFrom("tick", "A quiet paragraph about the week.", "- [ ] Call the bank", "Feeling #family") }) },
	{ weight: 2, arbitrary: fc.record({ kind: fc.constant("rename" as const), from: path, to: path }) },
	{ weight: 2, arbitrary: fc.record({ kind: fc.constant("delete" as const), path }) },
);

