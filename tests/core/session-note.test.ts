import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { computeBrief } from "../../src/core/brief/brief";
import { findClient } from "../../src/core/index/find-client";
import {
	clientNoteContent,
	firstWritingLine,
	freePath,
	intentionChecklist,
	safeFileName,
	sessionFileName,
	sessionFolder,
	sessionNoteContent,
	templateNotePath,
} from "../../src/core/writing/session-note";
import { DEFAULT_SETTINGS } from "../../src/core/settings/settings";
import { openVaultFolder } from "../../src/fs/vault-folder";
import { NotesVault } from "../helpers/notes-vault";

const DEMO = join(__dirname, "../../examples/demo-vault");
const TODAY = "2026-06-30";

async function demoBrief(name: string) {
	const vault = await openVaultFolder(DEMO);
	const lookup = findClient(vault.index.clients(), name);
	if (lookup.kind !== "found") throw new Error(name);
	return computeBrief(vault.index, lookup.client, TODAY, vault.settings);
}

function frontmatterOf(content: string): Record<string, unknown> {
	const match = /^---\n([\s\S]*?)\n---\n/.exec(content);
	return parseYaml(match?.[1] ?? "", { schema: "core" }) as Record<string, unknown>;
}

const CUSTOM_TEMPLATE = `---
client: "{{client}}"
title: "Session {{session_number}} with {{client}}: {{date:EEEE d MMMM}}"
tags: [coaching, "{{client}}"]
mood:
---
# {{client}}, {{date:EEE d MMM yyyy}} at {{time}}
Last: {{last_session_link}} ({{days_since_last}} days ago)

{{intentions}}

## Still open
{{open_commitments}}

Written with <% tp.date.now("HH:mm") %>; {{not_a_placeholder}} stays.
`;

describe("the session note", () => {
	it("from the built-in template, for Ana's session 10", async () => {
		const content = sessionNoteContent({ brief: await demoBrief("Ana Costa"), settings: DEFAULT_SETTINGS, today: TODAY, time: "09:30", template: null });
		await expect(content).toMatchFileSnapshot("./__golden__/built-in-ana-costa.md");
	});

	it("from a custom template: placeholders filled, Templater and unknown placeholders left as written", async () => {
		const content = sessionNoteContent({ brief: await demoBrief("Tomás"), settings: DEFAULT_SETTINGS, today: TODAY, time: "07:45", template: CUSTOM_TEMPLATE });
		await expect(content).toMatchFileSnapshot("./__golden__/custom-tomas-rivera.md");
	});

	it("for a first conversation with someone who has no note yet", async () => {
		const content = sessionNoteContent({ brief: await demoBrief("Lena Fischer"), settings: DEFAULT_SETTINGS, today: TODAY, time: "10:00", template: null });
		expect(frontmatterOf(content)).toEqual({ type: "session", client: "[[Lena Fischer]]", date: TODAY, session: 2 });
	});

	it.each([
		"Zoë “Z” O'Brien 🌱",
		"李小龙",
		'Ana "the lead": design #1 [core]',
		"Renée {{date}} Smith",
		"- not a list",
	])("writes the name %s into the frontmatter so it reads back exactly", (name) => {
		const vault = new NotesVault({ [`Clients/${name.replace(/[/]/g, "-")}.md`]: "---\ntype: client\n---\n" });
		const client = vault.index.clients()[0];
		if (!client) throw new Error("no client");
		const brief = computeBrief(vault.index, client, TODAY, vault.settings);
		const content = sessionNoteContent({ brief, settings: vault.settings, today: TODAY, time: "09:00", template: '---\nnote: "{{client}}"\n---\n' });
		const properties = frontmatterOf(content);
		expect(properties["client"]).toBe(`[[${client.name}]]`);
		expect(properties["note"]).toBe(client.name);
	});

	it("links the client by path when another note shares the name, so the link reaches the right person", () => {
		const vault = new NotesVault({
			"Coaching/Clients/Maya Chen.md": "---\ntype: client\n---\n",
			"Sessions/Maya Chen.md": "A note about a book by someone else called Maya Chen.",
		});
		const client = vault.client("Coaching/Clients/Maya Chen");
		const brief = vault.brief("Coaching/Clients/Maya Chen", TODAY);
		const target = vault.index.linkTarget(client, freePath(folderPath(sessionFolder(vault.settings, brief)), "new", () => false));
		expect(target).toBe("Coaching/Clients/Maya Chen");
		const content = sessionNoteContent({ brief, settings: vault.settings, today: TODAY, time: "09:00", template: null, clientLinkTarget: target });
		expect(frontmatterOf(content)["client"]).toBe("[[Coaching/Clients/Maya Chen|Maya Chen]]");
		vault.write("Sessions/2026-06-30 Maya Chen.md", content);
		expect(vault.brief("Coaching/Clients/Maya Chen", TODAY).sessionCount).toBe(1);
		expect(vault.index.linkTarget(client, "Coaching/Clients/new.md")).toBe("Maya Chen");
	});

	it("keeps the template's own properties and fills its type only when empty", () => {
		const vault = new NotesVault({ "Clients/Maya Chen.md": "---\ntype: client\n---\n" });
		const brief = vault.brief("Maya Chen", TODAY);
		const content = sessionNoteContent({ brief, settings: vault.settings, today: TODAY, time: "09:00", template: "---\ntype: 1:1\nlocation: Zoom\n---\nBody\n" });
		expect(frontmatterOf(content)).toEqual({ type: "1:1", location: "Zoom", client: "[[Maya Chen]]", date: TODAY, session: 1 });
	});

	it("refuses a template whose frontmatter is not YAML, saying why", () => {
		const vault = new NotesVault({ "Clients/Maya Chen.md": "---\ntype: client\n---\n" });
		const brief = vault.brief("Maya Chen", TODAY);
		expect(() => sessionNoteContent({ brief, settings: vault.settings, today: TODAY, time: "09:00", template: "---\nclient: [oops\n---\n" })).toThrow(
			/the template's frontmatter is not valid YAML/,
		);
	});
});

