import { ARCHIVE_FOLDERS, ownDate, type NoteFacts, type NoteKind, type SessionFacts, type SessionHeading, type TaskFact } from "../notes/facts";
import { fold } from "../notes/fold";
import { looseName, nameWords } from "../notes/names";
import { linkpathOf, nameKey, type LinkResolver } from "../notes/links";
import { basenameOf, folderOf, mostCommonFolder } from "../notes/note";
import type { NoteDate } from "../notes/dates";

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
 * Facts per note, plus reverse maps (names linked → notes that link them, aliases → notes, words
 * of dated notes' headings → notes, clients' first words → client notes) so that a client's
 * sessions and mentions are found without scanning the vault. Setting or deleting one note costs
 * work proportional to that note. What depends on several notes (link resolution, which headings
 * name a client, who a session's clients are, each client's summary and brief) is worked out when
 * asked and kept until a change could alter it: see `readingRevision` and `set`.
 */
export class CoachingIndex {
	private readonly notes = new Map<string, NoteFacts>();
	private readonly linkedBy = new Map<string, string[]>();
	private readonly byAlias = new Map<string, string[]>();
	/** Words of the headings of dated notes: a heading may name a client by name alone. */
	private readonly headingWords = new Map<string, string[]>();
	/** Client notes by the first word of their name and of each alias. */
	private readonly clientsByFirstWord = new Map<string, string[]>();
	/** Client and person notes by their name's words, so `Example Corp` finds `Example-Corp`. */
	private readonly byLooseName = new Map<string, string[]>();
	/** Notes that hold sessions, or headings that may be. */
	private readonly sessionNotes = new Set<string>();
	private readonly clientNotes = new Set<string>();
	/** Notes with a problem to report. */
	private readonly withProblems = new Set<string>();
	/** Notes whose text is still to be read; of those, the ones whose properties Obsidian could not parse. */
	private readonly awaiting = new Set<string>();
	private readonly awaitingProperties = new Set<string>();
	/** Notes below client folders, by each folder between the client folder and the note: one client's own folder holds its notes at any depth. */
	private readonly belowClientFolder = new Map<string, string[]>();
	/** Notes directly in each folder below a client folder: they decide whether the folder is one client's own. */
	private readonly directlyIn = new Map<string, string[]>();
	/** The reverse maps, in the order `reverseEntries` gives a note's keys for them. */
	private readonly reverseMaps = [this.linkedBy, this.byAlias, this.byLooseName, this.headingWords, this.belowClientFolder, this.directlyIn, this.clientsByFirstWord];
	private readonly folderVerdicts = new Map<string, FolderVerdict>();
	private ownFolderList: { list: OwnFolder[]; byClientKey: Map<string, OwnFolder>; byLooseName: Map<string, OwnFolder> } | null = null;
	private clientList: Client[] | null = null;
	/** Goes up with every change, so views can tell whether what they show is current. */
	revision = 0;
	/**
	 * Goes up when a change may alter how other notes are read: a note added or taken out, a note's
	 * kind, names, place or own date, links resolving anew. A change to a note's body alone (its
	 * text, tasks, links, sections) leaves it, and only what that note decides is worked out again.
	 */
	private readingRevision = 0;
	/** Worked out when asked; undefined once what they came from has changed. */
	private readonly rosters = new Map<string, Roster | undefined>();
	private readonly noteSessions = new Map<string, { list: SessionFacts[]; byId: Map<string, SessionFacts> } | undefined>();
	/** Each note's client and own folder, as the notes are read now. */
	private readonly clientsByPath = new Map<string, Client>();
	private readonly ownerFolders = new Map<string, OwnFolder | null>();
	private readonly clientNotesStartingWith = new Map<string, string[]>();
	/** What views work out per client (a summary, say), kept until the client's conversations change. */
	private readonly perClient = new Map<string, Map<string, unknown>>();
	/**
	 * Which conversations and mentions are each client's: kept through edits that move no
	 * conversation (new words, a ticked task), which only swap in the note's new facts.
	 */
	private readonly clientLists = new Map<string, Map<string, ClientLists>>();
	private memoRevision = -1;

	constructor(private readonly resolver: LinkResolver) {}

	get size(): number {
		return this.notes.size;
	}

	get(path: string): NoteFacts | undefined {
		return this.notes.get(path);
	}

	set(facts: NoteFacts): void {
		const old = this.notes.get(facts.path);
		const clientsBefore = old !== undefined && sameReading(old, facts) ? this.clientKeysIn(facts.path) : null;
		this.notes.set(facts.path, facts);
		this.moveEntries(facts.path, old, facts);
		this.revision++;
		if (old === undefined || clientsBefore === null) {
			this.readingRevision++;
			return;
		}
		// A body edit that leaves each conversation where, when and with whom it was (new words, a ticked task) keeps
		// their clients and every client's lists; which sections count is worked out again, since a heading's level decides what it holds.
		const placesKept = samePlaces(old, facts);
		this.forgetWhatNoteDecided(old, facts, placesKept);
		const clientsAfter = this.clientKeysIn(facts.path);
		// Whose briefs the note is in: its conversations' clients, the clients it links (a mention shows the words that link
		// them, so any edit to it counts), and its own client.
		const touched = new Set([...clientsBefore, ...clientsAfter, facts.path]);
		for (const link of new Set([...old.outLinks, ...facts.outLinks])) touched.add(this.linkKey(link, facts.path));
		for (const key of touched) {
			this.perClient.get(key)?.clear();
			const lists = this.clientLists.get(key);
			if (!placesKept) lists?.clear();
			else for (const kept of lists?.values() ?? []) if (kept.sessions) swapSessions(kept.sessions, facts);
		}
		// A client without a note is called as their first session wrote them: any change near one may rename them.
		const sameClients = clientsBefore.size === clientsAfter.size && [...clientsBefore].every((key) => clientsAfter.has(key) && !key.startsWith("?"));
		if (!sameClients) this.clientList = null;
	}

