import { normalizePath, type App, type TFile } from "obsidian";
import { frontmatterEnd, noteLines } from "../core/notes/note";

/** What the plugin reaches of Templater (2.x and older), through Obsidian's plugin registry. */
interface TemplaterPlugin {
	settings?: {
		trigger_on_file_creation?: boolean;
		trigger_on_file_creation_mode?: string;
		templates_folder?: string;
		ignore_folders_on_creation?: { folder?: string }[];
	};
	templater?: { overwrite_file_commands?: (file: TFile) => Promise<void> };
}

/** Templater 2.x keeps its per-device settings, "trigger on new file creation" among them, here. */
const LOCAL_SETTINGS = "templater-local-settings";
/** Templater waits this long after a note appears before it runs it. */
const ON_CREATION_DELAY_MS = 300;
/** How long a note is left to Templater before the plugin finishes it anyway: a prompt in the template may wait for the coach. */
const TEMPLATER_PATIENCE_MS = 120_000;

/** Templater, when it is installed and turned on. */
export function enabledTemplater(app: App): TemplaterPlugin | null {
	const plugins = (app as App & { plugins?: { enabledPlugins?: Set<string>; plugins?: Record<string, unknown> } }).plugins;
	if (!plugins?.enabledPlugins?.has("templater-obsidian")) return null;
	return (plugins.plugins?.["templater-obsidian"] as TemplaterPlugin | undefined) ?? null;
}

/**
 * Whether Templater runs this new note's commands by itself, as its own `on_file_creation`
 * decides: its "trigger on new file creation" is on (in local storage since 2.x, in its settings
 * before), the note is neither in its templates folder nor in a folder it leaves alone, and the
 * note has something after its properties (a note with nothing there gets Templater's folder or
 * file-name template instead, when those are its mode, and its own commands are not run).
 */
function runsOnCreation(app: App, templater: TemplaterPlugin, path: string, content: string): boolean {
	// Obsidian before 1.8.7 has no local storage for plugins, and runs only Templaters that keep the flag in their settings.
	const localStorage = (app as { loadLocalStorage?: (key: string) => unknown }).loadLocalStorage?.bind(app);
	const local = localStorage?.(LOCAL_SETTINGS) as { trigger_on_file_creation?: unknown } | null | undefined;
	const trigger = typeof local?.trigger_on_file_creation === "boolean" ? local.trigger_on_file_creation : templater.settings?.trigger_on_file_creation === true;
	if (!trigger) return false;
	const templates = normalizePath(templater.settings?.templates_folder ?? "");
	if (templates !== "/" && templates !== "" && path.includes(templates)) return false;
	const ignored = (templater.settings?.ignore_folders_on_creation ?? []).some(({ folder }) => {
		const ignoredFolder = normalizePath(folder ?? "");
		return ignoredFolder !== "" && path.startsWith(ignoredFolder);
	});
	if (ignored) return false;
	const mode = templater.settings?.trigger_on_file_creation_mode;
	return !((mode === "folder" || mode === "regex") && nothingAfterProperties(content));
}

/** Whether the note ends where its properties do, as Templater measures it: not a character after the closing `---` line. */
function nothingAfterProperties(content: string): boolean {
	const lines = noteLines(content);
	const end = frontmatterEnd(lines);
	return end >= 0 && lines.slice(end + 1).join("\n") === "";
}

/**
 * Has Templater run the commands of a note just made from the coach's template, exactly once:
 * when its trigger on new file creation will run it, the plugin waits for that run (never a
 * second one, which would ask the coach's prompts twice and could write over what the plugin
 * fills in afterwards); otherwise it asks Templater to run it.
 */
export async function runTemplater(app: App, templater: TemplaterPlugin, file: TFile, content: string): Promise<void> {
	if (!runsOnCreation(app, templater, file.path, content)) {
		await templater.templater?.overwrite_file_commands?.(file);
		return;
	}
	const createdAt = Date.now();
	await new Promise<void>((resolve) => {
		const done = (): void => {
			app.workspace.offref(overwritten);
			app.workspace.offref(allDone);
			window.clearTimeout(patience);
			resolve();
		};
		const overwritten = app.workspace.on("templater:overwrite-file", (run) => {
			if (run?.file?.path === file.path) done();
		});
		// A run that failed writes nothing, but Templater still says when nothing is left to run; before its delay, that was someone else's.
		const allDone = app.workspace.on("templater:all-templates-executed", () => {
			if (Date.now() - createdAt >= ON_CREATION_DELAY_MS) done();
		});
		const patience = window.setTimeout(done, TEMPLATER_PATIENCE_MS);
	});
}
