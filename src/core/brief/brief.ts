import { dueBy, parseCadence, type Due } from "./cadence";
import type { Client, CoachingIndex } from "../index/coaching-index";
import { commitmentsOf, openCommitments, type Commitment } from "./commitments";
import { daysBetween, type Day } from "../notes/dates";
import type { NoteFacts } from "../notes/facts";
import { excerpt, sectionsNamed, topSections, type Section } from "../notes/sections";
import type { CoachingSettings } from "../settings/settings";

export interface BriefSession {
	path: string;
	date: Day | null;
	number: number;
	title: string;
	/** Every client of the session: note paths, or the name of a client without a note. */
	clients: string[];
}

export interface CadenceStatus extends Due {
	text: string;
	/** False when the cadence property could not be read; then nothing is due by it. */
	readable: boolean;
}

/** What the brief knows without opening any note: the index alone. */
export interface Brief {
	client: { name: string; path: string | null; status: "active" | "archived" };
	aliases: string[];
	today: Day;
	sessionCount: number;
	nextSessionNumber: number;
	lastSession: { path: string; date: Day | null } | null;
	daysSinceLastSession: number | null;
	cadence: CadenceStatus | null;
	/** Newest first. */
	sessions: BriefSession[];
	openCommitments: Commitment[];
	/** Newest first. */
	mentionsSinceLastSession: { path: string; date: Day | null }[];
	themes: { tag: string; count: number }[];
	intentions: string[];
	/** The intention checklist's heading, as the coach set it. */
	intentionHeading: string;
	/** What could not be read cleanly in the notes the brief draws on: the client note, the sessions, the mentions. */
	problems: { path: string; problem: string }[];
}

/** What the brief shows from inside the notes: read from disk only when someone looks. */
export interface BriefText {
	profile: Section[];
	lastSessionSections: Section[];
}

export interface ClientSummary {
	client: Client;
	/** Oldest first, each with its number. */
	sessions: { facts: NoteFacts; number: number }[];
	commitments: Commitment[];
	lastDay: Day | null;
	daysSinceLast: number | null;
	cadence: CadenceStatus | null;
}

export function summarise(index: CoachingIndex, client: Client, today: Day): ClientSummary {
	const sessions = index.sessionsOf(client).map((facts, position) => ({ facts, number: facts.sessionNumber ?? position + 1 }));
	const last = sessions[sessions.length - 1]?.facts;
	const lastDay = last?.date?.day ?? null;
	return {
		client,
		sessions,
		commitments: commitmentsOf(
			index,
			client,
			sessions.map((session) => session.facts),
		),
		lastDay,
		daysSinceLast: lastDay === null ? null : daysBetween(lastDay, today),
		cadence: cadenceStatus(client.cadence, lastDay, today),
	};
}

function cadenceStatus(text: string | null, lastDay: Day | null, today: Day): CadenceStatus | null {
	if (text === null) return null;
	const cadence = parseCadence(text);
	if (!cadence) return { text, readable: false, dueDate: null, due: false, overdueDays: 0 };
	return { text, readable: true, ...dueBy(cadence, lastDay, today) };
}

