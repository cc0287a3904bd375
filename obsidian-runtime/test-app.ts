import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import manifest from "../manifest.json";
import CoachingAlliancePlugin from "../src/main";
import { App, Vault, type PluginManifest } from "./index";

/** An app over a real vault folder, read into memory: tests never write to the folder itself. */
export async function appFromFolder(root: string): Promise<App> {
	const vault = new Vault();
	for (const path of await listAll(root)) {
		const times = await stat(join(root, path));
		vault.seed(path, await readFile(join(root, path), "utf8"), { ctime: times.birthtimeMs || times.mtimeMs, mtime: times.mtimeMs });
	}
	return startApp(vault);
}

/** An app over notes written in the test: `{ "Clients/Maya Chen.md": "..." }`. */
export async function appFromFiles(files: Record<string, string>, times?: { ctime: number; mtime: number }): Promise<App> {
	const vault = new Vault();
	for (const [path, data] of Object.entries(files)) vault.seed(path, data, times);
	return startApp(vault);
}

async function startApp(vault: Vault): Promise<App> {
	const app = new App(vault);
	await app.metadataCache.initialise();
	return app;
}

/**
 * Loads the plugin as Obsidian does (onload, then the layout becomes ready) and waits for the first
 * index, and for the words of every note's tasks, read after it in the background.
 */
export async function loadPlugin(app: App, options: { waitForText?: boolean } = {}): Promise<CoachingAlliancePlugin> {
	const plugin = new CoachingAlliancePlugin(app as never, manifest as PluginManifest as never);
	plugin.load();
	await until(() => plugin.vaultIndex !== undefined);
	app.workspace.markLayoutReady();
	await until(() => plugin.vaultIndex.state === "warm");
	if (options.waitForText ?? true) await until(() => plugin.vaultIndex.index.awaitingText().length === 0, 20_000);
	return plugin;
}

/** Waits for the metadata cache to announce every change and the index to take them in. */
export async function settle(app: App): Promise<void> {
	await app.metadataCache.settled();
	await new Promise((resolve) => setTimeout(resolve, 5));
}

/** Waits for a condition; timed by performance.now, which tests that fix the date leave running. */
export async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
	const start = performance.now();
	while (!condition()) {
		if (performance.now() - start > timeoutMs) throw new Error("Timed out waiting for a condition");
		await new Promise((resolve) => setTimeout(resolve, 1));
	}
}

async function listAll(root: string, folder = ""): Promise<string[]> {
	const paths: string[] = [];
	for (const entry of await readdir(join(root, folder), { withFileTypes: true })) {
		const path = folder === "" ? entry.name : `${folder}/${entry.name}`;
		if (entry.isDirectory()) {
			if (entry.name === "node_modules") continue;
			paths.push(...(await listAll(root, path)));
		} else if (entry.isFile()) {
			paths.push(path);
		}
	}
	return paths;
}
