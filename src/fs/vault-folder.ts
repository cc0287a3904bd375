import { readdir } from "node:fs/promises";
import { join } from "node:path";
import type { CoachingIndex } from "../core/index/coaching-index";
import { VaultIndexer, type LoadedNote, type VaultSource } from "../core/index/vault-indexer";
import { VaultPaths } from "../core/notes/links";
import type { CoachingSettings } from "../core/settings/settings";
import { loadStoredSettings } from "../core/settings/stored";
import { describeFileError, errorCode } from "./file-errors";
import { noteFromMarkdown, noteFromProperties } from "../markdown/note-from-markdown";
import { readPlainFile, readPlainFileNow } from "./plain-file";
import { holdingAnyWord, wordsOfClient, wordsOfNotesNamed, wordsOfQuery } from "../core/index/concerning";
import { belowClientFolder, mayBearOnCaseload, mayBePersonal } from "../core/notes/facts";
import { noteLines, type NoteSource } from "../core/notes/note";
import type { NoteTexts } from "../core/brief/brief-text";
import { readFrontmatter } from "../markdown/frontmatter";
import { findClient } from "../core/index/find-client";

const PLUGIN_ID = "coaching-alliance";

/** Far beyond any note a person writes; a larger file is reported, not read into memory. */
const MAX_NOTE_BYTES = 64 * 1024 * 1024;
/** A settings file is a few kilobytes. */
const MAX_SETTINGS_BYTES = 8 * 1024 * 1024;

export interface FolderVault extends NoteTexts {
	root: string;
	settings: CoachingSettings;
	index: CoachingIndex;
	paths: VaultPaths;
	/** Problems with the vault's configuration (not with single notes). */
	warnings: string[];
}

/** What the reader found under the vault: files to index, and entries it could not read. */
interface Listing {
	files: string[];
	unreadable: { path: string; problem: string }[];
}

interface FolderOptions {
	configDir?: string;
	progress?: (read: number, of: number) => void;
}

/**
 * Reads a vault folder the way Obsidian sees it: every file outside hidden folders is a link
 * target; markdown notes outside the templates and excluded folders are indexed. It never writes,
 * never follows a symbolic link, and a note or folder it cannot read is reported in the index.
 */
export async function openVaultFolder(root: string, options: FolderOptions = {}): Promise<FolderVault> {
	const folder = await folderReader(root, options);
	await folder.indexer.rebuild(options.progress);
	return folder.vault;
}

/**
 * The vault as a brief of the client the person typed needs it: every note is read, as grep
 * would, but only those that can bear on that client's brief are parsed: every note that may be
 * a client's or a person's (who a conversation is with depends on them), every note below a
 * client folder, and every note whose path or text holds one of the client's name words (see
 * `concerning.ts`). All the texts are held until then, a few tens of megabytes for ten thousand
 * notes. When the query finds no one client, the whole vault is parsed, so what is said (no such
 * client, several, the closest names) is what the whole vault says.
 */
export async function openVaultFolderForBrief(root: string, query: string, options: FolderOptions = {}): Promise<FolderVault> {
	const { indexer, vault } = await folderReader(root, options);
	const indexable = await indexer.startOver();
	const notes = new Map<string, ReadNote>();
	readEach(root, indexable, options.progress, (path, note) => notes.set(path, note));
	const parsed = new Set<string>();
	const parse = (path: string): void => {
		const note = notes.get(path);
		if (note === undefined || parsed.has(path)) return;
		parsed.add(path);
		indexer.put(path, loadedNote(path, note, vault.read));
	};
	/** Parses the notes holding one of the words, and gives them. */
	const parseHolding = (words: readonly string[]): string[] => {
		const holds = holdingAnyWord(words);
		const holding = indexable.filter((path) => holds(path, textOf(notes.get(path))));
		holding.forEach(parse);
		return holding;
	};
	/** A name with no words (`🦊`) cannot be looked for: every note is parsed. */
	const parseNaming = (words: readonly string[]): string[] => {
		if (words.length > 0) return parseHolding(words);
		indexable.forEach(parse);
		return indexable;
	};
	// What cannot be read is reported; every note that may be a client's or a person's is parsed, since a heading or
	// a plain name may name any of them; so is every note below a client folder, which the notes beside it decide.
	for (const [path, note] of notes) if (!("text" in note) || belowClientFolder(path, vault.settings) || mayBePersonalNote(path, note.text, vault.settings)) parse(path);
	// Any note the query finds may be a client because a session's client property names it: those sessions too.
	const found = parseNaming(wordsOfQuery(query)).flatMap((path) => vault.index.get(path) ?? []);
	parseHolding(wordsOfNotesNamed(found, query));
	const lookup = findClient(vault.index.clients(), query);
	if (lookup.kind !== "found") {
		indexable.forEach(parse);
		return vault;
	}
	parseNaming(wordsOfClient(lookup.client));
	return vault;
}

function textOf(note: ReadNote | undefined): string {
	return note !== undefined && "text" in note ? note.text : "";
}

