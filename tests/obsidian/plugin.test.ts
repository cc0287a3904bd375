// @vitest-environment jsdom
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { computeBrief } from "../../src/core/brief/brief";
import { computeCaseload } from "../../src/core/brief/caseload";
import { findClient } from "../../src/core/index/find-client";
import { SETTINGS_VERSION } from "../../src/core/settings/stored";
import { openVaultFolder } from "../../src/fs/vault-folder";
import { INDEX_CHANGED, VaultIndex } from "../../src/obsidian/vault-index";
import { DEFAULT_SETTINGS } from "../../src/core/settings/settings";
import { PREPARE_VIEW } from "../../src/ui/prepare-view";
import type CoachingAlliancePlugin from "../../src/main";
import { Notice, TFile, type App } from "../../obsidian-runtime";
import { appFromFiles, appFromFolder, loadPlugin, settle, until } from "../../obsidian-runtime/test-app";

const DEMO = join(__dirname, "../../examples/demo-vault");
const TODAY = "2026-06-30";

function brief(plugin: CoachingAlliancePlugin, name: string) {
	const index = plugin.vaultIndex.index;
	const lookup = findClient(index.clients(), name);
	if (lookup.kind !== "found") throw new Error(`no client ${name}`);
	return computeBrief(index, lookup.client, TODAY, plugin.settings);
}

function file(app: App, path: string): TFile {
	const found = app.vault.getFileByPath(path);
	if (!found) throw new Error(`no file ${path}`);
	return found;
}

describe("the plugin's index", () => {
	it("is built once the layout is ready, not before", async () => {
		const app = await appFromFolder(DEMO);
		const plugin = (await import("../../src/main")).default;
		const instance = new plugin(app as never, { id: "coaching-alliance" } as never);
		instance.load();
		await until(() => instance.vaultIndex !== undefined);
		expect(instance.vaultIndex.state).toBe("cold");
		expect(instance.vaultIndex.index.size).toBe(0);
		app.workspace.markLayoutReady();
		await until(() => instance.vaultIndex.state === "warm");
		expect(instance.vaultIndex.index.size).toBeGreaterThan(30);
		instance.unload();
	});

	it("agrees with the filesystem reader on the demo vault: two readers, one core", async () => {
		const app = await appFromFolder(DEMO);
		const plugin = await loadPlugin(app);
		const folder = await openVaultFolder(DEMO);
		expect(computeCaseload(plugin.vaultIndex.index, TODAY)).toEqual(computeCaseload(folder.index, TODAY));
		for (const client of folder.index.clients()) {
			const inObsidian = findClient(plugin.vaultIndex.index.clients(), client.path ?? client.name);
			expect(inObsidian.kind).toBe("found");
			if (inObsidian.kind !== "found") continue;
			expect(computeBrief(plugin.vaultIndex.index, inObsidian.client, TODAY, plugin.settings)).toEqual(
				computeBrief(folder.index, client, TODAY, folder.settings),
			);
		}
		plugin.unload();
	});

	it("leaves the Templates folder named in templates.json out", async () => {
		const app = await appFromFolder(DEMO);
		const plugin = await loadPlugin(app);
		expect(plugin.vaultIndex.index.get("Templates/Coaching session.md")).toBeUndefined();
		expect(plugin.vaultIndex.index.clients().map((client) => client.name)).not.toContain("{{client}}");
		plugin.unload();
	});
});

/** A practice of years: 40 clients, one with 300 sessions and the rest with 70 each (3,030 session notes), each note with the tasks that make it worth reading. */
function longPractice(): Record<string, string> {
	const files: Record<string, string> = {};
	for (let client = 0; client < 40; client++) {
		const name = client === 0 ? "Ruth Mensah" : `Client ${client}`;
		files[`Clients/${name}.md`] = "---\ntype: client\ncadence: fortnightly\n---\n## Goals\nGrow.\n";
		const sessions = client === 0 ? 300 : 70;
		for (let n = 0; n < sessions; n++) {
			const day = new Date(Date.UTC(2019, 0, 1) + n * 7 * 86_400_000).toISOString().slice(0, 10);
			files[`Sessions/${day} ${name}.md`] = `---\nclient: "[[${name}]]"\ndate: ${day}\n---\n## Commitments\n- [${n % 3 === 0 ? "x" : " "}] Step ${n % 9} of the plan\n- [ ] Session ${n}'s own step\n`;
		}
	}
	return files;
}