	delete(path: string): void {
		const old = this.notes.get(path);
		if (!old) return;
		this.moveEntries(path, old, undefined);
		this.notes.delete(path);
		this.revision++;
		this.readingRevision++;
	}

	/**
	 * Brings the reverse maps from the note's old facts to its new ones, touching only what
	 * differs. A note edited again and again is never taken out and put back: in a large map or
	 * set, each removal of a key that returns leaves a tombstone its lookups walk past.
	 */
	private moveEntries(path: string, old: NoteFacts | undefined, facts: NoteFacts | undefined): void {
		const before = reverseEntries(old);
		const after = reverseEntries(facts);
		this.reverseMaps.forEach((map, which) => {
			const was = before[which] as ReadonlySet<string>;
			const is = after[which] as ReadonlySet<string>;
			for (const key of was) if (!is.has(key)) removeFrom(map, key, path);
			for (const key of is) if (!was.has(key)) addTo(map, key, path);
		});
		member(this.sessionNotes, path, (facts?.sessions.length ?? 0) > 0);
		member(this.awaiting, path, (facts?.awaitingText ?? null) !== null);
		member(this.awaitingProperties, path, facts?.awaitingText === "properties");
		member(this.clientNotes, path, facts?.kind === "client");
		member(this.withProblems, path, (facts?.problems.length ?? 0) > 0);
	}

	/** The keys of the clients of every conversation in the note. */
	private clientKeysIn(path: string): Set<string> {
		const keys = new Set<string>();
		for (const session of this.sessionsIn(path)) for (const client of this.roster(session).clients) keys.add(client.key);
		return keys;
	}

	/** Drops what was worked out from the note's old body: its conversations and their clients (overwritten, not deleted, for the reason in `moveEntries`). */
	private forgetWhatNoteDecided(old: NoteFacts, facts: NoteFacts, keepClients: boolean): void {
		this.noteSessions.set(facts.path, undefined);
		if (keepClients) {
			// Whose each task is depends on the links on its line, which the edit may have changed.
			for (const session of facts.sessions) this.rosters.get(session.id)?.owners.clear();
			return;
		}
		for (const session of [...old.sessions, ...facts.sessions]) this.rosters.set(session.id, undefined);
	}

	/**
	 * What a view works out for one client, kept until one of the client's conversations changes
	 * (or anything that changes how notes are read). `what` names it, with whatever it depends on
	 * besides the index (the day, say).
	 */
	remember<T>(client: Client, what: string, compute: () => T): T {
		this.freshMemos();
		const memos = memosOf(this.perClient, client);
		const asked = `${what} ${fingerprint(client)}`;
		if (!memos.has(asked)) memos.set(asked, compute());
		return memos.get(asked) as T;
	}

	private listsOf(client: Client): ClientLists {
		this.freshMemos();
		const lists = memosOf(this.clientLists, client);
		const asked = fingerprint(client);
		let kept = lists.get(asked);
		if (!kept) lists.set(asked, (kept = { sessions: null, mentions: null }));
		return kept;
	}

	clear(): void {
		this.notes.clear();
		for (const map of this.reverseMaps) map.clear();
		for (const set of [this.sessionNotes, this.clientNotes, this.withProblems, this.awaiting, this.awaitingProperties]) set.clear();
		this.revision++;
		this.readingRevision++;
	}

	/** Something outside the notes changed (files appeared or vanished, links re-resolved). */
	touch(): void {
		this.revision++;
		this.readingRevision++;
	}

	/** The notes whose text is still to be read, in no particular order. */
	awaitingText(): string[] {
		return [...this.awaiting];
	}

	/**
	 * Of the notes a brief of the client reads facts from (their note, their conversations), those
	 * still to be read; and every note whose properties are unread, since any of them may be one
	 * of the client's conversations (they are rare: properties Obsidian could not parse).
	 */
	awaitingTextFor(client: Client): string[] {
		if (this.awaiting.size === 0) return [];
		const paths = new Set(this.sessionsOf(client).map((session) => session.path));
		if (client.path !== null) paths.add(client.path);
		return [...[...paths].filter((path) => this.awaiting.has(path)), ...[...this.awaitingProperties].filter((path) => !paths.has(path))];
	}

	/** The notes that hold conversations, or headings that may be: the link check reads these, and no other note. */
	sessionNotePaths(): string[] {
		return [...this.sessionNotes];
	}

