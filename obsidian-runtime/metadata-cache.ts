/** The metadata cache: what Obsidian records of each note, parsed by the project's own reader, with its events after the vault's. */
import { frontmatterTags } from "../src/markdown/frontmatter";
import type { CachedMetadata } from "obsidian";
import { Events } from "./events";
import { TFile, Vault } from "./vault";
import { VaultPaths } from "../src/core/notes/links";
import { parseMarkdown } from "../src/markdown/note-from-markdown";
import { noteLines } from "../src/core/notes/note";

/**
 * CachedMetadata for a note's text, in the shape Obsidian records: positions carry lines and
 * offsets (a position starts at its line's start); `sections` are the properties, each heading,
 * and each run of other lines between blank lines and headings (the app tells lists, code and
 * quotes apart; none of that matters to where a note's text ends).
 */
export function cachedMetadataFor(text: string): CachedMetadata {
	const parsed = parseMarkdown(text);
	const lines = noteLines(text);
	const startOf = (line: number): number => parsed.lineStarts[line] ?? 0;
	const lineEnd = (line: number) => ({ line, col: (lines[line] ?? "").length, offset: startOf(line) + (lines[line] ?? "").length });
	const at = (line: number) => ({ start: { line, col: 0, offset: startOf(line) }, end: lineEnd(line) });
	const cache: CachedMetadata = {};
	if (parsed.frontmatterEndLine >= 0) {
		cache.frontmatterPosition = { start: { line: 0, col: 0, offset: 0 }, end: { line: parsed.frontmatterEndLine, col: 3, offset: startOf(parsed.frontmatterEndLine) + 3 } };
	}
	cache.sections = sectionsOf(lines, parsed.frontmatterEndLine, new Set(parsed.headings.map((heading) => heading.line)), at, lineEnd);
	// The app keeps no properties at all from a block it cannot parse (the Properties view says
	// "invalid properties"): only the block's position. What our reader salvages stays out of the cache.
	if (parsed.frontmatter && parsed.problems.length === 0) {
		cache.frontmatter = parsed.frontmatter as CachedMetadata["frontmatter"];
		cache.frontmatterLinks = parsed.frontmatterLinks.map((link) => ({
			key: link.key,
			link: link.link,
			displayText: link.displayText,
			original: `[[${link.link}]]`,
		}));
	}
	const reference = (link: (typeof parsed.links)[number]) => ({
		link: link.link,
		displayText: link.displayText,
		original: link.original,
		position: at(link.line),
	});
	if (parsed.links.length > 0) cache.links = parsed.links.map(reference);
	if (parsed.embeds.length > 0) cache.embeds = parsed.embeds.map(reference);
	if (parsed.inlineTags.length > 0) cache.tags = parsed.inlineTags.map(({ tag, line }) => ({ tag, position: at(line) }));
	if (parsed.headings.length > 0) {
		cache.headings = parsed.headings.map(({ heading, level, line }) => ({ heading, level, position: at(line) }));
	}
	if (parsed.listItems.length > 0) {
		cache.listItems = parsed.listItems.map((item) => ({
			parent: -1,
			position: at(item.line),
			...(item.task === undefined ? {} : { task: item.task }),
		}));
	}
	return cache;
}

function sectionsOf(
	lines: readonly string[],
	frontmatterEndLine: number,
	headingLines: ReadonlySet<number>,
	at: (line: number) => { start: { line: number; col: number; offset: number }; end: { line: number; col: number; offset: number } },
	lineEnd: (line: number) => { line: number; col: number; offset: number },
): NonNullable<CachedMetadata["sections"]> {
	const sections: NonNullable<CachedMetadata["sections"]> = [];
	if (frontmatterEndLine >= 0) sections.push({ type: "yaml", position: { start: at(0).start, end: lineEnd(frontmatterEndLine) } });
	let runStart = -1;
	const endRun = (last: number): void => {
		if (runStart >= 0) sections.push({ type: "paragraph", position: { start: at(runStart).start, end: lineEnd(last) } });
		runStart = -1;
	};
	for (let line = frontmatterEndLine + 1; line < lines.length; line++) {
		if (headingLines.has(line)) {
			endRun(line - 1);
			sections.push({ type: "heading", position: at(line) });
		} else if ((lines[line] ?? "").trim() === "") {
			endRun(line - 1);
		} else if (runStart < 0) {
			runStart = line;
		}
	}
	endRun(lines.length - 1);
	return sections;
}

export class MetadataCache extends Events {
	private readonly caches = new Map<string, CachedMetadata>();
	private readonly paths = new VaultPaths();
	private pending = 0;

