import type { Client } from "./coaching-index";
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
 * alias and of their file name. Every link to them, plain name, alias and heading naming them
 * starts with one of these, and their own folder is named by their name.
 */
export function wordsOfClient(client: Client): string[] {
	const fileName = client.path === null ? [] : [client.path.slice(client.path.lastIndexOf("/") + 1).replace(/\.md$/i, "")];
	return firstWords([client.name, ...client.aliases, ...fileName]);
}

function firstWords(names: readonly string[]): string[] {
	return [...new Set(names.flatMap((name) => nameWords(name).slice(0, 1)))];
}

/**
 * Whether a note's path or text holds one of the words, in any case and accent form (names are
 * compared composed, as `fold` composes them); a Markdown link writes names percent-encoded
 * (`Zo%C3%AB`, or `Zoe%CC%88` from decomposed text), so those spellings count too.
 */
export function holdingAnyWord(words: readonly string[]): (path: string, text: string) => boolean {
	const spellings = [...new Set(words.flatMap((word) => [word, ...[word, word.normalize("NFD")].map((form) => encodeURIComponent(form).toLowerCase())]))];
	// Only a word beyond ASCII can be written in another normalisation form.
	const comparable = spellings.every(isAscii) ? (raw: string) => raw.toLowerCase() : (raw: string) => raw.normalize("NFC").toLowerCase();
	const holds = (raw: string): boolean => {
		const haystack = comparable(raw);
		return spellings.some((spelling) => haystack.includes(spelling));
	};
	return (path, text) => spellings.length > 0 && (holds(path) || holds(text));
}

function isAscii(text: string): boolean {
	for (let at = 0; at < text.length; at++) if (text.charCodeAt(at) > 0x7f) return false;
	return true;
}