	/** The note a link written in `sourcePath` resolves to, as Obsidian resolves it; null when none. */
	resolveLink(link: string, sourcePath: string): string | null {
		return this.resolver.resolve(link, sourcePath);
	}

	/** Every note the index holds with a problem to report. */
	problems(): { path: string; problem: string }[] {
		return [...this.withProblems].flatMap((path) => this.problemsOf(path));
	}

	/** The note's problems to report, if it has any. */
	problemsOf(path: string): { path: string; problem: string }[] {
		if (!this.withProblems.has(path)) return [];
		return (this.notes.get(path)?.problems ?? []).map((problem) => ({ path, problem }));
	}

	/**
	 * The conversations written in a note: its own sessions, and those of a dated note's headings
	 * that name a client (the outermost, when a named section holds another). Kept until the note or how notes are read changes.
	 */
	sessionsIn(path: string): readonly SessionFacts[] {
		return this.noteSessionsOf(path).list;
	}

	/** One conversation by its id, in the note at `path`. */
	session(path: string, id: string): SessionFacts | undefined {
		return this.noteSessionsOf(path).byId.get(id);
	}

	private noteSessionsOf(path: string): { list: SessionFacts[]; byId: Map<string, SessionFacts> } {
		this.freshMemos();
		let memo = this.noteSessions.get(path);
		if (!memo) {
			const sessions: SessionFacts[] = [];
			// Sections come in the note's order: one inside a named section ends before that section does.
			let namedUntil = -1;
			const kind = this.kindOf(path);
			for (const session of this.notes.get(path)?.sessions ?? []) {
				if (session.shape === "client-note-section" && kind !== "client") continue;
				if (session.shape === "client-folder-note" && kind !== "session") continue;
				if (session.shape !== "dated-note-section") sessions.push(session);
				else if ((session.heading?.line ?? 0) >= namedUntil && this.roster(session).clients.length > 0) {
					sessions.push(session);
					namedUntil = session.heading?.end ?? namedUntil;
				}
			}
			memo = { list: sessions, byId: new Map(sessions.map((session) => [session.id, session])) };
			this.noteSessions.set(path, memo);
		}
		return memo;
	}

	/**
	 * The clients a session belongs to: those in its client property, else the client and person
	 * notes it links; a client note's own log is with that client; a dated note's heading is with
	 * the clients it links or names. Kept until what decides it changes: a session naming thousands
	 * of people is resolved once, not once per client that asks.
	 */
	sessionClients(session: SessionFacts): readonly Client[] {
		return this.roster(session).clients;
	}

	/** Whether the client is one of the session's clients. */
	isClientOf(session: SessionFacts, client: Client): boolean {
		return this.roster(session).byKey.has(client.key);
	}

	/**
	 * The keys of the session's clients that a task of it links, or null when it links none of
	 * them: then, in a group session, the task is everyone's. Each link is resolved once.
	 */
	taskOwners(session: SessionFacts, task: TaskFact): ReadonlySet<string> | null {
		const roster = this.roster(session);
		if (!roster.owners.has(task.line)) {
			const owners = new Set(task.links.map((link) => this.linkKey(link, session.path)).filter((key) => roster.byKey.has(key)));
			roster.owners.set(task.line, owners.size > 0 ? owners : null);
		}
		return roster.owners.get(task.line) ?? null;
	}

	private freshMemos(): void {
		if (this.memoRevision === this.readingRevision) return;
		this.rosters.clear();
		this.noteSessions.clear();
		this.folderVerdicts.clear();
		this.clientsByPath.clear();
		this.ownerFolders.clear();
		this.clientNotesStartingWith.clear();
		this.perClient.clear();
		this.clientLists.clear();
		this.ownFolderList = null;
		this.clientList = null;
		this.memoRevision = this.readingRevision;
	}

	private roster(session: SessionFacts): Roster {
		this.freshMemos();
		let roster = this.rosters.get(session.id);
		if (!roster) {
			const clients = this.resolveSessionClients(session);
			roster = { clients, byKey: new Map(clients.map((client) => [client.key, client])), owners: new Map() };
			this.rosters.set(session.id, roster);
		}
		return roster;
	}

	private resolveSessionClients(session: SessionFacts): Client[] {
		if (session.shape === "client-note-section") return [this.clientFromNote(session.path)];
		const owner = this.ownerFolderOf(session.path);
		// A dated note in one client's own folder is with that client, unless it names its own clients.
		if (session.shape === "client-folder-note" && !session.clientRefs) return owner ? [this.folderClient(owner)] : [];
		const clients = new Map<string, Client>();
		const add = (client: Client): void => {
			if (!clients.has(client.key)) clients.set(client.key, client);
		};
		if ((session.shape === "note" || session.shape === "client-folder-note") && session.clientRefs) {
			for (const ref of session.clientRefs) add(ref.link !== null ? this.clientFromLink(ref.link, session.path) : this.clientFromText(ref.text, session.path));
			return [...clients.values()];
		}
		const links = session.shape === "note" ? session.bodyLinks : (session.clientRefs ?? []).map((ref) => ref.link ?? ref.text);
		// A session note's links reach clients and people; a day's heading must name a client.
		const wanted = session.shape === "dated-note-section" ? ["client"] : ["client", "person"];
		for (const link of links) {
			const target = this.resolver.resolve(link, session.path);
			const kind = target === null ? undefined : this.kindOf(target);
			if (target !== null && kind !== undefined && wanted.includes(kind)) add(this.clientFromNote(target));
		}
		if (clients.size === 0 && session.namingText !== null) for (const path of this.clientNotesNamedIn(session.namingText)) add(this.clientFromNote(path));
		// A session in one client's own folder that names nobody is with that client.
		if (clients.size === 0 && session.shape === "note" && owner) add(this.folderClient(owner));
		return [...clients.values()];
	}

