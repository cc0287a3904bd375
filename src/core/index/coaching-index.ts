import type { NoteFacts, TaskFact } from "../notes/facts";
import { linkpathOf, nameKey, type LinkResolver } from "../notes/links";
import { basenameOf } from "../notes/note";

/** A client as the brief and the lists know them: a note, or a name a session links to before its note exists. */
export interface Client {
	/** The note's path, or `?name` for a client named by a link to no note. */
	key: string;
	name: string;
	path: string | null;
	aliases: string[];
	archived: boolean;
	cadence: string | null;
}

/**
 * Facts per note, plus two reverse maps (names linked → notes that link them, aliases → notes)
 * so that a client's sessions and mentions are found without scanning the vault. Setting or
 * deleting one note costs work proportional to that note. What depends on several notes (link
 * resolution, who a session's clients are) is computed when asked, so it is never stale.
 */
export class CoachingIndex {
	private readonly notes = new Map<string, NoteFacts>();
	private readonly linkedBy = new Map<string, Set<string>>();
	private readonly byAlias = new Map<string, Set<string>>();
	private readonly sessions = new Set<string>();
	private readonly clientNotes = new Set<string>();
	/** Goes up with every change, so views can tell whether what they show is current. */
	revision = 0;
	private readonly rosters = new Map<string, Roster>();
	private rosterRevision = -1;

	constructor(private readonly resolver: LinkResolver) {}

	get size(): number {
		return this.notes.size;
	}

	get(path: string): NoteFacts | undefined {
		return this.notes.get(path);
	}

	set(facts: NoteFacts): void {
		this.removeEntries(facts.path);
		this.notes.set(facts.path, facts);
		for (const key of namesLinkedFrom(facts)) addTo(this.linkedBy, key, facts.path);
		for (const alias of facts.aliases) addTo(this.byAlias, nameKey(alias), facts.path);
		if (facts.kind === "session") this.sessions.add(facts.path);
		if (facts.kind === "client") this.clientNotes.add(facts.path);
		this.revision++;
	}

	delete(path: string): void {
		if (!this.notes.has(path)) return;
		this.removeEntries(path);
		this.revision++;
	}

	clear(): void {
		this.notes.clear();
		this.linkedBy.clear();
		this.byAlias.clear();
		this.sessions.clear();
		this.clientNotes.clear();
		this.revision++;
	}

	/** Something outside the notes changed (files appeared or vanished, links re-resolved). */
	touch(): void {
		this.revision++;
	}

	/** Every note the index holds with a problem to report. */
	problems(): { path: string; problem: string }[] {
		return [...this.notes.values()].flatMap((facts) => facts.problems.map((problem) => ({ path: facts.path, problem })));
	}

	/**
	 * The clients a session belongs to: those in its client property, else the client and person
	 * notes it links. Kept until the index changes: a session naming thousands of people is
	 * resolved once per revision, not once per client that asks.
	 */
	sessionClients(session: NoteFacts): readonly Client[] {
		return this.roster(session).clients;
	}

	/** Whether the client is one of the session's clients. */
	isClientOf(session: NoteFacts, client: Client): boolean {
		return this.roster(session).byKey.has(client.key);
	}

	/**
	 * The keys of the session's clients that a task of it links, or null when it links none of
	 * them: then, in a group session, the task is everyone's. Each link is resolved once.
	 */
	taskOwners(session: NoteFacts, task: TaskFact): ReadonlySet<string> | null {
		const roster = this.roster(session);
		if (!roster.owners.has(task.line)) {
			const owners = new Set(task.links.map((link) => this.linkKey(link, session.path)).filter((key) => roster.byKey.has(key)));
			roster.owners.set(task.line, owners.size > 0 ? owners : null);
		}
		return roster.owners.get(task.line) ?? null;
	}

	private roster(session: NoteFacts): Roster {
		if (this.rosterRevision !== this.revision) {
			this.rosters.clear();
			this.rosterRevision = this.revision;
		}
		let roster = this.rosters.get(session.path);
		if (!roster) {
			const clients = this.resolveSessionClients(session);
			roster = { clients, byKey: new Map(clients.map((client) => [client.key, client])), owners: new Map() };
			this.rosters.set(session.path, roster);
		}
		return roster;
	}

	private resolveSessionClients(session: NoteFacts): Client[] {
		const clients = new Map<string, Client>();
		if (session.clientRefs) {
			for (const ref of session.clientRefs) {
				const client = ref.link !== null ? this.clientFromLink(ref.link, session.path) : this.clientFromText(ref.text, session.path);
				if (!clients.has(client.key)) clients.set(client.key, client);
			}
		} else {
			for (const link of session.bodyLinks) {
				const target = this.resolver.resolve(link, session.path);
				const facts = target === null ? undefined : this.notes.get(target);
				if (facts && (facts.kind === "client" || facts.kind === "person") && !clients.has(facts.path)) {
					clients.set(facts.path, this.clientFromNote(facts.path));
				}
			}
		}
		return [...clients.values()];
	}

