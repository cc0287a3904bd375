/**
 * The one small interface through which the core reads a note. The Obsidian adapter fills it
 * from the metadata cache; the filesystem reader fills it from the file on disk. Line numbers
 * are 0-based, as in Obsidian's CachedMetadata.
 */
export interface NoteLink {
	/** The link target as Obsidian records it: path, maybe with `#heading` or `#^block`. */
	link: string;
	displayText?: string;
	line: number;
}

export interface FrontmatterLink {
	/** The property it stands in; list items are `key.0`, `key.1`, as Obsidian records them. */
	key: string;
	link: string;
	displayText?: string;
}

export interface NoteTask {
	line: number;
	/** The character between the brackets: " ", "x", "/", "-", ">" or any other. */
	status: string;
	/** The task's text after the checkbox, on its first line. */
	text: string;
}

export interface NoteHeading {
	heading: string;
	level: number;
	line: number;
	/** Where the heading starts in the note's text, in UTF-16 code units as the editor counts: how long each section is. */
	offset?: number;
}

export type AwaitingText = "tasks" | "properties";

/**
 * A note as the core reads it. What a front end cuts from a text it read is `interned`, since the
 * index keeps some of it for as long as the note is in it; Obsidian's metadata cache hands its own.
 */
export interface NoteSource {
	/** Vault-relative path with `/`, including the `.md` extension. */
	path: string;
	/** Parsed frontmatter, or null when there is none (or none could be read). */
	frontmatter: Record<string, unknown> | null;
	frontmatterLinks: FrontmatterLink[];
	links: NoteLink[];
	embeds: NoteLink[];
	/** Every tag of the note, frontmatter and inline, without `#`, in order of appearance. */
	tags: string[];
	/** Tags written in the text, each with its 0-based line (frontmatter tags have none): a section's themes are the tags inside it. */
	inlineTags: { tag: string; line: number }[];
	tasks: NoteTask[];
	headings: NoteHeading[];
	/**
	 * Where the note's body (what follows its properties) starts and its text ends, in UTF-16 code
	 * units: how much is written in it. Absent when only the properties were read.
	 */
	body?: { start: number; end: number };
	/** Creation and modification times in ms since the epoch; 0 when unknown. */
	ctime: number;
	mtime: number;
	/** What could not be read cleanly (for example broken YAML), in words a coach understands. */
	problems: string[];
	/**
	 * What is missing because the note's text is not read yet: the words of its tasks, or its
	 * properties (Obsidian could not parse them, so who the note is about is unknown too). The
	 * plugin builds its index from the metadata cache alone, and reads such notes afterwards, or at
	 * once for the client a view is about to show.
	 */
	awaitingText?: AwaitingText | null;
	read(): Promise<string>;
}

/**
 * A piece of a note's text that no longer holds the whole text, and is held once however many
 * notes hold it. In V8 a substring may point into the string it was cut from, so one task's words
 * kept by the index would keep its note's text alive, and a vault's worth of text with them. A
 * property's name is copied into the engine's table of names, which holds one of each and lets go
 * of those no one uses: a client's name linked from three hundred sessions is held once.
 */
export function interned(piece: string): string {
	// Without a prototype the object keeps its names in a table of its own: an object literal would
	// add a shape per name to the engine's shared tree of shapes, and slow every other object literal.
	const named = Object.create(null) as Record<string, true>;
	named[piece] = true;
	for (const name in named) return name;
	return piece;
}

export function basenameOf(path: string): string {
	const name = path.slice(path.lastIndexOf("/") + 1);
	return name.toLowerCase().endsWith(".md") ? name.slice(0, -3) : name;
}

export function folderOf(path: string): string {
	const slash = path.lastIndexOf("/");
	return slash < 0 ? "" : path.slice(0, slash);
}

/** A note's lines as Obsidian's editor counts them: `\r\n`, `\r` and `\n` each end a line; a byte order mark is not text. */
export function noteLines(text: string): string[] {
	return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\r|\n/);
}

/** The line of the `---` that closes a note's frontmatter block, or -1 when the note has none. */
export function frontmatterEnd(lines: readonly string[]): number {
	if (lines[0]?.trimEnd() !== "---") return -1;
	for (let line = 1; line < lines.length; line++) if (lines[line]?.trimEnd() === "---") return line;
	return -1;
}

/** The folder most of these notes are in (ties to the first by name), or null for none: where a new one of them belongs. */
export function mostCommonFolder(paths: Iterable<string>): string | null {
	const counts = new Map<string, number>();
	for (const path of paths) counts.set(folderOf(path), (counts.get(folderOf(path)) ?? 0) + 1);
	const [busiest] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
	return busiest?.[0] ?? null;
}
