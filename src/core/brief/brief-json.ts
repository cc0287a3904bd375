import type { Brief } from "./brief";
import type { BriefText } from "./brief-text";

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
