// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { computeBrief } from "../../src/core/brief/brief";
import { findClient } from "../../src/core/index/find-client";
import { DEFAULT_SETTINGS, type CoachingSettings } from "../../src/core/settings/settings";
import { VaultIndex } from "../../src/obsidian/vault-index";
import type { CachedMetadata } from "obsidian";
import { TFile, type App } from "../../obsidian-runtime";
import { appFromFiles, settle, until } from "../../obsidian-runtime/test-app";

const TODAY = "2026-06-30";
const CLIENT = "---\ntype: client\n---\n## Goals\nCalmer launches.\n";

/** A client and forty sessions, each with one open commitment: a build of several batches. */
function practice(): Record<string, string> {
	const notes: Record<string, string> = { "Clients/Maya Chen.md": CLIENT };
	for (let day = 1; day <= 40; day++) {
		const date = `2026-0${1 + Math.floor((day - 1) / 28)}-${String(((day - 1) % 28) + 1).padStart(2, "0")}`;
		notes[`Sessions/${date} Maya.md`] = `---\nclient: "[[Maya Chen]]"\ndate: ${date}\n---\n- [ ] Commitment ${day}\n`;
	}
	return notes;
}

function file(app: App, path: string): TFile {
	const found = app.vault.getFileByPath(path);
	if (!found) throw new Error(`no file ${path}`);
	return found;
}

/**
 * The index as the plugin builds it, with a build that gives the app a moment after every batch
 * (as a large vault's does), so what the test does during the build lands between batches.
 */
function startIndex(app: App, settings: CoachingSettings = structuredClone(DEFAULT_SETTINGS)): VaultIndex {
	const vaultIndex = new VaultIndex(app as never, () => settings, { breatheEveryMs: 0 });
	vaultIndex.load();
	return vaultIndex;
}

/** Runs `change` once, while the build reads the vault: after it has asked the metadata cache for `after` notes. */
function duringBuild(app: App, after: number, change: () => unknown): void {
	const getFileCache = app.metadataCache.getFileCache.bind(app.metadataCache);
	let asked = 0;
	app.metadataCache.getFileCache = (target: TFile) => {
		if (++asked === after) void change();
		return getFileCache(target);
	};
}

function openCommitments(vaultIndex: VaultIndex): string[] {
	const index = vaultIndex.index;
	const lookup = findClient(index.clients(), "Maya Chen");
	if (lookup.kind !== "found") throw new Error("Maya Chen is not a client");
	return computeBrief(index, lookup.client, TODAY, DEFAULT_SETTINGS).openCommitments.map((commitment) => commitment.text);
}

async function builtAndSettled(app: App, vaultIndex: VaultIndex): Promise<void> {
	app.workspace.markLayoutReady();
	await until(() => vaultIndex.state === "warm");
	await settle(app);
	await until(() => vaultIndex.index.awaitingText().length === 0);
}

describe("the plugin's index while its first build reads the vault", () => {
	it("takes in a session ticked after the build has read it", async () => {
		const app = await appFromFiles(practice());
		duringBuild(app, 30, () => app.vault.process(file(app, "Sessions/2026-01-01 Maya.md"), (text) => text.replace("- [ ]", "- [x]")));
		const vaultIndex = startIndex(app);
		await builtAndSettled(app, vaultIndex);
		expect(openCommitments(vaultIndex)).not.toContain("Commitment 1");
		expect(openCommitments(vaultIndex)).toHaveLength(39);
		vaultIndex.unload();
	});

	it("takes in a session created while it builds, though the listing it reads from does not have it", async () => {
		const app = await appFromFiles(practice());
		duringBuild(app, 20, () => app.vault.create("Sessions/2026-06-29 Maya.md", '---\nclient: "[[Maya Chen]]"\n---\n- [ ] Book the venue\n'));
		const vaultIndex = startIndex(app);
		await builtAndSettled(app, vaultIndex);
		expect(openCommitments(vaultIndex)).toContain("Book the venue");
		vaultIndex.unload();
	});

	it("follows a session renamed after the build has read it", async () => {
		const app = await appFromFiles(practice());
		duringBuild(app, 30, () => app.vault.rename(file(app, "Sessions/2026-01-02 Maya.md"), "Sessions/Archive/2026-01-02 Maya Chen.md"));
		const vaultIndex = startIndex(app);
		await builtAndSettled(app, vaultIndex);
		expect(vaultIndex.index.get("Sessions/2026-01-02 Maya.md")).toBeUndefined();
		expect(vaultIndex.index.get("Sessions/Archive/2026-01-02 Maya Chen.md")).toBeDefined();
		expect(openCommitments(vaultIndex)).toHaveLength(40);
		vaultIndex.unload();
	});

	it("takes in a note whose cache was not ready when the build came to it, though `resolved` came before the build ended", async () => {
		const app = await appFromFiles(practice());
		const late = file(app, "Sessions/2026-01-03 Maya.md");
		const getFileCache = app.metadataCache.getFileCache.bind(app.metadataCache);
		let cold = true;
		let asked = 0;
		// A cold start: Obsidian parses the note after the build asked for it, and its queue empties before the build ends.
		app.metadataCache.getFileCache = (target: TFile) => {
			if (++asked === 30) {
				setTimeout(() => {
					void app.vault.read(late).then((data) => {
						cold = false;
						app.metadataCache.trigger("changed", late, data, getFileCache(late) as CachedMetadata);
						app.metadataCache.trigger("resolved");
					});
				}, 0);
			}
			return cold && target === late ? null : getFileCache(target);
		};
		const vaultIndex = startIndex(app);
		await builtAndSettled(app, vaultIndex);
		expect(vaultIndex.index.get(late.path)).toBeDefined();
		expect(openCommitments(vaultIndex)).toHaveLength(40);
		vaultIndex.unload();
	});

	it("a newer build started while the first still reads (the settings saved) is the one that finishes, with every note", async () => {
		const app = await appFromFiles(practice());
		const settings = structuredClone(DEFAULT_SETTINGS);
		const vaultIndex = startIndex(app, settings);
		const states: string[] = [];
		duringBuild(app, 20, () => {
			states.push(vaultIndex.state);
			settings.dayNoteSessionWords = ["Coaching"];
			return vaultIndex.settingsChanged();
		});
		await builtAndSettled(app, vaultIndex);
		expect(states).toEqual(["initializing"]);
		expect(vaultIndex.index.size).toBe(41);
		expect(openCommitments(vaultIndex)).toHaveLength(40);
		vaultIndex.unload();
	});
});

