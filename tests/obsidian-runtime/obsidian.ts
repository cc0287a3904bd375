/**
 * A small, faithful runtime of the Obsidian API for tests: the `obsidian` package on npm holds
 * types only. It keeps a vault in memory (loaded from a real folder or given files), builds the
 * metadata cache with the project's markdown reader (itself checked against recorded Obsidian
 * output), and fires events in Obsidian's order: vault event, then metadata `changed`, then
 * `resolved`. Only what the plugin uses is here; each piece behaves as Obsidian documents it.
 */
import type { CachedMetadata, EventRef as ObsidianEventRef } from "obsidian";
import { VaultPaths } from "../../src/core/links";
import { frontmatterTags } from "../../src/fs/frontmatter";
import { parseMarkdown } from "../../src/fs/markdown";

// ---------------------------------------------------------------- events and components

export interface EventRef extends ObsidianEventRef {
	owner: Events;
	name: string;
	callback: (...args: unknown[]) => unknown;
}

export class Events {
	private readonly handlers = new Map<string, EventRef[]>();

	on(name: string, callback: (...args: never[]) => unknown, ctx?: unknown): EventRef {
		const bound = (ctx ? callback.bind(ctx) : callback) as (...args: unknown[]) => unknown;
		const ref: EventRef = { owner: this, name, callback: bound };
		this.handlers.set(name, [...(this.handlers.get(name) ?? []), ref]);
		return ref;
	}

	off(name: string, callback: (...args: never[]) => unknown): void {
		this.handlers.set(
			name,
			(this.handlers.get(name) ?? []).filter((ref) => ref.callback !== callback),
		);
	}

	offref(ref: EventRef): void {
		this.handlers.set(
			ref.name,
			(this.handlers.get(ref.name) ?? []).filter((candidate) => candidate !== ref),
		);
	}

	trigger(name: string, ...data: unknown[]): void {
		for (const ref of [...(this.handlers.get(name) ?? [])]) ref.callback(...data);
	}

	tryTrigger(ref: EventRef, data: unknown[]): void {
		ref.callback(...data);
	}

	/** For tests: how many handlers listen, to check that unload cleans up. */
	listenerCount(name?: string): number {
		if (name !== undefined) return this.handlers.get(name)?.length ?? 0;
		return [...this.handlers.values()].reduce((sum, refs) => sum + refs.length, 0);
	}
}

export class Component {
	private loaded = false;
	private readonly children: Component[] = [];
	private readonly cleanups: (() => unknown)[] = [];

	load(): void {
		if (this.loaded) return;
		this.loaded = true;
		this.onload();
		for (const child of this.children) child.load();
	}

	onload(): void {}

	unload(): void {
		if (!this.loaded) return;
		this.loaded = false;
		for (const child of [...this.children].reverse()) child.unload();
		for (const cleanup of this.cleanups.splice(0).reverse()) cleanup();
		this.onunload();
	}

	onunload(): void {}

	addChild<T extends Component>(child: T): T {
		this.children.push(child);
		if (this.loaded) child.load();
		return child;
	}

	removeChild<T extends Component>(child: T): T {
		const at = this.children.indexOf(child);
		if (at >= 0) {
			this.children.splice(at, 1);
			child.unload();
		}
		return child;
	}

	register(cleanup: () => unknown): void {
		this.cleanups.push(cleanup);
	}

	registerEvent(ref: EventRef): void {
		this.register(() => ref.owner.offref(ref));
	}

	registerDomEvent(el: EventTarget, type: string, callback: EventListener): void {
		el.addEventListener(type, callback);
		this.register(() => el.removeEventListener(type, callback));
	}

	registerInterval(id: number): number {
		this.register(() => clearInterval(id));
		return id;
	}
}

// ---------------------------------------------------------------- files

export abstract class TAbstractFile {
	vault!: Vault;
	path = "";
	name = "";
	parent: TFolder | null = null;
}

export class TFile extends TAbstractFile {
	stat = { ctime: 0, mtime: 0, size: 0 };
	basename = "";
	extension = "";
}

export class TFolder extends TAbstractFile {
	children: TAbstractFile[] = [];
	isRoot(): boolean {
		return this.path === "/";
	}
}

export function normalizePath(path: string): string {
	const cleaned = path
		.replace(/[\\/]+/g, "/")
		.replace(/\u00a0|\u202f/g, " ")
		.replace(/^\/+|\/+$/g, "");
	return cleaned === "" ? "/" : cleaned.normalize("NFC");
}

interface StoredFile {
	file: TFile;
	data: string;
}

/** The clock the runtime stamps file times with; tests may replace it. */
export const runtimeClock = { now: (): number => Date.now() };

export class DataAdapter {
	constructor(private readonly vault: Vault) {}