describe("after it is written", () => {
	it("the new note, read back through the file reader, is the client's session N+1 with the same open commitments", () => {
		const vault = new NotesVault({});
		for (const path of readdirSync(DEMO, { recursive: true, encoding: "utf8" })) {
			const file = path.split("\\").join("/");
			if (file.endsWith(".md") && !file.startsWith(".obsidian")) vault.write(file, readFileSync(join(DEMO, file), "utf8"));
		}
		const before = vault.brief("Ana Costa", TODAY);
		const content = sessionNoteContent({ brief: before, settings: vault.settings, today: TODAY, time: "09:30", template: null });
		const path = freePath(folderPath(sessionFolder(vault.settings, before)), sessionFileName(vault.settings.sessionFileName, { brief: before, settings: vault.settings, today: TODAY, time: "09:30", template: null }), (candidate) => vault.files.has(candidate));
		vault.write(path, content);
		const after = vault.brief("Ana Costa", TODAY);
		expect(path).toBe("Coaching/Sessions/2026-06-30 Ana Costa.md");
		expect(after.sessionCount).toBe(before.sessionCount + 1);
		expect(after.sessions[0]).toMatchObject({ path, number: before.nextSessionNumber, date: TODAY });
		expect(after.openCommitments.map((commitment) => [commitment.text, commitment.status])).toEqual(
			before.openCommitments.map((commitment) => [commitment.text, commitment.status]),
		);
		expect(after.openCommitments.every((commitment) => commitment.path === path)).toBe(true);
		expect(after.openCommitments.map((commitment) => commitment.firstDate)).toEqual(before.openCommitments.map((commitment) => commitment.firstDate));
	});
});

describe("custom intention and reflection headings", () => {
	it("the built-in template writes them, and the checklists under them are never open commitments", () => {
		const settings = { intentionHeading: "My intentions", reflectionHeading: "Looking back" };
		const vault = new NotesVault(
			{
				"Clients/Maya Chen.md": "---\ntype: client\n---\n",
				"Sessions/2026-06-16 Maya.md": '---\nclient: "[[Maya Chen]]"\n---\n- [ ] Ask Dana for feedback\n',
			},
			{ settings },
		);
		const brief = vault.brief("Maya Chen", TODAY);
		const content = sessionNoteContent({ brief, settings: vault.settings, today: TODAY, time: "09:30", template: null });
		expect(content).toContain("## My intentions\n- [ ] The person who listens");
		expect(content).toContain("## Looking back\n- [ ] The person who listens");
		expect(content).not.toContain("Who do I want to show up as?");
		expect(content).not.toContain("How did I show up?");
		vault.write("Sessions/2026-06-30 Maya Chen.md", content);
		const after = vault.brief("Maya Chen", TODAY);
		expect(after.sessionCount).toBe(2);
		expect(after.openCommitments.map((commitment) => commitment.text)).toEqual(["Ask Dana for feedback"]);
		expect(after.intentionHeading).toBe("My intentions");
	});
});

