import { dateOn, dayInFileName, dayInHeading, dayOfTimestamp, parseDateText, type Day, type NoteDate } from "./dates";
import { linkInPropertyValue } from "./links";
import { headingKey, headingSpans, type HeadingSpan } from "./headings";
import { looseName } from "./names";
import { basenameOf, folderOf, interned, type AwaitingText, type NoteHeading, type NoteLink, type NoteSource } from "./note";
import type { CoachingSettings } from "../settings/settings";
import { isPrivateLine, privateRanges, withoutPrivateParts, type LineRange } from "./private-sections";
import { caseless, commitmentKey, fold, hasCoachMark } from "./fold";
import { isPlaceholder, matchesWord, readProperty, typeValueText } from "./properties";
import { reasonOf } from "../reason";

export type NoteKind = "client" | "person" | "session" | "other";

/** One entry of a session's client property: a link to resolve, or plain text naming a note. */
export interface ClientRef {
	/** The link target when the value is a link; null for plain text. */
	link: string | null;
	/** The name as written: the link's display text, or the plain text. */
	text: string;
}

/** A note below a client folder: the client folder's path, and the folders between it and the note. */
export interface ClientFolderPlace {
	root: string;
	chain: string[];
	/** Whether the client folder is what made the note a client (not its type, tags or a nearer folder). */
	kindByFolder: boolean;
	/** Whether the note names its own type, one that is no kind the plugin knows (`type: contract`): never a session then. */
	otherType: boolean;
	/** Whether folders of one client's own are read (a setting): when not, every folder below a client folder groups clients. */
	ownFolders: boolean;
}

/** Grouping folders whose client notes are past clients (conventions, "Clients"). */
export const ARCHIVE_FOLDERS: ReadonlySet<string> = new Set(["archive", "archived", "past", "former", "inactive", "ended"]);

/** Where a conversation is written: a note of its own, a dated section of a client's note, or a client's section of a dated note. */
export type SessionShape = "note" | "client-note-section" | "dated-note-section" | "client-folder-note";

/** The heading a section session starts at, and where the section ends. */
export type SessionHeading = HeadingSpan;

/**
 * One conversation: a whole note, or a section of one (a heading and what is under it). Its
 * facts come from its own span of text alone, so a day's errands are never a client's
 * commitments and another client's section never leaks into this one.
 */
export interface SessionFacts {
	/** The note's path for a whole note; the path and the heading's line for a section (`Daily/2026-10-20.md#12`). */
	id: string;
	path: string;
	shape: SessionShape;
	/** The heading the section starts at; null for a whole note. */
	heading: SessionHeading | null;
	title: string;
	date: NoteDate | null;
	sessionNumber: number | null;
	/**
	 * Who the session is with, as written: a session note's client property (null when it has
	 * none, and then the clients it links count), or the links of a dated note's heading.
	 */
	clientRefs: ClientRef[] | null;
	/** A dated note's heading as written, for naming a client by name, alias or first name. */
	namingText: string | null;
	/** Links inside the session. */
	bodyLinks: string[];
	/** Tags that can be themes: each once, without the tags that only say what kind of note this is. */
	themeTags: string[];
	/** Tasks with text outside the intention and reflection sections. */
	commitments: TaskFact[];
	/** How much is written in it, in characters: 0 when the reader could not tell. */
	length: number;
}

export interface TaskFact {
	line: number;
	text: string;
	/** Whose promise it is: the coach's under their own headings or tagged #me, else the client's. */
	owner: "client" | "coach";
	/** What it is compared by with the same commitment carried into other sessions (`commitmentKey`). */
	key: string;
	status: string;
	open: boolean;
	/** Link targets on the task's line: in a group session they say whose commitment it is. */
	links: string[];
}

/**
 * Everything the index needs to know about one note, computed from that note alone.
 * Whatever depends on other notes (what a link resolves to, who is a client because a session
 * names them) is worked out at query time, so a change to one note never touches another's facts.
 */
