import { describe, expect, it } from "vitest";
import { NotesVault } from "../helpers/notes-vault";

const TEMPLATE = '---\ntype: session\nclient: "{{client}}"\ndate: {{date}}\n---\n## Commitments\n- [ ] Something to carry\n';

describe("never indexed", () => {
	it("a folder named Templates, when no templates setting exists: {{client}} never becomes a client", () => {
		const vault = new NotesVault({ "Templates/Session.md": TEMPLATE, "Clients/Maya Chen.md": "" });
		expect(vault.clientNames()).toEqual(["Maya Chen"]);
		expect(vault.index.get("Templates/Session.md")).toBeUndefined();
	});

	it("the folder set in Obsidian's Templates core plugin", () => {
		const vault = new NotesVault({
			".obsidian/templates.json": '{ "folder": "Meta/Blueprints" }',
			"Meta/Blueprints/Session.md": '---\ntype: session\nclient: "[[Ghost]]"\n---\n',
			"Templates/Not templates here.md": '---\ntype: session\nclient: "[[Real Person]]"\n---\n',
		});
		expect(vault.clientNames()).toEqual(["Real Person"]);
	});

	it("the folder set in Templater", () => {
		const vault = new NotesVault({
			".obsidian/plugins/templater-obsidian/data.json": '{ "templates_folder": "_templater" }',
			"_templater/Session.md": '---\ntype: session\nclient: "[[Ghost]]"\n---\n',
		});
		expect(vault.clientNames()).toEqual([]);
	});

	it("the plugin's own templates setting wins over both", () => {
		const vault = new NotesVault(
			{
				".obsidian/templates.json": '{ "folder": "Templates" }',
				"Coaching/Templates for clients/Session.md": '---\ntype: session\nclient: "[[Ghost]]"\n---\n',
				"Templates/Session.md": '---\ntype: session\nclient: "[[Real Person]]"\n---\n',
			},
			{ settings: { templatesFolder: "Coaching/Templates for clients" } },
		);
		expect(vault.clientNames()).toEqual(["Real Person"]);
	});

	it(".trash, .obsidian and folders the coach excludes", () => {
		const vault = new NotesVault(
			{
				".trash/Old session.md": '---\ntype: session\nclient: "[[Ghost]]"\n---\n',
				"Archive/Old practice/Session.md": '---\ntype: session\nclient: "[[Other Ghost]]"\n---\n',
				"Sessions/2026-06-02.md": '---\nclient: "[[Maya Chen]]"\n---\n',
			},
			{ settings: { excludedFolders: ["Archive/Old practice"] } },
		);
		expect(vault.clientNames()).toEqual(["Maya Chen"]);
	});

	it("property values that still hold template placeholders", () => {
		const vault = new NotesVault({
			"Sessions/Untitled.md": '---\nclient: "<% tp.system.prompt(\'Client\') %>"\ndate: "{{date:YYYY-MM-DD}}"\n---\n',
		});
		expect(vault.clientNames()).toEqual([]);
		expect(vault.index.get("Sessions/Untitled.md")?.date?.source).toBe("created");
	});
});

describe("bad input gets a clear message and the rest keeps working", () => {
	it("broken YAML: the note is still read as far as possible", () => {
		const vault = new NotesVault({
			"Clients/Maya Chen.md": "",
			"Sessions/2026-06-02 Maya.md": [
				"---",
				'client: "[[Maya Chen]]"',
				"mood: [hopeful, tired",
				"tags: [career]",
				"---",
				"## Commitments",
				"- [ ] Email the recruiter back",
			].join("\n"),
			"Sessions/2026-06-09 Maya.md": '---\nclient: "[[Maya Chen]]"\n---\n',
		});
		const brief = vault.brief("Maya Chen");
		expect(brief.sessionCount).toBe(2);
		expect(brief.openCommitments.map((commitment) => commitment.text)).toEqual(["Email the recruiter back"]);
		expect(brief.themes).toEqual([{ tag: "career", count: 1 }]);
		expect(brief.problems).toHaveLength(1);
		expect(brief.problems[0]?.path).toBe("Sessions/2026-06-02 Maya.md");
		// `mood` does not parse, so it is kept as the text written.
		expect(brief.problems[0]?.problem).toBe("its frontmatter is not valid YAML (line 4 of the note); read what could be read: client, mood, tags");
	});

	it("frontmatter that is not a list of properties is ignored with a message", () => {
		const vault = new NotesVault({ "Sessions/2026-06-02 Maya.md": "---\n- just\n- a list\n---\nWith [[Maya Chen]]." });
		expect(vault.index.problems()).toEqual([
			{ path: "Sessions/2026-06-02 Maya.md", problem: "its frontmatter is not a list of properties, so it was ignored" },
		]);
	});

	it("strange names: emoji, accents, quotes and brackets in file names", () => {
		const vault = new NotesVault({
			"Clients/Zoë “Z” O'Brien (she-her) 🌱.md": "",
			"Sessions/2026-06-02.md": "---\nclient: \"[[Zoë “Z” O'Brien (she-her) 🌱]]\"\n---\n",
		});
		expect(vault.brief("zoë “z” o'brien (she-her) 🌱").sessionCount).toBe(1);
	});
});