	/**
	 * The client notes a heading names in words: by file name or alias, anywhere in it (`Call with
	 * Sam Okoro`), else by a first name that exactly one client has (`Coaching: Maya`).
	 */
	private clientNotesNamedIn(text: string): string[] {
		const words = nameWords(text);
		const named = new Set<string>();
		words.forEach((word, at) => {
			for (const path of this.clientNotesByFirstWord(word)) {
				const client = this.clientFromNote(path);
				if ([client.name, ...client.aliases].some((name) => startsAt(words, nameWords(name), at))) named.add(path);
			}
		});
		if (named.size > 0) return [...named].sort();
		// A first name alone counts where it is written as a name (`Coaching: Will`), never as a word (`What I will do`).
		const capitalised = new Set(nameWordsAsWritten(text).filter(isCapitalised).map((word) => looseName(word)));
		for (const word of words) {
			if (!capitalised.has(word)) continue;
			const client = this.clientByFirstName(word);
			if (client !== undefined) named.add(client);
		}
		return [...named].sort();
	}

	/**
	 * Every client: client notes, and whoever a session names. Sessions are read oldest first, so a
	 * client without a note is called as the first session wrote their name, whatever the index's history.
	 */
	clients(): Client[] {
		this.freshMemos();
		this.clientList ??= this.findClients();
		return [...this.clientList];
	}