export interface NoteFacts {
	path: string;
	basename: string;
	kind: NoteKind;
	title: string;
	aliases: string[];
	archived: boolean;
	cadence: string | null;
	/** Every link out of the note (body, embeds, properties): what makes it a mention. */
	outLinks: string[];
	date: NoteDate | null;
	/**
	 * Where the note sits below a client folder. When that folder is what made it a client: below
	 * a grouping it is one, in one client's own folder it may be their note, a session or their
	 * material. Which folder is which depends on the notes beside it, so the index decides.
	 */
	clientFolder: ClientFolderPlace | null;
	headings: NoteHeading[];
	/** The conversations written in this note: the note itself, or sections of it; possibly none. */
	sessions: SessionFacts[];
	problems: string[];
	/** What is missing until its text is read (see `NoteSource.awaitingText`); no view shows a brief that draws on it before. */
	awaitingText: AwaitingText | null;
	/** How much is written after its properties, in characters: a client note's share of how well the vault knows them. */
	bodyLength: number;
}

/** The type a saved brief carries (see `briefMarkdown`): it copies a client's words and links them, yet is no note about them. */
export const SAVED_BRIEF_TYPE = "coaching-brief";

function noteFacts(source: NoteSource, settings: CoachingSettings): NoteFacts {
	// Wherever it has been moved to, a saved brief is never a conversation or a mention. Its folder
	// decides nothing, as the coach may keep notes of their own there; the `type` the plugin wrote does,
	// whatever the type properties setting names.
	if (readProperty(source.frontmatter, ["type"])?.values.some((value) => value.toLowerCase() === SAVED_BRIEF_TYPE)) return new PlainNoteFacts(source.path, NONE, null, NONE, 0);
	const hidden = privateRanges(source.headings, settings.privateHeadings);
	const note = withoutPrivateParts(source, hidden);
	const basename = basenameOf(note.path);
	const frontmatter = note.frontmatter;
	const problems = [...note.problems];
	const words = settingWords(settings);
	const recognised = kindOf(note, settings, words);
	const { kind } = recognised;
	const clientFolder = clientFolderPlace(note.path, settings, words, recognised);

	const status = readProperty(frontmatter, [settings.statusProperty]);
	const cadence = readProperty(frontmatter, [settings.cadenceProperty]);
	const title = readProperty(frontmatter, ["title"]);

	const date = dateOf(note, settings, problems);
	const facts: NoteFacts = {
		path: note.path,
		basename,
		kind,
		title: title?.values[0] ?? basename,
		aliases: readProperty(frontmatter, ["aliases", "alias"])?.values ?? [],
		archived:
			(status?.values.some((value) => matchesWord(value, settings.archivedStatuses)) ?? false) ||
			(clientFolder?.chain.some((folder) => ARCHIVE_FOLDERS.has(fold(folder))) ?? false),
		cadence: cadence?.values[0] ?? null,
		outLinks: [...note.links, ...note.embeds, ...note.frontmatterLinks].map((link) => link.link),
		date,
		clientFolder,
		headings: note.headings,
		sessions: [],
		problems,
		awaitingText: note.awaitingText ?? null,
		bodyLength: note.body ? note.body.end - note.body.start : 0,
	};
	facts.sessions = sessionsIn(note, facts, settings, words, hidden);
	// Tens of thousands of notes are neither clients nor conversations: they share their empty lists. Their headings are kept:
	// a session's client property can make any note a client, whose profile is read by them.
	if (facts.sessions.length === 0) facts.sessions = NONE;
	if (facts.headings.length === 0) facts.headings = NONE;
	if (facts.problems.length === 0) facts.problems = NONE;
	if (facts.aliases.length === 0) facts.aliases = NONE;
	if (facts.outLinks.length === 0) facts.outLinks = NONE;
	return isPlain(facts) ? new PlainNoteFacts(facts.path, facts.outLinks, facts.date, facts.headings, facts.bodyLength) : facts;
}

/** A note that is no one's and says nothing of its own beyond its links and date: most of a large vault. */
function isPlain(facts: NoteFacts): boolean {
	return (
		facts.kind === "other" &&
		facts.sessions.length === 0 &&
		facts.clientFolder === null &&
		facts.aliases.length === 0 &&
		facts.problems.length === 0 &&
		facts.title === facts.basename &&
		!facts.archived &&
		facts.cadence === null &&
		facts.awaitingText === null
	);
}

/**
 * The facts of a plain note (`isPlain`), holding only what differs between them: its path, the
 * links that make it a mention, its date, and its headings (a session may yet make it a client). The rest is the same for every one of them, so it
 * is said once, here; its name is read off its path when asked.
 */
