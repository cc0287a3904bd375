import type { CadenceStatus, SummarySession } from "./summary";
import { closedCommitments, openCommitments, type Commitment } from "./commitments";
import { isSinceLastSession, nextSessionNumber, summarise } from "./summary";
import type { Client, CoachingIndex } from "../index/coaching-index";
import { maybeMeant, maybeTheirs, type MaybeTheirs } from "./typos";
import type { Day } from "../notes/dates";
import type { NoteFacts, SessionFacts } from "../notes/facts";
import type { CoachingSettings } from "../settings/settings";

/** One conversation as the brief lists it; shared by every brief that lists it, so read it, never change it. */
export interface BriefSession {
	/** Which conversation: the note's path, with the heading's line for a section. */
	readonly id: string;
	readonly path: string;
	/** The heading a section session starts at; null for a whole note. */
	readonly heading: string | null;
	readonly date: Day | null;
	readonly number: number;
	readonly title: string;
	/** Every client of the session: note paths, or the name of a client without a note. */
	readonly clients: readonly string[];
}
/**
 * What the brief knows without opening any note: the index alone. Kept by the index until one of
 * the notes it draws on changes, so it is shared: read it, never change it.
 */
export interface Brief {
	/** `key` is the index's, for finding the client again; the rest is what views show. */
	client: { key: string; name: string; path: string | null; status: "active" | "archived" };
	aliases: readonly string[];
	today: Day;
	sessionCount: number;
	nextSessionNumber: number;
	lastSession: { id: string; path: string; heading: string | null; date: Day | null } | null;
	daysSinceLastSession: number | null;
	cadence: CadenceStatus | null;
	/** The conversations held by today, newest first. */
	sessions: readonly BriefSession[];
	/** Session notes dated after today, soonest first: written ahead, so never where we left off. */
	plannedSessions: readonly BriefSession[];
	/** The client's and the coach's own (`owner`), the most recently carried first. */
	openCommitments: readonly Commitment[];
	/** Those the latest session that has them marks done, the most recently closed first. */
	closedCommitments: readonly Commitment[];
	/** Other notes that name the client, dated after the last session: newest first, those dated only by file times last. */
	mentionsSinceLastSession: readonly Mention[];
	/** Every other note that names the client, oldest first: read-back weaves them in between the conversations. */
	mentions: readonly Mention[];
	themes: readonly { tag: string; count: number }[];
	intentions: readonly string[];
	/** The intention checklist's heading, as the coach set it. */
	intentionHeading: string;
	/** What could not be read cleanly in the notes the brief draws on: the client note, the sessions, the mentions. */
	problems: readonly { path: string; problem: string }[];
	/** Session notes that may be this client's, linking a name a letter or two from theirs that has no note (see `maybeTheirs`). */
	maybeTheirs: readonly MaybeTheirs[];
	/** For a client without a note: the clients whose names theirs is a letter or two from, the link most likely a typo. */
	maybeMeant: readonly string[];
}

/** Another note that names the client, and what its date rests on: its properties, its name, or only its file's times. */
export interface Mention {
	path: string;
	date: Day | null;
	dateFrom: "property" | "name" | "file";
}

/** Where a mention's date comes from: a date only the file's times give is no one's writing, and sorts after the rest. */
function dateFrom(facts: NoteFacts): Mention["dateFrom"] {
	const source = facts.date?.source;
	return source === "property" ? "property" : source === "file name" || source === "heading" ? "name" : "file";
}

export function computeBrief(index: CoachingIndex, client: Client, today: Day, settings: CoachingSettings): Brief {
	const fromIndex = index.remember(client, `brief ${today}`, () => briefFromIndex(index, client, today));
	return { ...fromIndex, intentions: [...settings.intentions], intentionHeading: settings.intentionHeading, maybeTheirs: maybeTheirs(index, client), maybeMeant: maybeMeant(index, client) };
}

/** The brief as the index alone gives it, the settings' words left to fill in. */
function briefFromIndex(index: CoachingIndex, client: Client, today: Day): Brief {
	const summary = summarise(index, client, today);
	const last = summary.sessions[summary.sessions.length - 1];
	const mentions = index.mentionsOf(client).map((facts): Mention => ({ path: facts.path, date: facts.date?.day ?? null, dateFrom: dateFrom(facts) }));
	const since = mentions
		.filter((mention) => isSinceLastSession(mention.date, summary))
		.reverse()
		.sort((a, b) => Number(a.dateFrom === "file") - Number(b.dateFrom === "file"));
	const problems: { path: string; problem: string }[] = [];
	const reported = new Set<string>();
	const report = (path: string): void => {
		const found = index.problemsOf(path);
		if (found.length === 0 || reported.has(path)) return;
		reported.add(path);
		problems.push(...found);
	};
	if (client.path !== null) report(client.path);
	for (const { session } of [...summary.sessions, ...summary.planned]) report(session.path);
	for (const mention of since) report(mention.path);

	return {
		client: { key: client.key, name: client.name, path: client.path, status: client.archived ? "archived" : "active" },
		aliases: client.aliases,
		today,
		sessionCount: summary.sessions.length,
		nextSessionNumber: nextSessionNumber(summary),
		lastSession: last ? { id: last.session.id, path: last.session.path, heading: last.session.heading?.text ?? null, date: summary.lastDay } : null,
		daysSinceLastSession: summary.daysSinceLast,
		cadence: summary.cadence,
		sessions: summary.sessions.map(briefSession).reverse(),
		plannedSessions: summary.planned.map(briefSession),
		openCommitments: openCommitments(summary.commitments),
		closedCommitments: closedCommitments(summary.commitments),
		mentionsSinceLastSession: since,
		mentions,
		themes: themesOf(summary.sessions.map(({ session }) => session)),
		intentions: [],
		intentionHeading: "",
		problems,
		maybeTheirs: [],
		maybeMeant: [],
	};
}

/** Each session as briefs show it, kept while its facts, number and clients are the ones it was made from: most sessions are in every brief of their client unchanged. */
const briefSessions = new WeakMap<SessionFacts, { from: SummarySession; shown: BriefSession }>();

function briefSession(from: SummarySession): BriefSession {
	const kept = briefSessions.get(from.session);
	if (kept && kept.from.number === from.number && kept.from.clients === from.clients) return kept.shown;
	const { session, number, clients } = from;
	const shown: BriefSession = {
		id: session.id,
		path: session.path,
		heading: session.heading?.text ?? null,
		date: session.date?.day ?? null,
		number,
		title: session.title,
		clients: clients.map((client) => client.path ?? client.name),
	};
	briefSessions.set(session, { from, shown });
	return shown;
}

/** Session tags counted once per session; by count, then by latest use. */
function themesOf(sessions: readonly SessionFacts[]): { tag: string; count: number }[] {
	const themes = new Map<string, { tag: string; count: number; lastUse: number }>();
	sessions.forEach((session, order) => {
		for (const tag of session.themeTags) {
			const key = tag.toLowerCase();
			const theme = themes.get(key);
			if (theme) {
				theme.tag = tag;
				theme.count++;
				theme.lastUse = order;
			} else {
				themes.set(key, { tag, count: 1, lastUse: order });
			}
		}
	});
	return [...themes.values()]
		.sort((a, b) => b.count - a.count || b.lastUse - a.lastUse || a.tag.localeCompare(b.tag))
		.map(({ tag, count }) => ({ tag, count }));
}