	/**
	 * Every client: client notes, and whoever a session names. Sessions are read oldest first, so a
	 * client without a note is called as the first session wrote their name, whatever the index's history.
	 */
	clients(): Client[] {
		const clients = new Map<string, Client>();
		for (const path of this.clientNotes) clients.set(path, this.clientFromNote(path));
		for (const session of this.inDateOrder(this.sessions)) {
			for (const client of this.sessionClients(session)) if (!clients.has(client.key)) clients.set(client.key, client);
		}
		return [...clients.values()].sort((a, b) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key));
	}

	/** The client with this key, if the note is a client or a session names it. */
	client(key: string): Client | null {
		if (this.clientNotes.has(key)) return this.clientFromNote(key);
		const name = key.startsWith("?") ? key.slice(1) : nameKey(key);
		for (const session of this.inDateOrder(this.linkedBy.get(name) ?? [])) {
			if (session.kind !== "session") continue;
			const client = this.roster(session).byKey.get(key);
			if (client) return client;
		}
		return null;
	}

	private inDateOrder(paths: Iterable<string>): NoteFacts[] {
		return [...paths].flatMap((path) => this.notes.get(path) ?? []).sort(byDate);
	}

	/** The client's sessions, oldest first. */
	sessionsOf(client: Client): NoteFacts[] {
		return this.candidatesLinking(client)
			.filter((facts) => facts.kind === "session" && this.isClientOf(facts, client));
	}

	/** Other notes that link to the client: not the client note, not one of its sessions. Oldest first. */
	mentionsOf(client: Client): NoteFacts[] {
		return this.candidatesLinking(client)
			.filter((facts) => facts.path !== client.path)
			.filter((facts) => !(facts.kind === "session" && this.isClientOf(facts, client)))
			.filter((facts) => facts.outLinks.some((link) => this.linkReaches(link, facts.path, client)));
	}

	/**
	 * What to write inside `[[…]]` so a note at `sourcePath` reaches this client: the name when it
	 * is unambiguous from there, else the path, as Obsidian itself writes links.
	 */
	linkTarget(client: Pick<Client, "name" | "path">, sourcePath: string): string {
		if (client.path === null || this.resolver.resolve(client.name, sourcePath) === client.path) return client.name;
		return client.path.replace(/\.md$/i, "");
	}

	/** Whether a link written in a note points at this client. */
	linkReaches(link: string, sourcePath: string, client: Client): boolean {
		return this.linkKey(link, sourcePath) === client.key;
	}

	/** The client key a link would reach: the note it resolves to, else the name of a client without a note. */
	private linkKey(link: string, sourcePath: string): string {
		return this.resolver.resolve(link, sourcePath) ?? `?${nameKey(link)}`;
	}

	/** Notes that may link to the client, oldest first: found by name, never by scanning the vault. */
	private candidatesLinking(client: Client): NoteFacts[] {
		const names = new Set([client.path === null ? client.key.slice(1) : nameKey(client.path), ...client.aliases.map(nameKey)]);
		const paths = new Set<string>();
		for (const name of names) for (const path of this.linkedBy.get(name) ?? []) paths.add(path);
		return this.inDateOrder(paths);
	}

	private clientFromLink(link: string, sourcePath: string): Client {
		const target = this.resolver.resolve(link, sourcePath);
		if (target !== null) return this.clientFromNote(target);
		return unresolvedClient(basenameOf(linkpathOf(link)), nameKey(link));
	}

	/** Plain text names a note by its file name, else by an alias (client notes first). */
	private clientFromText(text: string, sourcePath: string): Client {
		const target = this.resolver.resolve(text, sourcePath);
		if (target !== null) return this.clientFromNote(target);
		const aliased = [...(this.byAlias.get(nameKey(text)) ?? [])].sort(
			(a, b) => kindRank(this.notes.get(a)) - kindRank(this.notes.get(b)) || a.localeCompare(b),
		);
		if (aliased[0] !== undefined) return this.clientFromNote(aliased[0]);
		return unresolvedClient(text.trim(), nameKey(text));
	}

	private clientFromNote(path: string): Client {
		const facts = this.notes.get(path);
		return {
			key: path,
			name: basenameOf(path),
			path,
			aliases: facts?.aliases ?? [],
			archived: facts?.archived ?? false,
			cadence: facts?.cadence ?? null,
		};
	}

	private removeEntries(path: string): void {
		const old = this.notes.get(path);
		if (!old) return;
		for (const key of namesLinkedFrom(old)) removeFrom(this.linkedBy, key, path);
		for (const alias of old.aliases) removeFrom(this.byAlias, nameKey(alias), path);
		this.sessions.delete(path);
		this.clientNotes.delete(path);
		this.notes.delete(path);
	}
}

/** A session's clients, their keys for quick membership questions, and whose each task is. */
interface Roster {
	clients: readonly Client[];
	byKey: ReadonlyMap<string, Client>;
	/** Each task's owners by the task's line, worked out when first asked. */
	owners: Map<number, ReadonlySet<string> | null>;
}

function unresolvedClient(name: string, key: string): Client {
	return { key: `?${key}`, name, path: null, aliases: [], archived: false, cadence: null };
}

function namesLinkedFrom(facts: NoteFacts): Set<string> {
	const names = new Set<string>();
	for (const link of facts.outLinks) names.add(nameKey(link));
	for (const ref of facts.clientRefs ?? []) names.add(nameKey(ref.link ?? ref.text));
	return names;
}

function kindRank(facts: NoteFacts | undefined): number {
	return facts?.kind === "client" ? 0 : facts?.kind === "person" ? 1 : 2;
}

/** Oldest first; the time of day, then the path, break ties so the order never depends on the index's history. */
function byDate(a: NoteFacts, b: NoteFacts): number {
	const dayA = a.date?.day ?? "";
	const dayB = b.date?.day ?? "";
	if (dayA !== dayB) return dayA < dayB ? -1 : 1;
	const timeA = a.date?.time ?? "";
	const timeB = b.date?.time ?? "";
	if (timeA !== timeB) return timeA < timeB ? -1 : 1;
	return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

function addTo(map: Map<string, Set<string>>, key: string, path: string): void {
	let set = map.get(key);
	if (!set) {
		set = new Set();
		map.set(key, set);
	}
	set.add(path);
}

function removeFrom(map: Map<string, Set<string>>, key: string, path: string): void {
	const set = map.get(key);
	set?.delete(path);
	if (set?.size === 0) map.delete(key);
}