export function computeBrief(index: CoachingIndex, client: Client, today: Day, settings: CoachingSettings): Brief {
	const summary = summarise(index, client, today);
	const last = summary.sessions[summary.sessions.length - 1];
	const mentions = index
		.mentionsOf(client)
		.filter((facts) => summary.lastDay === null || (facts.date?.day ?? "") > summary.lastDay)
		.reverse();
	const clientFacts = client.path === null ? undefined : index.get(client.path);
	const concerned = [...(clientFacts ? [clientFacts] : []), ...summary.sessions.map((session) => session.facts), ...mentions];
	const problems = concerned.flatMap((facts) => facts.problems.map((problem) => ({ path: facts.path, problem })));

	return {
		client: { name: client.name, path: client.path, status: client.archived ? "archived" : "active" },
		aliases: client.aliases,
		today,
		sessionCount: summary.sessions.length,
		nextSessionNumber: summary.sessions.reduce((highest, session) => Math.max(highest, session.number), 0) + 1,
		lastSession: last ? { path: last.facts.path, date: summary.lastDay } : null,
		daysSinceLastSession: summary.daysSinceLast,
		cadence: summary.cadence,
		sessions: summary.sessions
			.map(({ facts, number }) => ({
				path: facts.path,
				date: facts.date?.day ?? null,
				number,
				title: facts.title,
				clients: index.sessionClients(facts).map((owner) => owner.path ?? owner.name),
			}))
			.reverse(),
		openCommitments: openCommitments(summary.commitments),
		mentionsSinceLastSession: mentions.map((facts) => ({ path: facts.path, date: facts.date?.day ?? null })),
		themes: themesOf(summary.sessions.map((session) => session.facts)),
		intentions: [...settings.intentions],
		intentionHeading: settings.intentionHeading,
		problems,
	};
}

/** Session tags counted once per session; by count, then by latest use. */
function themesOf(sessions: readonly NoteFacts[]): { tag: string; count: number }[] {
	const themes = new Map<string, { tag: string; count: number; lastUse: number }>();
	sessions.forEach((session, order) => {
		for (const tag of session.themeTags) {
			const key = tag.toLowerCase();
			const theme = themes.get(key);
			themes.set(key, { tag, count: (theme?.count ?? 0) + 1, lastUse: order });
		}
	});
	return [...themes.values()]
		.sort((a, b) => b.count - a.count || b.lastUse - a.lastUse || a.tag.localeCompare(b.tag))
		.map(({ tag, count }) => ({ tag, count }));
}

/** Reads the client note and the last session: the profile and where we left off. */
export async function readBriefText(
	brief: Brief,
	index: CoachingIndex,
	read: (path: string) => Promise<string>,
	settings: CoachingSettings,
): Promise<BriefText> {
	const clientFacts = brief.client.path === null ? undefined : index.get(brief.client.path);
	const lastFacts = brief.lastSession ? index.get(brief.lastSession.path) : undefined;
	const [clientText, lastText] = await Promise.all([
		clientFacts ? readOrEmpty(read, clientFacts.path) : "",
		lastFacts ? readOrEmpty(read, lastFacts.path) : "",
	]);
	return {
		profile: clientFacts ? sectionsNamed(clientText, clientFacts.headings, settings.profileHeadings) : [],
		lastSessionSections: lastFacts ? topSections(lastText, lastFacts.headings, [settings.intentionHeading]) : [],
	};
}

/** The first lines of one earlier conversation, read when it is about to be shown. */
export async function readExcerpt(
	facts: NoteFacts,
	read: (path: string) => Promise<string>,
	settings: CoachingSettings,
): Promise<string[]> {
	const text = await readOrEmpty(read, facts.path);
	return excerpt(text, facts.headings, [settings.intentionHeading], settings.excerptLines);
}

async function readOrEmpty(read: (path: string) => Promise<string>, path: string): Promise<string> {
	try {
		return await read(path);
	} catch {
		// A note deleted between indexing and reading shows as empty; the next index event removes it.
		return "";
	}
}

/** The brief as the command-line contract prints it with --json (see spec/brief.md). */
export function briefJson(brief: Brief, text: BriefText): unknown {
	return {
		client: brief.client,
		today: brief.today,
		sessionCount: brief.sessionCount,
		nextSessionNumber: brief.nextSessionNumber,
		lastSession: brief.lastSession,
		daysSinceLastSession: brief.daysSinceLastSession,
		sessions: brief.sessions,
		openCommitments: brief.openCommitments.map(({ text: commitment, path, date, firstPath, firstDate }) => ({
			text: commitment,
			path,
			date,
			firstPath,
			firstDate,
		})),
		mentionsSinceLastSession: brief.mentionsSinceLastSession,
		themes: brief.themes,
		profile: text.profile.map(({ heading, text: section }) => ({ heading, text: section })),
		intentions: brief.intentions,
		problems: brief.problems,
	};
}
