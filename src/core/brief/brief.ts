import type { CadenceStatus } from "./summary";
import { openCommitments, type Commitment } from "./commitments";
import { summarise } from "./summary";
import type { Client, CoachingIndex } from "../index/coaching-index";
import type { Day } from "../notes/dates";
import type { NoteFacts } from "../notes/facts";
import type { CoachingSettings } from "../settings/settings";

export interface BriefSession {
	path: string;
	date: Day | null;
	number: number;
	title: string;
	/** Every client of the session: note paths, or the name of a client without a note. */
	clients: string[];
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
