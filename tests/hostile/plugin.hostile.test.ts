// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { computeBrief } from "../../src/core/brief/brief";
import { computeCaseload } from "../../src/core/brief/caseload";
import { findClient } from "../../src/core/index/find-client";
import type CoachingAlliancePlugin from "../../src/main";
import { Notice, type App, type PluginSettingTab, type TFile } from "../../obsidian-runtime";
import { appFromFiles, loadPlugin, settle, until } from "../../obsidian-runtime/test-app";
import { BASE_VAULT, TODAY } from "./base-vault";
import { HOSTILE_CASES } from "./cases";
import { NotesVault } from "../helpers/notes-vault";

const DATA = ".obsidian/plugins/coaching-alliance/data.json";

beforeEach(() => {
	vi.useFakeTimers({ toFake: ["Date"] });
	vi.setSystemTime(new Date(`${TODAY}T09:30:00Z`));
});

afterEach(() => {
	vi.useRealTimers();
});

function clientNamed(plugin: CoachingAlliancePlugin, name: string) {
	const lookup = findClient(plugin.vaultIndex.index.clients(), name);
	if (lookup.kind !== "found") throw new Error(`no client ${name}`);
	return lookup.client;
}

async function practice(extra: Record<string, string> = {}, settings?: Record<string, unknown>): Promise<{ app: App; plugin: CoachingAlliancePlugin }> {
	const app = await appFromFiles({ ...BASE_VAULT, ...extra });
	if (settings) app.vault.seed(DATA, JSON.stringify(settings));
	return { app, plugin: await loadPlugin(app) };
}

/** The text of a note the plugin made (its TFile is the runtime's, typed as Obsidian's). */
async function textOf(app: App, file: unknown): Promise<string> {
	if (file === null) throw new Error("no note was made");
	return app.vault.read(file as TFile);
}

function paths(app: App): string[] {
	return app.vault.getFiles().map((file) => file.path).sort();
}

describe("writes stay inside the vault", () => {
	it.each([["sessionNoteFolder", "../elsewhere"], ["clientNoteFolder", "Clients/../../x"], ["sessionTemplate", "C:\\Windows\\win.ini"]])(
		"a data.json with %s = %s loads the default, and says why",
		async (key, value) => {
			const shown = Notice.shown.length;
			const { plugin } = await practice({}, { [key]: value });
			expect((plugin.settings as unknown as Record<string, unknown>)[key]).toBe("");
			expect(Notice.shown.slice(shown).join("\n")).toMatch(new RegExp(`Setting "${key}": The .* must be inside your vault`));
			plugin.unload();
		},
	);

	it("a folder outside the vault set by any other way is refused when the note is written", async () => {
		const { app, plugin } = await practice();
		const before = paths(app);
		plugin.settings.sessionNoteFolder = "Sessions/../../elsewhere";
		const shown = Notice.shown.length;
		await plugin.actions.startSessionNote(clientNamed(plugin, "Maya Chen"));
		expect(Notice.shown.slice(shown)).toEqual([
			'The session note folder must be inside your vault, written from the vault\'s top without "." or "..". No session note was made; change the folder in the settings.',
		]);
		plugin.settings.clientNoteFolder = "../clients";
		await plugin.actions.createClient("Noor Haddad");
		expect(paths(app)).toEqual(before);
		expect(app.vault.writesOutside).toEqual([]);
		plugin.unload();
	});

	it("the settings tab refuses a Templater command in a setting, with the words data.json loading uses", async () => {
		const shown = Notice.shown.length;
		const { app, plugin } = await practice({}, { sessionTypes: ["<% tR += 1 %>"] });
		expect(Notice.shown.slice(shown).join("\n")).toContain('Setting "sessionTypes": A setting cannot hold a Templater command (<% %>). The default is used.');
		const tab = app.settingTabs[0] as PluginSettingTab;
		tab.display();
		const setting = [...tab.containerEl.querySelectorAll<HTMLElement>(".setting-item")].find(
			(item) => item.querySelector(".setting-item-name")?.textContent === "Intention heading",
		);
		const input = setting?.querySelector("input");
		if (!setting || !input) throw new Error("no heading setting");
		input.value = "Who <% tp.file.title %> am I";
		input.dispatchEvent(new Event("input"));
		expect(setting.querySelector(".coaching-alliance-setting-error")?.textContent).toBe("A setting cannot hold a Templater command (<% %>).");
		expect(plugin.settings.intentionHeading).toBe("Who do I want to show up as?");
		plugin.unload();
	});

	it("the settings tab refuses the same values with the same words", async () => {
		const { app, plugin } = await practice();
		const tab = app.settingTabs[0] as PluginSettingTab;
		tab.display();
		const setting = [...tab.containerEl.querySelectorAll<HTMLElement>(".setting-item")].find(
			(item) => item.querySelector(".setting-item-name")?.textContent === "Session note folder",
		);
		const input = setting?.querySelector("input");
		if (!setting || !input) throw new Error("no folder setting");
		input.value = "../elsewhere";
		input.dispatchEvent(new Event("input"));
		expect(setting.querySelector(".coaching-alliance-setting-error")?.textContent).toBe(
			'The session note folder must be inside your vault, written from the vault\'s top without "." or "..".',
		);
		expect(plugin.settings.sessionNoteFolder).toBe("");
		plugin.unload();
	});
});

