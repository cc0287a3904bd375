// @vitest-environment jsdom
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { computeBrief } from "../../src/core/brief/brief";
import { findClient } from "../../src/core/index/find-client";
import type CoachingAlliancePlugin from "../../src/main";
import { PREPARE_VIEW } from "../../src/ui/prepare-view";
import { MarkdownView, Modal, Notice, TFile, type App } from "../../obsidian-runtime";
import { TemplaterFake } from "../../obsidian-runtime/templater";
import { appFromFolder, loadPlugin, settle, until } from "../../obsidian-runtime/test-app";
import { atMoment } from "../helpers/clock";

const DEMO = join(__dirname, "../../examples/demo-vault");

atMoment("2026-06-30T09:30:00Z");

async function demo(): Promise<{ app: App; plugin: CoachingAlliancePlugin }> {
	const app = await appFromFolder(DEMO);
	const plugin = await loadPlugin(app);
	return { app, plugin };
}

function file(app: App, path: string): TFile {
	const found = app.vault.getFileByPath(path);
	if (!found) throw new Error(`no file ${path}`);
	return found;
}

function brief(plugin: CoachingAlliancePlugin, name: string) {
	const lookup = findClient(plugin.vaultIndex.index.clients(), name);
	if (lookup.kind !== "found") throw new Error(name);
	return computeBrief(plugin.vaultIndex.index, lookup.client, "2026-06-30", plugin.settings);
}

function activeEditor(app: App): MarkdownView {
	const view = app.workspace.activeLeaf?.view;
	if (!(view instanceof MarkdownView)) throw new Error("no note open");
	return view;
}