describe("names and places", () => {
	it.each([
		['Ana: design lead', "Ana - design lead"],
		['Zoë "Z" O\'Brien', "Zoë 'Z' O'Brien"],
		["Sam / Samira", "Sam - Samira"],
		["What? Why*", "What- Why-"],
		["#1 [core] | ^x", "-1 -core- - -x"],
		["...", "Untitled"],
		["李小龙 🌱", "李小龙 🌱"],
	])("a file name for %s is %s: illegal characters replaced, never dropped", (name, expected) => {
		expect(safeFileName(name)).toBe(expected);
	});

	it("never overwrites: a taken name gets (2), (3) and so on", () => {
		const taken = new Set(["Sessions/2026-06-30 Ana.md", "Sessions/2026-06-30 Ana (2).md"]);
		expect(freePath("Sessions", "2026-06-30 Ana", (path) => taken.has(path))).toBe("Sessions/2026-06-30 Ana (3).md");
		expect(freePath("", "Ana", () => false)).toBe("Ana.md");
	});

	it("the file name follows the pattern setting, with date formats", async () => {
		const input = { brief: await demoBrief("Ana"), settings: DEFAULT_SETTINGS, today: TODAY, time: "09:30", template: null };
		expect(sessionFileName("{{date}} {{client}}", input)).toBe("2026-06-30 Ana Costa");
		expect(sessionFileName("{{client}} – session {{session_number}} ({{date:d MMM yyyy}})", input)).toBe("Ana Costa – session 10 (30 Jun 2026)");
		expect(sessionFileName("{{client}}: {{date:yyyy/MM/dd}}", input)).toBe("Ana Costa - 2026-06-30");
	});

	it("the note goes beside the client's last session, else to the folder setting or the first session folder", async () => {
		const tomas = await demoBrief("Tomás");
		expect(sessionFolder(DEFAULT_SETTINGS, tomas)).toEqual({ path: "Calls" });
		expect(sessionFolder({ ...DEFAULT_SETTINGS, sessionNoteFolder: "/Coaching//2026/" }, tomas)).toEqual({ path: "Coaching/2026" });
		const fresh = new NotesVault({ "Clients/Noor.md": "---\ntype: client\n---\n" }).brief("Noor", TODAY);
		expect(sessionFolder(DEFAULT_SETTINGS, fresh)).toEqual({ path: "Sessions" });
	});

	it("a folder setting that leaves the vault is refused, with the reason", async () => {
		const tomas = await demoBrief("Tomás");
		const inside = "The session note folder must be inside your vault, written from the vault's top without \".\" or \"..\".";
		const disk = "The session note folder must be inside your vault, written from the vault's top (like Coaching/Sessions), not a place on the disk.";
		for (const folder of ["../elsewhere", "Sessions/../../x", "./Sessions"]) {
			expect(sessionFolder({ ...DEFAULT_SETTINGS, sessionNoteFolder: folder }, tomas)).toEqual({ problem: inside });
		}
		for (const folder of ["C:\\Users\\ana", "~/notes"]) {
			expect(sessionFolder({ ...DEFAULT_SETTINGS, sessionNoteFolder: folder }, tomas)).toEqual({ problem: disk });
		}
		expect(sessionFolder({ ...DEFAULT_SETTINGS, sessionNoteFolder: ".obsidian/x" }, tomas)).toEqual({
			problem: "The session note folder cannot be in a hidden or configuration folder.",
		});
	});

	it("the cursor starts under the first heading after the intention checklist", async () => {
		const content = sessionNoteContent({ brief: await demoBrief("Ana"), settings: DEFAULT_SETTINGS, today: TODAY, time: "09:30", template: null });
		const lines = content.split("\n");
		const line = firstWritingLine(content, DEFAULT_SETTINGS);
		expect(lines[line - 1]).toBe("## What they brought");
	});

	it("a template in a hidden or configuration folder, or outside the vault, is refused", () => {
		expect(templateNotePath("Templates/Session.md")).toEqual({ path: "Templates/Session.md" });
		expect(templateNotePath(".obsidian/templates/Session.md")).toEqual({ problem: "The template cannot be in a hidden or configuration folder." });
		expect(templateNotePath("../Session.md")).toEqual({ problem: "The template must be inside your vault, written from the vault's top without \".\" or \"..\"." });
		expect(templateNotePath("C:\\Templates\\Session.md")).toEqual({
			problem: "The template must be inside your vault, written from the vault's top (like Coaching/Sessions), not a place on the disk.",
		});
	});

	it("a template setting names a note, with or without .md; empty means the built-in template", () => {
		expect(templateNotePath("Templates/Session")).toEqual({ path: "Templates/Session.md" });
		expect(templateNotePath(" Templates/Session.md ")).toEqual({ path: "Templates/Session.md" });
		expect(templateNotePath("")).toBeNull();
		expect(templateNotePath(".obsidian/session")).toEqual({ problem: "The template cannot be in a hidden or configuration folder." });
	});

	it("a new client note keeps the name as typed in aliases when the file name had to change", () => {
		const content = clientNoteContent("Ana: design lead", safeFileName("Ana: design lead"), TODAY, DEFAULT_SETTINGS);
		expect(frontmatterOf(content)).toEqual({ type: "client", aliases: ["Ana: design lead"], started: TODAY, cadence: "" });
		expect(content).toContain("## What makes them happy\n\n\n## What keeps them awake at night\n\n\n## Goals\n");
	});

	it("the intention checklist, ready to insert", () => {
		expect(intentionChecklist(DEFAULT_SETTINGS)).toBe(
			"## Who do I want to show up as?\n- [ ] The person who listens to them better than anyone else in their life\n- [ ] Someone who cares\n",
		);
	});
});

function folderPath(check: ReturnType<typeof sessionFolder>): string {
	if ("problem" in check) throw new Error(check.problem);
	return check.path;
}