describe("the plugin's index with a change at each point of its build", () => {
	/** Changes a coach, Sync or another plugin makes while the build reads the vault, each to be seen in the index at the end. */
	const changes: { name: string; make: (app: App) => Promise<unknown>; then: (vaultIndex: VaultIndex) => void }[] = [
		{
			name: "a session ticked",
			make: (app) => app.vault.process(file(app, "Sessions/2026-01-01 Maya.md"), (text) => text.replace("- [ ]", "- [x]")),
			then: (vaultIndex) => expect(openCommitments(vaultIndex)).not.toContain("Commitment 1"),
		},
		{
			name: "a session created",
			make: (app) => app.vault.create("Sessions/2026-06-29 Maya.md", '---\nclient: "[[Maya Chen]]"\n---\n- [ ] Book the venue\n'),
			then: (vaultIndex) => expect(openCommitments(vaultIndex)).toContain("Book the venue"),
		},
		{
			name: "a session renamed",
			make: (app) => app.vault.rename(file(app, "Sessions/2026-02-12 Maya.md"), "Sessions/Archive/2026-02-12 Maya.md"),
			then: (vaultIndex) => expect(vaultIndex.index.get("Sessions/Archive/2026-02-12 Maya.md")).toBeDefined(),
		},
		{
			name: "a session deleted",
			make: (app) => app.vault.delete(file(app, "Sessions/2026-02-12 Maya.md")),
			then: (vaultIndex) => expect(openCommitments(vaultIndex)).not.toContain("Commitment 40"),
		},
	];

	it.each(changes.map((change) => [change.name, change] as const))("%s after any batch of the build", async (_name, change) => {
		// Forty-one notes, read eight at a time, the app given a moment after each batch.
		for (let batch = 1; batch <= 6; batch++) {
			const app = await appFromFiles(practice());
			duringBuild(app, batch * 8, () => change.make(app));
			const vaultIndex = startIndex(app);
			await builtAndSettled(app, vaultIndex);
			change.then(vaultIndex);
			vaultIndex.unload();
		}
	});
});

describe("the plugin's index on a cold start", () => {
	it("the layout ready before Obsidian has parsed a single note: in any order of parsing, the index ends as a warm start's", async () => {
		const warm = await appFromFiles(practice());
		const warmIndex = startIndex(warm);
		await builtAndSettled(warm, warmIndex);
		const expected = { size: warmIndex.index.size, open: openCommitments(warmIndex) };
		warmIndex.unload();
		for (let seed = 1; seed <= 12; seed++) {
			const app = await appFromFiles(practice());
			const parsed = app.metadataCache.startCold(seed);
			const vaultIndex = startIndex(app);
			app.workspace.markLayoutReady();
			await parsed;
			await builtAndSettled(app, vaultIndex);
			expect({ seed, size: vaultIndex.index.size, open: openCommitments(vaultIndex) }).toEqual({ seed, ...expected });
			vaultIndex.unload();
		}
	});
});

describe("the plugin's index before the layout is ready", () => {
	it("does nothing with what it hears: the first build reads the vault as it is then", async () => {
		const app = await appFromFiles(practice());
		const vaultIndex = startIndex(app);
		let reads = 0;
		const read = app.vault.cachedRead.bind(app.vault);
		app.vault.cachedRead = (target: TFile) => {
			reads++;
			return read(target);
		};
		await app.vault.process(file(app, "Sessions/2026-01-05 Maya.md"), (text) => text.replace("- [ ]", "- [x]"));
		await settle(app);
		expect(vaultIndex.index.size).toBe(0);
		expect(reads).toBe(0);
		await builtAndSettled(app, vaultIndex);
		expect(openCommitments(vaultIndex)).toHaveLength(39);
		vaultIndex.unload();
	});
});

describe("the plugin's index after a rename", () => {
	it("indexes a renamed note whose cache has not moved yet once Obsidian has parsed it", async () => {
		const app = await appFromFiles(practice());
		const vaultIndex = startIndex(app);
		await builtAndSettled(app, vaultIndex);
		const moved = "Sessions/Archive/2026-01-04 Maya Chen.md";
		const getFileCache = app.metadataCache.getFileCache.bind(app.metadataCache);
		let moving = true;
		app.metadataCache.getFileCache = (target: TFile) => (moving && target.path === moved ? null : getFileCache(target));
		await app.vault.rename(file(app, "Sessions/2026-01-04 Maya.md"), moved);
		await settle(app);
		expect(vaultIndex.index.get(moved)).toBeUndefined();
		moving = false;
		app.metadataCache.trigger("resolved");
		await until(() => vaultIndex.index.get(moved) !== undefined && vaultIndex.index.awaitingText().length === 0);
		expect(openCommitments(vaultIndex)).toHaveLength(40);
		vaultIndex.unload();
	});
});
