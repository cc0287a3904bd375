/** The app and the plugin base class. */
import { Component } from "./events";
import { FileManager } from "./file-manager";
import { MetadataCache } from "./metadata-cache";
import { Vault } from "./vault";
import { WorkspaceLeaf, View, Workspace, Command, MarkdownView, LocalGraphView } from "./workspace";
import { requireApiVersion, PluginSettingTab } from "./settings";
import { setIcon } from "./ui";
import type { Extension } from "@codemirror/state";
import { MarkdownPreviewRenderer, type MarkdownPostProcessor } from "./markdown-renderer";
import type { BasesViewRegistration } from "./bases";

export class App {
	readonly vault: Vault;
	readonly metadataCache: MetadataCache;
	readonly workspace: Workspace;
	readonly fileManager: FileManager = new FileManager(this);
	readonly viewRegistry = new Map<string, (leaf: WorkspaceLeaf) => View>();
	/** The views of bases plugins registered (Obsidian 1.10+), by id. */
	readonly basesViews = new Map<string, BasesViewRegistration>();
	/** The handlers of Obsidian's own command line plugins registered (1.12.2+), by command. */
	readonly cliHandlers = new Map<string, { description: string; flags: Record<string, { value?: string; description: string; required?: boolean }> | null; handler: (params: Record<string, string>) => string | Promise<string> }>();
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
		// The Graph view core plugin is on in a new vault: its local graph is a view any plugin can open.
		this.viewRegistry.set("localgraph", (leaf) => new LocalGraphView(leaf));
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
		// An app older than a method's version has no such method at all.
		if (!requireApiVersion("1.10.0")) Object.defineProperty(this, "registerBasesView", { value: undefined });
		if (!requireApiVersion("1.12.2")) Object.defineProperty(this, "registerCliHandler", { value: undefined });
	}

	/** As the app: false when Bases are off in this vault; the view goes with the plugin. */
	registerBasesView(viewId: string, registration: BasesViewRegistration): boolean {
		this.app.basesViews.set(viewId, registration);
		this.register(() => this.app.basesViews.delete(viewId));
		return true;
	}

	/** As the app: a command already registered throws; the handler goes with the plugin. */
	registerCliHandler(command: string, description: string, flags: Record<string, { value?: string; description: string; required?: boolean }> | null, handler: (params: Record<string, string>) => string | Promise<string>): void {
		if (this.app.cliHandlers.has(command)) throw new Error(`A command line handler "${command}" is already registered`);
		this.app.cliHandlers.set(command, { description, flags, handler });
		this.register(() => this.app.cliHandlers.delete(command));
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
		// As in the app, a view type that goes with its plugin closes its open views: what they hold is let go.
		this.register(() => {
			this.app.viewRegistry.delete(type);
			for (const leaf of this.app.workspace.getLeavesOfType(type)) void leaf.detach();
		});
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

	/** As the app: every editor opened from now on has the extension, until the plugin unloads. */
	registerEditorExtension(extension: Extension): void {
		this.app.workspace.editorExtensions.push(extension);
		this.register(() => this.app.workspace.editorExtensions.splice(this.app.workspace.editorExtensions.indexOf(extension), 1));
	}

	/** As the app: run on every piece of Markdown rendered, in reading view and through MarkdownRenderer, until the plugin unloads. */
	registerMarkdownPostProcessor(processor: MarkdownPostProcessor): MarkdownPostProcessor {
		MarkdownPreviewRenderer.registerPostProcessor(processor);
		this.register(() => MarkdownPreviewRenderer.unregisterPostProcessor(processor));
		return processor;
	}

	addSettingTab(tab: PluginSettingTab): void {
		if (requireApiVersion("1.13.0")) tab.update();
		this.app.settingTabs.push(tab);
		this.register(() => this.app.settingTabs.splice(this.app.settingTabs.indexOf(tab), 1));
	}
}