describe("New session note", () => {
	it("for a client whose log lives in their note: adds a dated section there in one edit, and opens it at the entry", async () => {
		const { app, plugin } = await demo();
		const path = "Coaching/Clients/Marta Silva.md";
		const original = await app.vault.read(file(app, path));
		const before = brief(plugin, "Marta Silva");
		app.workspace.activeFile = file(app, path);
		app.commands.executeCommandById("coaching-alliance:new-session-note");
		await until(() => app.workspace.activeLeaf?.view instanceof MarkdownView);
		const written = await app.vault.read(file(app, path));
		const entry = written.slice(written.indexOf("### 2026-06-30"), written.indexOf("### 2026-06-24"));
		expect(written.replace(entry, "")).toBe(original);
		const view = activeEditor(app);
		expect(view.file?.path).toBe(path);
		expect(view.editor.getLine(view.editor.getCursor().line - 1)).toBe("#### What they brought");
		await settle(app);
		await until(() => brief(plugin, "Marta Silva").sessionCount === before.sessionCount + 1);
		expect(app.vault.getFileByPath("Coaching/Sessions/2026-06-30 Marta Silva.md")).toBeNull();
		plugin.unload();
	});

	it("with the client's note open and typing not yet saved: the entry goes in through that editor, and the typing stays", async () => {
		const { app, plugin } = await demo();
		const path = "Coaching/Clients/Marta Silva.md";
		const before = brief(plugin, "Marta Silva");
		await app.workspace.getLeaf(false).openFile(file(app, path));
		const view = activeEditor(app);
		const typed = "- Her sister's wedding is in August.\n";
		view.editor.setCursor({ line: view.editor.lineCount() - 1, ch: 0 });
		view.editor.replaceSelection(typed);
		expect(view.hasUnsavedChanges).toBe(true);
		const leaves = app.workspace.leaves.length;

		app.commands.executeCommandById("coaching-alliance:new-session-note");
		await until(() => view.editor.getValue().includes("### 2026-06-30"));
		await settle(app);

		const written = await app.vault.read(file(app, path));
		expect(written).toBe(view.editor.getValue());
		expect(written).toContain(typed);
		expect(written.indexOf("### 2026-06-30")).toBeLessThan(written.indexOf("### 2026-06-24"));
		expect(app.workspace.leaves.length).toBe(leaves);
		expect(app.workspace.activeLeaf?.view).toBe(view);
		expect(view.editor.getLine(view.editor.getCursor().line - 1)).toBe("#### What they brought");
		expect(view.editor.scrolledTo?.from).toEqual(view.editor.getCursor());
		expect(view.editor.focused).toBe(true);
		await until(() => brief(plugin, "Marta Silva").sessionCount === before.sessionCount + 1);
		plugin.unload();
	});

	it("typing above the log, the note open in a tab behind another: the entry goes into the log, and that tab comes forward", async () => {
		const { app, plugin } = await demo();
		const path = "Coaching/Clients/Marta Silva.md";
		const before = brief(plugin, "Marta Silva");
		await app.workspace.getLeaf(false).openFile(file(app, path));
		const view = activeEditor(app);
		view.editor.setCursor({ line: view.editor.getValue().split("\n").indexOf("## Goals"), ch: 0 });
		view.editor.replaceSelection("## Her team\nSix people, two new this month.\n\n");
		await app.workspace.getLeaf("tab").openFile(file(app, "Coaching/Clients/Ana Costa.md"));
		expect(app.workspace.activeLeaf?.view).not.toBe(view);

		await plugin.actions.startSessionNote(clientNamed(plugin, "Marta Silva"));
		await settle(app);

		const written = await app.vault.read(file(app, path));
		expect(written).toContain("## Her team\nSix people, two new this month.\n\n## Goals");
		expect(written).toMatch(/## Session log\n+### 2026-06-30\n/);
		expect(view.leaf.revealed).toBe(true);
		expect(app.workspace.activeLeaf?.view).toBe(view);
		expect(view.editor.getLine(view.editor.getCursor().line - 1)).toBe("#### What they brought");
		await until(() => brief(plugin, "Marta Silva").sessionCount === before.sessionCount + 1);
		plugin.unload();
	});

	it("typing not yet saved when the coach switched to reading: it is saved before the entry is written beside it", async () => {
		const { app, plugin } = await demo();
		const path = "Coaching/Clients/Marta Silva.md";
		await app.workspace.getLeaf(false).openFile(file(app, path));
		const view = activeEditor(app);
		view.editor.setCursor({ line: view.editor.lineCount() - 1, ch: 0 });
		view.editor.replaceSelection("- Her sister's wedding is in August.\n");
		view.showMode("preview");
		app.commands.executeCommandById("coaching-alliance:new-session-note");
		await until(() => app.workspace.activeLeaf?.view !== view);
		await settle(app);
		const written = await app.vault.read(file(app, path));
		expect(written).toContain("- Her sister's wedding is in August.\n");
		expect(written).toContain("### 2026-06-30");
		expect(activeEditor(app).editor.getValue()).toBe(written);
		plugin.unload();
	});

	it("a note with Windows line endings open in the editor: the entry is placed by the editor's own lines", async () => {
		const { app, plugin } = await demo();
		const path = "Coaching/Clients/Marta Silva.md";
		const crlf = (await app.vault.read(file(app, path))).replace(/\n/g, "\r\n");
		await app.vault.modify(file(app, path), crlf);
		await settle(app);
		await app.workspace.getLeaf(false).openFile(file(app, path));
		const view = activeEditor(app);
		app.commands.executeCommandById("coaching-alliance:new-session-note");
		await until(() => view.editor.getValue().includes("### 2026-06-30"));
		const lines = view.editor.getValue().split("\n");
		expect(lines.indexOf("### 2026-06-30")).toBeLessThan(lines.indexOf("### 2026-06-24"));
		expect(lines[lines.indexOf("### 2026-06-30") - 2]).toBe("## Session log");
		expect(view.editor.getLine(view.editor.getCursor().line - 1)).toBe("#### What they brought");
		plugin.unload();
	});

	it("with the client's note open for reading: the entry is written to the note, and the note opens at it", async () => {
		const { app, plugin } = await demo();
		const path = "Coaching/Clients/Marta Silva.md";
		await app.workspace.getLeaf(false).openFile(file(app, path));
		const reading = activeEditor(app);
		reading.showMode("preview");
		app.commands.executeCommandById("coaching-alliance:new-session-note");
		await until(() => activeEditor(app) !== reading);
		const view = activeEditor(app);
		expect(view.file?.path).toBe(path);
		expect(view.editor.getLine(view.editor.getCursor().line - 1)).toBe("#### What they brought");
		expect(await app.vault.read(file(app, path))).toContain("### 2026-06-30");
		plugin.unload();
	});

	it("a log that no longer has the entry's neighbour in the open editor: nothing is added, and the coach is told", async () => {
		const { app, plugin } = await demo();
		const path = "Coaching/Clients/Marta Silva.md";
		const original = await app.vault.read(file(app, path));
		await app.workspace.getLeaf(false).openFile(file(app, path));
		const view = activeEditor(app);
		const renamed = view.editor.getValue().replace("### 2026-06-24", "### Our last talk");
		view.editor.setValue(renamed);
		const shown = Notice.shown.length;
		app.commands.executeCommandById("coaching-alliance:new-session-note");
		await until(() => Notice.shown.length > shown);
		expect(Notice.shown.at(-1)).toContain("changed while it was read");
		expect(view.editor.getValue()).toBe(renamed);
		expect(await app.vault.read(file(app, path))).toBe(original);
		plugin.unload();
	});

	it("two quick clicks for a client whose log lives in their note: the second entry follows the first, each counted", async () => {
		const { app, plugin } = await demo();
		const path = "Coaching/Clients/Marta Silva.md";
		const before = brief(plugin, "Marta Silva");
		const marta = plugin.vaultIndex.index.client(path);
		if (!marta) throw new Error("no Marta");
		await Promise.all([plugin.actions.startSessionNote(marta), plugin.actions.startSessionNote(marta)]);
		await settle(app);
		await until(() => brief(plugin, "Marta Silva").sessionCount === before.sessionCount + 2);
		const text = await app.vault.read(file(app, path));
		expect(text.split("### 2026-06-30").length - 1).toBe(2);
		plugin.unload();
	});

	it("from the client's note: creates the note beside the last session, opens it, cursor where the writing starts", async () => {
		const { app, plugin } = await demo();
		const before = brief(plugin, "Ana Costa");
		app.workspace.activeFile = file(app, "Coaching/Clients/Ana Costa.md");
		app.commands.executeCommandById("coaching-alliance:new-session-note");
		await until(() => app.vault.getFileByPath("Coaching/Sessions/2026-06-30 Ana Costa.md") !== null);
		await until(() => app.workspace.activeLeaf?.view instanceof MarkdownView);
		const view = activeEditor(app);
		expect(view.file?.path).toBe("Coaching/Sessions/2026-06-30 Ana Costa.md");
		expect(view.editor.getLine(view.editor.getCursor().line - 1)).toBe("## What they brought");
		expect(view.editor.focused).toBe(true);

		await settle(app);
		await until(() => brief(plugin, "Ana Costa").sessionCount === before.sessionCount + 1);
		const after = brief(plugin, "Ana Costa");
		expect(after.sessions[0]).toMatchObject({ path: "Coaching/Sessions/2026-06-30 Ana Costa.md", number: 10 });
		expect(after.openCommitments.map((commitment) => commitment.text)).toEqual(before.openCommitments.map((commitment) => commitment.text));
		plugin.unload();
	});

	it("never overwrites a note that has the name already", async () => {
		const { app, plugin } = await demo();
		await app.vault.create("Calls/2026-06-30 Tomás Rivera.md", "Notes I took during the call.\n");
		app.workspace.activeFile = file(app, "Calls/Tomás 2026-05-21.md");
		app.commands.executeCommandById("coaching-alliance:new-session-note");
		await until(() => app.vault.getFileByPath("Calls/2026-06-30 Tomás Rivera (2).md") !== null);
		expect(await app.vault.read(file(app, "Calls/2026-06-30 Tomás Rivera.md"))).toBe("Notes I took during the call.\n");
		plugin.unload();
	});

	it("without an active client note, asks who it is for", async () => {
		const { app, plugin } = await demo();
		app.commands.executeCommandById("coaching-alliance:new-session-note");
		const [picker] = [...Modal.open] as unknown as { setQuery(query: string): void; choose(index: number): void }[];
		picker?.setQuery("Priya");
		picker?.choose(0);
		await until(() => app.vault.getFileByPath("Meetings/2026-06-30 Priya Nair.md") !== null);
		plugin.unload();
	});

	it("from the pane: Start the session note", async () => {
		const { app, plugin } = await demo();
		const jonas = plugin.vaultIndex.index.clients().find((client) => client.name === "Jonas Weber");
		if (!jonas) throw new Error("no Jonas");
		await plugin.actions.openPrepare(jonas);
		const pane = app.workspace.getLeavesOfType(PREPARE_VIEW)[0]?.view;
		await until(() => pane?.containerEl.querySelector(".coaching-alliance-start") !== null);
		const start = pane?.containerEl.querySelector<HTMLButtonElement>(".coaching-alliance-start");
		expect(start?.textContent).toBe("Start the session note (session 5)");
		start?.click();
		await until(() => app.vault.getFileByPath("Notes/2026-06-30 Jonas Weber.md") !== null);
		plugin.unload();
	});

	it("a missing template says so, and the built-in template is used", async () => {
		const { app, plugin } = await demo();
		plugin.settings.sessionTemplate = "Templates/Gone.md";
		const shown = Notice.shown.length;
		await plugin.actions.startSessionNote(clientNamed(plugin, "Ana Costa"));
		expect(Notice.shown.slice(shown)).toEqual(['The session template "Templates/Gone.md" was not found. The built-in template is used.']);
		expect(await app.vault.read(file(app, "Coaching/Sessions/2026-06-30 Ana Costa.md"))).toContain("## What I noticed");
		plugin.unload();
	});

	it("a template under the configuration folder is refused", async () => {
		const { app, plugin } = await demo();
		plugin.settings.sessionTemplate = ".obsidian/session.md";
		const shown = Notice.shown.length;
		await plugin.actions.startSessionNote(clientNamed(plugin, "Ana Costa"));
		expect(Notice.shown.slice(shown)).toEqual(["The template cannot be in a hidden or configuration folder. The built-in session template is used."]);
		expect(app.vault.getFileByPath("Coaching/Sessions/2026-06-30 Ana Costa.md")).not.toBeNull();
		plugin.unload();
	});

	it("a template with Templater syntax goes to Templater when it is on, and stays as written when it is not", async () => {
		const { app, plugin } = await demo();
		await app.vault.create("Templates/With Templater.md", "# {{client}}\nMood: <% tp.system.prompt('Mood?') %>\n");
		plugin.settings.sessionTemplate = "Templates/With Templater";
		await plugin.actions.startSessionNote(clientNamed(plugin, "Ana Costa"));
		expect(await app.vault.read(file(app, "Coaching/Sessions/2026-06-30 Ana Costa.md"))).toContain("Mood: <% tp.system.prompt('Mood?') %>");

		const handed: string[] = [];
		app.plugins.enabledPlugins.add("templater-obsidian");
		app.plugins.plugins["templater-obsidian"] = { templater: { overwrite_file_commands: async (target: TFile) => void handed.push(target.path) } };
		await plugin.actions.startSessionNote(clientNamed(plugin, "Ana Costa"));
		expect(handed).toEqual(["Coaching/Sessions/2026-06-30 Ana Costa (2).md"]);
		plugin.unload();
	});
});

describe("New client", () => {
	it("makes a client note where most client notes are, the name as typed kept as an alias", async () => {
		const { app, plugin } = await demo();
		app.commands.executeCommandById("coaching-alliance:new-client");
		const [prompt] = [...Modal.open];
		const input = prompt?.contentEl.querySelector("input");
		if (!input) throw new Error("no name field");
		input.value = 'Zoë "Z": O\'Brien';
		input.dispatchEvent(new Event("input"));
		input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter" }));
		await until(() => app.vault.getFileByPath("Coaching/Clients/Zoë 'Z' - O'Brien.md") !== null);
		const text = await app.vault.read(file(app, "Coaching/Clients/Zoë 'Z' - O'Brien.md"));
		expect(text).toContain('aliases:\n  - "Zoë \\"Z\\": O\'Brien"');
		await settle(app);
		await until(() => findClient(plugin.vaultIndex.index.clients(), 'Zoë "Z": O\'Brien').kind === "found");
		plugin.unload();
	});
});

describe("a session template for Templater", () => {
	const NOTE = "Coaching/Sessions/2026-06-30 Ana Costa.md";

	async function withTemplate(template: string, templater: ConstructorParameters<typeof TemplaterFake>[1] = {}) {
		const { app, plugin } = await demo();
		Notice.shown.splice(0);
		await app.vault.create("Templates/Session.md", template);
		plugin.settings.sessionTemplate = "Templates/Session";
		const fake = new TemplaterFake(app, templater);
		const made = await plugin.actions.startSessionNote(clientNamed(plugin, "Ana Costa"));
		// What Templater does on its own, 300 ms after the note appears, has had its time.
		await new Promise((resolve) => setTimeout(resolve, 350));
		const text = await app.vault.read(file(app, NOTE));
		return { app, plugin, fake, made, text };
	}

	function propertiesBlocks(text: string): number {
		return text.split("\n").filter((line) => line === "---").length / 2;
	}

	it("code before the properties: Templater runs it, and the note has one properties block, the template's with the plugin's", async () => {
		const { plugin, fake, made, text } = await withTemplate('<%* const mood = "calm" %>\n---\nmood: <% "calm" %>\n---\n# {{client}}\n## Notes\n');
		expect(made?.path).toBe(NOTE);
		expect(fake.runs).toEqual([NOTE]);
		expect(text.startsWith("---\n")).toBe(true);
		expect(propertiesBlocks(text)).toBe(1);
		expect(text).toContain('mood: (ran "calm")');
		expect(text).toContain('client: "[[Ana Costa]]"');
		expect(text).toContain("# Ana Costa");
		expect(Notice.shown).toEqual([]);
		plugin.unload();
	});

	it("code inside the properties: handed to Templater whole, never swapped for the built-in template", async () => {
		const { plugin, fake, text } = await withTemplate("---\n<%* const kind = 'session' -%>\ntopic: <% tp.file.title %>\n---\n# {{client}}\n");
		expect(fake.runs).toEqual([NOTE]);
		expect(propertiesBlocks(text)).toBe(1);
		expect(text).toContain("topic: (ran tp.file.title)");
		expect(text).toContain('client: "[[Ana Costa]]"');
		expect(Notice.shown).toEqual([]);
		plugin.unload();
	});

	it("with Templater's trigger on new file creation on (kept in local storage), Templater alone runs the note, once", async () => {
		const { plugin, fake, text } = await withTemplate("# {{client}}\nMood: <% tp.system.prompt('Mood?') %>\n", { triggerOnCreation: true });
		expect(fake.runs).toEqual([NOTE]);
		expect(text).toContain("Mood: (ran tp.system.prompt('Mood?'))");
		expect(text).toContain('client: "[[Ana Costa]]"');
		plugin.unload();
	});

	it("with the trigger on in folder mode and a template of properties alone, which Templater leaves unrun, the plugin runs it, once", async () => {
		const { plugin, fake, text } = await withTemplate("---\ntopic: <% tp.file.title %>\n---\n", { triggerOnCreation: true, mode: "folder" });
		expect(fake.runs).toEqual([NOTE]);
		expect(text).toContain("topic: (ran tp.file.title)");
		plugin.unload();
	});

	it("with the trigger on but the note in a folder Templater leaves alone, the plugin runs it, once", async () => {
		const { plugin, fake, text } = await withTemplate("# {{client}}\nMood: <% tp.system.prompt('Mood?') %>\n", { triggerOnCreation: true, ignoredFolders: ["Coaching"] });
		expect(fake.runs).toEqual([NOTE]);
		expect(text).toContain("Mood: (ran tp.system.prompt('Mood?'))");
		plugin.unload();
	});

	it("with the trigger kept in data.json, as Templater before 2.x kept it, the same", async () => {
		const { plugin, fake, text } = await withTemplate("# {{client}}\nMood: <% tp.system.prompt('Mood?') %>\n", { triggerOnCreation: true, triggerKeptIn: "data.json" });
		expect(fake.runs).toEqual([NOTE]);
		expect(text).toContain('client: "[[Ana Costa]]"');
		plugin.unload();
	});
});

describe("names and folders on a file system where case does not count", () => {
	it("a session note never lands on a note whose name differs only in case", async () => {
		const { app, plugin } = await demo();
		Notice.shown.splice(0);
		app.vault.caseInsensitive = true;
		await app.vault.create("Calls/2026-06-30 tomás rivera.md", "Notes I took during the call.\n");
		app.workspace.activeFile = file(app, "Calls/Tomás 2026-05-21.md");
		app.commands.executeCommandById("coaching-alliance:new-session-note");
		await until(() => app.vault.getFileByPath("Calls/2026-06-30 Tomás Rivera (2).md") !== null);
		expect(await app.vault.read(file(app, "Calls/2026-06-30 tomás rivera.md"))).toBe("Notes I took during the call.\n");
		expect(Notice.shown).toEqual([]);
		plugin.unload();
	});

	it("a client note goes into the folder as the vault spells it", async () => {
		const { app, plugin } = await demo();
		app.vault.caseInsensitive = true;
		plugin.settings.clientNoteFolder = "coaching/clients";
		const made = await plugin.actions.createClient("Ines Duarte");
		expect(made?.path).toBe("Coaching/Clients/Ines Duarte.md");
		expect(app.vault.getFolderByPath("coaching/clients")).toBeNull();
		plugin.unload();
	});

	it("a new folder goes inside the vault's own folders, however the setting spells them", async () => {
		const { app, plugin } = await demo();
		app.vault.caseInsensitive = true;
		plugin.settings.clientNoteFolder = "COACHING/New clients";
		const made = await plugin.actions.createClient("Ines Duarte");
		expect(made?.path).toBe("Coaching/New clients/Ines Duarte.md");
		expect(app.vault.getFolderByPath("COACHING")).toBeNull();
		plugin.unload();
	});

	it("a client note that cannot be made says why, and nothing is left half-made", async () => {
		const { app, plugin } = await demo();
		Notice.shown.splice(0);
		const before = app.vault.getFiles().length;
		app.vault.create = () => Promise.reject(new Error("EACCES: permission denied"));
		const made = await plugin.actions.createClient("Ines Duarte");
		expect(made).toBeNull();
		expect(Notice.shown.map(String)).toEqual(["The client note could not be made: EACCES: permission denied"]);
		expect(app.vault.getFiles().length).toBe(before);
		plugin.unload();
	});
});

describe("Insert intention checklist", () => {
	it("puts the checklist at the cursor of the open note", async () => {
		const { app, plugin } = await demo();
		await app.workspace.getLeaf(false).openFile(file(app, "Journal/2026-06-27.md"));
		const view = activeEditor(app);
		view.editor.setCursor({ line: 3, ch: 0 });
		expect(app.commands.executeCommandById("coaching-alliance:insert-intention-checklist")).toBe(true);
		expect(view.editor.getValue()).toContain(
			"\n## Who do I want to show up as?\n- [ ] The person who listens to them better than anyone else in their life\n- [ ] Someone who cares\n",
		);
		plugin.unload();
	});
});

function clientNamed(plugin: CoachingAlliancePlugin, name: string) {
	const client = plugin.vaultIndex.index.clients().find((candidate) => candidate.name === name);
	if (!client) throw new Error(name);
	return client;
}
