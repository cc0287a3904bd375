import type { CadenceStatus } from "./summary";
import { openCommitments, type Commitment } from "./commitments";
import { summarise } from "./summary";
import type { Client, CoachingIndex } from "../index/coaching-index";
import type { Day } from "../notes/dates";
import type { SessionFacts } from "../notes/facts";
import type { CoachingSettings } from "../settings/settings";

export interface BriefSession {
	/** Which conversation: the note's path, with the heading's line for a section. */
	id: string;
	path: string;
	/** The heading a section session starts at; null for a whole note. */
	heading: string | null;
	date: Day | null;
	number: number;
	title: string;
	/** Every client of the session: note paths, or the name of a client without a note. */
	clients: string[];
}
/**
 * What the brief knows without opening any note: the index alone. Kept by the index until one of
 * the notes it draws on changes, so it is shared: read it, never change it.
 */
export interface Brief {
	client: { name: string; path: string | null; status: "active" | "archived" };
	aliases: readonly string[];
	today: Day;
	sessionCount: number;
	nextSessionNumber: number;
	lastSession: { id: string; path: string; heading: string | null; date: Day | null } | null;
	daysSinceLastSession: number | null;
	cadence: CadenceStatus | null;
	/** Newest first. */
	sessions: readonly BriefSession[];
	openCommitments: readonly Commitment[];
	/** Newest first. */
	mentionsSinceLastSession: readonly { path: string; date: Day | null }[];
	themes: readonly { tag: string; count: number }[];
	intentions: readonly string[];
	/** The intention checklist's heading, as the coach set it. */
	intentionHeading: string;
	/** What could not be read cleanly in the notes the brief draws on: the client note, the sessions, the mentions. */
	problems: readonly { path: string; problem: string }[];
}
export function computeBrief(index: CoachingIndex, client: Client, today: Day, settings: CoachingSettings): Brief {
	const fromIndex = index.remember(client, `brief ${today}`, () => briefFromIndex(index, client, today));
	return { ...fromIndex, intentions: [...settings.intentions], intentionHeading: settings.intentionHeading };
}

/** The brief as the index alone gives it, the settings' words left to fill in. */
function briefFromIndex(index: CoachingIndex, client: Client, today: Day): Brief {
	const summary = summarise(index, client, today);
	const last = summary.sessions[summary.sessions.length - 1];
	const mentions = index
		.mentionsOf(client)
		.filter((facts) => summary.lastDay === null || (facts.date?.day ?? "") > summary.lastDay)
		.reverse();
	const concerned = new Set([...(client.path === null ? [] : [client.path]), ...summary.sessions.map(({ session }) => session.path), ...mentions.map((facts) => facts.path)]);
	const problems = [...concerned].flatMap((path) => (index.get(path)?.problems ?? []).map((problem) => ({ path, problem })));

	return {
		client: { name: client.name, path: client.path, status: client.archived ? "archived" : "active" },
		aliases: client.aliases,
		today,
		sessionCount: summary.sessions.length,
		nextSessionNumber: summary.sessions.reduce((highest, session) => Math.max(highest, session.number), 0) + 1,
		lastSession: last ? { id: last.session.id, path: last.session.path, heading: last.session.heading?.text ?? null, date: summary.lastDay } : null,
		daysSinceLastSession: summary.daysSinceLast,
		cadence: summary.cadence,
		sessions: summary.sessions
			.map(({ session, number }) => ({
				id: session.id,
				path: session.path,
				heading: session.heading?.text ?? null,
				date: session.date?.day ?? null,
				number,
				title: session.title,
				clients: index.sessionClients(session).map((owner) => owner.path ?? owner.name),
			}))
			.reverse(),
		openCommitments: openCommitments(summary.commitments),
		mentionsSinceLastSession: mentions.map((facts) => ({ path: facts.path, date: facts.date?.day ?? null })),
		themes: themesOf(summary.sessions.map(({ session }) => session)),
		intentions: [],
		intentionHeading: "",
		problems,
	};
}

/** Session tags counted once per session; by count, then by latest use. */
function themesOf(sessions: readonly SessionFacts[]): { tag: string; count: number }[] {
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
