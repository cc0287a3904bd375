import type { Brief } from "./brief";
import type { BriefText, Held, Quote } from "./brief-text";

/**
 * The brief as the command-line contract prints it with --json (see spec/brief.md). What it
 * reads from every conversation comes with it: `held` (`BriefReader.heldBefore`) and `quotes`.
 */
export function briefJson(brief: Brief, text: BriefText, everyConversation: { held: readonly Held[]; quotes: readonly Quote[] }): unknown {
	const { held, quotes } = everyConversation;
	return {
		client: brief.client,
		today: brief.today,
		sessionCount: brief.sessionCount,
		nextSessionNumber: brief.nextSessionNumber,
		lastSession: brief.lastSession && { path: brief.lastSession.path, heading: brief.lastSession.heading, date: brief.lastSession.date },
		daysSinceLastSession: brief.daysSinceLastSession,
		sessions: brief.sessions.map(({ path, heading, date, number, title, clients }) => ({ path, heading, date, number, title, clients })),
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
		mentionsSinceLastSession: brief.mentionsSinceLastSession,
		themes: brief.themes,
		held: held.map(({ text: thread, path, heading, date }) => ({ text: thread, path, heading, date })),
		quotes: quotes.map(({ text: words, path, heading, date, pinned }) => ({ text: words, path, heading, date, pinned })),
		about: { text: text.about.text, properties: Object.fromEntries(text.about.properties.map(({ name, value }) => [name, value])) },
		profile: text.profile.map(({ heading, text: section }) => ({ heading, text: section })),
		intentions: brief.intentions,
		problems: brief.problems,
	};
}
