import { CoachingIndex } from "./coaching-index";
import { isIndexable, templatesFolderOf } from "./exclusions";
import { safeNoteFacts, unreadableFacts } from "../notes/facts";
import type { LinkResolver } from "../notes/links";
import type { NoteSource } from "../notes/note";
import type { CoachingSettings } from "../settings/settings";
import { reasonOf } from "../reason";

/** A note as a front end hands it over: the note (built lazily, so a throw is contained), or why it cannot be read. */
export type LoadedNote = { note: () => NoteSource } | { problem: string };

/** How one front end (the command line's folder reader, the plugin, a test's vault) reaches its vault. */
export interface VaultSource {
	/** Every file path to consider, in a stable order, and entries that could not be listed. */
	list(): Promise<{ paths: string[]; unreadable: { path: string; problem: string }[] }>;
	/** The note for the core, or why it cannot be read; null when it is not available yet (Obsidian's cache still cold). */
	load(path: string): Promise<LoadedNote | null>;
	/** How many notes may be read at once while building; 8 unless the source says otherwise. */
	readonly concurrentLoads?: number;
	/** A JSON file of the config folder (`templates.json`, `plugins/templater-obsidian/data.json`); undefined when absent or unreadable. */
	readConfig(file: string): Promise<unknown>;
}

/** Reads at a time while building: notes are read for their text, and a large vault must not flood the disk. */
const CONCURRENT_LOADS = 8;

/**
 * Builds the coaching index and keeps it current, the same way for every front end: which notes
 * count (outside templates and excluded folders), what an unreadable note becomes, and which of
 * two reads of one note wins. The front end only says how its vault is listed and read.
 */
export class VaultIndexer {
	readonly index: CoachingIndex;
	private templatesFolder: string | null = null;
	/** Newest read per path: an older read finishing late must not overwrite a newer note. */
	private readonly latestRequest = new Map<string, number>();
	private requestCounter = 0;
	/** Builds started: a build that finds a newer one started stops, so two never fill the index together. */
	private builds = 0;

	constructor(
		resolver: LinkResolver,
		private readonly settings: () => CoachingSettings,
		private readonly source?: VaultSource,
	) {
		this.index = new CoachingIndex(resolver);
	}

	/** Which folder holds templates, from the Templates and Templater configuration (the plugin's own setting wins). */
	useTemplateConfig(templates: unknown, templater: unknown): void {
		this.templatesFolder = templatesFolderOf(this.settings(), templates, templater);
	}

	isIndexable(path: string): boolean {
		return isIndexable(path, this.settings(), this.templatesFolder);
	}

	/** Sets a note the front end has in hand; a note that does not belong in the index is taken out. */
	put(path: string, loaded: LoadedNote): void {
		// What is put now is newer than any read still under way.
		this.latestRequest.delete(path);
		if (!this.isIndexable(path)) {
			this.index.delete(path);
			return;
		}
		this.index.set("problem" in loaded ? unreadableFacts(path, loaded.problem) : safeNoteFacts(path, loaded.note, this.settings()));
	}

	/** Takes a note out; true when it was indexed. A read of it still under way is dropped. */
	remove(path: string): boolean {
		this.latestRequest.delete(path);
		if (!this.index.get(path)) return false;
		this.index.delete(path);
		return true;
	}

	/**
	 * Reads one note again and sets it (or takes it out when it no longer belongs); true when the
	 * index changed. `load` stands in for the source when the front end already holds the note.
	 */
	async upsert(path: string, load?: () => Promise<LoadedNote | null>): Promise<boolean> {
		if (!this.isIndexable(path)) return this.remove(path);
		const request = this.claim(path);
		const loaded = await this.loadSafely(load ?? (() => this.requireSource().load(path)));
		if (loaded === null || this.latestRequest.get(path) !== request) return false;
		this.put(path, loaded);
		return true;
	}

	/**
	 * Indexes the whole vault from scratch: entries that could not be listed first, then every
	 * indexable note in the order listed. Notes are read a few at a time but set in that order,
	 * so the same vault always gives the same index. `progress` hears how many of the notes are
	 * read after each batch, for a front end to show where people wait; the build waits for it,
	 * so a front end can let the app breathe. False when a newer build started meanwhile: that one
	 * finishes the index, and this one stops.
	 */
	async rebuild(progress?: (read: number, of: number) => void | Promise<void>): Promise<boolean> {
		const source = this.requireSource();
		const build = ++this.builds;
		const indexable = await this.listAfresh(build);
		if (indexable === null) return false;
		const batchSize = Math.max(1, source.concurrentLoads ?? CONCURRENT_LOADS);
		for (let start = 0; start < indexable.length; start += batchSize) {
			const batch = indexable.slice(start, start + batchSize).map((path) => ({ path, request: this.claim(path) }));
			const loads = await Promise.all(batch.map(({ path }) => this.loadSafely(() => source.load(path))));
			if (build !== this.builds) return false;
			batch.forEach(({ path, request }, position) => {
				const loaded = loads[position] ?? null;
				// A change heard while this batch was read (a newer read, a deletion) wins over the build.
				if (loaded !== null && this.latestRequest.get(path) === request) this.put(path, loaded);
			});
			await progress?.(Math.min(start + batchSize, indexable.length), indexable.length);
			if (build !== this.builds) return false;
		}
		return true;
	}

	/**
	 * Empties the index for a build from the vault's listing: the templates folder read from the
	 * configuration, entries that could not be listed reported. Gives the notes to index, in the
	 * order listed, for `rebuild`, or for a front end that puts only some of them.
	 */
	async startOver(): Promise<string[]> {
		return (await this.listAfresh(++this.builds)) ?? [];
	}

	/** `startOver` for one build; null as soon as a newer build has started, before it touches the index. */
	private async listAfresh(build: number): Promise<string[] | null> {
		const source = this.requireSource();
		const templates = await source.readConfig("templates.json");
		const templater = await source.readConfig("plugins/templater-obsidian/data.json");
		if (build !== this.builds) return null;
		this.useTemplateConfig(templates, templater);
		this.index.clear();
		this.latestRequest.clear();
		const { paths, unreadable } = await source.list();
		if (build !== this.builds) return null;
		for (const { path, problem } of unreadable) this.index.set(unreadableFacts(path, problem));
		return paths.filter((path) => this.isIndexable(path));
	}

	private claim(path: string): number {
		const request = ++this.requestCounter;
		this.latestRequest.set(path, request);
		return request;
	}

	/** A read that fails in a way its front end did not foresee reports the note, and never stops the rest of the vault. */
	private async loadSafely(load: () => Promise<LoadedNote | null>): Promise<LoadedNote | null> {
		try {
			return await load();
		} catch (error) {
			return { problem: `could not be read (${reasonOf(error)})` };
		}
	}

	private requireSource(): VaultSource {
		if (!this.source) throw new Error("This index was given no vault to read: put notes into it one by one.");
		return this.source;
	}
}
