import type { Brief, BriefSession } from "./brief";
import { hasChecklist, type AcrossConversations, type BriefText } from "./brief-text";

/**
 * The brief as the command-line contract prints it with --json (see spec/brief.md), with what
 * `BriefReader.readAcross` reads from every conversation and mention.
 */
export function briefJson(brief: Brief, text: BriefText, across: AcrossConversations): unknown {
	const { held, quotes, howIShowedUp, passages } = across;
	return {
		client: { name: brief.client.name, path: brief.client.path, status: brief.client.status },
		today: brief.today,
		sessionCount: brief.sessionCount,
		nextSessionNumber: brief.nextSessionNumber,
		lastSession: brief.lastSession && { path: brief.lastSession.path, heading: brief.lastSession.heading, date: brief.lastSession.date },
		daysSinceLastSession: brief.daysSinceLastSession,
		sessions: brief.sessions.map(jsonSession),
		plannedSessions: brief.plannedSessions.map(jsonSession),
		openCommitments: brief.openCommitments.map(({ text: commitment, path, heading, date, firstPath, firstHeading, firstDate, owner, sessions, dropped }) => ({
			text: commitment,
			path,
			heading,
			date,
			firstPath,
			firstHeading,
			firstDate,
			owner,
			sessions,
			dropped,
		})),
		closedCommitments: brief.closedCommitments.map(({ text: commitment, owner, path, heading, date, firstDate }) => ({
			text: commitment,
			owner,
			closedPath: path,
			closedHeading: heading,
			closedDate: date,
			firstDate,
		})),
		mentionsSinceLastSession: brief.mentionsSinceLastSession.map(({ path, date, dateFrom }) => ({ path, date, dateFrom, excerpt: passages.get(path) ?? "" })),
		themes: brief.themes,
		held: held.map(({ text: thread, path, heading, date }) => ({ text: thread, path, heading, date })),
		quotes: quotes.map(({ text: words, path, heading, date, pinned }) => ({ text: words, path, heading, date, pinned })),
		intentionRecord: howIShowedUp.filter(hasChecklist).map(({ path, heading, date, intentions }) => ({
			path,
			heading,
			date,
			kept: intentions.filter((intention) => intention.kept).map((intention) => intention.text),
			missed: intentions.filter((intention) => !intention.kept).map((intention) => intention.text),
		})),
		about: { text: text.about.text, properties: Object.fromEntries(text.about.properties.map(({ name, value }) => [name, value])) },
		profile: text.profile.map(({ heading, text: section }) => ({ heading, text: section })),
		intentions: brief.intentions,
		problems: brief.problems,
	};
}

function jsonSession({ path, heading, date, number, title, clients }: BriefSession): unknown {
	return { path, heading, date, number, title, clients };
}
