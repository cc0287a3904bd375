// @vitest-environment jsdom
/**
 * The plugin's index ends equal to one built from scratch, however start-up, the vault's changes
 * and Obsidian's parsing interleave: random sequences of notes changing before, during and after
 * the first build, caches that arrive late, and settings saved while a build runs.
 */
import fc from "fast-check";
import type { CachedMetadata } from "obsidian";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, type CoachingSettings } from "../../src/core/settings/settings";
import { VaultIndex } from "../../src/obsidian/vault-index";
import { App, TFile, Vault } from "../../obsidian-runtime";
import { settle, until } from "../../obsidian-runtime/test-app";
import { event as vaultChange, note, path, type VaultEvent } from "../helpers/random-notes";
import { everything } from "../helpers/index-answers";

const TODAY = "2026-06-30";

type Step =
	| { kind: "change"; change: VaultEvent }
	/** The app gets on with what it has queued: parsing, events, a build's next batch. */
	| { kind: "wait" }
	| { kind: "layout ready" }
	/** Obsidian finishes parsing the notes it had not parsed at start-up, and says so with `resolved`. */
	| { kind: "parsed" }
	| { kind: "settings saved" };

const step: fc.Arbitrary<Step> = fc.oneof(
	{ weight: 6, arbitrary: vaultChange.map((change) => ({ kind: "change" as const, change })) },
	{ weight: 4, arbitrary: fc.constant({ kind: "wait" as const }) },
	{ weight: 1, arbitrary: fc.constant({ kind: "layout ready" as const }) },
	{ weight: 1, arbitrary: fc.constant({ kind: "parsed" as const }) },
	{ weight: 1, arbitrary: fc.constant({ kind: "settings saved" as const }) },
);

/** A vault at start-up: notes on disk, some of them not parsed yet (a cold cache). */
const startUp = fc.array(fc.tuple(path, note, fc.boolean()), { maxLength: 10 });

/** The app over the vault; the notes marked cold have no cache until `warmUp` is called. */
async function appWith(notes: [string, string, boolean][]): Promise<{ app: App; warmUp: () => Promise<void> }> {
	const vault = new Vault();
	const cold = new Set<string>();
	for (const [notePath, text, isCold] of notes) {
		if (vault.getFileByPath(notePath)) continue;
		vault.seed(notePath, text);
		if (isCold) cold.add(notePath);
	}
	const app = new App(vault);
	await app.metadataCache.initialise();
	const getFileCache = app.metadataCache.getFileCache.bind(app.metadataCache);
	app.metadataCache.getFileCache = (target: TFile) => (cold.has(target.path) ? null : getFileCache(target));
	const warmUp = async (): Promise<void> => {
		const parsed = [...cold];
		cold.clear();
		for (const notePath of parsed) {
			const file = vault.getFileByPath(notePath);
			if (file) app.metadataCache.trigger("changed", file, await vault.read(file), getFileCache(file) as CachedMetadata);
		}
		app.metadataCache.trigger("resolved");
	};
	return { app, warmUp };
}

async function apply(app: App, change: VaultEvent): Promise<void> {
	const { vault } = app;
	const file = (notePath: string) => vault.getFileByPath(notePath);
	if (change.kind === "write") {
		const existing = file(change.path);
		if (existing) await vault.modify(existing, change.text);
		else await vault.create(change.path, change.text);
	} else if (change.kind === "type") {
		const existing = file(change.path);
		if (!existing) return;
		const text = await vault.read(existing);
		const typed = change.line !== "tick" ? `${text}\n${change.line}` : text.includes("- [ ]") ? text.replace("- [ ]", "- [x]") : text.replace(/- \[[x/-]\]/, "- [ ]");
		await vault.modify(existing, typed);
	} else if (change.kind === "delete") {
		const existing = file(change.path);
		if (existing) await vault.delete(existing);
	} else {
		const existing = file(change.from);
		if (existing && !vault.getAbstractFileByPath(change.to)) await vault.rename(existing, change.to);
	}
}

async function settled(app: App, vaultIndex: VaultIndex): Promise<void> {
	await settle(app);
	await until(() => vaultIndex.state === "warm");
	await until(() => vaultIndex.index.awaitingText().length === 0);
	await settle(app);
}

/** The final vault, opened afresh: a new app over the same files, and the plugin's index built once. */
async function fromScratch(app: App, settings: CoachingSettings): Promise<unknown> {
	const vault = new Vault();
	for (const file of app.vault.getFiles()) vault.seed(file.path, await app.vault.read(file), file.stat);
	const fresh = new App(vault);
	await fresh.metadataCache.initialise();
	const vaultIndex = new VaultIndex(fresh as never, () => settings);
	vaultIndex.load();
	fresh.workspace.markLayoutReady();
	await settled(fresh, vaultIndex);
	const answers = everything(vaultIndex.index, settings, vault.getMarkdownFiles().map((file) => file.path), TODAY);
	vaultIndex.unload();
	return answers;
}

describe("the plugin's index, however start-up and the vault's changes interleave", () => {
	it("ends equal to one built from scratch", async () => {
		await fc.assert(
			fc.asyncProperty(startUp, fc.array(step, { maxLength: 20 }), async (notes, steps) => {
				const { app, warmUp } = await appWith(notes);
				const settings = structuredClone(DEFAULT_SETTINGS);
				const vaultIndex = new VaultIndex(app as never, () => settings, { breatheEveryMs: 0 });
				vaultIndex.load();
				for (const next of steps) {
					if (next.kind === "change") await apply(app, next.change);
					else if (next.kind === "wait") await new Promise((resolve) => setTimeout(resolve, 0));
					else if (next.kind === "layout ready") app.workspace.markLayoutReady();
					else if (next.kind === "parsed") await warmUp();
					else if (vaultIndex.state !== "cold") {
						settings.dayNoteSessionWords = settings.dayNoteSessionWords.length === 0 ? ["Coaching"] : [];
						void vaultIndex.settingsChanged();
					}
				}
				app.workspace.markLayoutReady();
				await warmUp();
				await settled(app, vaultIndex);
				const paths = app.vault.getMarkdownFiles().map((file) => file.path);
				expect(everything(vaultIndex.index, settings, paths, TODAY)).toEqual(await fromScratch(app, settings));
				vaultIndex.unload();
			}),
			{ numRuns: 300 },
		);
	}, 120_000);
});
