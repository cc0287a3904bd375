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
 * targets. Checked against recorded Obsidian output in tests/fs/oracle.test.ts.
 */
export class VaultPaths implements LinkResolver {
	private readonly byFileName = new Map<string, Set<string>>();

	constructor(paths: Iterable<string> = []) {
		for (const path of paths) this.add(path);
	}

	add(path: string): void {
		const key = fileNameKey(path);
		let set = this.byFileName.get(key);
		if (!set) {
			set = new Set();
			this.byFileName.set(key, set);
		}
		set.add(path);
	}

	remove(path: string): void {
		const key = fileNameKey(path);
		const set = this.byFileName.get(key);
		set?.delete(path);
		if (set?.size === 0) this.byFileName.delete(key);
	}

	has(path: string): boolean {
		return this.byFileName.get(fileNameKey(path))?.has(path) ?? false;
	}

	resolve(link: string, sourcePath: string): string | null {
		let linkpath = linkpathOf(link);
		if (linkpath === "") return this.has(sourcePath) ? sourcePath : null;
		if (linkpath.startsWith("./") || linkpath.startsWith("../")) linkpath = joinRelative(folderOf(sourcePath), linkpath);
		const absolute = linkpath.startsWith("/");
		const wanted = linkpath.replace(/^\/+/, "").normalize("NFC").toLowerCase();
		if (wanted === "") return null;

		const lastSegment = wanted.slice(wanted.lastIndexOf("/") + 1);
		const candidates = [...(this.byFileName.get(lastSegment) ?? []), ...(this.byFileName.get(`${lastSegment}.md`) ?? [])];
		const matches = candidates.filter((path) => {
			const lower = path.normalize("NFC").toLowerCase();
			const exact = lower === wanted || lower === `${wanted}.md`;
			if (absolute || wanted.includes("/")) return exact || lower.endsWith(`/${wanted}`) || lower.endsWith(`/${wanted}.md`);
			return true;
		});
		if (matches.length === 0) return null;

		const sourceFolder = folderOf(sourcePath).normalize("NFC").toLowerCase();
		const rank = (path: string): [number, number, number] => {
			const lower = path.normalize("NFC").toLowerCase();
			const exact = lower === wanted || lower === `${wanted}.md` ? 0 : 1;
			const sameFolder = folderOf(lower) === sourceFolder ? 0 : 1;
			return [exact, sameFolder, path.length];
		};
		matches.sort((a, b) => {
			const [ea, fa, la] = rank(a);
			const [eb, fb, lb] = rank(b);
			return ea - eb || fa - fb || la - lb || (a < b ? -1 : a > b ? 1 : 0);
		});
		return matches[0] ?? null;
	}
}

/** A file name as links find it: any case, accents composed (a name saved decomposed, as macOS does, is the same name). */
function fileNameKey(path: string): string {
	return path.slice(path.lastIndexOf("/") + 1).normalize("NFC").toLowerCase();
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
