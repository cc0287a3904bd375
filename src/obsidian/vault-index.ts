import { Component, TFile, debounce, normalizePath, type App, type CachedMetadata } from "obsidian";
import type { Client, CoachingIndex } from "../core/index/coaching-index";
import type { NoteFacts } from "../core/notes/facts";
import { VaultIndexer, type LoadedNote } from "../core/index/vault-indexer";
import { linkpathOf, type LinkResolver } from "../core/notes/links";
import { changesRecognition, type CoachingSettings } from "../core/settings/settings";
import { noteFromCache } from "./note-from-cache";
import { reasonOf } from "../core/reason";

export const INDEX_CHANGED = "coaching-alliance:index-changed";

export type IndexState = "cold" | "initializing" | "warm";

/** A build that takes longer than this shows its progress. */
const PROGRESS_AFTER_MS = 1000;
/** A build gives the app a moment this often: typing, other plugins and the status bar go on meanwhile. */
const BREATHE_EVERY_MS = 50;
/** Notes read per idle moment after a build. */
const TEXT_BATCH = 25;

/**
 * After whatever the app has queued: events, rendering, input. A message, not a timer: a hidden
 * or minimised window slows its timers to one a second or less, which would stall the build.
 */
function nextTask(): Promise<void> {
	return new Promise((resolve) => {
		if (typeof MessageChannel !== "function") {
			window.setTimeout(resolve, 0);
			return;
		}
		const channel = new MessageChannel();
		channel.port1.onmessage = () => {
			channel.port1.close();
			resolve();
		};
		channel.port2.postMessage(null);
	});
}