class PlainNoteFacts implements NoteFacts {
	constructor(
		readonly path: string,
		readonly outLinks: string[],
		readonly date: NoteDate | null,
		readonly headings: NoteHeading[],
		readonly bodyLength: number,
	) {}

	get basename(): string {
		return basenameOf(this.path);
	}
	get title(): string {
		return this.basename;
	}
	get kind(): NoteKind {
		return "other";
	}
	get aliases(): string[] {
		return NONE;
	}
	get archived(): boolean {
		return false;
	}
	get cadence(): null {
		return null;
	}
	get clientFolder(): null {
		return null;
	}
	get sessions(): SessionFacts[] {
		return NONE;
	}
	get problems(): string[] {
		return NONE;
	}
	get awaitingText(): null {
		return null;
	}
}

/** The one empty list notes share: frozen, so a change to it fails loudly rather than reaching every note. */
const NONE: never[] = Object.freeze([]) as never[];

/** The settings' words as notes are compared with them, folded once per settings rather than once per note. */
interface SettingWords {
	/** Words that mark a daily note's heading as a conversation. */
	marks: string[];
	/** Headings whose sections are never conversations: the profile, the intentions, the reflection. */
	notSessions: ReadonlySet<string>;
	/** Headings whose tasks are the coach's own checklists, never commitments. */
	notCommitments: ReadonlySet<string>;
	/** Headings whose tasks are the coach's own promises. */
	coachCommitments: ReadonlySet<string>;
	/** The words of each kind, as a type property or a tag is compared with them: any case, singular or plural. */
	types: KindWords;
	tags: KindWords;
	/** The folders of each kind, compared whole, in any case. */
	folders: KindWords;
	/** What a tag must hold, in any case, to be able to say what kind of note it is in. */
	tagStems: string[];
}

/** The spellings that name each kind, folded. */
interface KindWords {
	session: ReadonlySet<string>;
	client: ReadonlySet<string>;
	person: ReadonlySet<string>;
}

/** Every folded spelling `matchesWord` accepts for the words: each word, its plurals, and a plural's singular. */
function wordForms(words: readonly string[]): Set<string> {
	return new Set(
		words.flatMap((word) => {
			const w = fold(word);
			return [w, `${w}s`, `${w}es`, ...(w.endsWith("s") ? [w.slice(0, -1)] : [])];
		}),
	);
}

/** The words kept for each settings object, with a copy of what they were made from: settings are changed in place. */
const settingWordsOf = new WeakMap<CoachingSettings, { from: string[][]; words: SettingWords }>();

function settingWords(settings: CoachingSettings): SettingWords {
	const lists = [
		settings.dayNoteSessionWords,
		settings.profileHeadings,
		[settings.intentionHeading, settings.reflectionHeading],
		settings.coachCommitmentHeadings,
		settings.sessionTypes,
		settings.clientTypes,
		settings.personTypes,
		settings.sessionTags,
		settings.clientTags,
		settings.personTags,
		settings.sessionFolders,
		settings.clientFolders,
		settings.personFolders,
	];
	const kept = settingWordsOf.get(settings);
	if (kept && kept.from.length === lists.length && kept.from.every((list, at) => sameWords(list, lists[at] ?? []))) return kept.words;
	const words: SettingWords = {
		marks: settings.dayNoteSessionWords.map((word) => looseName(word)).filter((word) => word !== ""),
		notSessions: new Set([...settings.profileHeadings, settings.intentionHeading, settings.reflectionHeading].map(headingKey)),
		notCommitments: new Set([headingKey(settings.intentionHeading), headingKey(settings.reflectionHeading)]),
		coachCommitments: new Set(settings.coachCommitmentHeadings.map(headingKey)),
		types: { session: wordForms(settings.sessionTypes), client: wordForms(settings.clientTypes), person: wordForms(settings.personTypes) },
		tags: { session: wordForms(settings.sessionTags), client: wordForms(settings.clientTags), person: wordForms(settings.personTags) },
		folders: {
			session: new Set(settings.sessionFolders.map(fold)),
			client: new Set(settings.clientFolders.map(fold)),
			person: new Set(settings.personFolders.map(fold)),
		},
		tagStems: [...settings.clientTags, ...settings.personTags, ...settings.sessionTags].map((word) => caseless(fold(word)).replace(/s$/, "")).filter((stem) => stem !== ""),
	};
	settingWordsOf.set(settings, { from: lists.map((list) => [...list]), words });
	return words;
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
	if (a.length !== b.length) return false;
	for (let at = 0; at < a.length; at++) if (a[at] !== b[at]) return false;
	return true;
}

