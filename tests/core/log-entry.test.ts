import { describe, expect, it } from "vitest";
import { withLogEntry } from "../../src/core/writing/log-entry";
import { planSessionNote } from "../../src/core/writing/plan-session-note";
import { NotesVault } from "../helpers/notes-vault";

const NEWEST_FIRST = `---
type: client
---
# Priya Raman

## Goals
Stop proving herself.

## Session log

### 12 Oct 2026
The offer came in.
- [ ] Ask for the role description in writing

### 28 Sep 2026
First call.

## Contacts
Her assistant is Tom.
`;

const OLDEST_FIRST = `---
type: client
---
## 2026-09-28
First call.
## 2026-10-12 · The offer
- [/] Ask for the role description in writing
## Goals
Stop proving herself.
`;

function plan(vault: NotesVault, today: string) {
	const brief = vault.brief("Priya Raman", today);
	const planned = planSessionNote({ brief, index: vault.index, settings: vault.settings, today, time: "09:30", template: null });
	return "kind" in planned && planned.kind === "log-entry" ? planned : null;
}

describe("a new conversation in a log kept in the client's note", () => {
	it("goes before the newest entry when the log is newest first, at its level and in its date style", () => {
		const vault = new NotesVault({ "Clients/Priya Raman.md": NEWEST_FIRST });
		const entry = plan(vault, "2026-10-26");
		if (!entry) throw new Error("no log entry planned");
		const added = withLogEntry(NEWEST_FIRST, entry);
		if (!added) throw new Error("not added");
		expect(added.text.replace(entry.entry, "")).toBe(NEWEST_FIRST);
		expect(added.text).toContain("## Session log\n\n### 26 Oct 2026\n\n#### Who do I want to show up as?\n- [ ] The person who listens");
		expect(added.text).toContain("#### Commitments\n- [ ] Ask for the role description in writing\n- [ ] \n");
		expect(added.text).toContain("#### How did I show up?\n- [ ] The person who listens to them better than anyone else in their life\n- [ ] Someone who cares\n\n### 12 Oct 2026");
		const lines = added.text.split("\n");
		expect(lines[added.line]).toBe("### 26 Oct 2026");
		expect(lines[added.line + entry.cursorLine - 1]).toBe("#### What they brought");
	});

	it("goes after the last entry when the log is oldest first, before the next section, keeping an in-progress mark", () => {
		const vault = new NotesVault({ "Clients/Priya Raman.md": OLDEST_FIRST });
		const entry = plan(vault, "2026-10-26");
		if (!entry) throw new Error("no log entry planned");
		const added = withLogEntry(OLDEST_FIRST, entry);
		if (!added) throw new Error("not added");
		expect(added.text.replace(entry.entry, "")).toBe(OLDEST_FIRST);
		expect(added.text).toMatch(/- \[\/\] Ask for the role description in writing\n## 2026-10-26\n\n### Who do I want to show up as\?[\s\S]*- \[\/\] Ask for the role description in writing\n- \[ \] \n[\s\S]*### How did I show up\?[\s\S]*Someone who cares\n\n## Goals/);
	});

	it("reads back as the next session, with the same open commitments, and the intention checklist is not one of them", () => {
		const vault = new NotesVault({ "Clients/Priya Raman.md": NEWEST_FIRST });
		const before = vault.brief("Priya Raman", "2026-10-26");
		const entry = plan(vault, "2026-10-26");
		const added = entry && withLogEntry(NEWEST_FIRST, entry);
		if (!added) throw new Error("not added");
		vault.write("Clients/Priya Raman.md", added.text);
		const after = vault.brief("Priya Raman", "2026-10-26");
		expect(after.sessionCount).toBe(before.sessionCount + 1);
		expect(after.lastSession).toMatchObject({ heading: "26 Oct 2026", date: "2026-10-26" });
		expect(after.openCommitments.map((commitment) => commitment.text)).toEqual(before.openCommitments.map((commitment) => commitment.text));
	});

	it("writes the date as the newest entry does, weekday and all", () => {
		const log = "---\ntype: client\n---\n#### Thu 19 Nov 2026\nWe met.\n#### Thu 5 Nov 2026\nFirst.\n";
		const vault = new NotesVault({ "Clients/Priya Raman.md": log });
		expect(plan(vault, "2026-11-25")?.heading).toBe("#### Wed 25 Nov 2026");
	});

	it("keeps Windows line endings as they were", () => {
		const crlf = NEWEST_FIRST.replace(/\n/g, "\r\n");
		const vault = new NotesVault({ "Clients/Priya Raman.md": crlf });
		const entry = plan(vault, "2026-10-26");
		const added = entry && withLogEntry(crlf, entry);
		if (!added || !entry) throw new Error("not added");
		expect(added.text.replace(entry.entry.replace(/\n/g, "\r\n"), "")).toBe(crlf);
		expect(added.text.replace(/\r\n/g, "")).not.toContain("\n");
	});

	it("is a session note of its own when the latest conversation was one, or when the settings say so", () => {
		const vault = new NotesVault({
			"Clients/Priya Raman.md": NEWEST_FIRST,
			"Sessions/2026-10-20 Priya.md": '---\nclient: "[[Priya Raman]]"\n---\nA call between entries.\n',
		});
		expect(plan(vault, "2026-10-26")).toBeNull();
		const fixed = new NotesVault({ "Clients/Priya Raman.md": NEWEST_FIRST }, { settings: { newSessionShape: "note" } });
		expect(plan(fixed, "2026-10-26")).toBeNull();
	});

	it("says when the entry it was written next to is gone from the note", () => {
		const vault = new NotesVault({ "Clients/Priya Raman.md": NEWEST_FIRST });
		const entry = plan(vault, "2026-10-26");
		if (!entry) throw new Error("no log entry planned");
		expect(withLogEntry(NEWEST_FIRST.replace("### 12 Oct 2026", "### Something else").replace("### 28 Sep 2026", "### Other"), entry)).toBeNull();
	});

	it("never lands inside a line or a code block: mixed line endings, a fenced `#` line, a byte order mark", () => {
		const tricky = "\uFEFF---\r\ntype: client\r\n---\n## 2026-09-28\r\nFirst call.\n```\n# run every monday\n```\n## 2026-10-12\nThe offer.\r\n";
		const vault = new NotesVault({ "Clients/Priya Raman.md": tricky });
		const entry = plan(vault, "2026-10-26");
		const added = entry && withLogEntry(tricky, entry);
		if (!added || !entry) throw new Error("not added");
		expect(added.text.startsWith(tricky)).toBe(true);
		expect(added.text.slice(tricky.length).startsWith("## 2026-10-26")).toBe(true);
	});

	it("reads the note's headings as the metadata cache does: a heading-like line in the properties, a comment or a quote is passed over", () => {
		const vault = new NotesVault({ "Clients/Priya Raman.md": NEWEST_FIRST });
		const entry = plan(vault, "2026-10-26");
		if (!entry) throw new Error("no log entry planned");
		const edited = NEWEST_FIRST.replace("type: client\n", "type: client\n### 12 Oct 2026\n").replace(
			"## Goals\n",
			"%%\n### 12 Oct 2026\n%%\n<!--\n### 12 Oct 2026\n-->\n> ### 12 Oct 2026\n\n## Goals\n",
		);
		const added = withLogEntry(edited, entry);
		if (!added) throw new Error("not added");
		expect(added.text.replace(entry.entry, "")).toBe(edited);
		expect(added.text).toContain("## Session log\n\n### 26 Oct 2026\n");
	});

	it("is one insertion: its text at its offset makes the note, a byte order mark kept first", () => {
		const oldestFirst = `\uFEFF${OLDEST_FIRST.replace("---\ntype: client\n---\n", "")}`;
		const vault = new NotesVault({ "Clients/Priya Raman.md": NEWEST_FIRST });
		const entry = plan(vault, "2026-10-26");
		if (!entry) throw new Error("no log entry planned");
		const atTop = { ...entry, anchor: { text: "2026-09-28", line: 0, place: "before" as const } };
		const added = withLogEntry(oldestFirst, atTop);
		if (!added) throw new Error("not added");
		expect(added.text).toBe(oldestFirst.slice(0, added.offset) + added.insert + oldestFirst.slice(added.offset));
		expect(added.text.startsWith(`\uFEFF${entry.entry}## 2026-09-28`)).toBe(true);
		expect(added.line).toBe(0);
	});

	it("after typing above the log, goes beside the anchor nearest where it was, not an earlier heading with the same words", () => {
		const vault = new NotesVault({ "Clients/Priya Raman.md": NEWEST_FIRST });
		const entry = plan(vault, "2026-10-26");
		if (!entry) throw new Error("no log entry planned");
		const edited = NEWEST_FIRST.replace("# Priya Raman\n", "# Priya Raman\n## Timeline\n### 12 Oct 2026\nThe offer letter arrived.\n");
		const added = withLogEntry(edited, entry);
		if (!added) throw new Error("not added");
		expect(added.text).toContain("## Session log\n\n### 26 Oct 2026\n");
		expect(added.text).toContain("## Timeline\n### 12 Oct 2026\nThe offer letter arrived.\n");
	});
});
