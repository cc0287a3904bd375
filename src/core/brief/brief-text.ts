import type { Brief } from "./brief";
import type { CoachingIndex } from "../index/coaching-index";
import type { NoteFacts } from "../notes/facts";
import { excerpt, sectionsNamed, topSections, type Section } from "../notes/sections";
import type { CoachingSettings } from "../settings/settings";

/** What the brief shows from inside the notes: read from disk only when someone looks. */
export interface BriefText {
	profile: Section[];
	lastSessionSections: Section[];
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