/**
 * A note (or folder) that could not be read at all: it stays in the index, with nothing known
 * about it but its path and why, so it is reported rather than silently dropped.
 */
export function unreadableFacts(path: string, problem: string): NoteFacts {
	return {
		path,
		basename: basenameOf(path),
		kind: "other",
		title: basenameOf(path),
		aliases: [],
		archived: false,
		cadence: null,
		outLinks: [],
		date: null,
		clientFolder: null,
		headings: [],
		sessions: [],
		problems: [problem],
		awaitingText: null,
		bodyLength: 0,
	};
}

/**
 * The facts of a note, or, when reading it fails in a way no rule foresaw, the note reported
 * with the reason: one strange note never stops the rest of the vault from being indexed.
 */
export function safeNoteFacts(path: string, read: () => NoteSource, settings: CoachingSettings): NoteFacts {
	try {
		return noteFacts(read(), settings);
	} catch (error) {
		return unreadableFacts(path, `could not be read (${reasonOf(error)})`);
	}
}

/**
 * The conversations a note holds (conventions, "Sessions" and "Sessions inside other notes"):
 * - a session note is one session, unless its sections are dated differently: then each dated
 *   section is one, and the note's own date is not used;
 * - a client note's dated sections (never its profile or checklist sections) are sessions with that client;
 * - a note with a date of its own that is neither a client's nor a session note holds a session
 *   under each heading that names a client. Which headings do depends on the vault's clients,
 *   so every heading is kept as a candidate and the index decides when asked.
 */
function sessionsIn(note: NoteSource, facts: NoteFacts, settings: CoachingSettings, words: SettingWords, hidden: readonly LineRange[]): SessionFacts[] {
	// Most notes hold none: no client's, no session's, no dated one.
	if (facts.kind !== "session" && facts.kind !== "client" && !ownDate(facts)) return NONE;
	const spans = headingSpans(note.headings);
	const commitments = commitmentTasks(note, words);
	const whole = (clientRefs: ClientRef[] | null): SessionFacts =>
		sessionFacts(note, facts, settings, words, { heading: null, shape: "note", date: facts.date, clientRefs }, { links: note.links, tags: note.tags, commitments });
	const sections = (wanted: { index: number; shape: SessionShape; date: NoteDate | null; clientRefs: (contents: SpanContents) => ClientRef[] | null }[]): SessionFacts[] => {
		// A heading in a private section (or a private one itself) never starts a conversation: its words are the coach's alone.
		const chosen = hidden.length === 0 ? wanted : wanted.filter(({ index }) => !isPrivateLine(hidden, spans[index]?.line ?? -1));
		const contents = contentsOfSections(note, spans, commitments, new Set(chosen.map(({ index }) => index)));
		return chosen.map(({ index, shape, date, clientRefs }) => {
			const inside = contents.get(index) ?? { links: [], tags: [], commitments: [] };
			return sessionFacts(note, facts, settings, words, { heading: spans[index] ?? null, shape, date, clientRefs: clientRefs(inside) }, inside);
		});
	};

	if (facts.kind === "session") {
		const clientRefs = clientRefsOf(note.frontmatter, settings, facts.problems);
		const dated = datedSpans(spans, words).filter(({ index }) => !isPrivateLine(hidden, spans[index]?.line ?? -1));
		if (new Set(dated.map(({ day }) => day)).size <= 1) return [whole(clientRefs)];
		return sections(dated.map(({ index, day }) => ({ index, shape: "note", date: dateOn(day, "heading"), clientRefs: () => clientRefs })));
	}
	if (facts.kind === "client") {
		const log = sections((settings.readClientNoteLogs ? datedSpans(spans, words) : []).map(({ index, day }) => ({ index, shape: "client-note-section", date: dateOn(day, "heading"), clientRefs: () => null })));
		// A dated note in one client's own folder is a session with them; whether the folder is theirs, the index decides.
		const inFolder = facts.clientFolder?.kindByFolder === true && facts.clientFolder.ownFolders && facts.clientFolder.chain.length > 0 && ownDate(facts);
		return inFolder ? [...log, { ...whole(clientRefsOf(note.frontmatter, settings, [])), shape: "client-folder-note" }] : log;
	}
	const { marks } = words;
	const marked = (heading: SessionHeading): boolean => marks.length === 0 || marks.some((mark) => ` ${looseName(heading.text)} `.includes(` ${mark} `));
	return sections(
		spans.flatMap((heading, index) => (marked(heading) ? [{ heading, index }] : [])).map(({ heading, index }) => ({
			index,
			shape: "dated-note-section",
			date: facts.date,
			// The heading's own links name its clients.
			clientRefs: (inside) => inside.links.filter((link) => link.line === heading.line).map((link) => ({ link: link.link, text: link.displayText ?? link.link })),
		})),
	);
}

