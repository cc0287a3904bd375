/** Files and the vault: paths, reads, writes and their events, kept in memory. */
import { Events } from "./events";

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
export function stripHeading(text: string): string {
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
		const normal = normalizePath(newPath);
		if (this.occupied(normal) && normal.toLowerCase() !== file.path.toLowerCase()) throw new Error("Destination file already exists!");
		if (file instanceof TFolder) {
			this.renameFolder(file, normal);
			return;
		}
		if (!(file instanceof TFile) || !this.files.has(file.path)) throw new Error(`ENOENT: no such file '${file.path}'`);
		this.moveFile(file, normal);
	}

	/**
	 * As the app moves a folder: the same folder and file objects take their new paths, and the
	 * folder, then every file below it, is announced with its old path, so a plugin that follows
	 * files hears of each one.
	 */
	private renameFolder(folder: TFolder, normal: string): void {
		if (folder.isRoot()) throw new Error("The vault's root cannot be renamed.");
		const oldPath = folder.path;
		const renamed = (path: string) => `${normal}${path.slice(oldPath.length)}`;
		const below = (path: string) => path === oldPath || path.startsWith(`${oldPath}/`);
		const folders = [...this.folders.values()].filter((candidate) => below(candidate.path));
		const files = this.getFiles().filter((file) => below(file.path));
		if (folder.parent) folder.parent.children = folder.parent.children.filter((child) => child !== folder);
		const slash = normal.lastIndexOf("/");
		const parent = this.ensureFolder(slash < 0 ? "/" : normal.slice(0, slash));
		folder.parent = parent;
		parent.children.push(folder);
		for (const moved of folders) {
			this.folders.delete(moved.path);
			moved.path = renamed(moved.path);
			moved.name = moved.path.slice(moved.path.lastIndexOf("/") + 1);
			this.folders.set(moved.path, moved);
		}
		for (const moved of folders) this.trigger("rename", moved, moved === folder ? oldPath : `${oldPath}${moved.path.slice(normal.length)}`);
		for (const file of files) {
			const stored = this.files.get(file.path) as StoredFile;
			const was = file.path;
			this.files.delete(was);
			file.path = renamed(was);
			this.files.set(file.path, stored);
			this.onChange?.("rename", file, was);
			this.trigger("rename", file, was);
		}
	}

	private moveFile(file: TFile, normal: string): void {
		const stored = this.files.get(file.path) as StoredFile;
		const oldPath = file.path;
		this.files.delete(oldPath);
		this.detach(file);
		this.place(file, normal);
		this.files.set(normal, stored);
		this.onChange?.("rename", file, oldPath);
		this.trigger("rename", file, oldPath);
	}

	/** A folder goes with every file below it, each announced, then the folder itself. */
	async delete(file: TAbstractFile): Promise<void> {
		if (file instanceof TFolder) {
			if (file.isRoot()) throw new Error("The vault's root cannot be deleted.");
			for (const inside of this.getFiles().filter((candidate) => candidate.path.startsWith(`${file.path}/`))) await this.delete(inside);
			for (const path of [...this.folders.keys()].filter((path) => path === file.path || path.startsWith(`${file.path}/`))) this.folders.delete(path);
			if (file.parent) file.parent.children = file.parent.children.filter((child) => child !== file);
			this.trigger("delete", file);
			return;
		}
		if (!(file instanceof TFile) || !this.files.has(file.path)) throw new Error(`ENOENT: no such file '${file.path}'`);
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