describe("the first build of a large vault", () => {
	it("reads no note at layout ready: the index is built from the metadata cache, and the words of tasks are read after it", async () => {
		const files = longPractice();
		const app = await appFromFiles(files);
		const readsWhileBuilding: string[] = [];
		let reads = 0;
		const plugin = (await import("../../src/main")).default;
		const instance = new plugin(app as never, { id: "coaching-alliance" } as never);
		for (const method of ["read", "cachedRead"] as const) {
			const original = app.vault[method].bind(app.vault);
			app.vault[method] = (note: TFile) => {
				reads++;
				if (instance.vaultIndex?.state !== "warm") readsWhileBuilding.push(note.path);
				return original(note);
			};
		}
		instance.load();
		await until(() => instance.vaultIndex !== undefined);
		app.workspace.markLayoutReady();
		await until(() => instance.vaultIndex.state === "warm");
		expect(readsWhileBuilding).toEqual([]);
		expect(instance.vaultIndex.index.clients()).toHaveLength(40);

		await until(() => instance.vaultIndex.index.awaitingText().length === 0, 30_000);
		expect(reads).toBeGreaterThanOrEqual(Object.keys(files).length - 40);
		const ruth = brief(instance, "Ruth Mensah");
		expect(ruth.sessionCount).toBe(300);
		expect(ruth.openCommitments.map((commitment) => commitment.text)).toContain("Session 299's own step");
		instance.unload();
	});

	it("the pane shows a 300-session client's whole brief at once, without waiting for the rest of the vault to be read", async () => {
		const files = longPractice();
		const app = await appFromFiles(files);
		const plugin = await loadPlugin(app, { waitForText: false });
		expect(plugin.vaultIndex.index.awaitingText().length).toBeGreaterThan(2000);
		const ruth = findClient(plugin.vaultIndex.index.clients(), "Ruth Mensah");
		if (ruth.kind !== "found") throw new Error("no Ruth");
		await plugin.actions.openPrepare(ruth.client);
		const pane = app.workspace.getLeavesOfType(PREPARE_VIEW)[0]?.view;
		await until(() => (pane?.containerEl.querySelectorAll(".coaching-alliance-commitments > li").length ?? 0) > 0, 10_000);
		expect(plugin.vaultIndex.index.awaitingTextFor(ruth.client)).toEqual([]);
		expect(plugin.vaultIndex.index.awaitingText().length).toBeGreaterThan(0);
		const shown = [...(pane?.containerEl.querySelectorAll(".coaching-alliance-commitments > li") ?? [])].map((element) => element.textContent ?? "");
		const expected = computeBrief(plugin.vaultIndex.index, ruth.client, TODAY, plugin.settings).openCommitments;
		expect(expected.length).toBeGreaterThan(200);
		expect(shown.length).toBe(expected.length);
		plugin.unload();
	});
});

describe("reading notes after the build", () => {
	it("a build that takes more than a second counts the notes in the status bar, then clears it", async () => {
		const app = await appFromFiles(longPractice());
		const shown: (string | null)[] = [];
		let clock = 0;
		// Each look at the clock is 0.4 s later: the build seems slow, whatever this machine does.
		const now = vi.spyOn(performance, "now").mockImplementation(() => (clock += 400));
		const vaultIndex = new VaultIndex(app as never, () => structuredClone(DEFAULT_SETTINGS), { progress: (text) => shown.push(text) });
		vaultIndex.load();
		await vaultIndex.rebuild();
		now.mockRestore();
		vaultIndex.unload();
		expect(shown.at(-1)).toBeNull();
		const counts = shown.slice(0, -1);
		expect(counts.length).toBeGreaterThan(2);
		expect(counts.every((text) => /^Coaching Alliance: indexing notes, [\d,]+ of 3,070$/.test(text ?? ""))).toBe(true);
		expect(counts.at(-1)).toBe("Coaching Alliance: indexing notes, 3,070 of 3,070");
	});

	it("a new build while notes are still being read leaves none unread", async () => {
		const app = await appFromFiles(longPractice());
		const plugin = await loadPlugin(app, { waitForText: false });
		await until(() => plugin.vaultIndex.index.awaitingText().length < 2500);
		plugin.settings.dayNoteSessionWords = ["Coaching"];
		await plugin.saveSettings();
		await until(() => plugin.vaultIndex.index.awaitingText().length === 0, 30_000);
		plugin.unload();
	});

	it("a note whose properties Obsidian could not parse is read before a brief of anyone is shown: it may be theirs", async () => {
		const app = await appFromFiles({
			"Clients/Ruth Mensah.md": "---\ntype: client\n---\n",
			"Meetings/2026-06-02.md": '---\nclient: "[[Ruth Mensah]]"\n---\n- [ ] Draft the offer letter\n',
			"Meetings/2026-06-10.md": '---\nclient: "[[Ruth Mensah]]"\ntopic: "the offer\n---\n- [ ] Ask for the numbers in writing\n',
		});
		const plugin = await loadPlugin(app, { waitForText: false });
		const ruth = findClient(plugin.vaultIndex.index.clients(), "Ruth Mensah");
		if (ruth.kind !== "found") throw new Error("no Ruth");
		await plugin.actions.readTextFor(ruth.client);
		const after = brief(plugin, "Ruth Mensah");
		expect(after.sessionCount).toBe(2);
		expect(after.openCommitments.map((commitment) => commitment.text)).toEqual(["Ask for the numbers in writing", "Draft the offer letter"]);
		expect(after.problems.map((problem) => problem.path)).toEqual(["Meetings/2026-06-10.md"]);
		plugin.unload();
	});
});

