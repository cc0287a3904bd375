import type { Client } from "./coaching-index";
import { fold, searchKey } from "../notes/fold";
import { looseName, nameWords } from "../notes/names";

export type ClientLookup =
	| { kind: "found"; client: Client }
	| { kind: "ambiguous"; clients: Client[] }
	| { kind: "none"; suggestions: string[] };

/**
 * Finds a client by what a person types, as a plain-text name in a note is read: a path, a file
 * name, an alias, then a first name (any case; hyphens, underscores and spaces alike), then the
 * same without accents. A file name beats an alias, so `Maya` finds the note called Maya before
 * someone whose alias is Maya, and either before Maya Chen found by her first name.
 */
export function findClient(clients: readonly Client[], query: string): ClientLookup {
	// The exact path always chooses: two notes whose paths differ only in case are still two clients.
	const exact = clients.filter((client) => client.path !== null && [client.path, client.path.replace(/\.md$/, "")].includes(query.trim()));
	if (exact.length === 1 && exact[0]) return { kind: "found", client: exact[0] };
	const wanted = fold(query).replace(/\.md$/, "");
	const loose = looseName(wanted);
	const byPath = clients.filter((client) => client.path !== null && fold(client.path).replace(/\.md$/, "") === wanted);
	const byName = clients.filter((client) => looseName(client.name) === loose);
	const byAlias = clients.filter((client) => client.aliases.some((alias) => looseName(alias) === loose));
	const byFirstName = loose.includes(" ") ? [] : clients.filter((client) => nameWords(client.name)[0] === loose);
	// Typed without its accents (`Renee` for Renée, `Zoe` for Zoë): asked only once the name as typed finds no one, so José and a Jose stay two.
	const bare = looseName(searchKey(wanted));
	const unaccented = (name: string): string => looseName(searchKey(name));
	const byBareName = clients.filter((client) => unaccented(client.name) === bare);
	const byBareAlias = clients.filter((client) => client.aliases.some((alias) => unaccented(alias) === bare));
	const byBareFirstName = bare.includes(" ") ? [] : clients.filter((client) => nameWords(unaccented(client.name))[0] === bare);
	for (const matches of [byPath, byName, byAlias, byFirstName, byBareName, byBareAlias, byBareFirstName]) {
		if (matches.length === 1 && matches[0]) return { kind: "found", client: matches[0] };
		if (matches.length > 1) return { kind: "ambiguous", clients: matches };
	}
	return { kind: "none", suggestions: closestNames(clients, wanted) };
}

/**
 * Up to three names a typo most likely meant: shared start first, then edit distance. `wanted` is
 * folded (`fold`). With `likelyOnly`, only names one could have meant: sharing a start or a word, or
 * a few letters off; never three unrelated names to fill the list.
 */
export function closestNames(clients: readonly Client[], wanted: string, { likelyOnly = false }: { likelyOnly?: boolean } = {}): string[] {
	const wantedWords = new Set(wanted.split(" "));
	const scored = clients.flatMap((client) =>
		[client.name, ...client.aliases].flatMap((name) => {
			const folded = fold(name);
			const prefix = folded.startsWith(wanted) || wanted.startsWith(folded) || folded.includes(wanted) ? 0 : 1;
			const distance = editDistance(folded, wanted);
			const likely = prefix === 0 || folded.split(" ").some((word) => wantedWords.has(word)) || distance <= Math.max(2, Math.floor(wanted.length / 4));
			return likelyOnly && !likely ? [] : [{ name: client.name, score: prefix * 100 + distance }];
		}),
	);
	scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name));
	const names: string[] = [];
	for (const { name } of scored) {
		if (!names.includes(name)) names.push(name);
		if (names.length === 3) break;
	}
	return names;
}

/**
 * Whether a client's name, written without a note, is most likely a typo of another client's name
 * or alias: one letter off, two in a long name (`Priya Nayr`, `Renee Dubios`), the first letter
 * right. Stricter than `closestNames`, which offers names to choose from: this one is said unasked,
 * so two letters apart in a short name (`Max Lee`, `Mia Lee`), another first letter (`Ken Cho`,
 * `Ben Cho`) or a short name (`Tim`, `Tom`) is never asked about. Two real people one letter apart
 * (`Dan Lee`, `Don Lee`) can be, so the views only ever ask ("a typo of …?"), and only for a link
 * that reaches no note.
 */
export function isTypoOf(name: string, client: Client): boolean {
	// Accents aside: `Renee` for `Renée` is the same name typed another way, and no letter off.
	const wanted = searchKey(name);
	if (wanted.length < TYPO_MIN_LENGTH) return false;
	return [client.name, ...client.aliases].some((other) => {
		const written = searchKey(other);
		const most = wanted.length < TYPO_LONG_NAME ? 1 : 2;
		// The cheap tests first: a practice of a thousand clients asks this of every pair.
		return written[0] === wanted[0] && Math.abs(written.length - wanted.length) <= most && fold(other) !== fold(name) && editDistance(written, wanted) <= most;
	});
}

/** Names shorter than this are too alike to guess at; from `TYPO_LONG_NAME` letters on, two letters off is still a typo. */
const TYPO_MIN_LENGTH = 5;
const TYPO_LONG_NAME = 10;

/** Names are compared on their first characters only: a typo is found there, and a name of a million characters costs no more. */
const COMPARED_LENGTH = 64;

function editDistance(fullA: string, fullB: string): number {
	const a = fullA.slice(0, COMPARED_LENGTH);
	const b = fullB.slice(0, COMPARED_LENGTH);
	let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
		}
		previous = current;
	}
	return previous[b.length] ?? 0;
}