/** What one section holds: its links, inline tags and commitments. */
interface SpanContents {
	links: readonly NoteLink[];
	tags: readonly string[];
	commitments: readonly TaskFact[];
}

/**
 * The links, tags and commitments of each wanted section. Each item finds its sections by a binary
 * search for the nearest heading above it, then that heading's parents (six levels at most), so a
 * note of many sections and many links costs their sum, not their product.
 */
function contentsOfSections(note: NoteSource, spans: readonly SessionHeading[], commitments: readonly TaskFact[], wanted: ReadonlySet<number>): Map<number, SpanContents> {
	const parents: number[] = [];
	const open: number[] = [];
	spans.forEach((span, index) => {
		while (open.length > 0 && (spans[open[open.length - 1] as number]?.level ?? 0) >= span.level) open.pop();
		parents.push(open[open.length - 1] ?? -1);
		open.push(index);
	});
	const contents = new Map<number, { links: NoteLink[]; tags: string[]; commitments: TaskFact[] }>();
	const holding = (line: number): number[] => {
		let low = 0;
		let high = spans.length - 1;
		let nearest = -1;
		while (low <= high) {
			const middle = (low + high) >> 1;
			if ((spans[middle]?.line ?? Infinity) <= line) {
				nearest = middle;
				low = middle + 1;
			} else {
				high = middle - 1;
			}
		}
		const found: number[] = [];
		for (let index = nearest; index >= 0; index = parents[index] ?? -1) {
			if (wanted.has(index) && line < (spans[index]?.end ?? 0)) found.push(index);
		}
		return found;
	};
	const bucket = (index: number) => {
		let entry = contents.get(index);
		if (!entry) contents.set(index, (entry = { links: [], tags: [], commitments: [] }));
		return entry;
	};
	for (const link of note.links) for (const index of holding(link.line)) bucket(index).links.push(link);
	for (const tag of note.inlineTags) for (const index of holding(tag.line)) bucket(index).tags.push(tag.tag);
	for (const task of commitments) for (const index of holding(task.line)) bucket(index).commitments.push(task);
	return contents;
}

/** A date the coach gave the note (a date property, a date in its name), not one a file system gave it. */
export function ownDate(facts: Pick<NoteFacts, "date">): boolean {
	// `created` is stamped on every note by many templates and plugins: it dates a session, but does not make a note a dated one.
	return facts.date?.source === "file name" || (facts.date?.source === "property" && fold(facts.date.property ?? "") !== "created");
}

/** The dated sections, outermost only (a dated heading inside a dated section belongs to it); never a profile or checklist section. */
function datedSpans(spans: readonly SessionHeading[], words: SettingWords): { index: number; day: Day }[] {
	const { notSessions: ignored } = words;
	const dated: { index: number; day: Day }[] = [];
	let insideUntil = -1;
	spans.forEach((heading, index) => {
		if (heading.line < insideUntil || ignored.has(headingKey(heading.text))) return;
		const day = dayInHeading(heading.text);
		if (day === null) return;
		dated.push({ index, day });
		insideUntil = heading.end;
	});
	return dated;
}

interface SpanShape {
	heading: SessionHeading | null;
	shape: SessionShape;
	date: NoteDate | null;
	clientRefs: ClientRef[] | null;
}

