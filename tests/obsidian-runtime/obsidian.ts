/**
 * A small, faithful runtime of the Obsidian API for tests: the `obsidian` package on npm holds
 * types only. It keeps a vault in memory (loaded from a real folder or given files), builds the
 * metadata cache with the project's markdown reader (itself checked against recorded Obsidian
 * output), and fires events in Obsidian's order: vault event, then metadata `changed`, then
 * `resolved`. Only what the plugin uses is here; each piece behaves as Obsidian documents it.
 */
import type { CachedMetadata, EventRef as ObsidianEventRef } from "obsidian";
import { VaultPaths } from "../../src/core/notes/links";
import { Marked, type Tokens } from "marked";
import { frontmatterTags } from "../../src/markdown/frontmatter";
import { parseMarkdown } from "../../src/markdown/note-from-markdown";
import { TestVisibility, installObsidianDom } from "./dom";

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

/** How Obsidian compares a heading with a link's subpath: punctuation read as spaces. */
function stripHeading(text: string): string {
	return text
		.replace(/[!"#$%&()*+,.:;<=>?@^`{|}~/[\]\\]/g, " ")
		.replace(/\s+/g, " ")
		.trim();
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
	/**
	 * A file system that holds `Maya Chen.md` and `maya chen.md` as one file, as macOS, Windows, iOS
	 * and Android do: making or moving a file onto another path that differs only in case fails.
	 */
	caseInsensitive = false;
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

	/**
	 * Paths that would land outside the vault's folder on disk. The app joins a path with `..`
	 * to the vault's folder as it is, so such a write escapes; here it is recorded for tests to see.
	 */
	readonly writesOutside: string[] = [];

	private noteEscape(normal: string): void {
		if (normal.split("/").includes("..")) this.writesOutside.push(normal);
	}

	/** Whether the path is taken on this file system: exactly, or in another case where case does not count. */
	private occupied(normal: string): boolean {
		if (this.getAbstractFileByPath(normal)) return true;
		if (!this.caseInsensitive) return false;
		const lower = normal.toLowerCase();
		return this.getAllLoadedFiles().some((file) => file.path.toLowerCase() === lower);
	}

	async create(path: string, data: string): Promise<TFile> {
		const normal = normalizePath(path);
		this.noteEscape(normal);
		if (this.occupied(normal)) throw new Error("File already exists.");
		const file = this.seed(normal, data);
		this.onChange?.("create", file);
		this.trigger("create", file);
		return file;
	}

	async createFolder(path: string): Promise<TFolder> {
		const normal = normalizePath(path);
		this.noteEscape(normal);
		if (this.occupied(normal)) throw new Error("Folder already exists.");
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
		if (this.occupied(normal) && normal.toLowerCase() !== file.path.toLowerCase()) throw new Error("Destination file already exists!");
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
	if (parsed.frontmatterEndLine >= 0) {
		cache.frontmatterPosition = { start: { line: 0, col: 0, offset: 0 }, end: { line: parsed.frontmatterEndLine, col: 3, offset: 0 } };
	}
	// The app keeps no properties at all from a block it cannot parse (the Properties view says
	// "invalid properties"): only the block's position. What our reader salvages stays out of the cache.
	if (parsed.frontmatter && parsed.problems.length === 0) {
		cache.frontmatter = parsed.frontmatter as CachedMetadata["frontmatter"];
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

export type PaneType = "tab" | "split" | "window";

export interface ViewState {
	type: string;
	state?: Record<string, unknown>;
	active?: boolean;
}

export interface ViewStateResult {
	history: boolean;
}

/** A place a view lives in; its element joins the document so views can be seen and measured. */
export class WorkspaceLeaf extends Events {
	view: View | null = null;
	/** Whether `revealLeaf` brought it forward, for tests. */
	revealed = false;
	readonly containerEl: HTMLElement;

	constructor(
		readonly app: App,
		readonly side: "main" | "right" | "left",
	) {
		super();
		this.containerEl = document.body.createDiv({ cls: `workspace-leaf mod-${side}` });
	}

	async setViewState(viewState: ViewState, _eState?: unknown): Promise<void> {
		if (!this.view || this.view.getViewType() !== viewState.type) {
			await this.closeView();
			const creator = this.app.viewRegistry.get(viewState.type);
			if (!creator) throw new Error(`No view registered for ${viewState.type}`);
			const view = creator(this);
			this.view = view;
			this.containerEl.appendChild(view.containerEl);
			view.load();
			await view.onOpen();
		}
		await this.view.setState(viewState.state ?? {}, { history: false });
		if (viewState.active) this.app.workspace.activeLeaf = this;
	}

	getViewState(): ViewState {
		return { type: this.view?.getViewType() ?? "empty", state: this.view?.getState() ?? {} };
	}

	getDisplayText(): string {
		return this.view?.getDisplayText() ?? "";
	}

	/** Opens a note in an editor, as clicking it in the file explorer does. */
	async openFile(file: TFile): Promise<void> {
		await this.closeView();
		const view = new MarkdownView(this, file, await this.app.vault.read(file));
		this.view = view;
		this.containerEl.appendChild(view.containerEl);
		view.load();
		this.app.workspace.activeLeaf = this;
		this.app.workspace.activeFile = file;
	}

	async detach(): Promise<void> {
		await this.closeView();
		this.containerEl.remove();
		this.app.workspace.removeLeaf(this);
	}

	private async closeView(): Promise<void> {
		if (!this.view) return;
		const view = this.view;
		if (view instanceof MarkdownView) await view.save();
		this.view = null;
		await view.onClose();
		view.unload();
		view.containerEl.remove();
	}
}

export abstract class View extends Component {
	readonly app: App;
	readonly containerEl: HTMLElement;
	navigation = false;

	constructor(readonly leaf: WorkspaceLeaf) {
		super();
		this.app = leaf.app;
		this.containerEl = createDiv({ cls: "workspace-leaf-content" });
	}

	abstract getViewType(): string;
	abstract getDisplayText(): string;

	getIcon(): string {
		return "document";
	}

	getState(): Record<string, unknown> {
		return {};
	}

	async setState(_state: unknown, _result: ViewStateResult): Promise<void> {}

	async onOpen(): Promise<void> {}

	async onClose(): Promise<void> {}
}

export abstract class ItemView extends View {
	readonly contentEl: HTMLElement;

	constructor(leaf: WorkspaceLeaf) {
		super(leaf);
		this.containerEl.createDiv({ cls: "view-header" });
		this.contentEl = this.containerEl.createDiv({ cls: "view-content" });
	}

	addAction(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
		const action = this.containerEl.createEl("button", { cls: "clickable-icon view-action", attr: { "aria-label": title } });
		setIcon(action, icon);
		action.addEventListener("click", callback);
		return action;
	}
}

export class Workspace extends Events {
	layoutReady = false;
	activeLeaf: WorkspaceLeaf | null = null;
	/** The note the coach is looking at; tests set it. */
	activeFile: TFile | null = null;
	readonly leaves: WorkspaceLeaf[] = [];
	/** Every note opened through a link, with how, and the heading its subpath found (null when none or none asked). */
	readonly opened: { path: string; newLeaf: PaneType | boolean | undefined; subpath?: string | null; heading?: string | null }[] = [];
	private readonly readyCallbacks: (() => unknown)[] = [];

	constructor(private readonly app: App) {
		super();
	}

	onLayoutReady(callback: () => unknown): void {
		if (this.layoutReady) callback();
		else this.readyCallbacks.push(callback);
	}

	/** For tests: what Obsidian does once the workspace has been restored. */
	markLayoutReady(): void {
		this.layoutReady = true;
		for (const callback of this.readyCallbacks.splice(0)) callback();
	}

	getActiveFile(): TFile | null {
		return this.activeFile;
	}

	getActiveViewOfType<T extends View>(type: abstract new (...args: never[]) => T): T | null {
		const view = this.activeLeaf?.view;
		return view instanceof type ? view : null;
	}

	iterateAllLeaves(callback: (leaf: WorkspaceLeaf) => unknown): void {
		for (const leaf of [...this.leaves]) callback(leaf);
	}

	getLeavesOfType(type: string): WorkspaceLeaf[] {
		return this.leaves.filter((leaf) => leaf.view?.getViewType() === type);
	}

	/** As the app: without `newLeaf`, the active tab of the main area is reused; a side pane never is. */
	getLeaf(newLeaf?: PaneType | boolean): WorkspaceLeaf {
		const active = this.activeLeaf;
		if ((newLeaf === undefined || newLeaf === false) && active && active.side === "main" && this.leaves.includes(active)) return active;
		return this.addLeaf("main");
	}

	getRightLeaf(_split: boolean): WorkspaceLeaf {
		return this.addLeaf("right");
	}

	async ensureSideLeaf(type: string, side: "left" | "right", options: { active?: boolean; state?: Record<string, unknown> } = {}): Promise<WorkspaceLeaf> {
		const existing = this.getLeavesOfType(type)[0];
		if (existing) return existing;
		const leaf = this.addLeaf(side);
		await leaf.setViewState({ type, state: options.state ?? {}, active: options.active ?? false });
		return leaf;
	}

	/** Brings the leaf forward in its tab group or sidebar; as the app promises, that does not make it active. */
	async revealLeaf(leaf: WorkspaceLeaf): Promise<void> {
		leaf.revealed = true;
	}

	setActiveLeaf(leaf: WorkspaceLeaf, _params?: { focus?: boolean }): void {
		this.activeLeaf = leaf;
		if (leaf.view instanceof MarkdownView) this.activeFile = leaf.view.file;
	}

	/** As the app: the first `#` starts the subpath, and a heading matches with punctuation read as spaces. */
	async openLinkText(linktext: string, sourcePath: string, newLeaf?: PaneType | boolean): Promise<void> {
		const hash = linktext.indexOf("#");
		const linkpath = hash < 0 ? linktext : linktext.slice(0, hash);
		const subpath = hash < 0 ? null : linktext.slice(hash + 1);
		const target = this.app.metadataCache.getFirstLinkpathDest(linkpath, sourcePath);
		const headings = target ? (this.app.metadataCache.getFileCache(target)?.headings ?? []) : [];
		const heading = subpath === null ? null : (headings.find((candidate) => stripHeading(candidate.heading) === stripHeading(subpath))?.heading ?? null);
		this.opened.push({ path: target?.path ?? linktext, newLeaf, subpath, heading });
	}

	removeLeaf(leaf: WorkspaceLeaf): void {
		const at = this.leaves.indexOf(leaf);
		if (at >= 0) this.leaves.splice(at, 1);
	}

	private addLeaf(side: "main" | "right" | "left"): WorkspaceLeaf {
		const leaf = new WorkspaceLeaf(this.app, side);
		this.leaves.push(leaf);
		return leaf;
	}
}

export interface Command {
	id: string;
	name: string;
	callback?: () => unknown;
	checkCallback?: (checking: boolean) => boolean | void;
	editorCallback?: (editor: Editor, view: MarkdownView) => unknown;
	hotkeys?: unknown[];
}

export interface EditorPosition {
	line: number;
	ch: number;
}

export interface EditorRange {
	from: EditorPosition;
	to: EditorPosition;
}

/** The editor's text: CodeMirror keeps every line break as `\n`, whatever the file holds. */
function editorText(text: string): string {
	return text.replace(/\r\n?/g, "\n");
}

/**
 * The editor of an open note: its text, cursor and edits. Every edit tells its view, which then has
 * unsaved changes until it saves, as the app's editor does.
 */
export class Editor {
	private cursor: EditorPosition = { line: 0, ch: 0 };
	focused = false;
	/** The range last brought into view, for tests. */
	scrolledTo: EditorRange | null = null;

	private text: string;

	constructor(
		text: string,
		private readonly edited: () => void = () => {},
	) {
		this.text = editorText(text);
	}

	getValue(): string {
		return this.text;
	}

	setValue(text: string): void {
		this.text = editorText(text);
		this.edited();
	}

	/** What the view does when it reloads the file: the text changes, but nothing is left to save. */
	load(text: string): void {
		this.text = editorText(text);
		this.cursor = this.offsetToPos(Math.min(this.posToOffset(this.cursor), text.length));
	}

	lineCount(): number {
		return this.text.split("\n").length;
	}

	getLine(line: number): string {
		return this.text.split("\n")[line] ?? "";
	}

	getCursor(): EditorPosition {
		return { ...this.cursor };
	}

	setCursor(position: EditorPosition | number, ch?: number): void {
		this.cursor = typeof position === "number" ? { line: position, ch: ch ?? 0 } : { ...position };
	}

	posToOffset(position: EditorPosition): number {
		const lines = this.text.split("\n");
		const line = Math.max(0, Math.min(position.line, lines.length - 1));
		let offset = 0;
		for (let index = 0; index < line; index++) offset += (lines[index] ?? "").length + 1;
		return offset + Math.max(0, Math.min(position.ch, (lines[line] ?? "").length));
	}

	offsetToPos(offset: number): EditorPosition {
		const before = this.text.slice(0, Math.max(0, Math.min(offset, this.text.length))).split("\n");
		return { line: before.length - 1, ch: (before[before.length - 1] ?? "").length };
	}

	replaceRange(replacement: string, from: EditorPosition, to: EditorPosition = from): void {
		const start = this.posToOffset(from);
		const end = this.posToOffset(to);
		this.text = this.text.slice(0, start) + editorText(replacement) + this.text.slice(end);
		this.edited();
	}

	replaceSelection(replacement: string): void {
		const start = this.posToOffset(this.cursor);
		this.replaceRange(replacement, this.cursor);
		this.cursor = this.offsetToPos(start + editorText(replacement).length);
	}

	scrollIntoView(range: EditorRange, _center?: boolean): void {
		this.scrolledTo = { from: { ...range.from }, to: { ...range.to } };
	}

	focus(): void {
		this.focused = true;
	}
}

export type MarkdownViewModeType = "source" | "preview";

/**
 * An open note. Typing is saved when the view saves (the app does so two seconds later; tests call
 * `save()`). When the file changes on disk, the view reloads it, and typing not yet saved is gone:
 * the worst the app may do, so a plugin that writes to an open note with `Vault.process` shows here
 * what it can cost.
 */
export class MarkdownView extends ItemView {
	readonly editor: Editor;
	/** The text last read from or saved to the file. */
	data: string;
	private mode: MarkdownViewModeType = "source";
	private unsaved = false;

	file: TFile | null;

	constructor(leaf: WorkspaceLeaf, file: TFile, text: string) {
		super(leaf);
		this.file = file;
		this.data = text;
		this.editor = new Editor(text, () => this.requestSave());
	}

	onload(): void {
		this.registerEvent(
			this.app.vault.on("modify", (changed: TAbstractFile) => {
				const file = this.file;
				if (changed !== file || file === null) return;
				void this.app.vault.read(file).then((text) => {
					if (text === this.data) return;
					this.data = text;
					this.unsaved = false;
					this.editor.load(text);
				});
			}),
		);
	}

	getViewType(): string {
		return "markdown";
	}

	getDisplayText(): string {
		return this.file?.basename ?? "";
	}

	getMode(): MarkdownViewModeType {
		return this.mode;
	}

	/** For tests: the coach switches between editing and reading. */
	showMode(mode: MarkdownViewModeType): void {
		this.mode = mode;
	}

	/** Whether typing waits to be saved. */
	get hasUnsavedChanges(): boolean {
		return this.unsaved;
	}

	requestSave(): void {
		this.unsaved = true;
	}

	async save(): Promise<void> {
		if (!this.unsaved || !this.file) return;
		const text = this.editor.getValue();
		this.unsaved = false;
		this.data = text;
		await this.app.vault.modify(this.file, text);
	}
}

export class App {
	readonly vault: Vault;
	readonly metadataCache: MetadataCache;
	readonly workspace: Workspace;
	readonly viewRegistry = new Map<string, (leaf: WorkspaceLeaf) => View>();
	readonly settingTabs: PluginSettingTab[] = [];
	readonly ribbonEl: HTMLElement | null;
	readonly statusBarEl: HTMLElement | null;
	/** Obsidian's registry of community plugins: tests put a Templater here when they need one. */
	readonly plugins = { enabledPlugins: new Set<string>(), plugins: {} as Record<string, unknown> };
	/** Obsidian's command registry, as far as tests need it. */
	readonly commands = {
		commands: {} as Record<string, Command>,
		executeCommandById: (id: string): boolean => {
			const command = this.commands.commands[id];
			if (!command) return false;
			if (command.editorCallback) {
				const view = this.workspace.activeLeaf?.view;
				if (!(view instanceof MarkdownView)) return false;
				command.editorCallback(view.editor, view);
				return true;
			}
			if (command.checkCallback) return command.checkCallback(false) !== false;
			command.callback?.();
			return true;
		},
		isAvailable: (id: string): boolean => {
			const command = this.commands.commands[id];
			if (!command) return false;
			return command.checkCallback ? command.checkCallback(true) === true : true;
		},
	};

	/** Local storage, per vault and per device, as `App.loadLocalStorage` keeps it (never synced). */
	private readonly localStorage = new Map<string, unknown>();

	loadLocalStorage(key: string): unknown {
		return this.localStorage.has(key) ? structuredClone(this.localStorage.get(key)) : null;
	}

	saveLocalStorage(key: string, data: unknown): void {
		if (data === null || data === undefined) this.localStorage.delete(key);
		else this.localStorage.set(key, structuredClone(data));
	}

	constructor(vault: Vault) {
		this.vault = vault;
		this.metadataCache = new MetadataCache(vault);
		this.workspace = new Workspace(this);
		this.ribbonEl = typeof document === "undefined" ? null : document.body.createDiv({ cls: "side-dock-ribbon" });
		this.statusBarEl = typeof document === "undefined" ? null : document.body.createDiv({ cls: "status-bar" });
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

	addCommand(command: Command): Command {
		const id = `${this.manifest.id}:${command.id}`;
		const registered = { ...command, id };
		this.app.commands.commands[id] = registered;
		this.register(() => delete this.app.commands.commands[id]);
		return registered;
	}

	registerView(type: string, creator: (leaf: WorkspaceLeaf) => View): void {
		this.app.viewRegistry.set(type, creator);
		this.register(() => this.app.viewRegistry.delete(type));
	}

	addRibbonIcon(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
		const element = (this.app.ribbonEl ?? createDiv()).createEl("div", { cls: "side-dock-ribbon-action clickable-icon", attr: { "aria-label": title } });
		setIcon(element, icon);
		element.addEventListener("click", callback);
		this.register(() => element.remove());
		return element;
	}

	/** Desktop only in the app; here every item is kept, in order, for tests to read. */
	addStatusBarItem(): HTMLElement {
		const item = (this.app.statusBarEl ?? createDiv()).createDiv({ cls: "status-bar-item" });
		this.register(() => item.remove());
		return item;
	}

	addSettingTab(tab: PluginSettingTab): void {
		if (requireApiVersion("1.13.0")) tab.update();
		this.app.settingTabs.push(tab);
		this.register(() => this.app.settingTabs.splice(this.app.settingTabs.indexOf(tab), 1));
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

// ---------------------------------------------------------------- user interface

export const Platform = { isDesktop: true, isMobile: false, isDesktopApp: true, isMobileApp: false, isPhone: false, isTablet: false };

/** Icons are named, not drawn: tests and screenshots only need to know which one. */
export function setIcon(parent: HTMLElement, iconId: string): void {
	parent.empty();
	parent.setAttr("data-icon", iconId);
	parent.createSpan({ cls: `svg-icon lucide-${iconId}`, attr: { "aria-hidden": "true" } });
}

export function setTooltip(element: HTMLElement, tooltip: string): void {
	element.setAttr("aria-label", tooltip);
}

export class Keymap {
	/** Mod opens a new tab, Mod+Alt a split, Mod+Alt+Shift a window; a middle click a new tab. */
	static isModEvent(event?: MouseEvent | KeyboardEvent | null): PaneType | boolean {
		if (!event) return false;
		const mod = event.ctrlKey || event.metaKey;
		if (mod && event.altKey && event.shiftKey) return "window";
		if (mod && event.altKey) return "split";
		if (mod) return "tab";
		if ("button" in event && event.button === 1) return "tab";
		return false;
	}
}

// Obsidian shows a single line break as one unless "Strict line breaks" is on; it is off by default.
const markdown = new Marked({ gfm: true, breaks: true });
markdown.use({
	extensions: [
		{
			name: "wikilink",
			level: "inline",
			start: (source: string) => source.indexOf("[["),
			tokenizer(source: string) {
				const match = /^!?\[\[([^[\]|]+)(?:\|([^[\]]*))?\]\]/.exec(source);
				if (!match) return undefined;
				return { type: "wikilink", raw: match[0], target: match[1] ?? "", alias: match[2] };
			},
			renderer(token: Tokens.Generic) {
				const target = String(token["target"]);
				const text = token["alias"] === undefined ? target : String(token["alias"]);
				return `<a class="internal-link" data-href="${escapeHtml(target)}" href="${escapeHtml(target)}">${escapeHtml(text)}</a>`;
			},
		},
		{
			name: "tag",
			level: "inline",
			start: (source: string) => source.search(/(^|\s)#[^\s#]/),
			tokenizer(source: string) {
				const match = /^#([^\s!"#$%&'()*+,.:;<=>?@[\\\]^`{|}~]+)/u.exec(source);
				if (!match || /^[0-9]+$/.test(match[1] ?? "")) return undefined;
				return { type: "tag", raw: match[0], tag: match[1] };
			},
			renderer(token: Tokens.Generic) {
				return `<a class="tag" href="#${escapeHtml(String(token["tag"]))}">#${escapeHtml(String(token["tag"]))}</a>`;
			},
		},
	],
	// Obsidian sanitises raw HTML in notes; here it is simply shown as text.
	renderer: { html: (token: Tokens.HTML | Tokens.Tag) => escapeHtml(token.text) },
});

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

export class MarkdownRenderer {
	/** Renders note text as Obsidian's reading view does, as far as the pane needs: links, tags, tasks, lists. */
	static async render(_app: App, text: string, element: HTMLElement, sourcePath: string, component: Component): Promise<void> {
		if (!(component instanceof Component)) throw new Error("MarkdownRenderer.render needs a component to own what it renders");
		const template = document.createElement("template");
		template.innerHTML = await markdown.parse(text);
		for (const checkbox of template.content.querySelectorAll("input[type=checkbox]")) {
			checkbox.classList.add("task-list-item-checkbox");
			checkbox.closest("li")?.classList.add("task-list-item");
		}
		element.setAttr("data-rendered-from", sourcePath);
		element.appendChild(template.content);
	}
}

export class Modal {
	readonly containerEl: HTMLElement;
	readonly modalEl: HTMLElement;
	readonly titleEl: HTMLElement;
	readonly contentEl: HTMLElement;
	static readonly open = new Set<Modal>();

	constructor(readonly app: App) {
		this.containerEl = createDiv({ cls: "modal-container" });
		this.modalEl = this.containerEl.createDiv({ cls: "modal" });
		this.titleEl = this.modalEl.createDiv({ cls: "modal-title" });
		this.contentEl = this.modalEl.createDiv({ cls: "modal-content" });
	}

	open(): void {
		document.body.appendChild(this.containerEl);
		Modal.open.add(this);
		this.onOpen();
	}

	close(): void {
		this.onClose();
		this.containerEl.remove();
		Modal.open.delete(this);
	}

	onOpen(): void {}

	onClose(): void {}

	setTitle(title: string): this {
		this.titleEl.setText(title);
		return this;
	}
}

export interface FuzzyMatch<T> {
	item: T;
	match: { score: number; matches: [number, number][] };
}

export abstract class SuggestModal<T> extends Modal {
	readonly inputEl: HTMLInputElement;
	readonly resultContainerEl: HTMLElement;
	emptyStateText = "No results found.";
	private suggestions: T[] = [];
	private selected = 0;
	private instructions: { command: string; purpose: string }[] = [];

	constructor(app: App) {
		super(app);
		this.inputEl = this.modalEl.createEl("input", { cls: "prompt-input", type: "text" }) as HTMLInputElement;
		this.resultContainerEl = this.modalEl.createDiv({ cls: "prompt-results" });
		this.inputEl.addEventListener("input", () => this.refresh());
		this.inputEl.addEventListener("keydown", (event) => {
			if (event.key === "ArrowDown") this.select(this.selected + 1);
			else if (event.key === "ArrowUp") this.select(this.selected - 1);
			else if (event.key === "Enter") this.choose(this.selected, event);
			else if (event.key === "Escape") this.close();
		});
	}

	setPlaceholder(placeholder: string): void {
		this.inputEl.placeholder = placeholder;
	}

	setInstructions(instructions: { command: string; purpose: string }[]): void {
		this.instructions = instructions;
	}

	getInstructions(): { command: string; purpose: string }[] {
		return this.instructions;
	}

	onOpen(): void {
		this.refresh();
	}

	/** For tests: types a query as the coach would. */
	setQuery(query: string): void {
		this.inputEl.value = query;
		this.refresh();
	}

	/** For tests and keyboard: what is listed now, in order. */
	shown(): T[] {
		return this.suggestions;
	}

	choose(index: number, event: MouseEvent | KeyboardEvent = new KeyboardEvent("keydown")): void {
		const item = this.suggestions[index];
		if (item === undefined) return;
		this.close();
		this.onChooseSuggestion(item, event);
	}

	private select(index: number): void {
		this.selected = Math.max(0, Math.min(this.suggestions.length - 1, index));
		[...this.resultContainerEl.children].forEach((child, at) => child.toggleClass("is-selected", at === this.selected));
	}

	private refresh(): void {
		this.suggestions = this.getSuggestions(this.inputEl.value) as T[];
		this.resultContainerEl.empty();
		if (this.suggestions.length === 0) this.resultContainerEl.createDiv({ cls: "suggestion-empty", text: this.emptyStateText });
		this.suggestions.forEach((item, index) => {
			const element = this.resultContainerEl.createDiv({ cls: "suggestion-item" });
			element.addEventListener("click", (event) => this.choose(index, event));
			this.renderSuggestion(item, element);
		});
		this.select(0);
	}

	abstract getSuggestions(query: string): T[] | Promise<T[]>;
	abstract renderSuggestion(value: T, element: HTMLElement): void;
	abstract onChooseSuggestion(item: T, event: MouseEvent | KeyboardEvent): void;
}

/** Obsidian's fuzzy match: the query's characters in order, anywhere; closer together scores higher. */
export function fuzzyMatch(query: string, text: string): FuzzyMatch<null>["match"] | null {
	const wanted = query.toLowerCase().replace(/\s+/g, "");
	if (wanted === "") return { score: 0, matches: [] };
	const haystack = text.toLowerCase();
	let position = -1;
	let score = 0;
	const matches: [number, number][] = [];
	for (const character of wanted) {
		const found = haystack.indexOf(character, position + 1);
		if (found < 0) return null;
		score -= found - position - 1;
		matches.push([found, found + 1]);
		position = found;
	}
	return { score, matches };
}

export abstract class FuzzySuggestModal<T> extends SuggestModal<FuzzyMatch<T>> {
	getSuggestions(query: string): FuzzyMatch<T>[] {
		const results: FuzzyMatch<T>[] = [];
		for (const item of this.getItems()) {
			const match = fuzzyMatch(query, this.getItemText(item));
			if (match) results.push({ item, match });
		}
		// A stable sort: with an empty query the items keep the order getItems gave.
		return query.trim() === "" ? results : results.sort((a, b) => b.match.score - a.match.score);
	}

	renderSuggestion(match: FuzzyMatch<T>, element: HTMLElement): void {
		element.setText(this.getItemText(match.item));
	}

	onChooseSuggestion(match: FuzzyMatch<T>, event: MouseEvent | KeyboardEvent): void {
		this.onChooseItem(match.item, event);
	}

	abstract getItems(): T[];
	abstract getItemText(item: T): string;
	abstract onChooseItem(item: T, event: MouseEvent | KeyboardEvent): void;
}

abstract class ValueComponent<T> {
	protected changeHandler: ((value: T) => unknown) | null = null;
	disabled = false;

	onChange(callback: (value: T) => unknown): this {
		this.changeHandler = callback;
		return this;
	}

	setDisabled(disabled: boolean): this {
		this.disabled = disabled;
		return this;
	}
}

export class TextComponent extends ValueComponent<string> {
	constructor(readonly inputEl: HTMLInputElement | HTMLTextAreaElement) {
		super();
		inputEl.addEventListener("input", () => this.changeHandler?.(inputEl.value));
	}

	getValue(): string {
		return this.inputEl.value;
	}

	setValue(value: string): this {
		this.inputEl.value = value;
		return this;
	}

	setPlaceholder(placeholder: string): this {
		this.inputEl.placeholder = placeholder;
		return this;
	}
}

export class DropdownComponent extends ValueComponent<string> {
	constructor(readonly selectEl: HTMLSelectElement) {
		super();
		selectEl.addEventListener("change", () => this.changeHandler?.(selectEl.value));
	}

	addOption(value: string, display: string): this {
		this.selectEl.createEl("option", { value, text: display });
		return this;
	}

	addOptions(options: Record<string, string>): this {
		for (const [value, display] of Object.entries(options)) this.addOption(value, display);
		return this;
	}

	getValue(): string {
		return this.selectEl.value;
	}

	setValue(value: string): this {
		this.selectEl.value = value;
		return this;
	}
}

export class ToggleComponent extends ValueComponent<boolean> {
	constructor(readonly toggleEl: HTMLInputElement) {
		super();
		toggleEl.addEventListener("change", () => this.changeHandler?.(toggleEl.checked));
	}

	getValue(): boolean {
		return this.toggleEl.checked;
	}

	setValue(value: boolean): this {
		this.toggleEl.checked = value;
		return this;
	}
}

export class ButtonComponent {
	constructor(readonly buttonEl: HTMLButtonElement) {}

	setButtonText(text: string): this {
		this.buttonEl.setText(text);
		return this;
	}

	setCta(): this {
		this.buttonEl.addClass("mod-cta");
		return this;
	}

	setIcon(icon: string): this {
		setIcon(this.buttonEl, icon);
		return this;
	}

	setTooltip(tooltip: string): this {
		this.buttonEl.setAttr("aria-label", tooltip);
		return this;
	}

	setDisabled(disabled: boolean): this {
		this.buttonEl.disabled = disabled;
		return this;
	}

	onClick(callback: (event: MouseEvent) => unknown): this {
		this.buttonEl.addEventListener("click", (event) => {
			if (!this.buttonEl.disabled) callback(event);
		});
		return this;
	}
}

export class ExtraButtonComponent extends ButtonComponent {
	get extraSettingsEl(): HTMLButtonElement {
		return this.buttonEl;
	}
}

export class Setting {
	readonly settingEl: HTMLElement;
	readonly infoEl: HTMLElement;
	readonly nameEl: HTMLElement;
	readonly descEl: HTMLElement;
	readonly controlEl: HTMLElement;

	constructor(containerEl: HTMLElement) {
		this.settingEl = containerEl.createDiv({ cls: "setting-item" });
		this.infoEl = this.settingEl.createDiv({ cls: "setting-item-info" });
		this.nameEl = this.infoEl.createDiv({ cls: "setting-item-name" });
		this.descEl = this.infoEl.createDiv({ cls: "setting-item-description" });
		this.controlEl = this.settingEl.createDiv({ cls: "setting-item-control" });
	}

	setName(name: string): this {
		this.nameEl.setText(name);
		return this;
	}

	setDesc(description: string): this {
		this.descEl.empty();
		this.descEl.createDiv({ text: description });
		return this;
	}

	setClass(cls: string): this {
		this.settingEl.addClass(cls);
		return this;
	}

	setHeading(): this {
		this.settingEl.addClass("setting-item-heading");
		return this;
	}

	addText(callback: (component: TextComponent) => unknown): this {
		callback(new TextComponent(this.controlEl.createEl("input", { type: "text" }) as HTMLInputElement));
		return this;
	}

	addTextArea(callback: (component: TextComponent) => unknown): this {
		callback(new TextComponent(this.controlEl.createEl("textarea") as HTMLTextAreaElement));
		return this;
	}

	addDropdown(callback: (component: DropdownComponent) => unknown): this {
		callback(new DropdownComponent(this.controlEl.createEl("select", { cls: "dropdown" }) as HTMLSelectElement));
		return this;
	}

	addToggle(callback: (component: ToggleComponent) => unknown): this {
		callback(new ToggleComponent(this.controlEl.createEl("input", { type: "checkbox" }) as HTMLInputElement));
		return this;
	}

	addButton(callback: (component: ButtonComponent) => unknown): this {
		callback(new ButtonComponent(this.controlEl.createEl("button") as HTMLButtonElement));
		return this;
	}

	addExtraButton(callback: (component: ExtraButtonComponent) => unknown): this {
		callback(new ExtraButtonComponent(this.controlEl.createEl("button", { cls: "clickable-icon extra-setting-button" }) as HTMLButtonElement));
		return this;
	}
}

/**
 * The app version this runtime plays. Obsidian 1.13 renders a tab's `getSettingDefinitions()`
 * when it returns any, and never calls `display()` then; earlier versions know only `display()`.
 */
export const runtimeVersion = { apiVersion: "1.13.1" };

export function requireApiVersion(version: string): boolean {
	const parts = (text: string): number[] => text.split(".").map((part) => Number(part));
	const have = parts(runtimeVersion.apiVersion);
	const want = parts(version);
	for (let index = 0; index < Math.max(have.length, want.length); index++) {
		const difference = (have[index] ?? 0) - (want[index] ?? 0);
		if (difference !== 0) return difference > 0;
	}
	return true;
}

interface ControlDefinition {
	type: "text" | "textarea" | "number" | "dropdown" | "toggle";
	key: string;
	placeholder?: string;
	options?: Record<string, string>;
	defaultValue?: unknown;
	validate?: (value: unknown) => string | void | Promise<string | void>;
}

interface DefinitionItem {
	type?: "group" | "list" | "page";
	heading?: string;
	name?: string;
	desc?: string;
	control?: ControlDefinition;
	render?: (setting: Setting, group: HTMLElement) => void;
	items?: DefinitionItem[];
	emptyState?: string;
	onDelete?: (index: number) => void;
	onReorder?: (from: number, to: number) => void;
	addItem?: { name: string; action: (element: HTMLElement) => void };
}

export abstract class PluginSettingTab {
	readonly containerEl: HTMLElement;
	settingItems: unknown[] = [];
	private shown = false;

	constructor(
		readonly app: App,
		readonly plugin: Plugin,
	) {
		this.containerEl = createDiv({ cls: "vertical-tab-content" });
	}

	getSettingDefinitions(): unknown[] {
		return [];
	}

	/** As in 1.13: stores the definitions, and draws them again when the tab is open. */
	update(): void {
		this.settingItems = this.getSettingDefinitions();
		if (this.shown) this.renderDefinitions();
	}

	getControlValue(key: string): unknown {
		return (this.plugin as unknown as { settings: Record<string, unknown> }).settings[key];
	}

	setControlValue(key: string, value: unknown): void | Promise<void> {
		const settings = (this.plugin as unknown as { settings: Record<string, unknown> }).settings;
		settings[key] = value;
		return this.plugin.saveData(settings);
	}

	display(): void {}

	/** As the app's: what was drawn goes, so a tab that reads its fields after hiding reads nothing. */
	hide(): void {
		this.shown = false;
		this.containerEl.empty();
	}

	/** What the settings window does when the coach opens this tab: 1.13 asks for the definitions on every showing. */
	open(): void {
		this.shown = true;
		if (requireApiVersion("1.13.0")) this.settingItems = this.getSettingDefinitions();
		if (this.settingItems.length > 0) this.renderDefinitions();
		else this.display();
	}

	private renderDefinitions(): void {
		this.containerEl.empty();
		for (const item of this.settingItems as DefinitionItem[]) {
			if (item.type === "group" || item.type === "list") this.renderGroup(item);
			else this.renderDefinition(this.containerEl, item);
		}
	}

	private renderGroup(group: DefinitionItem): void {
		const element = this.containerEl.createDiv({ cls: group.type === "list" ? "setting-list" : "setting-group" });
		if (group.heading) new Setting(element).setName(group.heading).setHeading();
		const items = group.items ?? [];
		if (items.length === 0 && group.emptyState) element.createDiv({ cls: "setting-list-empty", text: group.emptyState });
		items.forEach((item, index) => {
			const setting = this.renderDefinition(element, item);
			if (group.onDelete) setting.addExtraButton((button) => button.setIcon("trash-2").setTooltip("Delete").onClick(() => group.onDelete?.(index)));
		});
		const addItem = group.addItem;
		if (addItem) new Setting(element).addButton((button) => button.setButtonText(addItem.name).onClick(() => addItem.action(button.buttonEl)));
	}

	private renderDefinition(parent: HTMLElement, item: DefinitionItem): Setting {
		const setting = new Setting(parent).setName(item.name ?? "");
		if (item.desc) setting.setDesc(item.desc);
		item.render?.(setting, parent);
		const control = item.control;
		if (!control) return setting;
		const message = setting.descEl.createDiv({ cls: "setting-validation-message" });
		const shown = this.getControlValue(control.key) ?? control.defaultValue;
		const validated = async (value: unknown): Promise<boolean> => {
			const problem = (await control.validate?.(value)) ?? "";
			message.setText(problem);
			return problem === "";
		};
		const changed = async (value: unknown): Promise<void> => {
			if (await validated(value)) await this.setControlValue(control.key, value);
		};
		if (control.type === "toggle") {
			setting.addToggle((toggle) => toggle.setValue(shown === true).onChange((value) => void changed(value)));
		} else if (control.type === "dropdown") {
			setting.addDropdown((dropdown) => dropdown.addOptions(control.options ?? {}).setValue(String(shown)).onChange((value) => void changed(value)));
		} else if (control.type === "textarea") {
			setting.addTextArea((area) => area.setPlaceholder(control.placeholder ?? "").setValue(String(shown ?? "")).onChange((value) => void changed(value)));
		} else {
			setting.addText((text) => {
				if (control.type === "number") (text.inputEl as HTMLInputElement).type = "number";
				text.setPlaceholder(control.placeholder ?? "").setValue(String(shown ?? ""));
				text.onChange((value) => void changed(control.type === "number" ? (value.trim() === "" ? Number.NaN : Number(value)) : value));
			});
		}
		// The framework validates the stored value once when the row is drawn.
		void validated(shown);
		return setting;
	}
}

if (typeof window !== "undefined" && typeof document !== "undefined") {
	installObsidianDom(window as Window & typeof globalThis);
	if (typeof window.IntersectionObserver === "undefined") {
		(window as unknown as Record<string, unknown>)["IntersectionObserver"] = TestVisibility;
	}
}
