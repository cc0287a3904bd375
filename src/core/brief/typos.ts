import type { Client, CoachingIndex } from "../index/coaching-index";
import { isTypoOf } from "../index/find-client";
import { clientPropertyLinks } from "../index/link-check";
import type { SessionFacts } from "../notes/facts";
import { linkpathOf } from "../notes/links";
import { basenameOf } from "../notes/note";

// A session note's client link a letter or two off (`[[Renee Dubios]]`) makes a client of its own,
// without a note, and keeps the conversation from the client meant. The brief and the caseload say
// so on both sides; Check client links fixes the link.

/** A client without a note whose name is most likely a typo of this client's, and the session notes that link it. */
export interface MaybeTheirs {
	name: string;
	paths: readonly string[];
}

/**
 * Conversations a typo in a session note's client link keeps from this client: the clients without
 * a note whose names are a letter or two from theirs. Worked out afresh for each brief, as the
 * index keeps a client's brief only while the client's own notes are unchanged, and a typo is
 * in someone else's. A client of their own note is never one of these.
 */
export function maybeTheirs(index: CoachingIndex, client: Client): MaybeTheirs[] {
	if (client.path === null) return [];
	return index
		.clients()
		.filter((other) => other.path === null && isTypoOf(other.name, client) && namedByBrokenLink(index, other))
		.map((other) => ({ name: other.name, paths: [...new Set(index.sessionsOf(other).map((session) => session.path))] }));
}

/** For a client without a note: the clients of their own note whose names theirs is most likely a typo of. */
export function maybeMeant(index: CoachingIndex, client: Client): string[] {
	if (!namedByBrokenLink(index, client)) return [];
	return clientsWithNotes(index)
		.filter((other) => isTypoOf(client.name, other))
		.map((other) => other.name);
}

/** The clients of their own note, listed once while the index stands: a caseload asks for them of every name without a note. */
const withNotes = new WeakMap<CoachingIndex, { revision: number; clients: Client[] }>();

function clientsWithNotes(index: CoachingIndex): Client[] {
	const kept = withNotes.get(index);
	if (kept?.revision === index.revision) return kept.clients;
	const clients = index.clients().filter((client) => client.path !== null);
	withNotes.set(index, { revision: index.revision, clients });
	return clients;
}

/**
 * Whether a client without a note is named by a session note's client link that reaches no note:
 * what Check client links lists and fixes. A client folder without a note, or a name written as
 * plain text, is no broken link.
 */
function namedByBrokenLink(index: CoachingIndex, client: Client): boolean {
	return client.path === null && index.sessionsOf(client).some((session) => brokenLinkNames(index, session).has(client.name));
}

/** Each session's broken client links by the names they give, worked out once while the index stands: a session may name 20,000 people. */
const brokenLinks = new WeakMap<SessionFacts, { revision: number; names: Set<string> }>();

function brokenLinkNames(index: CoachingIndex, session: SessionFacts): Set<string> {
	const kept = brokenLinks.get(session);
	if (kept?.revision === index.revision) return kept.names;
	// Named as a client without a note is named: by the link's file name.
	const names = new Set(clientPropertyLinks(session).flatMap((link) => (index.resolveLink(link, session.path) === null ? [basenameOf(linkpathOf(link))] : [])));
	brokenLinks.set(session, { revision: index.revision, names });
	return names;
}
