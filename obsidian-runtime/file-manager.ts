/** The file manager: renaming as the file explorer renames, links in other notes kept pointing at the file. */
import type { App } from "./app";
import { TFile, type TAbstractFile } from "./vault";

interface LinkToMove {
	original: string;
	target: TFile;
	subpath: string;
	display: string | null;
}

export class FileManager {
	constructor(private readonly app: App) {}

	/**
	 * As the app renames with "Automatically update internal links" on, its default: the file (or
	 * every file below a folder) moves, then each note whose wikilinks reached a moved file is
	 * rewritten once to reach it at its new place, as Obsidian writes a new link.
	 */
	async renameFile(file: TAbstractFile, newPath: string): Promise<void> {
		const { vault, metadataCache } = this.app;
		const moving = new Set(file instanceof TFile ? [file] : vault.getFiles().filter((candidate) => candidate.path.startsWith(`${file.path}/`)));
		const toRewrite = new Map<TFile, LinkToMove[]>();
		for (const note of vault.getMarkdownFiles()) {
			const cache = metadataCache.getFileCache(note);
			for (const link of [...(cache?.links ?? []), ...(cache?.embeds ?? []), ...(cache?.frontmatterLinks ?? [])]) {
				const original = link.original;
				if (!original.startsWith("[[") && !original.startsWith("![[")) continue;
				const hash = link.link.indexOf("#");
				const target = metadataCache.getFirstLinkpathDest(hash < 0 ? link.link : link.link.slice(0, hash), note.path);
				if (!target || !moving.has(target)) continue;
				const display = original.includes("|") ? original.slice(original.indexOf("|") + 1, original.lastIndexOf("]]")) : null;
				toRewrite.set(note, [...(toRewrite.get(note) ?? []), { original, target, subpath: hash < 0 ? "" : link.link.slice(hash), display }]);
			}
		}
		await vault.rename(file, newPath);
		for (const [note, links] of toRewrite) {
			await vault.process(note, (text) =>
				links.reduce((written, { original, target, subpath, display }) => {
					const bang = original.startsWith("!") ? "!" : "";
					const linktext = metadataCache.fileToLinktext(target, note.path, true);
					return written.split(original).join(`${bang}[[${linktext}${subpath}${display === null ? "" : `|${display}`}]]`);
				}, text),
			);
		}
	}
}
