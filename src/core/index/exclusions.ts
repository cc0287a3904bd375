import type { CoachingSettings } from "../settings/settings";

/**
 * Which folder holds templates: the plugin setting, else Obsidian's Templates core plugin
 * (`templates.json`), else Templater's setting; null means "any folder named Templates".
 */
export function templatesFolderOf(
	settings: CoachingSettings,
	templatesConfig: unknown,
	templaterConfig: unknown,
): string | null {
	const candidates = [settings.templatesFolder, folderSetting(templatesConfig, "folder"), folderSetting(templaterConfig, "templates_folder")];
	for (const candidate of candidates) {
		const folder = cleanFolder(candidate ?? "");
		if (folder !== "") return folder;
	}
	return null;
}

function folderSetting(config: unknown, key: string): string | null {
	if (typeof config !== "object" || config === null) return null;
	const value = (config as Record<string, unknown>)[key];
	return typeof value === "string" ? value : null;
}

function cleanFolder(folder: string): string {
	return folder.trim().replace(/\\/g, "/").replace(/^\/+|\/+$/g, "");
}

/** Whether a note belongs in the index: a markdown note outside hidden, template and excluded folders. */
export function isIndexable(path: string, settings: CoachingSettings, templatesFolder: string | null): boolean {
	if (!path.toLowerCase().endsWith(".md")) return false;
	const segments = path.split("/");
	const folders = segments.slice(0, -1);
	if (segments.some((segment) => segment.startsWith("."))) return false;
	if (templatesFolder === null) {
		if (folders.some((folder) => folder.toLowerCase() === "templates")) return false;
	} else if (isInside(path, templatesFolder)) {
		return false;
	}
	return !settings.excludedFolders.some((folder) => isInside(path, cleanFolder(folder)));
}

function isInside(path: string, folder: string): boolean {
	if (folder === "") return false;
	return path.toLowerCase().startsWith(`${folder.toLowerCase()}/`);
}
