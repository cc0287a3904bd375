import type { Brief } from "./brief";
import type { CoachingIndex } from "../index/coaching-index";
import { excerpt, prepareNote, sectionsNamed, spanOf, spanText, topSections, type PreparedNote, type Section, type TextSpan } from "../notes/sections";
import type { CoachingSettings } from "../settings/settings";

/** What the brief shows from inside the notes: read from disk only when someone looks. */
export interface BriefText {
	profile: Section[];
	lastSessionSections: Section[];
}
/**
 * Reads what the brief shows from inside the notes, for one brief: the profile, where we left off,
 * each conversation's first lines and its full text. Each note is read and split into lines once,
 * however many conversations it holds (a client's whole log lives in one note).
 */
export class BriefReader {
	private readonly prepared = new Map<string, Promise<PreparedNote | null>>();

	constructor(
		private readonly index: CoachingIndex,
		private readonly read: (path: string) => Promise<string>,
		private readonly settings: CoachingSettings,
	) {}

	/** The client note and the last session: the profile and where we left off. */
	async briefText(brief: Brief): Promise<BriefText> {
		const clientFacts = brief.client.path === null ? undefined : this.index.get(brief.client.path);
		const [clientText, last] = await Promise.all([
			clientFacts ? readOrEmpty(this.read, clientFacts.path) : "",
			brief.lastSession ? this.span(brief.lastSession) : null,
		]);
		return {
			profile: clientFacts ? sectionsNamed(clientText, clientFacts.headings, this.settings.profileHeadings) : [],
			lastSessionSections: last ? topSections(last, [this.settings.intentionHeading]) : [],
		};
	}

	/** The first lines of one earlier conversation, read when it is about to be shown. */
	async excerpt(session: SessionRef): Promise<string[]> {
		const span = await this.span(session);
		return span ? excerpt(span, [this.settings.intentionHeading], this.settings.excerptLines) : [];
	}

	/** One conversation in full, for read-back: its section alone, or the whole note after its properties. */
	async conversation(session: SessionRef): Promise<string> {
		const span = await this.span(session);
		return span ? spanText(span) : "";
	}

	private async span(session: SessionRef): Promise<TextSpan | null> {
		const found = this.index.session(session.path, session.id);
		if (!found) return null;
		const note = await this.note(session.path);
		return note ? spanOf(note, found.heading) : null;
	}

	private note(path: string): Promise<PreparedNote | null> {
		let note = this.prepared.get(path);
		if (!note) {
			const facts = this.index.get(path);
			note = facts ? readOrEmpty(this.read, path).then((text) => prepareNote(text, facts.headings)) : Promise.resolve(null);
			this.prepared.set(path, note);
		}
		return note;
	}
}

/** Which conversation: the note it is in, and its id there. */
type SessionRef = { id: string; path: string };

async function readOrEmpty(read: (path: string) => Promise<string>, path: string): Promise<string> {
	try {
		return await read(path);
	} catch {
		// A note deleted between indexing and reading shows as empty; the next index event removes it.
		return "";
	}
}