/** A session's facts from its span alone: the whole note, or the lines from its heading to the section's end. */
function sessionFacts(note: NoteSource, facts: NoteFacts, settings: CoachingSettings, words: SettingWords, shape: SpanShape, contents: SpanContents): SessionFacts {
	const { heading } = shape;
	return {
		id: heading === null ? note.path : `${note.path}#${heading.line}`,
		path: note.path,
		shape: shape.shape,
		heading,
		title: heading === null ? facts.title : heading.text,
		date: shape.date,
		sessionNumber: heading === null ? sessionNumberOf(note.frontmatter, settings) : null,
		clientRefs: shape.clientRefs,
		namingText: shape.shape === "dated-note-section" && heading !== null ? heading.text : null,
		bodyLinks: contents.links.length === 0 ? NONE : contents.links.map((link) => link.link),
		themeTags: contents.tags.length === 0 ? NONE : themeTagsOf(contents.tags, words),
		commitments: contents.commitments.length === 0 ? NONE : [...contents.commitments],
		length: heading === null ? facts.bodyLength : sectionLength(note, heading),
	};
}

/** How long a section is: from its heading to the heading that ends it, or to the end of the text; 0 when the reader gave no offsets. */
function sectionLength(note: NoteSource, section: SessionHeading): number {
	const { headings, body } = note;
	const at = firstHeadingFrom(headings, section.line);
	const start = headings[at]?.line === section.line ? headings[at]?.offset : undefined;
	if (start === undefined || !body) return 0;
	const ending = headings[firstHeadingFrom(headings, section.end)]?.offset;
	return Math.max(0, (ending ?? body.end) - start);
}

/** The first of the note's headings (in line order, as both readers give them) at or after `line`: a binary search, so a log of a thousand sections costs no more than its length. */
function firstHeadingFrom(headings: readonly NoteHeading[], line: number): number {
	let low = 0;
	let high = headings.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if ((headings[middle]?.line ?? Infinity) < line) low = middle + 1;
		else high = middle;
	}
	return low;
}

/**
 * The kind of note, from the most deliberate evidence: a type property the coach wrote, then the
 * nearest folder, then tags. Within one kind of evidence a session outranks a client, and a
 * client a person: `Clients/Maya Chen/Sessions/2026-03-04.md` is a session.
 */
function kindOf(note: Pick<NoteSource, "path" | "frontmatter" | "tags">, settings: CoachingSettings, words: SettingWords): { kind: NoteKind; byClientFolder: boolean; otherType: boolean } {
	const typeValues = readProperty(note.frontmatter, settings.typeProperties);
	if (typeValues) {
		const texts = typeValues.values.map(typeValueText);
		const kind = strongest(texts, words.types, true);
		if (kind !== "other") return { kind, byClientFolder: false, otherType: false };
	}
	const otherType = typeValues !== null;
	const folders = folderOf(note.path).split("/").reverse();
	for (const [depth, folder] of folders.entries()) {
		const kind = strongest([folder], words.folders, false);
		if (kind === "other") continue;
		// Below a client folder's own subfolders, a note tagged as a client or a person is its own one (conventions, "Client folders").
		const tagged = kind === "client" && depth > 0 ? tagKind(note.tags, words) : "other";
		if (tagged !== "other") return { kind: tagged, byClientFolder: false, otherType };
		return { kind, byClientFolder: kind === "client", otherType };
	}
	return { kind: tagKind(note.tags, words), byClientFolder: false, otherType };
}

/**
 * Whether a note can be a client's or a person's, told before its text is parsed: from its path,
 * its properties and their tags; a note whose text may hold a tag that says what kind of note it
 * is (it holds `#` and one of the tag words) may be either.
 */
export function mayBePersonal(note: Pick<NoteSource, "path" | "frontmatter" | "tags">, text: string, settings: CoachingSettings): boolean {
	const words = settingWords(settings);
	const { kind } = kindOf(note, settings, words);
	return kind === "client" || kind === "person" || mayHoldKindTag(text, words);
}

/**
 * Whether a note read by its properties alone (`note`) can bear on the caseload beyond its
 * problems: a client's, a person's or a session note, a note with a date of its own (a day's
 * sections may be conversations), a note below a client folder, or one whose text may hold a tag
 * that says what kind of note it is. Of any other note, the caseload needs only its problems,
 * which its properties give.
 */