	private findClients(): Client[] {
		const clients = new Map<string, Client>();
		for (const path of this.clientNotes) if (this.kindOf(path) === "client") clients.set(path, this.clientFromNote(path));
		for (const owner of this.ownFolders()) if (owner.clientNote === null) clients.set(this.folderClient(owner).key, this.folderClient(owner));
		for (const session of this.sessionsInDateOrder(this.sessionNotes)) {
			for (const client of this.sessionClients(session)) if (!clients.has(client.key)) clients.set(client.key, client);
		}
		return [...clients.values()].sort((a, b) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key));
	}

	/**
	 * The person notes a name typed for a client fits, by their full name or first word: a person is
	 * no client until a session names them, and a coach looking for one should hear why.
	 */
	personsNamed(name: string): string[] {
		const wanted = looseName(name);
		if (wanted === "") return [];
		const fits = (loose: string): boolean => loose === wanted || (!wanted.includes(" ") && loose.split(" ")[0] === wanted);
		const paths = [...this.byLooseName].flatMap(([loose, notes]) => (fits(loose) ? notes : []));
		return [...new Set(paths)].filter((path) => this.kindOf(path) === "person").sort();
	}

	/** The client with this key, if the note is a client or a session names it. */
	client(key: string): Client | null {
		if (this.clientNotes.has(key) && this.kindOf(key) === "client") return this.clientFromNote(key);
		const owner = this.ownFolderMemo().byClientKey.get(key);
		if (owner && owner.clientNote === null) return this.folderClient(owner);
		const name = key.startsWith("?") ? key.slice(1) : nameKey(key);
		for (const session of this.sessionsInDateOrder(this.linkedBy.get(name) ?? [])) {
			const client = this.roster(session).byKey.get(key);
			if (client) return client;
		}
		return null;
	}

	private inDateOrder(paths: Iterable<string>): NoteFacts[] {
		return [...paths].flatMap((path) => this.notes.get(path) ?? []).sort(byDate);
	}

	private sessionsInDateOrder(paths: Iterable<string>): SessionFacts[] {
		return [...new Set(paths)].flatMap((path) => this.sessionsIn(path)).sort(byDate);
	}

	/** The client's sessions, oldest first. */
	sessionsOf(client: Client): SessionFacts[] {
		const lists = this.listsOf(client);
		if (!lists.sessions) {
			const list = this.sessionsInDateOrder(this.candidatesFor(client)).filter((session) => this.isClientOf(session, client));
			const at = new Map<string, number[]>();
			list.forEach((session, place) => {
				const places = at.get(session.path);
				if (places) places.push(place);
				else at.set(session.path, [place]);
			});
			lists.sessions = { list, at };
		}
		return [...lists.sessions.list];
	}

	/** Other notes that link to the client: not the client note, not one holding one of its sessions. Oldest first. */
	mentionsOf(client: Client): NoteFacts[] {
		const lists = this.listsOf(client);
		lists.mentions ??= this.inDateOrder(this.candidatesFor(client))
			.filter((facts) => facts.path !== client.path)
			.filter((facts) => !this.sessionsIn(facts.path).some((session) => this.isClientOf(session, client)))
			.filter((facts) => facts.outLinks.some((link) => this.linkReaches(link, facts.path, client)))
			.map((facts) => facts.path);
		return lists.mentions.map((path) => this.notes.get(path) as NoteFacts);
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
	linkReaches(link: string, sourcePath: string, client: Pick<Client, "key">): boolean {
		return this.linkKey(link, sourcePath) === client.key;
	}

	/** The client key a link would reach: the note it resolves to, else the name of a client without a note. */
	private linkKey(link: string, sourcePath: string): string {
		return this.resolver.resolve(link, sourcePath) ?? `?${nameKey(link)}`;
	}

	/**
	 * Notes that may hold the client's sessions or mention them, found by name, never by scanning
	 * the vault: notes linking a name of theirs, their own note (its log), and dated notes whose
	 * headings hold their first word.
	 */
	private candidatesFor(client: Client): Set<string> {
		const names = new Set([
			client.path === null ? client.key.slice(1) : nameKey(client.path),
			looseName(client.name),
			...client.aliases.flatMap((alias) => [nameKey(alias), looseName(alias)]),
		]);
		if (client.path !== null) {
			// A plain-text client value may name them loosely (`Example Corp`) or by first name (`Maya`).
			const words = nameWords(client.name);
			names.add(words.join(" "));
			if (words[0] !== undefined) names.add(words[0]);
		}
		const paths = new Set<string>();
		for (const name of names) for (const path of this.linkedBy.get(name) ?? []) paths.add(path);
		const folder = this.ownFolderMemo().byClientKey.get(client.key);
		if (folder) for (const path of this.belowClientFolder.get(folder.folder) ?? []) paths.add(path);
		if (client.path !== null) {
			paths.add(client.path);
			for (const name of [client.name, ...client.aliases]) {
				const first = nameWords(name)[0];
				if (first !== undefined) for (const path of this.headingWords.get(first) ?? []) paths.add(path);
			}
		}
		return paths;
	}

	private clientFromLink(link: string, sourcePath: string): Client {
		const target = this.resolver.resolve(link, sourcePath);
		if (target !== null) return this.clientFromNote(target);
		return unresolvedClient(basenameOf(linkpathOf(link)), nameKey(link));
	}

	/**
	 * Plain text names, in this order: a note by its file name (as a link would, then with hyphens,
	 * underscores and spaces alike), a client by an alias, a client by a first name no other client
	 * has; only when none matches is it a client without a note (conventions, "Names written as plain text").
	 */
	private clientFromText(text: string, sourcePath: string): Client {
		const target = this.resolver.resolve(text, sourcePath);
		if (target !== null) return this.clientFromNote(target);
		const loose = looseName(text);
		const named = this.firstByKind(this.byLooseName.get(loose)) ?? this.firstByKind(this.byAlias.get(loose)) ?? this.clientByFirstName(loose);
		if (named !== undefined) return this.clientFromNote(named);
		const folder = this.ownFolderMemo().byLooseName.get(loose);
		return folder ? this.folderClient(folder) : unresolvedClient(text.trim(), nameKey(text));
	}

	/** Of several notes a name fits, a client's note first, then a person's, then by path: never the index's history. */
	private firstByKind(paths: Iterable<string> | undefined): string | undefined {
		const rank = (path: string): number => ({ client: 0, person: 1 })[this.kindOf(path) as "client" | "person"] ?? 2;
		return [...(paths ?? [])].filter((path) => rank(path) < 2).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))[0];
	}

	/** The one client whose file name starts with this word, when exactly one does. */
	private clientByFirstName(word: string): string | undefined {
		if (word === "" || word.includes(" ")) return undefined;
		const matches = this.clientNotesByFirstWord(word).filter((path) => nameWords(this.clientFromNote(path).name)[0] === word);
		return matches.length === 1 ? matches[0] : undefined;
	}

	/**
	 * The client notes among those a word starts the name of. Kept per word: a year starts the name
	 * of every dated note in a client's folder, and each day's heading asks for it again.
	 */
	private clientNotesByFirstWord(word: string): string[] {
		this.freshMemos();
		let paths = this.clientNotesStartingWith.get(word);
		if (!paths) {
			paths = (this.clientsByFirstWord.get(word) ?? []).filter((path) => this.kindOf(path) === "client");
			this.clientNotesStartingWith.set(word, paths);
		}
		return paths;
	}

	/** Kept until how notes are read changes: all it is made of (names, cadence, folder) is part of that. */
	private clientFromNote(path: string): Client {
		this.freshMemos();
		let client = this.clientsByPath.get(path);
		if (!client) {
			const facts = this.notes.get(path);
			const folder = this.folderVerdict(folderOf(path));
			client = {
				key: path,
				// One client's own folder names them, whatever their note is called (`Example-Corp/overview.md`).
				name: folder.own && folder.clientNote === path ? lastSegment(folderOf(path)) : basenameOf(path),
				path,
				aliases: facts?.aliases ?? [],
				archived: facts?.archived ?? false,
				cadence: facts?.cadence ?? null,
			};
			this.clientsByPath.set(path, client);
		}
		return client;
	}

	/** The folder holding the most session notes (notes of their own, not sections), or null when there are none. */
	usualSessionFolder(): string | null {
		const notes = [...this.sessionNotes].filter((path) => this.sessionsIn(path).some((session) => session.heading === null && session.shape !== "client-folder-note"));
		return mostCommonFolder(notes);
	}

	/** What was recognised in the whole vault, counted: for the coach to trust it, or see what to change. */
	recognised(): Recognised {
		return this.recognition(0).counts;
	}

	/**
	 * What was recognised, counted, with a few conversations of each shape (and client folders) by
	 * path: for the coach to open and see how each was read.
	 */
	recognition(examplesPerShape: number): { counts: Recognised; examples: Record<RecognisedShape, { path: string; heading: string | null }[]> } {
		const owners = this.ownFolders();
		const counts: Recognised = { clients: this.clients().length, sessionNotes: 0, sessionNoteSections: 0, clientNoteSections: 0, datedNoteSections: 0, clientFolders: owners.length };
		const examples: Record<RecognisedShape, { path: string; heading: string | null }[]> = {
			sessionNotes: [],
			sessionNoteSections: [],
			clientNoteSections: [],
			datedNoteSections: [],
			clientFolders: owners.map((owner) => ({ path: owner.clientNote ?? owner.folder, heading: null })),
		};
		for (const path of this.sessionNotes) {
			for (const session of this.sessionsIn(path)) {
				if (this.sessionClients(session).length === 0) continue;
				const shape: RecognisedShape =
					session.shape === "client-note-section"
						? "clientNoteSections"
						: session.shape === "dated-note-section"
							? "datedNoteSections"
							: session.heading !== null
								? "sessionNoteSections"
								: "sessionNotes";
				counts[shape]++;
				examples[shape].push({ path: session.path, heading: session.heading?.text ?? null });
			}
		}
		for (const found of Object.values(examples)) {
			found.sort((a, b) => a.path.localeCompare(b.path) || (a.heading ?? "").localeCompare(b.heading ?? ""));
			found.splice(examplesPerShape);
		}
		return { counts, examples };
	}

	/**
	 * What a note is once the folders beside it are weighed: below a client folder, a note the folder
	 * made a client is one when it sits among groupings, or is one client's own folder's client note;
	 * in that folder, a dated note is their session and any other their material.
	 */
	kindOf(path: string): NoteKind | undefined {
		const facts = this.notes.get(path);
		if (!facts || !facts.clientFolder?.kindByFolder || facts.clientFolder.chain.length === 0) return facts?.kind;
		const owner = this.ownerFolderOf(path);
		if (!owner || owner.clientNote === path) return "client";
		return ownDate(facts) && !facts.clientFolder.otherType ? "session" : "other";
	}

	/** The own folder the note is in (the outermost one on its path below the client folder), or null. Kept like `clientFromNote`. */
	private ownerFolderOf(path: string): OwnFolder | null {
		this.freshMemos();
		const kept = this.ownerFolders.get(path);
		if (kept !== undefined) return kept;
		const facts = this.notes.get(path);
		let owner: OwnFolder | null = null;
		for (const folder of facts ? foldersBetween(facts) : []) {
			const verdict = this.folderVerdict(folder);
			if (verdict.own) {
				owner = { folder, clientNote: verdict.clientNote };
				break;
			}
		}
		this.ownerFolders.set(path, owner);
		return owner;
	}

	/**
	 * Whether a folder below a client folder is one client's own (conventions, "Client folders"):
	 * never a year or a status word; otherwise when it holds a note named like it, an index or
	 * profile note, or dated notes. Any other folder groups clients (an organisation, say).
	 */
	private folderVerdict(folder: string): FolderVerdict {
		this.freshMemos();
		let verdict = this.folderVerdicts.get(folder);
		if (!verdict) {
			const name = fold(lastSegment(folder));
			const direct = [...(this.directlyIn.get(folder) ?? [])].sort();
			const named = direct.find((path) => fold(basenameOf(path)) === name);
			const index = CLIENT_NOTE_NAMES.map((wanted) => direct.find((path) => fold(basenameOf(path)) === wanted)).find((path) => path !== undefined);
			const dated = direct.some((path) => {
				const facts = this.notes.get(path);
				return facts !== undefined && ownDate(facts);
			});
			const read = direct.some((path) => this.notes.get(path)?.clientFolder?.ownFolders === true);
			const grouping = !read || /^\d{4}$/.test(name) || GROUPING_FOLDERS.has(name);
			verdict = !grouping && (named !== undefined || index !== undefined || dated) ? { own: true, clientNote: named ?? index ?? null } : { own: false };
			this.folderVerdicts.set(folder, verdict);
		}
		return verdict;
	}

	/** Every own folder that is a client's: the outermost on its path. */
	private ownFolders(): OwnFolder[] {
		return this.ownFolderMemo().list;
	}

	private ownFolderMemo(): { list: OwnFolder[]; byClientKey: Map<string, OwnFolder>; byLooseName: Map<string, OwnFolder> } {
		this.freshMemos();
		if (this.ownFolderList) return this.ownFolderList;
		const owners = new Map<string, OwnFolder>();
		for (const [folder, paths] of this.directlyIn) {
			const first = paths[0];
			const owner = first === undefined ? null : this.ownerFolderOf(first);
			if (owner && owner.folder === folder) owners.set(folder, owner);
		}
		const list = [...owners.values()].sort((a, b) => a.folder.localeCompare(b.folder));
		this.ownFolderList = {
			list,
			byClientKey: new Map(list.map((owner) => [this.folderClient(owner).key, owner])),
			byLooseName: new Map(list.map((owner) => [looseName(lastSegment(owner.folder)), owner])),
		};
		return this.ownFolderList;
	}

	/** The client one own folder stands for: its client note, or, when it has none, a client named by the folder. */
	private folderClient(owner: OwnFolder): Client {
		if (owner.clientNote !== null) return this.clientFromNote(owner.clientNote);
		const name = lastSegment(owner.folder);
		return unresolvedClient(name, nameKey(name));
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

/** Whether the note is a mention of the same clients, with the same date and problems, as it was. */
/**
 * Whether each of the note's conversations stands where it stood among a client's: the same ones,
 * with the same span and date, and the same names and links saying who they are with; and
 * whether the note's own links and date, which decide whom it mentions, are as they were.
 */
function samePlaces(old: NoteFacts, facts: NoteFacts): boolean {
	return (
		sameList(old.outLinks, facts.outLinks) &&
		sameDate(old.date, facts.date) &&
		sameList(old.sessions, facts.sessions, (a, b) =>
			a.id === b.id &&
			a.shape === b.shape &&
			a.heading?.end === b.heading?.end &&
			sameDate(a.date, b.date) &&
			a.sessionNumber === b.sessionNumber &&
			a.namingText === b.namingText &&
			sameList(a.bodyLinks, b.bodyLinks) &&
			(a.clientRefs === b.clientRefs || (a.clientRefs !== null && b.clientRefs !== null && sameList(a.clientRefs, b.clientRefs, (x, y) => x.link === y.link && x.text === y.text))),
		)
	);
}

/** Whether other notes are read as they were: the note's kind, names, place and whether it has a date of its own. */
function sameReading(old: NoteFacts, facts: NoteFacts): boolean {
	const place = (facts: NoteFacts) => facts.clientFolder ?? { root: null, chain: [], kindByFolder: null, otherType: null, ownFolders: null };
	const [was, is] = [place(old), place(facts)];
	return (
		old.kind === facts.kind &&
		sameList(old.aliases, facts.aliases) &&
		old.archived === facts.archived &&
		old.cadence === facts.cadence &&
		was.root === is.root &&
		sameList(was.chain, is.chain) &&
		was.kindByFolder === is.kindByFolder &&
		was.otherType === is.otherType &&
		was.ownFolders === is.ownFolders &&
		ownDate(old) === ownDate(facts)
	);
}

function sameDate(a: NoteDate | null, b: NoteDate | null): boolean {
	return a === b || (a !== null && b !== null && a.day === b.day && a.time === b.time && a.source === b.source && a.property === b.property);
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean = (x, y) => x === y): boolean {
	return a.length === b.length && a.every((item, at) => same(item, b[at] as T));
}

/** Which conversations (with where each note's are in the list) and mentions (by path) are a client's; null until asked. */
interface ClientLists {
	sessions: { list: SessionFacts[]; at: Map<string, number[]> } | null;
	mentions: string[] | null;
}

/** Puts the note's new facts in place of its old ones in a client's conversations, when they stand where they stood. */
function swapSessions(sessions: { list: SessionFacts[]; at: Map<string, number[]> }, facts: NoteFacts): void {
	const places = sessions.at.get(facts.path);
	if (!places) return;
	const byId = new Map(facts.sessions.map((fresh) => [fresh.id, fresh]));
	for (const at of places) {
		const kept = sessions.list[at] as SessionFacts;
		sessions.list[at] = byId.get(kept.id) ?? kept;
	}
}

/** The client's own memos, made when first asked for. */
function memosOf<T>(byClient: Map<string, Map<string, T>>, client: Client): Map<string, T> {
	let memos = byClient.get(client.key);
	if (!memos) byClient.set(client.key, (memos = new Map<string, T>()));
	return memos;
}

/** The client as the caller holds them is part of every question: one held from before a change to their note gets its own answer. */
function fingerprint(client: Client): string {
	return JSON.stringify([client.name, client.path, client.aliases, client.archived, client.cadence]);
}


/**
 * The keys a note is found by in each reverse map, in the order of the index's `reverseMaps`:
 * names it links, aliases, its loose name, heading words, folders below a client folder, its own
 * folder there, and a client's first words.
 */
function reverseEntries(facts: NoteFacts | undefined): ReadonlySet<string>[] {
	if (!facts) return [NONE, NONE, NONE, NONE, NONE, NONE, NONE];
	const personal = facts.kind === "client" || facts.kind === "person";
	return [
		namesLinkedFrom(facts),
		facts.aliases.length === 0 ? NONE : new Set(facts.aliases.map((alias) => looseName(alias))),
		personal ? new Set([looseName(facts.basename)]) : NONE,
		facts.sessions.length === 0 ? NONE : headingWordsOf(facts),
		facts.clientFolder === null ? NONE : new Set(foldersBetween(facts)),
		(facts.clientFolder?.chain.length ?? 0) > 0 ? new Set([folderOf(facts.path)]) : NONE,
		facts.kind === "client" ? firstWordsOf(facts) : NONE,
	];
}

const NONE: ReadonlySet<string> = new Set();

/** Puts the path in the set or takes it out, leaving the set alone when it already is as asked. */
function member(set: Set<string>, path: string, wanted: boolean): void {
	if (wanted) set.add(path);
	else if (set.has(path)) set.delete(path);
}

function namesLinkedFrom(facts: NoteFacts): Set<string> {
	const names = new Set<string>();
	for (const link of facts.outLinks) names.add(nameKey(link));
	for (const session of facts.sessions) {
		for (const ref of session.clientRefs ?? []) {
			names.add(nameKey(ref.link ?? ref.text));
			if (ref.link === null) names.add(looseName(ref.text));
		}
	}
	return names;
}

/** A text's words as written, case kept. */
function nameWordsAsWritten(text: string): string[] {
	return text.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== "");
}

