import { TFile, type App } from "./index";

/**
 * Templater as the test runtime's plugin registry holds it, doing what Templater 2.25 does
 * (`src/core/Templater.ts`): `overwrite_file_commands` marks the file pending, runs the commands,
 * writes the result, announces `templater:overwrite-file`, and announces
 * `templater:all-templates-executed` when nothing is pending. With "trigger on new file creation"
 * on (kept in local storage since 2.x, in `data.json` before), every new note outside the
 * templates folder is run 300 ms after it is created, unless it is pending by then.
 *
 * Commands are not JavaScript here: `<%* … %>` runs and writes nothing, `<% … %>` writes
 * `(ran …)`, and `-%>` eats the line break after it, as Templater's whitespace control does.
 */
export class TemplaterFake {
	readonly files_with_pending_templates = new Set<string>();
	/** Every run, by path, in order: a note run twice shows up twice. */
	readonly runs: string[] = [];
	readonly settings: {
		templates_folder: string;
		trigger_on_file_creation?: boolean;
		/** "folder" and "regex" give an empty new note a template of their own, and leave a note with nothing after its properties unrun. */
		trigger_on_file_creation_mode: "folder" | "regex" | "everywhere";
		ignore_folders_on_creation: { folder: string }[];
	};
	readonly templater = this;

	constructor(
		private readonly app: App,
		options: {
			triggerOnCreation?: boolean;
			triggerKeptIn?: "local storage" | "data.json";
			mode?: "folder" | "regex" | "everywhere";
			templatesFolder?: string;
			ignoredFolders?: string[];
		} = {},
	) {
		const keptIn = options.triggerKeptIn ?? "local storage";
		this.settings = {
			templates_folder: options.templatesFolder ?? "Templates",
			trigger_on_file_creation_mode: options.mode ?? "everywhere",
			ignore_folders_on_creation: (options.ignoredFolders ?? []).map((folder) => ({ folder })),
		};
		if (keptIn === "data.json") this.settings.trigger_on_file_creation = options.triggerOnCreation ?? false;
		else app.saveLocalStorage("templater-local-settings", { trigger_on_file_creation: options.triggerOnCreation ?? false });
		app.plugins.enabledPlugins.add("templater-obsidian");
		app.plugins.plugins["templater-obsidian"] = this;
		app.vault.on("create", (file) => void this.onFileCreation(file as TFile));
	}

	async overwrite_file_commands(file: TFile): Promise<void> {
		this.files_with_pending_templates.add(file.path);
		this.runs.push(file.path);
		const output = runCommands(await this.app.vault.read(file));
		await this.app.vault.modify(file, output);
		this.app.workspace.trigger("templater:overwrite-file", { file, content: output });
		this.files_with_pending_templates.delete(file.path);
		if (this.files_with_pending_templates.size === 0) this.app.workspace.trigger("templater:all-templates-executed");
	}

	private triggerOnCreation(): boolean {
		const local = this.app.loadLocalStorage("templater-local-settings") as { trigger_on_file_creation?: boolean } | null;
		return local?.trigger_on_file_creation ?? this.settings.trigger_on_file_creation ?? false;
	}

	private async onFileCreation(file: TFile): Promise<void> {
		if (!this.triggerOnCreation() || !(file instanceof TFile) || file.extension !== "md") return;
		if (file.path.includes(this.settings.templates_folder)) return;
		if (this.settings.ignore_folders_on_creation.some(({ folder }) => folder !== "" && file.path.startsWith(folder))) return;
		await new Promise((resolve) => setTimeout(resolve, 300));
		if (this.files_with_pending_templates.has(file.path)) return;
		if (!this.app.vault.getFileByPath(file.path)) return;
		const text = await this.app.vault.read(file);
		const afterProperties = /^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/.exec(text);
		const empty = text.length - (afterProperties?.[0].length ?? 0) === 0;
		// Templater gives such a note its folder or file-name template, if one matches; none does here.
		if (empty && this.settings.trigger_on_file_creation_mode !== "everywhere") return;
		await this.overwrite_file_commands(file);
	}
}

function runCommands(text: string): string {
	return text.replace(/<%(\*?)([\s\S]*?)(-?)%>(\n?)/g, (_whole, runs: string, command: string, trim: string, newline: string) => {
		const written = runs === "*" ? "" : `(ran ${command.trim()})`;
		return `${written}${trim === "-" ? "" : newline}`;
	});
}
