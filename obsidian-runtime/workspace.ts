/** The workspace: leaves, views, the editor and the Markdown view. */
import type { App } from "./app";
import { Events, Component } from "./events";
import { TAbstractFile, TFile, Vault, stripHeading } from "./vault";
import { setIcon } from "./ui";
import { installWindow } from "./dom";
import { MarkdownPreviewRenderer } from "./markdown-renderer";
import { StateField, type Extension } from "@codemirror/state";

/** What the app puts in every Markdown editor's state: the note it edits. Tests give it with `editorInfoField.init`. */
export const editorInfoField = StateField.define<{ file: TFile | null } | null>({
	create: () => null,
	update: (value) => value,
});

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
	/** Never null, as in the app: a new tab, or one whose view was closed, shows the empty view. */
	view: View;
	/** Whether `revealLeaf` brought it forward, for tests. */
	revealed = false;
	readonly containerEl: HTMLElement;
	/** The icon of the leaf's tab, drawn from its view's `getIcon`, as the app draws it. */
	readonly tabHeaderInnerIconEl: HTMLElement;

	constructor(
		readonly app: App,
		readonly side: "main" | "right" | "left" | "window",
		/** The document of the window the leaf is in: the main one, or a pop-out's. */
		doc: Document = document,
	) {
		super();
		this.containerEl = doc.body.createDiv({ cls: `workspace-leaf mod-${side}` });
		// The tab strip is not drawn here: the icon is checked and kept, out of the leaf's own page.
		this.tabHeaderInnerIconEl = createDiv({ cls: "workspace-tab-header-inner-icon" });
		this.view = new EmptyView(this);
	}

	/** As the app restores a background tab after a restart: deferred, its view made only when it is shown. */
	restoreDeferred(viewState: ViewState): void {
		this.view = new DeferredView(this, viewState);
	}

	get isDeferred(): boolean {
		return this.view instanceof DeferredView;
	}

	async loadIfDeferred(): Promise<void> {
		if (this.view instanceof DeferredView) await this.setViewState(this.view.saved);
	}

	async setViewState(viewState: ViewState, _eState?: unknown): Promise<void> {
		if (this.isDeferred || this.view.getViewType() !== viewState.type) {
			await this.closeView();
			if (viewState.type === "empty") return;
			const creator = this.app.viewRegistry.get(viewState.type);
			if (!creator) throw new Error(`No view registered for ${viewState.type}`);
			const view = creator(this);
			this.view = view;
			this.containerEl.appendChild(view.containerEl);
			setIcon(this.tabHeaderInnerIconEl, view.getIcon());
			view.load();
			await view.onOpen();
		}
		await this.view.setState(viewState.state ?? {}, { history: false });
		if (viewState.active) this.app.workspace.activeLeaf = this;
	}

	getViewState(): ViewState {
		return { type: this.view.getViewType(), state: this.view.getState() };
	}

	getDisplayText(): string {
		return this.view.getDisplayText();
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
		if (this.view instanceof EmptyView) return;
		const view = this.view;
		if (view instanceof MarkdownView) await view.save();
		this.view = new EmptyView(this);
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
		// Made by the leaf's own window, as the app makes a view's elements in a pop-out.
		this.containerEl = leaf.containerEl.createDiv({ cls: "workspace-leaf-content" });
		this.containerEl.detach();
	}

	abstract getViewType(): string;
	abstract getDisplayText(): string;

	getIcon(): string {
		return "file";
	}

	getState(): Record<string, unknown> {
		return {};
	}

	async setState(_state: unknown, _result: ViewStateResult): Promise<void> {}

	async onOpen(): Promise<void> {}

	async onClose(): Promise<void> {}
}

/**
 * What a leaf in a background tab holds after a restart (Obsidian 1.7.2 and later): the view it
 * will be, by type and state, but not the view itself, until the leaf is revealed or loaded.
 * `instanceof` the plugin's own view class is false for it.
 */
/** What a tab shows with no view open in it: "New tab". */
export class EmptyView extends View {
	getViewType(): string {
		return "empty";
	}

	getDisplayText(): string {
		return "New tab";
	}
}

/** The Graph view core plugin's local graph: the note in its state, its links and backlinks around it (not drawn here). */
export class LocalGraphView extends View {
	file: string | null = null;

	getViewType(): string {
		return "localgraph";
	}

	getDisplayText(): string {
		return this.file === null ? "Graph" : `Graph of ${this.file.replace(/\.md$/i, "")}`;
	}

	getState(): Record<string, unknown> {
		return { file: this.file };
	}

	async setState(state: unknown, _result: ViewStateResult): Promise<void> {
		const file = (state as { file?: unknown } | null)?.file;
		this.file = typeof file === "string" ? file : null;
	}
}

