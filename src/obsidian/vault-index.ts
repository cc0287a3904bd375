import { Component, TFile, debounce, normalizePath, type App, type CachedMetadata } from "obsidian";
import type { CoachingIndex } from "../core/index/coaching-index";
import type { NoteFacts } from "../core/notes/facts";
import { VaultIndexer, type LoadedNote } from "../core/index/vault-indexer";
import { linkpathOf, type LinkResolver } from "../core/notes/links";
import { changesRecognition, type CoachingSettings } from "../core/settings/settings";
import { noteFromCache } from "./note-from-cache";

export const INDEX_CHANGED = "coaching-alliance:index-changed";

export type IndexState = "cold" | "initializing" | "warm";

/**
 * The coaching index inside Obsidian: built once the layout is ready, then kept current from
 * metadata-cache and vault events, one note at a time. A Component, so unloading the plugin
 * unregisters every event with it. How notes are indexed is the core's `VaultIndexer`; this
 * class says how Obsidian lists and reads them, and which events mean what.
 */
export class VaultIndex extends Component {
	readonly index: CoachingIndex;
	state: IndexState = "cold";
	private readonly indexer: VaultIndexer;
	/** The settings the index was last built with, to tell whether a change needs a new build. */
	private builtWith: CoachingSettings | null = null;
	private readonly waiting = new Map<string, (() => void)[]>();
	private eventsRegistered = false;
	private resolvedOnce = false;

	private readonly notifyChanged = debounce(() => this.app.workspace.trigger(INDEX_CHANGED), 100, true);

	constructor(
		private readonly app: App,
		private readonly settings: () => CoachingSettings,
	) {
		super();
		const metadataCache = app.metadataCache;
		const resolver: LinkResolver = {
			resolve: (link, sourcePath) => metadataCache.getFirstLinkpathDest(linkpathOf(link), sourcePath)?.path ?? null,
		};
		this.indexer = new VaultIndexer(resolver, settings, {
			list: () => Promise.resolve({ paths: app.vault.getMarkdownFiles().map((file) => file.path), unreadable: [] }),
			load: (path) => {
				const file = app.vault.getFileByPath(path);
				return file ? this.loadNote(file) : Promise.resolve(null);
			},
			readConfig: (file) => this.readConfigJson(file),
		});
		this.index = this.indexer.index;
	}

	onload(): void {
		this.app.workspace.onLayoutReady(() => void this.rebuild());
	}

	/**
	 * After a settings change: the vault is read again only when the change alters what notes are;
	 * a change to how the brief is shown (a date format, the intentions) only redraws.
	 */
	async settingsChanged(): Promise<void> {
		if (this.builtWith === null || changesRecognition(this.builtWith, this.settings())) await this.rebuild();
		else this.touched();
	}

	/** Indexes every note from scratch: on layout ready, and when settings change what counts. */
	async rebuild(): Promise<void> {
		this.state = "initializing";
		this.builtWith = structuredClone(this.settings());
		await this.indexer.rebuild();
		for (const path of [...this.waiting.keys()]) if (this.index.get(path)) this.indexed(path);
		this.registerIndexEvents();
		this.state = "warm";
		this.notifyChanged();
	}

	private registerIndexEvents(): void {
		if (this.eventsRegistered) return;
		this.eventsRegistered = true;
		const { metadataCache, vault } = this.app;
		// `changed` hands over the cache and the text: the note is read from them, not again.
		this.registerEvent(
			metadataCache.on("changed", (file, data, cache) => void this.indexFile(file.path, () => this.loadNote(file, cache, data))),
		);
		this.registerEvent(metadataCache.on("deleted", (file) => this.forget(file.path)));
		// `changed` does not fire on rename: the note moves here, and links elsewhere re-resolve at query time.
		// Any file that moves or goes (a note, a template, a PDF) can change what links resolve to.
		this.registerEvent(
			vault.on("rename", (file, oldPath) => {
				this.forget(oldPath);
				this.touched();
				if (file instanceof TFile) void this.indexFile(file.path, () => this.loadNote(file));
			}),
		);
		this.registerEvent(
			vault.on("delete", (file) => {
				this.forget(file.path);
				this.touched();
			}),
		);
		// A new file can change what existing links resolve to; its contents arrive with `changed`.
		this.registerEvent(vault.on("create", () => this.touched()));
		this.registerEvent(
			metadataCache.on("resolved", () => {
				// On a cold start some notes had no cache yet when the index was built: catch them once.
				if (!this.resolvedOnce) {
					this.resolvedOnce = true;
					for (const file of vault.getMarkdownFiles()) {
						if (!this.index.get(file.path)) void this.indexFile(file.path, () => this.loadNote(file));
					}
				}
				this.touched();
			}),
		);
	}

	private async indexFile(path: string, load: () => Promise<LoadedNote | null>): Promise<void> {
		if (await this.indexer.upsert(path, load)) this.indexed(path);
	}

	/** The note as the core reads it, from the metadata cache; null while Obsidian has not parsed it yet. */
	private async loadNote(file: TFile, cache?: CachedMetadata | null, content?: string): Promise<LoadedNote | null> {
		const metadata = cache ?? this.app.metadataCache.getFileCache(file);
		if (!metadata) return null;
		try {
			const note = await noteFromCache(file, metadata, () => this.app.vault.cachedRead(file), content);
			return { note: () => note };
		} catch (error) {
			// The note's text could not be read (for its tasks): it is reported, never dropped in silence.
			return { problem: `could not be read (${error instanceof Error ? error.message : String(error)})` };
		}
	}

	/** The note at `path` changed in the index: whoever waits for it hears, and so do the views. */
	private indexed(path: string): void {
		if (this.index.get(path)) {
			for (const resolve of this.waiting.get(path) ?? []) resolve();
			this.waiting.delete(path);
		}
		this.notifyChanged();
	}

	private forget(path: string): void {
		if (this.indexer.remove(path)) this.notifyChanged();
	}

	private touched(): void {
		this.index.touch();
		this.notifyChanged();
	}

	private async readConfigJson(file: string): Promise<unknown> {
		const path = normalizePath(`${this.app.vault.configDir}/${file}`);
		try {
			if (!(await this.app.vault.adapter.exists(path))) return undefined;
			return JSON.parse(await this.app.vault.adapter.read(path)) as unknown;
		} catch {
			// A damaged config file of another plugin only means we fall back to the Templates folder rule.
			return undefined;
		}
	}

	/**
	 * Resolves once the note at `path` is in the index (a note just written reaches it through the
	 * metadata cache, a moment later), or after `timeoutMs` if it never comes.
	 */
	whenIndexed(path: string, options: { replacing?: NoteFacts; timeoutMs?: number } = {}): Promise<void> {
		const timeoutMs = options.timeoutMs ?? 2000;
		// A note that was already indexed (a client's note given a new log entry) counts once its facts are new ones.
		const current = this.index.get(path);
		if (current && current !== options.replacing) return Promise.resolve();
		return new Promise((resolve) => {
			const timer = window.setTimeout(() => {
				this.waiting.delete(path);
				resolve();
			}, timeoutMs);
			const done = (): void => {
				window.clearTimeout(timer);
				resolve();
			};
			this.waiting.set(path, [...(this.waiting.get(path) ?? []), done]);
		});
	}

	/** Reads a note for the brief (profile, last session, excerpts). */
	async read(path: string): Promise<string> {
		const file = this.app.vault.getFileByPath(path);
		if (!file) throw new Error(`No note at ${path}`);
		return this.app.vault.cachedRead(file);
	}

	onunload(): void {
		this.notifyChanged.cancel();
	}
}
