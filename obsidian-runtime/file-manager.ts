/** The file manager: renaming as the file explorer renames, links in other notes kept pointing at the file; properties edited as the app edits them. */
import { parse, stringify } from "yaml";
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
	 * As the app: the note's properties block is parsed (a block that is not YAML throws, and the
	 * note is left as it was), handed to `fn` to change in place, and written back as the app
	 * writes YAML, in one atomic edit; the text after the block is kept exactly. A note without
	 * properties gains a block at its top.
	 */
	async processFrontMatter(file: TFile, fn: (frontmatter: Record<string, unknown>) => void): Promise<void> {
		await this.app.vault.process(file, (text) => {
			const block = /^---\r?\n([\s\S]*?\r?\n)?---(?:\r?\n|$)/.exec(text);
			const parsed: unknown = block ? parse(block[1] ?? "") : {};
			const frontmatter = (parsed ?? {}) as Record<string, unknown>;
			if (typeof frontmatter !== "object" || Array.isArray(frontmatter)) throw new Error("The properties are not a YAML mapping");
			fn(frontmatter);
			const yaml = Object.keys(frontmatter).length === 0 ? "" : stringify(frontmatter, { lineWidth: 0 });
			return `---\n${yaml}---\n${block ? text.slice(block[0].length) : text}`;
		});
	}

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