/** The next moment the app has nothing else to do; a timer where the platform cannot say (Safari on iOS). */
function whenIdle(): Promise<void> {
	return new Promise((resolve) => {
		if (typeof window.requestIdleCallback === "function") window.requestIdleCallback(() => resolve(), { timeout: 500 });
		else window.setTimeout(resolve, 0);
	});
}

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
	/**
	 * Notes Obsidian had not parsed yet when they were to be indexed (a cold start, a rename whose
	 * cache has not moved yet): each is indexed once its cache is there, at the next `resolved`.
	 */
	private readonly awaitingCache = new Set<string>();
	/** The reading of notes that await their text, while one runs. */
	private textPass: Promise<void> | null = null;
	/** Notes that pass has read since the last build: one that cannot be read now (its cache gone) is tried once, never in a loop. */
	private readonly triedText = new Set<string>();
	private unloaded = false;

	private readonly notifyChanged = debounce(() => this.app.workspace.trigger(INDEX_CHANGED), 100, true);

	/** Where a long first build says how far it has got (the status bar); null clears it. */
	private readonly progress: (text: string | null) => void;
	private readonly breatheEveryMs: number;

	constructor(
		private readonly app: App,
		private readonly settings: () => CoachingSettings,
		options: { progress?: (text: string | null) => void; breatheEveryMs?: number } = {},
	) {
		super();
		this.progress = options.progress ?? (() => {});
		this.breatheEveryMs = options.breatheEveryMs ?? BREATHE_EVERY_MS;
		const metadataCache = app.metadataCache;
		const resolver: LinkResolver = {
			resolve: (link, sourcePath) => metadataCache.getFirstLinkpathDest(linkpathOf(link), sourcePath)?.path ?? null,
		};
		this.indexer = new VaultIndexer(resolver, settings, {
			list: () => Promise.resolve({ paths: app.vault.getMarkdownFiles().map((file) => file.path), unreadable: [] }),
			// Built from the metadata cache alone: notes whose words are needed are read afterwards.
			load: (path) => {
				const file = app.vault.getFileByPath(path);
				return file ? this.loadNote(file, { readLater: true }) : Promise.resolve(null);
			},
			readConfig: (file) => this.readConfigJson(file),
		});
		this.index = this.indexer.index;
	}

	onload(): void {
		// Heard from the start: a note that changes while the first build reads the vault (Sync pulling changes, a cold
		// cache filling in) is indexed as it now is, whichever of the two reaches it first.
		this.registerIndexEvents();
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

	/**
	 * Indexes every note from scratch, on layout ready and when settings change what counts, from
	 * the metadata cache alone: no note is read. The words of tasks are read afterwards, a few notes
	 * at a time while the app is idle, or at once for a client a view is about to show.
	 */
	async rebuild(): Promise<void> {
		this.state = "initializing";
		this.builtWith = structuredClone(this.settings());
		// A new build marks notes awaiting their text again, a pass already running included.
		this.triedText.clear();
		const started = performance.now();
		let breathed = started;
		const completed = await this.indexer.rebuild(async (read, of) => {
			const now = performance.now();
			if (now - started > PROGRESS_AFTER_MS) this.progress(`Coaching Alliance: indexing notes, ${read.toLocaleString()} of ${of.toLocaleString()}`);
			if (now - breathed >= this.breatheEveryMs) {
				await nextTask();
				breathed = performance.now();
			}
		});
		// A newer build (settings saved again) took over: it finishes the index and says when it is ready.
		if (!completed || this.unloaded) return;
		this.progress(null);
		for (const path of [...this.waiting.keys()]) if (this.index.get(path)) this.indexed(path);
		this.state = "warm";
		this.notifyChanged();
		this.scheduleTextPass();
	}

	/** Reads the notes still awaiting their text, a batch at a time when the app is idle, until none is left; one pass at a time. */
	private scheduleTextPass(): void {
		if (this.textPass || this.unloaded) return;
		this.textPass = this.readAwaitingText().finally(() => {
			this.textPass = null;
		});
	}

	private async readAwaitingText(): Promise<void> {
		for (;;) {
			const batch = this.index
				.awaitingText()
				.filter((path) => !this.triedText.has(path))
				.sort()
				.slice(0, TEXT_BATCH);
			if (batch.length === 0) return;
			await whenIdle();
			// A build under way marks notes awaiting their text again; when it ends, it starts a pass of its own.
			if (this.unloaded || this.state !== "warm") return;
			for (const path of batch) this.triedText.add(path);
			await this.readText(batch);
		}
	}

	/** Reads, at once, the notes a brief of the client needs whose text is still to be read. */
	async readTextFor(client: Client): Promise<void> {
		await this.readText(this.index.awaitingTextFor(client));
	}

	private async readText(paths: readonly string[]): Promise<void> {
		await Promise.all(
			paths.map((path) => {
				const file = this.app.vault.getFileByPath(path);
				return file && this.index.get(path)?.awaitingText ? this.indexFile(path, () => this.loadNote(file)) : Promise.resolve();
			}),
		);
	}

	private registerIndexEvents(): void {
		const { metadataCache, vault } = this.app;
		// Before the first build starts, the build's own reading of the vault will see every change: events wait for it.
		const fromFirstBuild = <A extends unknown[]>(handle: (...args: A) => void) => (...args: A): void => {
			if (this.state !== "cold") handle(...args);
		};
		// `changed` hands over the cache and the text: the note is read from them, not again.
		this.registerEvent(metadataCache.on("changed", fromFirstBuild((file, data, cache) => void this.indexFile(file.path, () => this.loadNote(file, { cache, content: data })))));
		this.registerEvent(metadataCache.on("deleted", fromFirstBuild((file) => this.forget(file.path))));
		// `changed` does not fire on rename: the note moves here, and links elsewhere re-resolve at query time.
		// Any file that moves or goes (a note, a template, a PDF) can change what links resolve to.
		this.registerEvent(
			vault.on(
				"rename",
				fromFirstBuild((file, oldPath) => {
					this.forget(oldPath);
					this.touched();
					if (file instanceof TFile) void this.indexFile(file.path, () => this.loadNote(file));
				}),
			),
		);
		this.registerEvent(
			vault.on(
				"delete",
				fromFirstBuild((file) => {
					this.forget(file.path);
					this.touched();
				}),
			),
		);
		// A new file can change what existing links resolve to; its contents arrive with `changed`.
		this.registerEvent(vault.on("create", fromFirstBuild(() => this.touched())));
		// `resolved` says Obsidian has parsed what was queued: notes that had no cache when they were to be indexed have one
		// now. Links resolve anew only when files appear, go or move, and those events touch the index already.
		this.registerEvent(
			metadataCache.on(
				"resolved",
				fromFirstBuild(() => {
					const waiting = [...this.awaitingCache];
					this.awaitingCache.clear();
					for (const path of waiting) {
						const file = vault.getFileByPath(path);
						if (file) void this.indexFile(path, () => this.loadNote(file, { readLater: true }));
					}
				}),
			),
		);
	}

	private async indexFile(path: string, load: () => Promise<LoadedNote | null>): Promise<void> {
		if (await this.indexer.upsert(path, load)) this.indexed(path);
	}

	/** The note as the core reads it, from the metadata cache; null, and indexed at the next `resolved`, while Obsidian has not parsed it yet. */
	private async loadNote(file: TFile, options: { cache?: CachedMetadata | null; content?: string; readLater?: boolean } = {}): Promise<LoadedNote | null> {
		const metadata = options.cache ?? this.app.metadataCache.getFileCache(file);
		if (!metadata) {
			this.awaitingCache.add(file.path);
			return null;
		}
		this.awaitingCache.delete(file.path);
		try {
			const note = await noteFromCache(file, metadata, () => this.app.vault.cachedRead(file), { content: options.content, readLater: options.readLater });
			return { note: () => note };
		} catch (error) {
			// The note's text could not be read (for its tasks): it is reported, never dropped in silence.
			return { problem: `could not be read (${reasonOf(error)})` };
		}
	}

	/** The note at `path` changed in the index: whoever waits for it hears, and so do the views. */
	private indexed(path: string): void {
		if (this.index.get(path)?.awaitingText && this.state === "warm") this.scheduleTextPass();
		if (this.index.get(path)) {
			for (const resolve of this.waiting.get(path) ?? []) resolve();
			this.waiting.delete(path);
		}
		this.notifyChanged();
	}

	private forget(path: string): void {
		this.awaitingCache.delete(path);
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

	/** A note's properties as Obsidian parsed them, from its metadata cache: none read twice, none read apart. */
	properties(path: string): Promise<Record<string, unknown> | null> {
		const file = this.app.vault.getFileByPath(path);
		return Promise.resolve((file ? this.app.metadataCache.getFileCache(file)?.frontmatter : undefined) ?? null);
	}

	onunload(): void {
		this.unloaded = true;
		this.notifyChanged.cancel();
	}
}
