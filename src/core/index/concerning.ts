import type { Client } from "./coaching-index";
import { caseless } from "../notes/fold";
import { nameWords } from "../notes/names";

/**
 * Which notes a brief of one client can draw on, told from a note's path and raw text before it
 * is parsed, so the command line parses a few notes rather than the whole vault. Each test may
 * let through notes that turn out not to matter, never leave out one that does: every way a note
 * names a client (a link, an alias, a plain name, a heading, a folder) writes one of the client's
 * name words in the note's path or text.
 */

/**
 * The words a note must hold to name someone the person typed: the first word of the name (or of
 * the file name, for a path). A client found by path, name, alias or first name has it in their
 * file's path or in the note that names them.
 */
export function wordsOfQuery(query: string): string[] {
	const name = query.trim().replace(/\.md$/i, "");
	return firstWords([name.slice(name.lastIndexOf("/") + 1)]);
}

/**
 * The words a note must hold to bear on the client's brief: the first word of their name, of each
 * alias and of their file name (for a client without a note, of the name their key stands for).
 * Every link to them, plain name, alias and heading naming them starts with one of these, and
 * their own folder is named by their name.
 */
export function wordsOfClient(client: Client): string[] {
	const fileName = client.path ?? client.key.slice(1);
	return firstWords([client.name, ...client.aliases, fileName.slice(fileName.lastIndexOf("/") + 1).replace(/\.md$/i, "")]);
}

/**
 * The words of the notes the query may find by name or alias, for a note of no kind may be a client
 * because a session's client property names it: such a property writes the first word of its file name.
 */
export function wordsOfNotesNamed(notes: Iterable<{ path: string; aliases: readonly string[] }>, query: string): string[] {
	const wanted = new Set(wordsOfQuery(query));
	const named = [...notes].filter(({ path, aliases }) => [fileNameOf(path), ...aliases].some((name) => wanted.has(nameWords(name)[0] ?? "")));
	return firstWords(named.map(({ path }) => fileNameOf(path)));
}

function fileNameOf(path: string): string {
	return path.slice(path.lastIndexOf("/") + 1).replace(/\.md$/i, "");
}

function firstWords(names: readonly string[]): string[] {
	return [...new Set(names.flatMap((name) => nameWords(name).slice(0, 1)))];
}

/**
 * Whether a note's path or text holds one of the words, as names are compared: any case (a final
 * sigma is a sigma), composed accents. Percent-encoded spellings in Markdown links are read as
 * what they encode. A properties block may spell a letter as an escape (`\x4D`), so a note
 * with one holds every word.
 */
export function holdingAnyWord(words: readonly string[]): (path: string, text: string) => boolean {
	const spellings = [...new Set(words.map(caseless))];
	// Plain letters and digits are found in lower case alone: no other form of a text hides one.
	const comparable = spellings.every((spelling) => /^[a-z0-9]*$/.test(spelling)) ? (text: string) => text.toLowerCase() : caseless;
	const holds = (raw: string): boolean => {
		const haystack = comparable(raw.includes("%") ? percentDecoded(raw) : raw);
		return spellings.some((spelling) => haystack.includes(spelling));
	};
	return (path, text) => holds(path) || holds(text) || /\\[xuU]/.test(text);
}

/** Each run of percent-encoded UTF-8 read as what it encodes; a run that is not UTF-8 stays as written. */
function percentDecoded(text: string): string {
	return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
		try {
			return decodeURIComponent(run);
		} catch {
			return run;
		}
	});
}