/**
 * The vault as the caseload needs it: every note is read, and parsed whole when it may be a
 * client's, a person's or a conversation's (see `mayBearOnCaseload`); any other note is indexed
 * by its properties alone, and parsed whole afterwards only when it holds a word of a client's
 * names: it may link them, and a note that does counts as a mention since their last session.
 */
export async function openVaultFolderForCaseload(root: string, options: FolderOptions = {}): Promise<FolderVault> {
	const { indexer, vault } = await folderReader(root, options);
	const indexable = await indexer.startOver();
	const byPropertiesOnly = new Map<string, ReadText>();
	readEach(root, indexable, options.progress, (path, note) => {
		if (!("text" in note)) indexer.put(path, { problem: note.problem });
		else if (bearsOnCaseload(path, note, vault)) indexer.put(path, loadedNote(path, note, vault.read));
		else {
			byPropertiesOnly.set(path, note);
			indexer.put(path, withReadProblem(() => noteFromProperties(path, note.text, note, () => vault.read(path)), note));
		}
	});
	const holds = holdingAnyWord(vault.index.clients().flatMap(wordsOfClient));
	for (const [path, note] of byPropertiesOnly) if (holds(path, note.text)) indexer.put(path, loadedNote(path, note, vault.read));
	return vault;
}

/** Reads the notes one after another, handing each over as it is read, and says how far it got every few hundred. */
function readEach(root: string, paths: readonly string[], progress: FolderOptions["progress"], take: (path: string, note: ReadNote) => void): void {
	paths.forEach((path, at) => {
		take(path, readNote(root, path));
		if ((at + 1) % 256 === 0 || at + 1 === paths.length) progress?.(at + 1, paths.length);
	});
}

/** Whether the note may be a client's, a person's or a conversation's, from its properties; when in doubt, it may. */
function bearsOnCaseload(path: string, note: ReadText, vault: FolderVault): boolean {
	try {
		return mayBearOnCaseload(noteFromProperties(path, note.text, note, () => vault.read(path)), note.text, vault.settings);
	} catch {
		// The whole note is parsed, and what cannot be read in it is reported there.
		return true;
	}
}

/** The settings, the link targets and an empty index for a vault folder. */
async function folderReader(root: string, options: FolderOptions): Promise<{ indexer: VaultIndexer; vault: FolderVault }> {
	const configDir = options.configDir ?? ".obsidian";
	const warnings: string[] = [];
	const pluginData = await readJson(root, `${configDir}/plugins/${PLUGIN_ID}/data.json`, warnings);
	const { settings, problems, newerVersion } = loadStoredSettings(pluginData);
	for (const problem of [...(newerVersion === null ? [] : [newerVersion]), ...problems]) {
		warnings.push(`${configDir}/plugins/${PLUGIN_ID}/data.json: ${problem}`);
	}
	const paths = new VaultPaths();
	const read = async (path: string): Promise<string> => decodeNote((await readPlainFile(join(root, path), MAX_NOTE_BYTES)).bytes).text;
	const source: VaultSource = {
		list: async () => {
			const { files, unreadable } = await listFiles(root);
			// Every file is a link target, a note or not, before any note is indexed.
			for (const path of files) paths.add(path);
			return { paths: files, unreadable };
		},
		load: (path) => Promise.resolve(loadedNote(path, readNote(root, path), read)),
		// Files are read synchronously, one whole note at a time: more at once would only hold more text.
		concurrentLoads: 1,
		readConfig: (file) => readJson(root, `${configDir}/${file}`, warnings),
	};
	const indexer = new VaultIndexer(paths, () => settings, source);
	// A note's properties as the command line reads them everywhere: the same reader as for indexing.
	const properties = async (path: string): Promise<Record<string, unknown> | null> => readFrontmatter(noteLines(await read(path))).data;
	return { indexer, vault: { root, settings, index: indexer.index, paths, read, properties, warnings } };
}

/** A note's text as read from disk, with its times and what was wrong with its bytes; or why it could not be read. */
type ReadNote = ReadText | { problem: string };
type ReadText = { text: string; ctime: number; mtime: number; problem: string | null };

function readNote(root: string, path: string): ReadNote {
	let file: { bytes: Buffer; ctime: number; mtime: number };
	try {
		file = readPlainFileNow(join(root, path), MAX_NOTE_BYTES);
	} catch (error) {
		return { problem: `could not be read: ${describeFileError(error)}` };
	}
	const decoded = decodeNote(file.bytes);
	if (decoded.notText !== null) return { problem: decoded.notText };
	return { text: decoded.text, ctime: file.ctime, mtime: file.mtime, problem: decoded.problem };
}

/** The note, parsed when the index asks for it, so a note that cannot be parsed is reported there: only its facts outlive the read. */
function loadedNote(path: string, note: ReadNote, read: (path: string) => Promise<string>): LoadedNote {
	if (!("text" in note)) return { problem: note.problem };
	return withReadProblem(() => noteFromMarkdown(path, note.text, note, () => read(path)), note);
}

