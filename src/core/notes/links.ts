import { basenameOf, folderOf } from "./note";
import { fold } from "./fold";

/** Answers what a link in a note points to, as Obsidian's `getFirstLinkpathDest` does. */
export interface LinkResolver {
	/** The vault path the link resolves to, or null when no file matches. */
	resolve(link: string, sourcePath: string): string | null;
}

/** The path part of a link: `Maya Chen#Goals` → `Maya Chen`; `#Goals` → `` (the note itself). */
export function linkpathOf(link: string): string {
	const hash = link.indexOf("#");
	return (hash < 0 ? link : link.slice(0, hash)).trim();
}

/**
 * The name a link, a file, an alias or a plain-text client is looked up by: its last path segment,
 * without `.md`, folded as names are (`fold`: case, spacing, composed accents). `[[Clients/Maya Chen]]`,
 * `[[maya chen.md]]`, `Clients/Maya Chen.md` and `Maya  Chen` all give `maya chen`.
 */
export function nameKey(linkOrPath: string): string {
	return fold(basenameOf(linkpathOf(linkOrPath)));
}

/**
 * Link resolution over a set of vault paths, kept current file by file: case-insensitive; a
 * path-qualified link must match the end of the path; with several candidates the exact path
 * wins, then a file in the linking note's folder, then the shortest path. Aliases are not link
 * targets. Checked against recorded Obsidian output in tests/markdown/oracle.test.ts.
 */
export class VaultPaths implements LinkResolver {
	/** File name key → each path with that name, with the path as links compare it (any case, accents composed). */
	private readonly byFileName = new Map<string, Map<string, string>>();

	constructor(paths: Iterable<string> = []) {
		for (const path of paths) this.add(path);
	}

	add(path: string): void {
		const key = fileNameKey(path);
		let named = this.byFileName.get(key);
		if (!named) {
			named = new Map();
			this.byFileName.set(key, named);
		}
		named.set(path, comparable(path));
	}

	remove(path: string): void {
		const key = fileNameKey(path);
		const named = this.byFileName.get(key);
		named?.delete(path);
		if (named?.size === 0) this.byFileName.delete(key);
	}

	has(path: string): boolean {
		return this.byFileName.get(fileNameKey(path))?.has(path) ?? false;
	}

	/**
	 * The best candidate in one pass over the notes that share the link's file name (never a sort):
	 * a vault of 1,500 notes called "Maya Chen" costs each link 1,500 comparisons, not a sort of them.
	 */
	resolve(link: string, sourcePath: string): string | null {
		let linkpath = linkpathOf(link);
		if (linkpath === "") return this.has(sourcePath) ? sourcePath : null;
		if (linkpath.startsWith("./") || linkpath.startsWith("../")) linkpath = joinRelative(folderOf(sourcePath), linkpath);
		const absolute = linkpath.startsWith("/");
		const wanted = comparable(linkpath.replace(/^\/+/, ""));
		if (wanted === "") return null;

		const lastSegment = wanted.slice(wanted.lastIndexOf("/") + 1);
		const sourceFolder = comparable(folderOf(sourcePath));
		const qualified = absolute || wanted.includes("/");
		let best: { path: string; rank: [number, number, number] } | null = null;
		for (const named of [this.byFileName.get(lastSegment), this.byFileName.get(`${lastSegment}.md`)]) {
			for (const [path, lower] of named ?? []) {
				const exact = lower === wanted || lower === `${wanted}.md`;
				if (qualified && !(exact || lower.endsWith(`/${wanted}`) || lower.endsWith(`/${wanted}.md`))) continue;
				const rank: [number, number, number] = [exact ? 0 : 1, folderOf(lower) === sourceFolder ? 0 : 1, path.length];
				if (best === null || isBetter(rank, path, best.rank, best.path)) best = { path, rank };
			}
		}
		return best?.path ?? null;
	}
}

/** Exact path first, then the linking note's folder, then the shortest path, then the path's order: Obsidian's choice. */
function isBetter(rank: [number, number, number], path: string, bestRank: [number, number, number], bestPath: string): boolean {
	for (let index = 0; index < 3; index++) {
		const difference = (rank[index] ?? 0) - (bestRank[index] ?? 0);
		if (difference !== 0) return difference < 0;
	}
	return path < bestPath;
}

function comparable(path: string): string {
	return path.normalize("NFC").toLowerCase();
}

/** A file name as links find it: any case, accents composed (a name saved decomposed, as macOS does, is the same name). */
function fileNameKey(path: string): string {
	return comparable(path.slice(path.lastIndexOf("/") + 1));
}

function joinRelative(folder: string, relative: string): string {
	const parts = folder === "" ? [] : folder.split("/");
	for (const segment of relative.split("/")) {
		if (segment === "..") parts.pop();
		else if (segment !== "." && segment !== "") parts.push(segment);
	}
	return `/${parts.join("/")}`;
}

/** `[[Target|Alias]]` or `[[Target]]` written as a property value; null for plain text. */
export function linkInPropertyValue(value: string): { link: string; display: string } | null {
	const match = /^\s*!?\[\[([^[\]|]*)(?:\|([^[\]]*))?\]\]\s*$/.exec(value);
	if (!match) {
		const markdown = /^\s*\[([^[\]]*)\]\(([^()]+)\)\s*$/.exec(value);
		if (!markdown?.[2] || /^[a-z][a-z0-9+.-]*:/i.test(markdown[2])) return null;
		const target = decodeLinkTarget(markdown[2].replace(/^<|>$/g, ""));
		return { link: target, display: markdown[1] || basenameOf(linkpathOf(target)) };
	}
	const link = (match[1] ?? "").trim();
	if (link === "") return null;
	return { link, display: (match[2] ?? "").trim() || basenameOf(linkpathOf(link)) };
}

/** `Maya%20Chen.md` → `Maya Chen.md`, as Obsidian reads markdown link targets; malformed escapes stay as written. */
export function decodeLinkTarget(target: string): string {
	try {
		return decodeURI(target);
	} catch {
		return target;
	}
}
