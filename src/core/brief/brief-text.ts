import type { Brief, Mention } from "./brief";
import { bookingAhead, START_OF_DAY, type Booking } from "./booking";
import type { CoachingIndex } from "../index/coaching-index";
import {
	excerpt,
	heldIn,
	leadText,
	prepareNote,
	quietText,
	quotesIn,
	sectionsNamed,
	showingUpIn,
	spanOf,
	spanText,
	topSections,
	type PreparedNote,
	type Section,
	type ShowingUp,
	type TextSpan,
} from "../notes/sections";
import type { Day } from "../notes/dates";
import { linkingPassage, propertyPassage } from "../notes/passages";
import { basenameOf, noteLines, type NoteHeading } from "../notes/note";
import { privateRanges, withoutPrivateLines } from "../notes/private-sections";
import { markdownHeadings } from "../notes/markdown-lines";
import { readProperty } from "../notes/properties";
import type { CoachingSettings } from "../settings/settings";
import { wordsIn } from "./copy";
import { paragraphsOf, type Paragraph } from "./search";

/** What the brief shows from inside the notes: read from disk only when someone looks. */
export interface BriefText {
	/** Who the person is, above the profile: the client note's lead text and the properties chosen in the settings. */
	about: About;
	/** What the last conversation held for this one, the thread to pick up (`heldBefore` reads the earlier ones). */
	held: Held[];
	profile: Section[];
	lastSessionSections: Section[];
	/** The next session as booked in the client note's property (settable, `next_session`), when it is still to come. */
	booked: { day: Day; time: string } | null;
}

/** The client's own words, from one conversation. */
export interface Quote {
	text: string;
	path: string;
	heading: string | null;
	date: Day | null;
	pinned: boolean;
}

/** How the coach showed up in one conversation: each intention, kept or not, and what they wrote of it. */
export interface HowIShowedUp extends ShowingUp {
	path: string;
	heading: string | null;
	date: Day | null;
	number: number;
}

/** Whether the conversation has the intention checklist: only those have a row of marks (spec: `intentionRecord`). */
export function hasChecklist(record: HowIShowedUp): boolean {
	return record.intentions.length > 0;
}

/** The threads earlier conversations held: all but the last conversation's, which the brief opens with. */
export function earlierThreads(brief: Brief, held: readonly Held[]): Held[] {
	const last = brief.lastSession;
	return held.filter((thread) => last === null || thread.path !== last.path || thread.heading !== last.heading);
}

/** How many of the latest reflections the brief shows in full: how the coach has been showing up lately. */
export const REFLECTIONS_SHOWN = 3;

/** The latest reflections the brief shows, newest first. */
export function latestReflections(records: readonly HowIShowedUp[]): HowIShowedUp[] {
	return records.filter((record) => record.reflection !== "").slice(0, REFLECTIONS_SHOWN);
}

/** What the brief reads from every conversation, and from each note that mentions the client since the last: for the command line, which prints it all. */
export interface AcrossConversations {
	held: Held[];
	quotes: Quote[];
	howIShowedUp: HowIShowedUp[];
	/** Each mention's passage, by the mentioning note's path. */
	passages: Map<string, string>;
}

/** What one conversation held for the next: the thread to pick up. */
export interface Held {
	text: string;
	/** The conversation that holds it. */
	path: string;
	heading: string | null;
	date: Day | null;
}

export interface About {
	text: string;
	/** Each chosen property the note has, named as the note writes it, its values joined. */
	properties: { name: string; value: string }[];
}