export class DeferredView extends View {
	constructor(
		leaf: WorkspaceLeaf,
		readonly saved: ViewState,
	) {
		super(leaf);
	}

	getViewType(): string {
		return this.saved.type;
	}

	getDisplayText(): string {
		return "";
	}

	getState(): Record<string, unknown> {
		return this.saved.state ?? {};
	}
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
	readonly opened: { path: string; newLeaf: PaneType | boolean | undefined; subpath?: string | null; heading?: string | null; eState?: Record<string, unknown> }[] = [];
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

	/** The editor extensions plugins registered: each editor the app opens has them. */
	readonly editorExtensions: Extension[] = [];

	/** How many times a view asked for the layout to be saved (the app saves it shortly after, once). */
	layoutSaveRequests = 0;

	requestSaveLayout(): void {
		this.layoutSaveRequests++;
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

	/**
	 * Brings the leaf forward in its tab group or sidebar, loading it first when it is deferred (as
	 * the app does since 1.7.2); as the app promises, that does not make it active.
	 */
	async revealLeaf(leaf: WorkspaceLeaf): Promise<void> {
		await leaf.loadIfDeferred();
		leaf.revealed = true;
		this.trigger("layout-change");
	}

	setActiveLeaf(leaf: WorkspaceLeaf, _params?: { focus?: boolean }): void {
		const changed = this.activeLeaf !== leaf;
		this.activeLeaf = leaf;
		if (changed) this.trigger("active-leaf-change", leaf);
		if (leaf.view instanceof MarkdownView) this.activeFile = leaf.view.file;
	}

	/** As the app: the first `#` starts the subpath, and a heading matches with punctuation read as spaces. */
	async openLinkText(linktext: string, sourcePath: string, newLeaf?: PaneType | boolean, openViewState?: { state?: Record<string, unknown>; eState?: Record<string, unknown>; active?: boolean }): Promise<void> {
		const hash = linktext.indexOf("#");
		const linkpath = hash < 0 ? linktext : linktext.slice(0, hash);
		const subpath = hash < 0 ? null : linktext.slice(hash + 1);
		const target = this.app.metadataCache.getFirstLinkpathDest(linkpath, sourcePath);
		const headings = target ? (this.app.metadataCache.getFileCache(target)?.headings ?? []) : [];
		const heading = subpath === null ? null : (headings.find((candidate) => stripHeading(candidate.heading) === stripHeading(subpath))?.heading ?? null);
		this.opened.push({ path: target?.path ?? linktext, newLeaf, subpath, heading, ...(openViewState?.eState ? { eState: openViewState.eState } : {}) });
	}

	removeLeaf(leaf: WorkspaceLeaf): void {
		const at = this.leaves.indexOf(leaf);
		if (at >= 0) this.leaves.splice(at, 1);
	}

	/** How a test makes a new window (a jsdom window under vitest): the runtime opens pop-outs only when told how. */
	popoutWindow: (() => Window & typeof globalThis) | null = null;

	/** A leaf in a new window of its own, whose elements that window's document makes, as the app's pop-outs are. */
	openPopoutLeaf(): WorkspaceLeaf {
		if (!this.popoutWindow) throw new Error("This runtime opens a pop-out window only when the test says how to make one (workspace.popoutWindow).");
		const win = this.popoutWindow();
		installWindow(win);
		const leaf = new WorkspaceLeaf(this.app, "window", win.document);
		this.leaves.push(leaf);
		return leaf;
	}

	private addLeaf(side: "main" | "right" | "left"): WorkspaceLeaf {
		const leaf = new WorkspaceLeaf(this.app, side);
		this.leaves.push(leaf);
		this.trigger("layout-change");
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

	/** For tests: the coach switches between editing and reading; reading draws the note as reading view does. */
	showMode(mode: MarkdownViewModeType): Promise<void> {
		this.mode = mode;
		return mode === "preview" ? this.previewMode.rerender(true) : Promise.resolve();
	}

	private preview: MarkdownPreviewView | null = null;

	/** Reading view: the note drawn block by block through the post-processors, made when first asked for. */
	get previewMode(): MarkdownPreviewView {
		this.preview ??= new MarkdownPreviewView(this);
		return this.preview;
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

/** A note's reading view, as far as plugins reach it: its element, and drawing it again. */
export class MarkdownPreviewView {
	readonly containerEl = createDiv({ cls: "markdown-preview-view" });
	/** How many times it was drawn again, as a plugin asks after a change its post-processors follow. */
	rerenders = 0;

	constructor(private readonly view: MarkdownView) {}

	async rerender(_full?: boolean): Promise<void> {
		this.rerenders++;
		this.containerEl.empty();
		const file = this.view.file;
		if (file) await MarkdownPreviewRenderer.renderReadingView(this.view.app, file.path, this.containerEl);
	}
}