	async exists(path: string): Promise<boolean> {
		const normal = normalizePath(path);
		return this.vault.hiddenFiles.has(normal) || this.vault.getAbstractFileByPath(normal) !== null;
	}

	async read(path: string): Promise<string> {
		const normal = normalizePath(path);
		const hidden = this.vault.hiddenFiles.get(normal);
		if (hidden !== undefined) return hidden;
		const file = this.vault.getFileByPath(normal);
		if (!file) throw new Error(`ENOENT: no such file, open '${normal}'`);
		return this.vault.read(file);
	}

	async write(path: string, data: string): Promise<void> {
		const normal = normalizePath(path);
		if (normal.split("/").some((segment) => segment.startsWith("."))) this.vault.hiddenFiles.set(normal, data);
		else {
			const file = this.vault.getFileByPath(normal);
			if (file) await this.vault.modify(file, data);
			else await this.vault.create(normal, data);
		}
	}
}

export class Vault extends Events {
	configDir = ".obsidian";
	readonly adapter = new DataAdapter(this);
	/** Files under hidden folders (config): reachable through the adapter only, as in Obsidian. */
	readonly hiddenFiles = new Map<string, string>();
	private readonly files = new Map<string, StoredFile>();
	private readonly folders = new Map<string, TFolder>();
	/** The metadata cache hears every change first: Obsidian registers it before any plugin's handler. */
	onChange: ((kind: "create" | "modify" | "delete" | "rename", file: TFile, oldPath?: string) => void) | null = null;

	constructor() {
		super();
		const root = new TFolder();
		root.path = "/";
		root.vault = this;
		this.folders.set("/", root);
	}

	getName(): string {
		return "test vault";
	}

	getRoot(): TFolder {
		return this.folders.get("/") as TFolder;
	}

	getFiles(): TFile[] {
		return [...this.files.values()].map((stored) => stored.file);
	}

	getMarkdownFiles(): TFile[] {
		return this.getFiles().filter((file) => file.extension === "md");
	}

	getAllLoadedFiles(): TAbstractFile[] {
		return [...this.folders.values(), ...this.getFiles()];
	}

	getFileByPath(path: string): TFile | null {
		return this.files.get(path)?.file ?? null;
	}

	getFolderByPath(path: string): TFolder | null {
		return this.folders.get(path) ?? null;
	}

	getAbstractFileByPath(path: string): TAbstractFile | null {
		return this.getFileByPath(path) ?? this.getFolderByPath(path);
	}

	async read(file: TFile): Promise<string> {
		const stored = this.files.get(file.path);
		if (!stored) throw new Error(`ENOENT: no such file, open '${file.path}'`);
		return stored.data;
	}

	cachedRead(file: TFile): Promise<string> {
		return this.read(file);
	}

	/** Loads a file without events, as Obsidian's own start-up does before the layout is ready. */
	seed(path: string, data: string, times?: { ctime: number; mtime: number }): TFile {
		const normal = normalizePath(path);
		if (normal.split("/").some((segment) => segment.startsWith("."))) {
			this.hiddenFiles.set(normal, data);
			return new TFile();
		}
		const file = new TFile();
		this.place(file, normal);
		const now = runtimeClock.now();
		file.stat = { ctime: times?.ctime ?? now, mtime: times?.mtime ?? now, size: data.length };
		this.files.set(normal, { file, data });
		return file;
	}

	async create(path: string, data: string): Promise<TFile> {
		const normal = normalizePath(path);
		if (this.getAbstractFileByPath(normal)) throw new Error("File already exists.");
		const file = this.seed(normal, data);
		this.onChange?.("create", file);
		this.trigger("create", file);
		return file;
	}

	async createFolder(path: string): Promise<TFolder> {
		const normal = normalizePath(path);
		if (this.getAbstractFileByPath(normal)) throw new Error("Folder already exists.");
		return this.ensureFolder(normal);
	}

	async modify(file: TFile, data: string): Promise<void> {
		const stored = this.files.get(file.path);
		if (!stored) throw new Error(`ENOENT: no such file '${file.path}'`);
		stored.data = data;
		file.stat = { ...file.stat, mtime: runtimeClock.now(), size: data.length };
		this.onChange?.("modify", file);
		this.trigger("modify", file);
	}

	async process(file: TFile, fn: (data: string) => string): Promise<string> {
		const next = fn(await this.read(file));
		await this.modify(file, next);
		return next;
	}

	async rename(file: TAbstractFile, newPath: string): Promise<void> {
		if (!(file instanceof TFile)) throw new Error("Only files can be renamed in the test runtime.");
		const normal = normalizePath(newPath);
		if (this.getAbstractFileByPath(normal)) throw new Error("Destination file already exists!");
		const stored = this.files.get(file.path);
		if (!stored) throw new Error(`ENOENT: no such file '${file.path}'`);
		const oldPath = file.path;
		this.files.delete(oldPath);
		this.detach(file);
		this.place(file, normal);
		this.files.set(normal, stored);
		this.onChange?.("rename", file, oldPath);
		this.trigger("rename", file, oldPath);
	}

