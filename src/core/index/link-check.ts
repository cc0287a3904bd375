import type { Client, CoachingIndex } from "./coaching-index";
import type { SessionFacts } from "../notes/facts";
import { closestNames } from "./find-client";
import { fold } from "../notes/fold";
import { linkInPropertyValue, linkpathOf } from "../notes/links";
import { basenameOf } from "../notes/note";

/**
 * A session note's client link worth a second look: it reaches no note (a typo, a client note
 * renamed without its links, two clients merged, or a note not written yet), however many
 * sessions share it; or a note of no client's kind that only this one conversation names (a
 * colleague's note in People linked by mistake, a project note). A person's note that several
 * conversations name is a client by the conventions, and not listed.
 */
export interface ClientLinkToCheck {
	/** The session note. */
	path: string;
	/** The link as written in the client property, without its brackets: what a fix replaces. */
	link: string;
	why: "no-note" | "only-this-session";
	/** The note it reaches, for `only-this-session`. */
	target: string | null;
	/** Up to three client names the link most likely meant, the closest first. */
	closest: string[];
}

/**
 * The client links of session notes to check (see `ClientLinkToCheck`), by note path and then as
 * written. Only session notes' client properties are read: a link in a note's body names people in
 * passing.
 */
export function clientLinksToCheck(index: CoachingIndex): ClientLinkToCheck[] {
	const clients = index.clients();
	const realClients = clients.filter((client) => client.path !== null && index.get(client.path)?.kind === "client");
	const found: ClientLinkToCheck[] = [];
	for (const path of index.sessionNotePaths().sort()) {
		for (const session of index.sessionsIn(path)) {
			for (const link of clientPropertyLinks(session)) {
				if (found.some((earlier) => earlier.path === path && earlier.link === link)) continue;
				const target = index.resolveLink(link, path);
				const why = whyToCheck(index, clients, target);
				if (why === null) continue;
				const others = realClients.filter((candidate) => candidate.path !== target);
				found.push({ path, link, why, target, closest: closestNames(others, fold(basenameOf(linkpathOf(link))), { likelyOnly: true }) });
			}
		}
	}
	return found;
}

/** The links a session note's client property writes, as written: a section's clients are named in its heading, and not checked. */
export function clientPropertyLinks(session: SessionFacts): string[] {
	if (session.shape !== "note" || session.heading !== null) return [];
	return (session.clientRefs ?? []).flatMap((ref) => (ref.link === null ? [] : [ref.link]));
}

/** Why a link reaching `target` is worth a look, or null when it reaches a client as meant. */
function whyToCheck(index: CoachingIndex, clients: readonly Client[], target: string | null): ClientLinkToCheck["why"] | null {
	if (target === null) return "no-note";
	if (index.get(target)?.kind === "client") return null;
	const client = clients.find((candidate) => candidate.path === target);
	return client && index.sessionsOf(client).length > 1 ? null : "only-this-session";
}

/**
 * The session note's properties with one client link replaced, in whichever client property
 * holds it (a list entry, or the value itself), every other value left as it was. Returns
 * whether anything was replaced. Made for `FileManager.processFrontMatter`.
 */
export function replaceClientLink(frontmatter: Record<string, unknown>, clientProperties: readonly string[], link: string, replacement: string): boolean {
	const wanted = new Set(clientProperties.map((name) => name.toLowerCase()));
	let replaced = false;
	const swap = (value: unknown): unknown => {
		if (typeof value !== "string" || linkInPropertyValue(value)?.link !== link) return value;
		replaced = true;
		return replacement;
	};
	for (const key of Object.keys(frontmatter)) {
		if (!wanted.has(key.toLowerCase())) continue;
		const value = frontmatter[key];
		frontmatter[key] = Array.isArray(value) ? value.map(swap) : swap(value);
	}
	return replaced;
}