/** The note, with what was wrong with its bytes first among its problems. */
function withReadProblem(parse: () => NoteSource, note: { problem: string | null }): LoadedNote {
	return {
		note: () => {
			const parsed = parse();
			return note.problem === null ? parsed : { ...parsed, problems: [note.problem, ...parsed.problems] };
		},
	};
}

/** Whether the note may be a client's or a person's, from its properties alone (see `mayBePersonal`). */
function mayBePersonalNote(path: string, text: string, settings: CoachingSettings): boolean {
	try {
		return mayBePersonal(noteFromProperties(path, text, NO_TIMES, () => Promise.resolve(text)), text, settings);
	} catch {
		// Parsed whole, and what cannot be read in it reported there.
		return true;
	}
}

const NO_TIMES = { ctime: 0, mtime: 0 };

/**
 * A note's bytes as Obsidian reads them, UTF-8; what is not UTF-8 text is said plainly: a file of
 * binary data or one saved as UTF-16 is not read as a note at all.
 */
function decodeNote(bytes: Buffer): { text: string; notText: string | null; problem: string | null } {
	const head = bytes.subarray(0, 8192);
	if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || looksLikeUtf16(head)) {
		return { text: "", notText: "is saved as UTF-16 text, which Obsidian does not read; save it as UTF-8", problem: null };
	}
	if (head.includes(0)) return { text: "", notText: "is not text (it holds binary data), so it was not read", problem: null };
	const text = bytes.toString("utf8");
	const problem = text.includes("\uFFFD") && !isValidUtf8(bytes) ? "holds bytes that are not UTF-8 text; those characters could not be read" : null;
	return { text, notText: null, problem };
}

/** UTF-16 without a byte order mark: Latin text then has a zero in every other byte, all on one side. */
function looksLikeUtf16(head: Buffer): boolean {
	const pairs = Math.floor(head.length / 2);
	if (pairs < 4) return false;
	let zeroEven = 0;
	let zeroOdd = 0;
	for (let index = 0; index + 1 < head.length; index += 2) {
		if (head[index] === 0) zeroEven++;
		if (head[index + 1] === 0) zeroOdd++;
	}
	return Math.max(zeroEven, zeroOdd) > pairs * 0.4 && Math.min(zeroEven, zeroOdd) < pairs * 0.05;
}

function isValidUtf8(bytes: Buffer): boolean {
	try {
		new TextDecoder("utf-8", { fatal: true }).decode(bytes);
		return true;
	} catch {
		return false;
	}
}

const NAME_DECODER = new TextDecoder("utf-8", { fatal: true });

/**
 * Vault-relative paths with `/`, hidden files and folders left out as Obsidian leaves them out,
 * symbolic links and special files (pipes, sockets) never followed or opened. Walks with a stack
 * of folders to visit, so a deep tree costs no call stack.
 */
async function listFiles(root: string): Promise<Listing> {
	const listing: Listing = { files: [], unreadable: [] };
	const folders = [""];
	for (let next = folders.pop(); next !== undefined; next = folders.pop()) {
		let entries;
		try {
			entries = await readdir(join(root, next), { withFileTypes: true, encoding: "buffer" });
		} catch (error) {
			listing.unreadable.push({ path: next, problem: `this folder could not be read: ${describeFileError(error)}` });
			continue;
		}
		const named = entries.map((entry) => ({ entry, name: decodeName(entry.name) }));
		named.sort((a, b) => a.name.text.localeCompare(b.name.text));
		const subfolders: string[] = [];
		for (const { entry, name } of named) {
			if (name.text.startsWith(".")) continue;
			const path = next === "" ? name.text : `${next}/${name.text}`;
			if (!name.valid) {
				listing.unreadable.push({ path, problem: "its name is not valid UTF-8 text, so it cannot be read; rename it" });
				continue;
			}
			if (entry.isDirectory()) subfolders.push(path);
			else if (entry.isFile()) listing.files.push(path);
		}
		// A stack, the first subfolder on top: depth first, in name order, with no argument list as long as a folder.
		for (let index = subfolders.length - 1; index >= 0; index--) folders.push(subfolders[index] as string);
	}
	return listing;
}

function decodeName(name: Buffer): { text: string; valid: boolean } {
	try {
		return { text: NAME_DECODER.decode(name), valid: true };
	} catch {
		return { text: name.toString("utf8"), valid: false };
	}
}

/** A configuration file: absent is normal; present but unreadable or not JSON is said once, then ignored. */
async function readJson(root: string, path: string, warnings: string[]): Promise<unknown> {
	let text: string;
	try {
		text = (await readPlainFile(join(root, path), MAX_SETTINGS_BYTES)).bytes.toString("utf8");
	} catch (error) {
		if (errorCode(error) !== "ENOENT") warnings.push(`${path} could not be read (${describeFileError(error)}); it was ignored.`);
		return undefined;
	}
	try {
		return JSON.parse(text) as unknown;
	} catch {
		warnings.push(`${path} is not valid JSON; it was ignored.`);
		return undefined;
	}
}