	async delete(file: TAbstractFile): Promise<void> {
		if (!(file instanceof TFile)) throw new Error("Only files can be deleted in the test runtime.");
		this.files.delete(file.path);
		this.detach(file);
		this.onChange?.("delete", file);
		this.trigger("delete", file);
	}

	async trash(file: TAbstractFile): Promise<void> {
		await this.delete(file);
	}

	private place(file: TFile, path: string): void {
		const slash = path.lastIndexOf("/");
		const parent = this.ensureFolder(slash < 0 ? "/" : path.slice(0, slash));
		file.vault = this;
		file.path = path;
		file.name = path.slice(slash + 1);
		const dot = file.name.lastIndexOf(".");
		file.basename = dot > 0 ? file.name.slice(0, dot) : file.name;
		file.extension = dot > 0 ? file.name.slice(dot + 1).toLowerCase() : "";
		file.parent = parent;
		parent.children.push(file);
	}

	private detach(file: TFile): void {
		if (file.parent) file.parent.children = file.parent.children.filter((child) => child !== file);
	}

	private ensureFolder(path: string): TFolder {
		const existing = this.folders.get(path);
		if (existing) return existing;
		const slash = path.lastIndexOf("/");
		const parent = this.ensureFolder(slash < 0 ? "/" : path.slice(0, slash));
		const folder = new TFolder();
		folder.vault = this;
		folder.path = path;
		folder.name = path.slice(slash + 1);
		folder.parent = parent;
		parent.children.push(folder);
		this.folders.set(path, folder);
		return folder;
	}
}

// ---------------------------------------------------------------- metadata cache

/** CachedMetadata for a note's text, in the shape Obsidian records (positions carry lines). */
export function cachedMetadataFor(text: string): CachedMetadata {
	const parsed = parseMarkdown(text);
	const at = (line: number) => ({ start: { line, col: 0, offset: 0 }, end: { line, col: 0, offset: 0 } });
	const cache: CachedMetadata = {};
	if (parsed.frontmatter) {
		cache.frontmatter = parsed.frontmatter as CachedMetadata["frontmatter"];
		cache.frontmatterPosition = { start: { line: 0, col: 0, offset: 0 }, end: { line: parsed.frontmatterEndLine, col: 3, offset: 0 } };
		cache.frontmatterLinks = parsed.frontmatterLinks.map((link) => ({
			key: link.key,
			link: link.link,
			displayText: link.displayText,
			original: `[[${link.link}]]`,
		}));
	}
	const reference = (link: (typeof parsed.links)[number]) => ({
		link: link.link,
		displayText: link.displayText,
		original: link.original,
		position: at(link.line),
	});
	if (parsed.links.length > 0) cache.links = parsed.links.map(reference);
	if (parsed.embeds.length > 0) cache.embeds = parsed.embeds.map(reference);
	if (parsed.inlineTags.length > 0) cache.tags = parsed.inlineTags.map(({ tag, line }) => ({ tag, position: at(line) }));
	if (parsed.headings.length > 0) {
		cache.headings = parsed.headings.map(({ heading, level, line }) => ({ heading, level, position: at(line) }));
	}
	if (parsed.listItems.length > 0) {
		cache.listItems = parsed.listItems.map((item) => ({
			parent: -1,
			position: at(item.line),
			...(item.task === undefined ? {} : { task: item.task }),
		}));
	}
	return cache;
}

export class MetadataCache extends Events {
	private readonly caches = new Map<string, CachedMetadata>();
	private readonly paths = new VaultPaths();
	private pending = 0;

	constructor(private readonly vault: Vault) {
		super();
		for (const file of vault.getFiles()) this.paths.add(file.path);
		vault.onChange = (kind, file, oldPath) => this.onVaultChange(kind, file, oldPath);
	}

	/** Parses every markdown note, as Obsidian does on start-up before `resolved`. */
	async initialise(): Promise<void> {
		for (const file of this.vault.getMarkdownFiles()) this.caches.set(file.path, cachedMetadataFor(await this.vault.read(file)));
	}

	getFileCache(file: TFile): CachedMetadata | null {
		return this.caches.get(file.path) ?? null;
	}

	getCache(path: string): CachedMetadata | null {
		return this.caches.get(path) ?? null;
	}

	getFirstLinkpathDest(linkpath: string, sourcePath: string): TFile | null {
		const target = this.paths.resolve(linkpath, sourcePath);
		return target === null ? null : this.vault.getFileByPath(target);
	}

	/** Resolves once every change made so far has been parsed and announced. */
	async settled(): Promise<void> {
		while (this.pending > 0) await new Promise((resolve) => setTimeout(resolve, 1));
	}

