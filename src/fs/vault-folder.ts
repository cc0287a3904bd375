import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { CoachingIndex } from "../core/coaching-index";
import { isIndexable, templatesFolderOf } from "../core/exclusions";
import { noteFacts } from "../core/facts";
import { VaultPaths } from "../core/links";
import { migrateSettings, type CoachingSettings } from "../core/settings";
import { noteFromMarkdown } from "./markdown";

export const PLUGIN_ID = "coaching-alliance";

export interface FolderVault {
	root: string;
	settings: CoachingSettings;
	index: CoachingIndex;
	paths: VaultPaths;
	read: (path: string) => Promise<string>;
	/** Problems with the vault's configuration (not with single notes). */
	warnings: string[];
}

/**
 * Reads a vault folder the way Obsidian sees it: every file outside hidden folders is a link
 * target; markdown notes outside the templates and excluded folders are indexed. It never writes.
 */
export async function openVaultFolder(root: string, configDir = ".obsidian"): Promise<FolderVault> {
	const warnings: string[] = [];
	const pluginData = await readJson(join(root, configDir, "plugins", PLUGIN_ID, "data.json"), warnings);
	const { settings, problems } = migrateSettings(pluginData);
	warnings.push(...problems.map((problem) => `${configDir}/plugins/${PLUGIN_ID}/data.json: ${problem}`));
	const templatesFolder = templatesFolderOf(
		settings,
		await readJson(join(root, configDir, "templates.json"), warnings),
		await readJson(join(root, configDir, "plugins", "templater-obsidian", "data.json"), warnings),
	);

	const files = await listFiles(root);
	const paths = new VaultPaths(files);
	const index = new CoachingIndex(paths);
	const read = (path: string): Promise<string> => readFile(join(root, path), "utf8");
	for (const path of files) {
		if (!isIndexable(path, settings, templatesFolder)) continue;
		const [text, times] = await Promise.all([read(path), stat(join(root, path))]);
		const note = noteFromMarkdown(path, text, { ctime: times.birthtimeMs, mtime: times.mtimeMs }, () => read(path));
		index.set(noteFacts(note, settings));
	}
	return { root, settings, index, paths, read, warnings };
}

/** Vault-relative paths with `/`, hidden files and folders left out as Obsidian leaves them out. */
async function listFiles(root: string, folder = ""): Promise<string[]> {
	const entries = await readdir(join(root, folder), { withFileTypes: true });
	const files: string[] = [];
	for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
		if (entry.name.startsWith(".")) continue;
		const path = folder === "" ? entry.name : `${folder}/${entry.name}`;
		if (entry.isDirectory()) files.push(...(await listFiles(root, path)));
		else if (entry.isFile()) files.push(path);
	}
	return files;
}

async function readJson(file: string, warnings: string[]): Promise<unknown> {
	let text: string;
	try {
		text = await readFile(file, "utf8");
	} catch {
		return undefined;
	}
	try {
		return JSON.parse(text) as unknown;
	} catch {
		warnings.push(`${file} is not valid JSON; it was ignored.`);
		return undefined;
	}
}