describe("the index follows the vault", () => {
	const notes = {
		"Clients/Maya Chen.md": "---\ntype: client\n---\n## Goals\nCalmer launches.\n",
		"Sessions/2026-06-02 Maya.md": '---\nclient: "[[Maya Chen]]"\n---\n- [ ] Ask Dana for feedback\n',
	};

	it("when a session is created, edited, renamed and deleted", async () => {
		const app = await appFromFiles(notes);
		const plugin = await loadPlugin(app);
		expect(brief(plugin, "Maya Chen").sessionCount).toBe(1);

		await app.vault.create("Sessions/2026-06-16 Maya.md", '---\nclient: "[[Maya Chen]]"\n---\n- [x] Ask Dana for feedback\n');
		await settle(app);
		expect(brief(plugin, "Maya Chen").sessionCount).toBe(2);
		expect(brief(plugin, "Maya Chen").openCommitments).toEqual([]);

		await app.vault.process(file(app, "Sessions/2026-06-16 Maya.md"), (text) => text.replace("- [x]", "- [ ]"));
		await settle(app);
		expect(brief(plugin, "Maya Chen").openCommitments.map((commitment) => commitment.path)).toEqual(["Sessions/2026-06-16 Maya.md"]);

		await app.vault.rename(file(app, "Sessions/2026-06-16 Maya.md"), "Sessions/2026/2026-06-16 Maya Chen.md");
		await settle(app);
		expect(brief(plugin, "Maya Chen").lastSession?.path).toBe("Sessions/2026/2026-06-16 Maya Chen.md");
		expect(plugin.vaultIndex.index.get("Sessions/2026-06-16 Maya.md")).toBeUndefined();

		await app.vault.delete(file(app, "Sessions/2026/2026-06-16 Maya Chen.md"));
		await settle(app);
		expect(brief(plugin, "Maya Chen").sessionCount).toBe(1);
		expect(brief(plugin, "Maya Chen").openCommitments.map((commitment) => commitment.path)).toEqual(["Sessions/2026-06-02 Maya.md"]);
		plugin.unload();
	});

	it("when the client note is renamed without updating links, the sessions keep the old name as a client without a note", async () => {
		const app = await appFromFiles(notes);
		const plugin = await loadPlugin(app);
		await app.vault.rename(file(app, "Clients/Maya Chen.md"), "Clients/Maya Chen-Li.md");
		await settle(app);
		expect(brief(plugin, "Maya Chen").client).toEqual({ key: "?maya chen", name: "Maya Chen", path: null, status: "active" });
		expect(brief(plugin, "Maya Chen-Li").sessionCount).toBe(0);
		plugin.unload();
	});

	it("when the client note is renamed from the file explorer, which updates the links to it, the sessions follow under the new name", async () => {
		const app = await appFromFiles(notes);
		const plugin = await loadPlugin(app);
		await app.fileManager.renameFile(file(app, "Clients/Maya Chen.md"), "Clients/Maya Chen-Li.md");
		await settle(app);
		expect(await app.vault.read(file(app, "Sessions/2026-06-02 Maya.md"))).toContain('client: "[[Maya Chen-Li]]"');
		expect(brief(plugin, "Maya Chen-Li").sessionCount).toBe(1);
		expect(findClient(plugin.vaultIndex.index.clients(), "Maya Chen").kind).not.toBe("found");
		plugin.unload();
	});

	it("when a folder of sessions is renamed or deleted, every note in it follows", async () => {
		const app = await appFromFiles({ ...notes, "Sessions/2026/2026-06-16 Maya.md": '---\nclient: "[[Maya Chen]]"\n---\n- [ ] Book the venue\n' });
		const plugin = await loadPlugin(app);
		expect(brief(plugin, "Maya Chen").sessionCount).toBe(2);
		const folder = app.vault.getFolderByPath("Sessions");
		if (!folder) throw new Error("no Sessions folder");
		await app.vault.rename(folder, "Coaching/Sessions");
		await settle(app);
		expect(plugin.vaultIndex.index.get("Sessions/2026-06-02 Maya.md")).toBeUndefined();
		expect(brief(plugin, "Maya Chen").sessionCount).toBe(2);
		expect(brief(plugin, "Maya Chen").lastSession?.path).toBe("Coaching/Sessions/2026/2026-06-16 Maya.md");
		await app.vault.delete(folder);
		await settle(app);
		expect(brief(plugin, "Maya Chen").sessionCount).toBe(0);
		expect(plugin.vaultIndex.index.size).toBe(1);
		plugin.unload();
	});

	it("announces changes once, debounced, on the workspace", async () => {
		const app = await appFromFiles(notes);
		const plugin = await loadPlugin(app);
		await new Promise((resolve) => setTimeout(resolve, 150));
		let announcements = 0;
		const ref = app.workspace.on(INDEX_CHANGED, () => announcements++);
		await app.vault.create("Sessions/a.md", '---\nclient: "[[Maya Chen]]"\n---\n');
		await app.vault.create("Sessions/b.md", '---\nclient: "[[Maya Chen]]"\n---\n');
		await settle(app);
		await new Promise((resolve) => setTimeout(resolve, 150));
		expect(announcements).toBe(1);
		app.workspace.offref(ref);
		plugin.unload();
	});

	it("catches notes whose cache was not ready when the index was built, at the first `resolved`", async () => {
		const app = await appFromFiles(notes);
		const late = file(app, "Sessions/2026-06-02 Maya.md");
		const cache = app.metadataCache.getFileCache(late);
		const getFileCache = app.metadataCache.getFileCache.bind(app.metadataCache);
		let cold = true;
		app.metadataCache.getFileCache = (target: TFile) => (cold && target === late ? null : getFileCache(target));
		const plugin = await loadPlugin(app);
		expect(plugin.vaultIndex.index.get(late.path)).toBeUndefined();
		cold = false;
		expect(cache).not.toBeNull();
		app.metadataCache.trigger("resolved");
		await until(() => plugin.vaultIndex.index.get(late.path) !== undefined);
		expect(brief(plugin, "Maya Chen").sessionCount).toBe(1);
		plugin.unload();
	});
});

