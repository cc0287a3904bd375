/**
 * The test runtime in a browser page: boots a vault, then loads the plugin's built main.js the
 * way Obsidian does (a CommonJS module whose only import is `obsidian`).
 */
import * as codemirrorState from "@codemirror/state";
import * as codemirrorView from "@codemirror/view";
import * as obsidian from "./index";

export interface PreviewFile {
	path: string;
	text: string;
	ctime: number;
	mtime: number;
}

interface PluginLike extends obsidian.Component {
	vaultIndex?: { state: string };
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
	const start = performance.now();
	while (!condition()) {
		if (performance.now() - start > timeoutMs) throw new Error("Timed out waiting for the plugin");
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

export async function boot(files: PreviewFile[], mainJs: string, manifest: obsidian.PluginManifest): Promise<{ app: obsidian.App; plugin: PluginLike }> {
	const vault = new obsidian.Vault();
	for (const file of files) vault.seed(file.path, file.text, { ctime: file.ctime, mtime: file.mtime });
	const app = new obsidian.App(vault);
	await app.metadataCache.initialise();

	const module = { exports: {} as Record<string, unknown> };
	const require = (name: string): unknown => {
		// What the app hands every plugin, on every device: its API and the editor's own modules.
		if (name === "obsidian") return obsidian;
		if (name === "@codemirror/state") return codemirrorState;
		if (name === "@codemirror/view") return codemirrorView;
		throw new Error(`main.js asked for "${name}": only obsidian and the editor's modules are there on every device`);
	};
	// eslint-disable-next-line @typescript-eslint/no-implied-eval -- this is how Obsidian itself evaluates a plugin's main.js
	new Function("require", "module", "exports", mainJs)(require, module, module.exports);
	const PluginClass = module.exports["default"] as new (app: obsidian.App, manifest: obsidian.PluginManifest) => PluginLike;
	const plugin = new PluginClass(app, manifest);
	plugin.load();
	await until(() => plugin.vaultIndex !== undefined);
	app.workspace.markLayoutReady();
	await until(() => plugin.vaultIndex?.state === "warm");
	return { app, plugin };
}

/**
 * Boots the vault, runs "Prepare session" for a client as a coach would (command, picker, choice)
 * and optionally switches to read-back. Returns an empty string, or what went wrong.
 */
export async function preparePane(files: PreviewFile[], mainJs: string, manifest: obsidian.PluginManifest, client: string, readBack: boolean): Promise<string> {
	const { app } = await boot(files, mainJs, manifest);
	(window as unknown as Record<string, unknown>)["coachingApp"] = app;
	app.commands.executeCommandById("coaching-alliance:prepare-session");
	const picker = [...obsidian.Modal.open][0] as obsidian.FuzzySuggestModal<unknown> | undefined;
	if (!picker) return "The client picker did not open.";
	picker.setQuery(client);
	if (picker.shown().length === 0) return `No client matches "${client}".`;
	picker.choose(0);
	await until(() => document.querySelector(".coaching-alliance-header") !== null);
	if (readBack) {
		document.querySelector<HTMLButtonElement>(".coaching-alliance-read-back-toggle")?.click();
		await until(() => document.querySelector(".coaching-alliance-read-back") !== null);
	}
	return "";
}

/** Boots the vault and runs "Open caseload" as a coach would. Returns an empty string, or what went wrong. */
export async function caseloadPane(files: PreviewFile[], mainJs: string, manifest: obsidian.PluginManifest): Promise<string> {
	const { app } = await boot(files, mainJs, manifest);
	(window as unknown as Record<string, unknown>)["coachingApp"] = app;
	if (!app.commands.executeCommandById("coaching-alliance:open-caseload")) return "The caseload command did not run.";
	await until(() => document.querySelector(".coaching-alliance-caseload-table") !== null);
	return "";
}

(window as unknown as Record<string, unknown>)["CoachingRuntime"] = { boot, preparePane, caseloadPane, obsidian };