export function mayBearOnCaseload(note: NoteSource, text: string, settings: CoachingSettings): boolean {
	const words = settingWords(settings);
	if (kindOf(note, settings, words).kind !== "other" || belowClientFolder(note.path, settings)) return true;
	return ownDate({ date: dateOf(note, settings, []) }) || mayHoldKindTag(text, words);
}

/** Whether the text may hold a tag that says what kind of note it is in: anything written like a tag counts, in code or not. */
function mayHoldKindTag(text: string, words: SettingWords): boolean {
	if (!text.includes("#")) return false;
	for (const [written] of text.matchAll(/#[^\s#]+/g)) {
		const folded = caseless(written);
		if (words.tagStems.some((stem) => folded.includes(stem))) return true;
	}
	return false;
}

/** Whether a folder on the path is a client folder: then which client's the note is depends on the notes beside it. */
export function belowClientFolder(path: string, settings: CoachingSettings): boolean {
	const clientFolders = settingWords(settings).folders.client;
	return folderOf(path)
		.split("/")
		.some((folder) => clientFolders.has(fold(folder)));
}

/** Where the note sits below the deepest client folder on its path, or null when it is below none. */
function clientFolderPlace(path: string, settings: CoachingSettings, words: SettingWords, kind: { byClientFolder: boolean; otherType: boolean }): ClientFolderPlace | null {
	const folders = folderOf(path).split("/");
	const clientFolders = words.folders.client;
	for (let depth = folders.length - 1; depth >= 0; depth--) {
		if (!clientFolders.has(fold(folders[depth] ?? ""))) continue;
		return {
			root: folders.slice(0, depth + 1).join("/"),
			chain: folders.slice(depth + 1),
			kindByFolder: kind.byClientFolder,
			otherType: kind.otherType,
			ownFolders: settings.readClientFolders,
		};
	}
	return null;
}

/**
 * The kind the values name, a session outranking a client and a client a person. Words as types
 * and tags are (`matchesWord`: never an empty value), or folders compared whole.
 */
function strongest(values: readonly string[], words: KindWords, asWords: boolean): NoteKind {
	const folded = values.map(fold).filter((value) => !asWords || value !== "");
	if (folded.some((value) => words.session.has(value))) return "session";
	if (folded.some((value) => words.client.has(value))) return "client";
	if (folded.some((value) => words.person.has(value))) return "person";
	return "other";
}

/** A nested tag counts by its segments, the deepest deciding: `#client/active` is a client, `#coaching/client` too. */
function tagKind(tags: readonly string[], words: SettingWords): NoteKind {
	let best: NoteKind = "other";
	for (const tag of tags) {
		const kind = markerKindOfTag(tag, words);
		if (kind === "session") return "session";
		if (kind === "client" || (kind === "person" && best === "other")) best = kind;
	}
	return best;
}

function markerKindOfTag(tag: string, words: SettingWords): NoteKind {
	const segments = tag.split("/").reverse();
	for (const segment of segments) {
		const kind = strongest([segment], words.tags, true);
		if (kind !== "other") return kind;
	}
	return "other";
}

function clientRefsOf(frontmatter: Record<string, unknown> | null, settings: CoachingSettings, problems: string[]): ClientRef[] | null {
	const property = readProperty(frontmatter, settings.clientProperties);
	if (!property) {
		const unreadable = firstUnreadableProperty(frontmatter, settings.clientProperties);
		if (unreadable !== null) problems.push(`its ${unreadable} property holds no name or link I can read, so the clients it links in its text were used`);
		return null;
	}
	return property.values.map((value) => {
		const link = linkInPropertyValue(value);
		return link ? { link: link.link, text: link.display } : { link: null, text: value };
	});
}

/** A property that is present and filled, but with something that is not text (`client: {name: Maya}`). */
function firstUnreadableProperty(frontmatter: Record<string, unknown> | null, names: readonly string[]): string | null {
	for (const [key, value] of Object.entries(frontmatter ?? {})) {
		if (typeof value === "object" && value !== null && names.some((name) => name.toLowerCase() === key.trim().toLowerCase())) {
			if (!(Array.isArray(value) && value.length === 0)) return key;
		}
	}
	return null;
}

function dateOf(note: NoteSource, settings: CoachingSettings, problems: string[]): NoteDate | null {
	const property = readProperty(note.frontmatter, settings.dateProperties);
	if (property) {
		const parsed = parseDateText(property.values[0] ?? "");
		if (parsed) return parsed.time === "" ? dateOn(parsed.day, "property", property.name) : { day: parsed.day, time: parsed.time, source: "property", property: property.name };
		problems.push(`its ${property.name} "${property.values[0] ?? ""}" is not a date I can read, so another date was used`);
	}
	const fromName = dayInFileName(basenameOf(note.path));
	if (fromName) return dateOn(fromName, "file name");
	const created = note.ctime > 0 ? dayOfTimestamp(note.ctime) : null;
	if (created !== null) return dateOn(created, "created");
	const modified = note.mtime > 0 ? dayOfTimestamp(note.mtime) : null;
	if (modified !== null) return dateOn(modified, "modified");
	return null;
}

function sessionNumberOf(frontmatter: Record<string, unknown> | null, settings: CoachingSettings): number | null {
	const property = readProperty(frontmatter, settings.sessionNumberProperties);
	const number = Number(property?.values[0]);
	return property && Number.isInteger(number) && number > 0 ? number : null;
}

/** Tags the brief reads as marks, not themes: `#me` on the coach's own promise, `#pin` on a quote kept on top. */
const MARK_TAGS = new Set(["me", "pin"]);

function themeTagsOf(tags: readonly string[], words: SettingWords): string[] {
	const seen = new Set<string>();
	const themes: string[] = [];
	for (const tag of tags) {
		const key = tag.toLowerCase();
		if (seen.has(key) || MARK_TAGS.has(key) || isPlaceholder(tag) || markerKindOfTag(tag, words) !== "other") continue;
		seen.add(key);
		themes.push(tag);
	}
	return sharedThemes(themes);
}

/**
 * Lists of themes, shared between the conversations that have the same: a practice uses a few
 * dozen themes, in tens of thousands of conversations. Shared, so frozen; emptied when it grows
 * past any real practice's, so a long session of edits never makes it a leak.
 */
const themeLists = new Map<string, string[]>();

function sharedThemes(themes: string[]): string[] {
	if (themes.length === 0) return NONE;
	const key = JSON.stringify(themes);
	let shared = themeLists.get(key);
	if (!shared) {
		if (themeLists.size >= 100_000) themeLists.clear();
		shared = Object.freeze(themes) as string[];
		themeLists.set(key, shared);
	}
	return shared;
}

/** A session's tasks that are commitments: every task outside the coach's own intention and reflection sections. */
function commitmentTasks(note: NoteSource, words: SettingWords): TaskFact[] {
	const { notCommitments: excluded } = words;
	const linksByLine = new Map<number, string[]>();
	for (const link of note.links) {
		const onLine = linksByLine.get(link.line);
		if (onLine) onLine.push(link.link);
		else linksByLine.set(link.line, [link.link]);
	}
	// One sweep down the note: the headings above each task are known when it is reached, so a
	// note of many tasks and headings costs their sum, not their product.
	const tasks = [...note.tasks].sort((a, b) => a.line - b.line);
	const headings = [...note.headings].sort((a, b) => a.line - b.line);
	const stack: NoteHeading[] = [];
	let next = 0;
	const commitments: TaskFact[] = [];
	const keys = new Map<NoteHeading, string>();
	const keyOf = (heading: NoteHeading): string => {
		let key = keys.get(heading);
		if (key === undefined) {
			key = headingKey(heading.heading);
			keys.set(heading, key);
		}
		return key;
	};
	for (const task of tasks) {
		for (; next < headings.length && (headings[next]?.line ?? Infinity) < task.line; next++) {
			const heading = headings[next] as NoteHeading;
			while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) >= heading.level) stack.pop();
			stack.push(heading);
		}
		if (task.text.trim() === "") continue;
		if (stack.some((heading) => excluded.has(keyOf(heading)))) continue;
		const coach = stack.some((heading) => words.coachCommitments.has(keyOf(heading))) || hasCoachMark(task.text);
		commitments.push({
			line: task.line,
			text: task.text.trim(),
			owner: coach ? "coach" : "client",
			key: interned(commitmentKey(task.text.trim())),
			status: task.status,
			open: task.status === " " || task.status === "/",
			links: linksByLine.get(task.line) ?? NONE,
		});
	}
	return commitments;
}
