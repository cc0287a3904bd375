import { describe, expect, it } from "vitest";
import { VaultIndexer, type LoadedNote, type VaultSource } from "../../src/core/index/vault-indexer";
import { VaultPaths } from "../../src/core/notes/links";
import { DEFAULT_SETTINGS, type CoachingSettings } from "../../src/core/settings/settings";
import { noteFromMarkdown } from "../../src/markdown/note-from-markdown";

const TIMES = { ctime: Date.UTC(2026, 5, 1, 12), mtime: Date.UTC(2026, 5, 1, 12) };
const CLIENT = "---\ntype: client\n---\n";

function loaded(path: string, text: string): LoadedNote {
	return { note: () => noteFromMarkdown(path, text, TIMES, () => Promise.resolve(text)) };
}

/** A read the test finishes when it chooses, to play reads out of order. */
function deferred(): { promise: Promise<LoadedNote | null>; finish: (note: LoadedNote | null) => void } {
	let finish: (note: LoadedNote | null) => void = () => undefined;
	const promise = new Promise<LoadedNote | null>((resolve) => (finish = resolve));
	return { promise, finish };
}

/**
 * A vault held in memory: files (a string is a note's text, an object a note that cannot be
 * read), config files, entries that could not be listed, and how long each read takes.
 */
class MemorySource implements VaultSource {
	constructor(
		readonly files: Record<string, string | { problem: string }>,
		readonly config: Record<string, unknown> = {},
		readonly unlisted: { path: string; problem: string }[] = [],
		readonly delayOf: (path: string) => number = () => 0,
	) {}

	list() {
		return Promise.resolve({ paths: Object.keys(this.files), unreadable: this.unlisted });
	}

	async load(path: string): Promise<LoadedNote | null> {
		await new Promise((resolve) => setTimeout(resolve, this.delayOf(path)));
		const file = this.files[path];
		if (file === undefined) return null;
		return typeof file === "string" ? loaded(path, file) : file;
	}

	readConfig(file: string) {
		return Promise.resolve(this.config[file]);
	}
}

function indexerOver(source?: VaultSource, settings: CoachingSettings = structuredClone(DEFAULT_SETTINGS)) {
	const paths = new VaultPaths(source instanceof MemorySource ? Object.keys(source.files) : []);
	return new VaultIndexer(paths, () => settings, source);
}