	constructor(private readonly vault: Vault) {
		super();
		for (const file of vault.getFiles()) this.paths.add(file.path);
		vault.onChange = (kind, file, oldPath) => this.onVaultChange(kind, file, oldPath);
	}

	/** Parses every markdown note, as Obsidian does on start-up before `resolved`: a warm start, its cache kept from the last session. */
	async initialise(): Promise<void> {
		for (const file of this.vault.getMarkdownFiles()) this.caches.set(file.path, cachedMetadataFor(await this.vault.read(file)));
	}

	/**
	 * A cold start (a vault opened for the first time, a phone that dropped its cache): no note has
	 * a cache yet, whatever the layout does meanwhile. Each note is parsed after a delay drawn from
	 * `seed`, in an order of its own, and announced with `changed` and `resolve`; one `resolved`
	 * follows when the queue is empty. Resolves when every note is parsed.
	 */
	startCold(seed: number, longestDelayMs = 20): Promise<void> {
		this.caches.clear();
		let state = seed >>> 0;
		const nextDelay = (): number => {
			state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
			return state % (longestDelayMs + 1);
		};
		const files = this.vault.getMarkdownFiles();
		this.pending++;
		return Promise.all(
			files.map(
				(file) =>
					new Promise<void>((resolve) => {
						setTimeout(() => {
							void this.vault
								.read(file)
								.then((data) => {
									if (this.vault.getFileByPath(file.path) !== file || this.caches.has(file.path)) return;
									const cache = cachedMetadataFor(data);
									this.caches.set(file.path, cache);
									this.trigger("changed", file, data, cache);
									this.trigger("resolve", file);
								})
								.catch(() => undefined)
								.finally(resolve);
						}, nextDelay());
					}),
			),
		).then(() => {
			this.trigger("resolved");
			this.pending--;
		});
	}

	getFileCache(file: TFile): CachedMetadata | null {
		return this.caches.get(file.path) ?? null;
	}

	getCache(path: string): CachedMetadata | null {
		return this.caches.get(path) ?? null;
	}

	/** The shortest link that reaches the file, as Obsidian's default "shortest path when possible" writes it. */
	fileToLinktext(file: TFile, _sourcePath: string, omitMdExtension = true): string {
		const name = file.extension === "md" && omitMdExtension ? file.basename : file.name;
		const sameName = this.vault.getFiles().filter((other) => other.name.toLowerCase() === file.name.toLowerCase());
		if (sameName.length <= 1) return name;
		return file.extension === "md" && omitMdExtension ? file.path.slice(0, -3) : file.path;
	}

	getFirstLinkpathDest(linkpath: string, sourcePath: string): TFile | null {
		const target = this.paths.resolve(linkpath, sourcePath);
		return target === null ? null : this.vault.getFileByPath(target);
	}

	/** Resolves once every change made so far has been parsed and announced. */
	async settled(): Promise<void> {
		while (this.pending > 0) await new Promise((resolve) => setTimeout(resolve, 1));
	}

	private onVaultChange(kind: "create" | "modify" | "delete" | "rename", file: TFile, oldPath?: string): void {
		if (kind === "create") this.paths.add(file.path);
		if (kind === "rename" && oldPath !== undefined) {
			this.paths.remove(oldPath);
			this.paths.add(file.path);
			const cache = this.caches.get(oldPath);
			this.caches.delete(oldPath);
			if (cache) this.caches.set(file.path, cache);
			this.announceResolved();
			return;
		}
		if (kind === "delete") {
			this.paths.remove(file.path);
			const previous = this.caches.get(file.path) ?? null;
			this.caches.delete(file.path);
			this.trigger("deleted", file, previous);
			this.announceResolved();
			return;
		}
		if (file.extension !== "md") return;
		this.pending++;
		// Obsidian parses off the main thread: `changed` arrives after the vault event, never inside it.
		setTimeout(() => {
			void this.vault.read(file).then(
				(data) => {
					if (this.vault.getFileByPath(file.path) === file) {
						const cache = cachedMetadataFor(data);
						this.caches.set(file.path, cache);
						this.trigger("changed", file, data, cache);
						this.trigger("resolve", file);
						this.trigger("resolved");
					}
					this.pending--;
				},
				() => {
					this.pending--;
				},
			);
		}, 0);
	}

	private announceResolved(): void {
		this.pending++;
		setTimeout(() => {
			this.trigger("resolved");
			this.pending--;
		}, 0);
	}
}

/** Frontmatter tags first, then inline tags, each with `#`: Obsidian's order. */
export function getAllTags(cache: CachedMetadata): string[] | null {
	return [...frontmatterTags(cache.frontmatter ?? null).map((tag) => `#${tag}`), ...(cache.tags ?? []).map((tag) => tag.tag)];
}