describe("unloading", () => {
	it("removes every event handler the plugin registered", async () => {
		const app = await appFromFiles({ "Clients/Maya Chen.md": "---\ntype: client\n---\n" });
		const before = [app.vault.listenerCount(), app.metadataCache.listenerCount(), app.workspace.listenerCount()];
		const plugin = await loadPlugin(app);
		expect(app.vault.listenerCount() + app.metadataCache.listenerCount()).toBeGreaterThan(before[0]! + before[1]!);
		plugin.unload();
		expect([app.vault.listenerCount(), app.metadataCache.listenerCount(), app.workspace.listenerCount()]).toEqual(before);
	});
});

describe("settings", () => {
	it("saved by an older version load with defaults filled in, and are written back in this version's form", async () => {
		const app = await appFromFiles({});
		app.vault.seed(".obsidian/plugins/coaching-alliance/data.json", JSON.stringify({ clientFolders: "Kunden", excerptLines: "5", oldKey: true }));
		const plugin = await loadPlugin(app);
		expect(plugin.settings.clientFolders).toEqual(["Kunden"]);
		expect(plugin.settings.excerptLines).toBe(5);
		expect(plugin.settings.intentionHeading).toBe("Who do I want to show up as?");
		expect(plugin.settings).not.toHaveProperty("oldKey");
		const written = JSON.parse(await app.vault.adapter.read(".obsidian/plugins/coaching-alliance/data.json")) as Record<string, unknown>;
		expect(written).toMatchObject({ settingsVersion: SETTINGS_VERSION, clientFolders: ["Kunden"], excerptLines: 5 });
		expect(written).not.toHaveProperty("oldKey");
		plugin.unload();
	});

	it("a corrupted value is replaced by its default with a notice, and the plugin still loads", async () => {
		const app = await appFromFiles({ "Kunden/Jana.md": "" });
		app.vault.seed(".obsidian/plugins/coaching-alliance/data.json", JSON.stringify({ settingsVersion: SETTINGS_VERSION, clientFolders: "Kunden", excerptLines: -4 }));
		const shown = Notice.shown.length;
		const plugin = await loadPlugin(app);
		expect(plugin.settings.clientFolders).toEqual(["Clients", "Coachees"]);
		expect(plugin.settings.excerptLines).toBe(3);
		expect(Notice.shown.slice(shown).join("\n")).toMatch(/Some saved settings could not be read/);
		// The damaged file stays as the coach left it, to be mended by hand.
		expect(await app.vault.adapter.read(".obsidian/plugins/coaching-alliance/data.json")).toContain("-4");
		plugin.unload();
	});

	it("a settings file that is not JSON at all: defaults, a notice, and the plugin still works", async () => {
		const app = await appFromFiles({ "Clients/Maya Chen.md": "" });
		app.vault.seed(".obsidian/plugins/coaching-alliance/data.json", '{ "clientFolders": ["Kunden"');
		const shown = Notice.shown.length;
		const plugin = await loadPlugin(app);
		expect(plugin.settings.clientFolders).toEqual(["Clients", "Coachees"]);
		expect(Notice.shown.slice(shown).join("\n")).toMatch(/The saved settings file could not be read; defaults are used\./);
		expect(plugin.vaultIndex.index.clients().map((client) => client.name)).toEqual(["Maya Chen"]);
		plugin.unload();
	});

	it("a change to how the brief is shown does not read the vault again; a change to what notes are does, once", async () => {
		const app = await appFromFiles({ "Kunden/Jana Vogel.md": "# Jana\n", "Clients/Maya Chen.md": "" });
		const plugin = await loadPlugin(app);
		const rebuilds = vi.spyOn(plugin.vaultIndex, "rebuild");
		const revision = plugin.vaultIndex.index.revision;
		plugin.settings.dateFormat = "d MMM yyyy";
		plugin.settings.intentions = ["Curious"];
		plugin.settings.excerptLines = 5;
		plugin.settings.paneLocation = "tab";
		await plugin.saveSettings();
		expect(rebuilds).not.toHaveBeenCalled();
		expect(plugin.vaultIndex.state).toBe("warm");
		expect(plugin.vaultIndex.index.revision).toBeGreaterThan(revision);
		plugin.settings.clientFolders = ["Kunden"];
		await plugin.saveSettings();
		expect(rebuilds).toHaveBeenCalledTimes(1);
		expect(plugin.vaultIndex.index.clients().map((client) => client.name)).toEqual(["Jana Vogel"]);
		plugin.settings.intentionHeading = "My intentions";
		await plugin.saveSettings();
		expect(rebuilds).toHaveBeenCalledTimes(2);
		plugin.unload();
	});

	it("settings that cannot be written say why, and still apply until Obsidian restarts", async () => {
		const app = await appFromFiles({ "Clients/Maya Chen.md": "---\ntype: client\n---\n" });
		const plugin = await loadPlugin(app);
		Notice.shown.splice(0);
		plugin.saveData = () => Promise.reject(new Error("EROFS: read-only file system"));
		plugin.settings.dayNoteSessionWords = ["Coaching"];
		await plugin.saveSettings();
		expect(Notice.shown).toEqual(["Your Coaching Alliance settings could not be saved (EROFS: read-only file system). They apply until Obsidian restarts."]);
		expect(plugin.vaultIndex.state).toBe("warm");
		plugin.unload();
	});

	it("a save re-reads the vault with the new rules and stores the settings version", async () => {
		const app = await appFromFiles({ "Kunden/Jana Vogel.md": "# Jana\n" });
		const plugin = await loadPlugin(app);
		expect(plugin.vaultIndex.index.clients()).toEqual([]);
		plugin.settings.clientFolders = ["Kunden"];
		await plugin.saveSettings();
		expect(plugin.vaultIndex.index.clients().map((client) => client.name)).toEqual(["Jana Vogel"]);
		const stored = JSON.parse(await app.vault.adapter.read(".obsidian/plugins/coaching-alliance/data.json")) as Record<string, unknown>;
		expect(stored["clientFolders"]).toEqual(["Kunden"]);
		expect(stored["settingsVersion"]).toBe(SETTINGS_VERSION);
		plugin.unload();
	});
});