/** Capitalised, or written in a script without capitals (where upper and lower case are the same). */
function isCapitalised(word: string): boolean {
	const first = word.charAt(0);
	return first === first.toUpperCase();
}

function startsAt(words: readonly string[], name: readonly string[], at: number): boolean {
	return name.length > 0 && name.every((word, offset) => words[at + offset] === word);
}

/** The words of the headings that may name a client: those of a dated note's candidate sections. */
function headingWordsOf(facts: NoteFacts): Set<string> {
	const words = new Set<string>();
	for (const session of facts.sessions) if (session.namingText !== null) for (const word of nameWords(session.namingText)) words.add(word);
	return words;
}

/** The first words a client note may be known by: its name, its aliases, and its folder's name (a client's own folder names them). */
function firstWordsOf(facts: NoteFacts): Set<string> {
	const words = new Set<string>();
	const folderName = (facts.clientFolder?.chain.length ?? 0) > 0 ? [lastSegment(folderOf(facts.path))] : [];
	for (const name of [facts.basename, ...facts.aliases, ...folderName]) {
		const first = nameWords(name)[0];
		if (first !== undefined) words.add(first);
	}
	return words;
}


/** How many clients and conversations of each shape the index found. */
export interface Recognised {
	clients: number;
	/** Conversations that are whole notes (a client folder's dated notes included). */
	sessionNotes: number;
	/** Dated sections of session notes that hold several conversations (a group's log). */
	sessionNoteSections: number;
	clientNoteSections: number;
	datedNoteSections: number;
	clientFolders: number;
}