describe("the vault indexer", () => {
	it("says how far a build has got after each batch, ending at every note", async () => {
		const files = Object.fromEntries(Array.from({ length: 20 }, (_, n) => [`Notes/${n}.md`, "Text.\n"]));
		const heard: [number, number][] = [];
		await indexerOver(new MemorySource(files)).rebuild((read, of) => {
			heard.push([read, of]);
		});
		expect(heard).toEqual([
			[8, 20],
			[16, 20],
			[20, 20],
		]);
	});

	it("leaves the templates folder out: the one Templates names, else any folder called Templates", async () => {
		const files = { "Meta/Blueprints/Session.md": CLIENT, "Templates/Session.md": CLIENT, "Clients/Maya Chen.md": CLIENT };
		const configured = indexerOver(new MemorySource(files, { "templates.json": { folder: "Meta/Blueprints" } }));
		await configured.rebuild();
		expect(configured.index.get("Meta/Blueprints/Session.md")).toBeUndefined();
		expect(configured.index.get("Templates/Session.md")).toBeDefined();

		const unconfigured = indexerOver(new MemorySource(files));
		await unconfigured.rebuild();
		expect(unconfigured.index.get("Templates/Session.md")).toBeUndefined();
		expect(unconfigured.index.get("Meta/Blueprints/Session.md")).toBeDefined();
	});

	it("reports what could not be listed or read, in the front end's own words", async () => {
		const indexer = indexerOver(
			new MemorySource(
				{ "Clients/Maya Chen.md": CLIENT, "Sessions/Locked.md": { problem: "could not be read: permission denied" } },
				{},
				[{ path: "Private", problem: "this folder could not be read: permission denied" }],
			),
		);
		await indexer.rebuild();
		expect(indexer.index.problems()).toEqual([
			{ path: "Private", problem: "this folder could not be read: permission denied" },
			{ path: "Sessions/Locked.md", problem: "could not be read: permission denied" },
		]);
		expect(indexer.index.clients().map((client) => client.name)).toEqual(["Maya Chen"]);
	});

	it("reports a note whose reading throws, and keeps indexing the rest", async () => {
		const source = new MemorySource({ "Clients/Maya Chen.md": CLIENT, "Sessions/Strange.md": "" });
		const load = source.load.bind(source);
		source.load = (path) => (path === "Sessions/Strange.md" ? Promise.reject(new Error("disk gone")) : load(path));
		const indexer = indexerOver(source);
		indexer.put("Notes/Odd.md", {
			note: () => {
				throw new Error("no rule foresaw this");
			},
		});
		expect(indexer.index.problems()).toEqual([{ path: "Notes/Odd.md", problem: "could not be read (no rule foresaw this)" }]);
		await indexer.rebuild();
		expect(indexer.index.problems()).toEqual([{ path: "Sessions/Strange.md", problem: "could not be read (disk gone)" }]);
		expect(indexer.index.clients().map((client) => client.name)).toEqual(["Maya Chen"]);
	});

	it("never lets an older read that finishes late overwrite a newer note", async () => {
		const indexer = indexerOver();
		const path = "Clients/Maya Chen.md";
		const older = deferred();
		const newer = deferred();
		const first = indexer.upsert(path, () => older.promise);
		const second = indexer.upsert(path, () => newer.promise);
		newer.finish(loaded(path, "---\ntype: client\naliases: [Maya]\n---\n"));
		expect(await second).toBe(true);
		older.finish(loaded(path, CLIENT));
		expect(await first).toBe(false);
		expect(indexer.index.get(path)?.aliases).toEqual(["Maya"]);
	});

	it("leaves the index alone when a note is not available yet", async () => {
		const indexer = indexerOver();
		expect(await indexer.upsert("Clients/Maya Chen.md", () => Promise.resolve(null))).toBe(false);
		expect(indexer.index.size).toBe(0);
	});

	it("removes a note, says whether it was there, and drops a read of it still under way", async () => {
		const indexer = indexerOver();
		const path = "Clients/Maya Chen.md";
		indexer.put(path, loaded(path, CLIENT));
		expect(indexer.remove(path)).toBe(true);
		expect(indexer.remove(path)).toBe(false);

		const late = deferred();
		const upsert = indexer.upsert(path, () => late.promise);
		expect(indexer.remove(path)).toBe(false);
		late.finish(loaded(path, CLIENT));
		expect(await upsert).toBe(false);
		expect(indexer.index.get(path)).toBeUndefined();
	});

	it("takes a note out when it is put but no longer belongs in the index", async () => {
		const settings = structuredClone(DEFAULT_SETTINGS);
		const indexer = indexerOver(undefined, settings);
		const path = "Old practice/Clients/Maya Chen.md";
		indexer.put(path, loaded(path, CLIENT));
		expect(indexer.index.get(path)).toBeDefined();
		settings.excludedFolders = ["Old practice"];
		indexer.put(path, loaded(path, CLIENT));
		expect(indexer.index.get(path)).toBeUndefined();
		expect(await indexer.upsert(path, () => Promise.resolve(loaded(path, CLIENT)))).toBe(false);
		expect(indexer.index.size).toBe(0);
	});

	it("builds the same index in the listing's order however the reads finish", async () => {
		// Every note reports a problem, so `problems()` shows the order the index holds them in.
		const files: Record<string, string | { problem: string }> = {};
		for (const number of [7, 3, 12, 0, 19, 5, 8, 14, 1, 16, 10, 2, 18, 6, 11, 4, 13, 9, 17, 15]) {
			files[`Sessions/${number}.md`] = number % 2 === 0 ? { problem: `could not be read: ${number}` } : "---\ntags: [unclosed\n---\n";
		}
		const listed = ["Private", ...Object.keys(files)];
		const delays = [(path: string) => 40 - parseInt(path.slice("Sessions/".length), 10) * 2, () => 0, () => Math.random() * 10];
		for (const delayOf of delays) {
			const indexer = indexerOver(new MemorySource(files, {}, [{ path: "Private", problem: "this folder could not be read" }], delayOf));
			await indexer.rebuild();
			expect(indexer.index.problems().map((problem) => problem.path)).toEqual(listed);
		}
	});

	it("starts from scratch on every rebuild", async () => {
		const source = new MemorySource({ "Clients/Maya Chen.md": CLIENT });
		const indexer = indexerOver(source);
		indexer.put("Clients/Gone.md", loaded("Clients/Gone.md", CLIENT));
		await indexer.rebuild();
		expect(indexer.index.clients().map((client) => client.name)).toEqual(["Maya Chen"]);
	});

	it("keeps a change heard while a rebuild reads its batch: a newer read, and a deletion", async () => {
		const reads = new Map<string, ReturnType<typeof deferred>>();
		const source: VaultSource = {
			list: () => Promise.resolve({ paths: ["Clients/Maya Chen.md", "Clients/Tomas Rivera.md"], unreadable: [] }),
			load: (path) => {
				const read = deferred();
				reads.set(path, read);
				return read.promise;
			},
			readConfig: () => Promise.resolve(undefined),
		};
		const indexer = indexerOver(source);
		const building = indexer.rebuild();
		await new Promise((resolve) => setTimeout(resolve, 0));
		const edited = indexer.upsert("Clients/Maya Chen.md", () => Promise.resolve(loaded("Clients/Maya Chen.md", "---\ntype: client\naliases: [Maya]\n---\n")));
		await edited;
		indexer.remove("Clients/Tomas Rivera.md");
		reads.get("Clients/Maya Chen.md")?.finish(loaded("Clients/Maya Chen.md", CLIENT));
		reads.get("Clients/Tomas Rivera.md")?.finish(loaded("Clients/Tomas Rivera.md", CLIENT));
		await building;
		expect(indexer.index.get("Clients/Maya Chen.md")?.aliases).toEqual(["Maya"]);
		expect(indexer.index.get("Clients/Tomas Rivera.md")).toBeUndefined();
	});

	it("a newer build stops an older one still reading: the index is the newer build's alone, and only it says it finished", async () => {
		const files: Record<string, string> = Object.fromEntries(Array.from({ length: 20 }, (_, n) => [`Clients/Client ${n}.md`, CLIENT]));
		const source = new MemorySource(files, {}, [], () => 1);
		const indexer = indexerOver(source);
		const older = indexer.rebuild();
		await new Promise((resolve) => setTimeout(resolve, 3));
		// The vault changed meanwhile (a settings save, say, or notes renamed): the newer build reads it as it is now.
		delete files["Clients/Client 0.md"];
		files["Clients/Client 20.md"] = CLIENT;
		const newer = indexer.rebuild();
		expect(await older).toBe(false);
		expect(await newer).toBe(true);
		expect(indexer.index.size).toBe(20);
		expect(indexer.index.get("Clients/Client 0.md")).toBeUndefined();
		expect(indexer.index.get("Clients/Client 20.md")).toBeDefined();
	});

	it("a newer build that starts while an older one reads the configuration leaves nothing of the older one", async () => {
		let configReads = 0;
		const source = new MemorySource({ "Clients/Maya Chen.md": CLIENT });
		const slowConfig: VaultSource = {
			list: () => source.list(),
			load: (path) => source.load(path),
			// The first build's configuration arrives last.
			readConfig: (file) => new Promise((resolve) => setTimeout(() => resolve(source.readConfig(file)), ++configReads <= 2 ? 10 : 0)),
		};
		const indexer = indexerOver(slowConfig);
		const older = indexer.rebuild();
		const newer = indexer.rebuild();
		expect(await newer).toBe(true);
		expect(await older).toBe(false);
		expect(indexer.index.clients().map((client) => client.name)).toEqual(["Maya Chen"]);
	});

	it("waits for the front end after each batch, so a build can let the app breathe", async () => {
		const files = Object.fromEntries(Array.from({ length: 20 }, (_, n) => [`Notes/${n}.md`, "Text.\n"]));
		const indexer = indexerOver(new MemorySource(files));
		const indexedWhenHeard: number[] = [];
		await indexer.rebuild(async () => {
			await new Promise((resolve) => setTimeout(resolve, 1));
			indexedWhenHeard.push(indexer.index.size);
		});
		expect(indexedWhenHeard).toEqual([8, 16, 20]);
	});

	it("reads as many notes at once as the source allows", async () => {
		let reading = 0;
		let most = 0;
		const files = Object.fromEntries(Array.from({ length: 20 }, (_, n) => [`Clients/Client ${n}.md`, CLIENT]));
		const source = new MemorySource(files);
		const counting: VaultSource = {
			list: () => source.list(),
			readConfig: (file) => source.readConfig(file),
			concurrentLoads: 1,
			load: async (path) => {
				most = Math.max(most, ++reading);
				const note = await source.load(path);
				reading--;
				return note;
			},
		};
		const indexer = indexerOver(counting);
		await indexer.rebuild();
		expect(indexer.index.clients()).toHaveLength(20);
		expect(most).toBe(1);
	});

});