/**
 * A stand-in for Templater that records what it is handed and "runs" every command it finds,
 * as the real one would run JavaScript in `<%* ... %>`.
 */
function installTemplater(app: App): { handed: string[]; ran: string[] } {
	const record = { handed: [] as string[], ran: [] as string[] };
	app.plugins.enabledPlugins.add("templater-obsidian");
	app.plugins.plugins["templater-obsidian"] = {
		templater: {
			overwrite_file_commands: async (file: TFile) => {
				const text = await app.vault.read(file);
				record.handed.push(text);
				await app.vault.modify(
					file,
					text.replace(/<%[\s\S]*?%>/g, (command) => {
						record.ran.push(command);
						return "RAN";
					}),
				);
			},
		},
	};
	return record;
}

const HOSTILE_SESSION = {
	"Sessions/2026-11-09 Maya Chen.md": `---
type: session
client: "[[Maya Chen]]"
date: 2026-11-09
---
## Commitments
- [ ] Look up <%* app.vault.adapter.remove("Clients/Maya Chen.md") %> before Friday
`,
	// A whole `<% ... %>` in a client property is an unfilled placeholder, never a name; half of one is a name.
	"Sessions/2026-11-10 Ghost.md": `---
type: session
client: "[[<%* window.pwned = true]]"
date: 2026-11-10
---
`,
};

describe("new session notes under pressure", () => {
	it("three quick clicks make three notes, numbered one after the other", async () => {
		const { app, plugin } = await practice();
		const maya = clientNamed(plugin, "Maya Chen");
		const made = await Promise.all([plugin.actions.startSessionNote(maya), plugin.actions.startSessionNote(maya), plugin.actions.startSessionNote(maya)]);
		const numbers = await Promise.all(made.map(async (file) => /^session: (\d+)$/m.exec(await textOf(app, file))?.[1]));
		expect(numbers).toEqual(["3", "4", "5"]);
		plugin.unload();
	});

	it("a note that cannot be written says why in a notice", async () => {
		const { app, plugin } = await practice();
		app.vault.create = () => Promise.reject(new Error("EACCES: permission denied"));
		const shown = Notice.shown.length;
		expect(await plugin.actions.startSessionNote(clientNamed(plugin, "Maya Chen"))).toBeNull();
		expect(Notice.shown.slice(shown)).toEqual(["The session note could not be made: EACCES: permission denied"]);
		plugin.unload();
	});
});