/** The shapes counted in `Recognised`. */
export type RecognisedShape = "sessionNotes" | "sessionNoteSections" | "clientNoteSections" | "datedNoteSections" | "clientFolders";

/** An own folder below a client folder, and the note that is its client's, if any. */
interface OwnFolder {
	folder: string;
	clientNote: string | null;
}

type FolderVerdict = { own: false } | { own: true; clientNote: string | null };

/** Names of the note that is a client's own folder's client note, after one named like the folder. */
const CLIENT_NOTE_NAMES = ["index", "profile", "about", "overview", "client-overview"];

/** Folder names that always group clients: a status, or a year (checked apart). */
const GROUPING_FOLDERS: ReadonlySet<string> = new Set([...ARCHIVE_FOLDERS, "active", "current"]);

function lastSegment(folder: string): string {
	return folder.slice(folder.lastIndexOf("/") + 1);
}

/** The folders between a client folder and the note: each may be the client's own folder. */
function foldersBetween(facts: NoteFacts): string[] {
	const place = facts.clientFolder;
	if (!place) return [];
	const folders: string[] = [];
	let folder = place.root;
	for (const name of place.chain) {
		folder = `${folder}/${name}`;
		folders.push(folder);
	}
	return folders;
}

/** Oldest first; the time of day, the path, then the place in the note break ties, so the order never depends on the index's history. */
function byDate(a: Pick<NoteFacts, "date" | "path"> & { heading?: SessionHeading | null }, b: Pick<NoteFacts, "date" | "path"> & { heading?: SessionHeading | null }): number {
	const dayA = a.date?.day ?? "";
	const dayB = b.date?.day ?? "";
	if (dayA !== dayB) return dayA < dayB ? -1 : 1;
	const timeA = a.date?.time ?? "";
	const timeB = b.date?.time ?? "";
	if (timeA !== timeB) return timeA < timeB ? -1 : 1;
	if (a.path !== b.path) return a.path < b.path ? -1 : 1;
	return (a.heading?.line ?? -1) - (b.heading?.line ?? -1);
}

/**
 * The reverse maps hold lists, not sets: a name is linked by a handful of notes, and tens of
 * thousands of small sets cost several times the memory. A note is added under a key only when it
 * is not there yet (see `moveEntries`), so the lists hold each path once.
 */
function addTo(map: Map<string, string[]>, key: string, path: string): void {
	const paths = map.get(key);
	if (paths) paths.push(path);
	else map.set(key, [path]);
}

function removeFrom(map: Map<string, string[]>, key: string, path: string): void {
	const paths = map.get(key);
	const at = paths?.indexOf(path) ?? -1;
	if (!paths || at < 0) return;
	paths.splice(at, 1);
	if (paths.length === 0) map.delete(key);
}