	private onVaultChange(kind: "create" | "modify" | "delete" | "rename", file: TFile, oldPath?: string): void {
		if (kind === "create") this.paths.add(file.path);
		if (kind === "rename" && oldPath !== undefined) {
			this.paths.remove(oldPath);
			this.paths.add(file.path);
			const cache = this.caches.get(oldPath);
			this.caches.delete(oldPath);
			if (cache) this.caches.set(file.path, cache);
			this.announceResolved();
			return;
		}
		if (kind === "delete") {
			this.paths.remove(file.path);
			const previous = this.caches.get(file.path) ?? null;
			this.caches.delete(file.path);
			this.trigger("deleted", file, previous);
			this.announceResolved();
			return;
		}
		if (file.extension !== "md") return;
		this.pending++;
		// Obsidian parses off the main thread: `changed` arrives after the vault event, never inside it.
		setTimeout(() => {
			void this.vault.read(file).then(
				(data) => {
					if (this.vault.getFileByPath(file.path) === file) {
						const cache = cachedMetadataFor(data);
						this.caches.set(file.path, cache);
						this.trigger("changed", file, data, cache);
						this.trigger("resolve", file);
						this.trigger("resolved");
					}
					this.pending--;
				},
				() => {
					this.pending--;
				},
			);
		}, 0);
	}

	private announceResolved(): void {
		this.pending++;
		setTimeout(() => {
			this.trigger("resolved");
			this.pending--;
		}, 0);
	}
}

/** Frontmatter tags first, then inline tags, each with `#`: Obsidian's order. */
export function getAllTags(cache: CachedMetadata): string[] | null {
	return [...frontmatterTags(cache.frontmatter ?? null).map((tag) => `#${tag}`), ...(cache.tags ?? []).map((tag) => tag.tag)];
}

// ---------------------------------------------------------------- workspace, app, plugin

export class Workspace extends Events {
	layoutReady = false;
	private readonly readyCallbacks: (() => unknown)[] = [];

	onLayoutReady(callback: () => unknown): void {
		if (this.layoutReady) callback();
		else this.readyCallbacks.push(callback);
	}

	/** For tests: what Obsidian does once the workspace has been restored. */
	markLayoutReady(): void {
		this.layoutReady = true;
		for (const callback of this.readyCallbacks.splice(0)) callback();
	}
}

export class App {
	readonly vault: Vault;
	readonly metadataCache: MetadataCache;
	readonly workspace = new Workspace();

	constructor(vault: Vault) {
		this.vault = vault;
		this.metadataCache = new MetadataCache(vault);
	}
}

export interface PluginManifest {
	id: string;
	name: string;
	version: string;
	minAppVersion: string;
	description: string;
	author: string;
	isDesktopOnly?: boolean;
	dir?: string;
}

export class Plugin extends Component {
	constructor(
		readonly app: App,
		readonly manifest: PluginManifest,
	) {
		super();
	}

	private get dataPath(): string {
		return `${this.app.vault.configDir}/plugins/${this.manifest.id}/data.json`;
	}

	async loadData(): Promise<unknown> {
		if (!(await this.app.vault.adapter.exists(this.dataPath))) return null;
		return JSON.parse(await this.app.vault.adapter.read(this.dataPath)) as unknown;
	}

	async saveData(data: unknown): Promise<void> {
		await this.app.vault.adapter.write(this.dataPath, JSON.stringify(data, null, 2));
	}
}

export class Notice {
	static readonly shown: string[] = [];
	constructor(readonly message: string | DocumentFragment) {
		Notice.shown.push(typeof message === "string" ? message : (message.textContent ?? ""));
	}
	hide(): void {}
}

export interface Debouncer<T extends unknown[]> {
	(...args: T): Debouncer<T>;
	cancel(): Debouncer<T>;
	run(): void;
}

export function debounce<T extends unknown[]>(callback: (...args: T) => unknown, timeout = 0, resetTimer = false): Debouncer<T> {
	let timer: ReturnType<typeof setTimeout> | null = null;
	let lastArgs: T | null = null;
	const fire = (): void => {
		timer = null;
		if (lastArgs) callback(...lastArgs);
		lastArgs = null;
	};
	const debounced = ((...args: T) => {
		lastArgs = args;
		if (timer !== null && resetTimer) {
			clearTimeout(timer);
			timer = null;
		}
		if (timer === null) timer = setTimeout(fire, timeout);
		return debounced;
	}) as Debouncer<T>;
	debounced.cancel = () => {
		if (timer !== null) clearTimeout(timer);
		timer = null;
		lastArgs = null;
		return debounced;
	};
	debounced.run = () => {
		if (timer !== null) clearTimeout(timer);
		fire();
	};
	return debounced;
}