/** How the brief reaches the notes' own words: their text, and their properties as the front end's reader parsed them. */
export interface NoteTexts {
	read: (path: string) => Promise<string>;
	/** Null when the note has none, or none its reader could parse. */
	properties: (path: string) => Promise<Record<string, unknown> | null>;
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
		private readonly notes: NoteTexts,
		private readonly settings: CoachingSettings,
	) {}

	/**
	 * The client note and the last session: who the person is, the profile, and where we left off.
	 * `now` ("HH:mm") ends a session booked for earlier today; left out, the day is read from its start.
	 */
	async briefText(brief: Brief, now = START_OF_DAY): Promise<BriefText> {
		const clientFacts = brief.client.path === null ? undefined : this.index.get(brief.client.path);
		const [client, properties, last] = await Promise.all([
			clientFacts ? this.visible(clientFacts.path, clientFacts.headings) : { text: "", headings: [] },
			clientFacts ? this.notes.properties(clientFacts.path).catch(() => null) : null,
			brief.lastSession ? this.span(brief.lastSession) : null,
		]);
		return {
			about: {
				text: clientFacts ? leadText(client.text, client.headings, [basenameOf(clientFacts.path), brief.client.name, ...brief.aliases]) : "",
				properties: chosenProperties(properties, this.settings.aboutProperties),
			},
			held: brief.lastSession && last ? this.heldBy(brief.lastSession, last) : [],
			profile: clientFacts ? sectionsNamed(client.text, client.headings, this.settings.profileHeadings) : [],
			// The threads it held open the brief, as "To pick up": not again here.
			lastSessionSections: last ? topSections(last, [this.settings.intentionHeading, ...this.settings.holdHeadings]) : [],
			booked: bookedSession(properties, this.settings.nextSessionProperty, brief, now),
		};
	}

	/** What every conversation held for the next, newest first: each note read, so only when someone asks. */
	async heldBefore(brief: Brief): Promise<Held[]> {
		const held: Held[] = [];
		for (const session of brief.sessions) {
			const span = await this.span(session);
			if (span) held.push(...this.heldBy(session, span));
		}
		return held;
	}

	private heldBy(session: { path: string; heading: string | null; date: Day | null }, span: TextSpan): Held[] {
		return heldIn(span, this.settings.holdHeadings).map((text) => ({ text, path: session.path, heading: session.heading, date: session.date }));
	}

	/**
	 * Where another note names the client: the paragraph or list item that links them (or the
	 * property, when only a property does), read when it is about to be shown.
	 */
	async mentionPassage(client: { key: string }, mention: { path: string }): Promise<string> {
		const note = await this.note(mention.path);
		if (!note) return "";
		const reaches = (link: string): boolean => this.index.linkReaches(link, mention.path, client);
		return linkingPassage(note.lines, reaches) ?? propertyPassage(await this.notes.properties(mention.path).catch(() => null), reaches) ?? "";
	}

	/** The first lines of one earlier conversation, read when it is about to be shown. */
	async excerpt(session: SessionRef): Promise<string[]> {
		const span = await this.span(session);
		return span ? excerpt(span, [this.settings.intentionHeading], this.settings.excerptLines) : [];
	}

	/**
	 * One conversation in full, for read-back: its section alone, or the whole note after its
	 * properties; quietly, without the intention and reflection checklists (their prose kept).
	 */
	async conversation(session: SessionRef, { quiet = false }: { quiet?: boolean } = {}): Promise<string> {
		const span = await this.span(session);
		if (!span) return "";
		return quiet ? quietText(span, [this.settings.intentionHeading, this.settings.reflectionHeading]) : spanText(span);
	}

	/**
	 * The client's own words across every conversation: pinned ones first, then newest first, so
	 * reading them in order shows how the person has moved. Each note read, so only when asked.
	 */
	async quotes(brief: Brief): Promise<Quote[]> {
		const quotes: Quote[] = [];
		for (const session of brief.sessions) {
			const span = await this.span(session);
			if (span) for (const { text, pinned } of quotesIn(span)) quotes.push({ text, path: session.path, heading: session.heading, date: session.date, pinned });
		}
		return [...quotes.filter((quote) => quote.pinned), ...quotes.filter((quote) => !quote.pinned)];
	}

	/** How the coach showed up in each conversation, newest first: each note read, so only when asked. */
	async howIShowedUp(brief: Brief): Promise<HowIShowedUp[]> {
		const record: HowIShowedUp[] = [];
		for (const session of brief.sessions) {
			const span = await this.span(session);
			const showingUp = span ? showingUpIn(span, this.settings.intentionHeading, this.settings.reflectionHeading) : null;
			if (showingUp) record.push({ path: session.path, heading: session.heading, date: session.date, number: session.number, ...showingUp });
		}
		return record;
	}

	/** Everything read from every conversation, and the passage of each note that mentions the client since the last. */
	async readAcross(brief: Brief): Promise<AcrossConversations> {
		return {
			held: await this.heldBefore(brief),
			quotes: await this.quotes(brief),
			howIShowedUp: await this.howIShowedUp(brief),
			passages: await this.passages(brief, brief.mentionsSinceLastSession),
		};
	}

	/** The passage of each of these notes that mention the client, by path. */
	async passages(brief: Brief, mentions: readonly Mention[]): Promise<Map<string, string>> {
		const passages = new Map<string, string>();
		for (const mention of mentions) passages.set(mention.path, await this.mentionPassage(brief.client, mention));
		return passages;
	}

	/** One conversation's paragraphs, for searching it: its private sections are blank, so never found. */
	async paragraphs(session: SessionRef): Promise<Paragraph[]> {
		const span = await this.span(session);
		return span ? paragraphsOf(span) : [];
	}

	/** How many words all the conversations are, read back quietly: for "about 12 minutes". */
	async readingWords(brief: Brief): Promise<number> {
		let words = 0;
		for (const session of brief.sessions) words += wordsIn(await this.conversation(session, { quiet: true }));
		return words;
	}

	private async span(session: SessionRef): Promise<TextSpan | null> {
		const found = this.index.session(session.path, session.id);
		if (!found) return null;
		const note = await this.note(session.path);
		return note ? spanOf(note, found.heading) : null;
	}

	/**
	 * A note's text and headings as views may show them: its private sections' lines blank, their
	 * headings gone. Private sections are found by the headings of the text just read as well as
	 * the index's, which may not have caught up with an edit yet: neither can let one through.
	 */
	private async visible(path: string, headings: readonly NoteHeading[]): Promise<{ text: string; headings: NoteHeading[] }> {
		const text = await readOrEmpty(this.notes, path);
		const names = this.settings.privateHeadings;
		const lines = noteLines(text);
		const own = markdownHeadings(lines);
		if (privateRanges(headings, names).length === 0 && privateRanges(own, names).length === 0) return { text, headings: [...headings] };
		const byIndex = withoutPrivateLines(lines, headings, names);
		const shown = withoutPrivateLines(byIndex.lines, own, names);
		return { text: shown.lines.join("\n"), headings: byIndex.headings.filter((heading) => shown.lines[heading.line] !== "" || heading.line >= shown.lines.length) };
	}

	private note(path: string): Promise<PreparedNote | null> {
		let note = this.prepared.get(path);
		if (!note) {
			const facts = this.index.get(path);
			note = facts ? this.visible(path, facts.headings).then(({ text, headings }) => prepareNote(text, headings)) : Promise.resolve(null);
			this.prepared.set(path, note);
		}
		return note;
	}
}

/** Which conversation: the note it is in, and its id there. */
type SessionRef = { id: string; path: string };

/** The next session the client note books, while it is still ahead: over by the same rule as the status bar's "Next up". */
function bookedSession(properties: Record<string, unknown> | null, name: string, brief: Brief, now: string): Booking | null {
	const written = readProperty(properties, [name])?.values[0];
	return bookingAhead(written ?? null, brief.lastSession?.date ?? null, brief.today, now);
}

/** The chosen properties the note has, in the order chosen; a property named twice in the choice (in another case) is shown once. */
function chosenProperties(properties: Record<string, unknown> | null, chosen: readonly string[]): { name: string; value: string }[] {
	const shown: { name: string; value: string }[] = [];
	for (const name of chosen) {
		const property = readProperty(properties, [name]);
		if (property && !shown.some((earlier) => earlier.name === property.name)) shown.push({ name: property.name, value: property.values.join(", ") });
	}
	return shown;
}

async function readOrEmpty(notes: NoteTexts, path: string): Promise<string> {
	try {
		return await notes.read(path);
	} catch {
		// A note deleted between indexing and reading shows as empty; the next index event removes it.
		return "";
	}
}