describe("Templater gets only the coach's template", () => {
	it("with the built-in template it is never called, and note text is written inert", async () => {
		const { app, plugin } = await practice(HOSTILE_SESSION);
		const templater = installTemplater(app);
		const file = await plugin.actions.startSessionNote(clientNamed(plugin, "Maya Chen"));
		expect(templater.handed).toEqual([]);
		const text = await textOf(app, file);
		expect(text).toContain("- [ ] Look up <\\%* app.vault.adapter.remove");
		expect(text).not.toContain("<%");
		plugin.unload();
	});

	it("with the coach's template it runs on that template alone; names and commitments are filled in after", async () => {
		const template = "# <% tp.file.title %>\nWith {{client_link}}.\n\n## Carried over\n{{open_commitments}}\n";
		const { app, plugin } = await practice({ ...HOSTILE_SESSION, "Templates/Session.md": template });
		plugin.settings.sessionTemplate = "Templates/Session";
		const templater = installTemplater(app);
		for (const name of ["Maya Chen", "<%* window.pwned = true"]) {
			const text = await textOf(app, await plugin.actions.startSessionNote(clientNamed(plugin, name)));
			expect(text).toContain("# RAN");
			expect(text).not.toMatch(/<%(?!\\)/);
		}
		expect(templater.handed).toEqual([template, template]);
		expect(templater.ran).toEqual(["<% tp.file.title %>", "<% tp.file.title %>"]);
		const maya = await app.vault.read(app.vault.getFileByPath("Sessions/2026-11-24 Maya Chen.md") as TFile);
		expect(maya).toContain("- [ ] Look up <\\%* app.vault.adapter.remove");
		plugin.unload();
	});

	it("when Templater's output has properties that cannot be read, the note is left as Templater wrote it", async () => {
		const template = "---\nmood: <% tp.system.prompt('Mood?') %>\n---\nWith {{client}}.\n";
		const { app, plugin } = await practice({ "Templates/Session.md": template });
		plugin.settings.sessionTemplate = "Templates/Session";
		app.plugins.enabledPlugins.add("templater-obsidian");
		app.plugins.plugins["templater-obsidian"] = {
			templater: { overwrite_file_commands: async (file: TFile) => app.vault.modify(file, "---\nmood: [unclosed\n---\nWith {{client}}.\n") },
		};
		const shown = Notice.shown.length;
		const text = await textOf(app, await plugin.actions.startSessionNote(clientNamed(plugin, "Maya Chen")));
		expect(text).toBe("---\nmood: [unclosed\n---\nWith {{client}}.\n");
		expect(Notice.shown.slice(shown).join("\n")).toMatch(/After Templater ran, the note's properties could not be read .* it is left as Templater wrote it\./);
		plugin.unload();
	});

	it("when opening the new note fails, the coach hears that it was made, and where", async () => {
		const { app, plugin } = await practice();
		const leaf = app.workspace.getLeaf(false);
		leaf.openFile = () => Promise.reject(new Error("the workspace is closing"));
		app.workspace.getLeaf = () => leaf;
		const shown = Notice.shown.length;
		expect(await plugin.actions.startSessionNote(clientNamed(plugin, "Maya Chen"))).not.toBeNull();
		expect(Notice.shown.slice(shown)).toEqual(["The session note Sessions/2026-11-24 Maya Chen.md was made, but could not be finished: the workspace is closing"]);
		plugin.unload();
	});

	it("a carried commitment made inert is still the same commitment, carried, not a second one", async () => {
		const { app, plugin } = await practice(HOSTILE_SESSION);
		await plugin.actions.startSessionNote(clientNamed(plugin, "Maya Chen"));
		await settle(app);
		await until(() => plugin.vaultIndex.index.get("Sessions/2026-11-24 Maya Chen.md") !== undefined);
		const brief = computeBrief(plugin.vaultIndex.index, clientNamed(plugin, "Maya Chen"), TODAY, plugin.settings);
		const lookUp = brief.openCommitments.filter((commitment) => commitment.text.startsWith("Look up"));
		expect(lookUp).toHaveLength(1);
		expect(lookUp[0]?.firstPath).toBe("Sessions/2026-11-09 Maya Chen.md");
		plugin.unload();
	});
});

describe("hostile notes through the plugin's own index", () => {
	const textCases = HOSTILE_CASES.filter(
		(hostile) => hostile.setup === undefined && Object.values(hostile.files ?? {}).every((content) => typeof content === "string"),
	);
	for (const hostile of textCases) {
		it(`[${hostile.item}] ${hostile.id}: every note is in the index, and it agrees with the command line's reader`, async () => {
			const files = Object.fromEntries(
				Object.entries({ ...BASE_VAULT, ...(hostile.files as Record<string, string>) }).filter(([path]) => !path.startsWith(".")),
			);
			const app = await appFromFiles(files);
			const plugin = await loadPlugin(app);
			const index = plugin.vaultIndex.index;
			for (const path of Object.keys(files)) {
				if (path.startsWith("Templates/")) continue;
				// Obsidian composes accents in paths (NFC), as the runtime does.
				expect(index.get(path.normalize("NFC")), `${path} is in the index`).toBeDefined();
			}
			const reader = new NotesVault(files, { times: Object.fromEntries(Object.keys(files).map((path) => [path, RUNTIME_TIMES])) });
			expect(summary(computeCaseload(index, TODAY))).toEqual(summary(reader.caseload(TODAY)));
			// Every client's brief, up to a hundred: the cases with thousands of clients are about cost, checked by the caseload above.
			for (const client of index.clients().slice(0, 100)) {
				const fromPlugin = computeBrief(index, client, TODAY, plugin.settings);
				expect({ sessions: fromPlugin.sessions, openCommitments: fromPlugin.openCommitments, problems: fromPlugin.problems }).toMatchObject(
					briefOf(reader, client.key),
				);
			}
			plugin.unload();
		});
	}
});

/** The runtime stamps seeded notes with its clock; the reader is given the same times. */
const RUNTIME_TIMES = { ctime: Date.parse(`${TODAY}T09:30:00Z`), mtime: Date.parse(`${TODAY}T09:30:00Z`) };

function summary(caseload: ReturnType<typeof computeCaseload>) {
	return {
		clients: caseload.clients.map((client) => `${client.name.normalize("NFC")} ${client.sessionCount} ${client.openCommitments}`),
		problems: caseload.problems,
	};
}

function briefOf(reader: NotesVault, key: string) {
	const client = reader.index.client(key) ?? reader.index.client(key.normalize("NFD"));
	if (!client) throw new Error(`the reader has no client ${key}`);
	const brief = computeBrief(reader.index, client, TODAY, reader.settings);
	return { sessions: brief.sessions, openCommitments: brief.openCommitments, problems: brief.problems };
}
