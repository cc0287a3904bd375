import { dayInFileName, dayOfTimestamp, parseDateText, type NoteDate } from "./dates";
import { linkInPropertyValue } from "./links";
import { basenameOf, folderOf, type NoteHeading, type NoteSource } from "./note";
import type { CoachingSettings } from "./settings";
import { fold, isPlaceholder, matchesWord, readProperty, typeValueText } from "./words";

export type NoteKind = "client" | "person" | "session" | "other";

/** One entry of a session's client property: a link to resolve, or plain text naming a note. */
export interface ClientRef {
	/** The link target when the value is a link; null for plain text. */
	link: string | null;
	/** The name as written: the link's display text, or the plain text. */
	text: string;
}

export interface TaskFact {
	line: number;
	text: string;
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
	/** The session's client property, or null when the note has none. */
	clientRefs: ClientRef[] | null;
	/** Links in the body: a session without a client property belongs to the clients it links. */
	bodyLinks: string[];
	/** Every link out of the note (body, embeds, properties): what makes it a mention. */
	outLinks: string[];
	date: NoteDate | null;
	sessionNumber: number | null;
	/** Tags that can be themes: each once, without the tags that only say what kind of note this is. */
	themeTags: string[];
	/** Tasks with text outside the intention and reflection sections. */
	commitments: TaskFact[];
	headings: NoteHeading[];
	problems: string[];
}

export function noteFacts(note: NoteSource, settings: CoachingSettings): NoteFacts {
	const basename = basenameOf(note.path);
	const frontmatter = note.frontmatter;
	const problems = [...note.problems];
	const kind = kindOf(note, settings);

	const status = readProperty(frontmatter, [settings.statusProperty]);
	const cadence = readProperty(frontmatter, [settings.cadenceProperty]);
	const title = readProperty(frontmatter, ["title"]);

	return {
		path: note.path,
		basename,
		kind,
		title: title?.values[0] ?? basename,
		aliases: readProperty(frontmatter, ["aliases", "alias"])?.values ?? [],
		archived: status?.values.some((value) => matchesWord(value, settings.archivedStatuses)) ?? false,
		cadence: cadence?.values[0] ?? null,
		clientRefs: kind === "session" ? clientRefsOf(frontmatter, settings) : null,
		bodyLinks: note.links.map((link) => link.link),
		outLinks: [...note.links, ...note.embeds, ...note.frontmatterLinks].map((link) => link.link),
		date: dateOf(note, settings, problems),
		sessionNumber: sessionNumberOf(frontmatter, settings),
		themeTags: themeTagsOf(note.tags, settings),
		commitments: kind === "session" ? commitmentsOf(note, settings) : [],
		headings: note.headings,
		problems,
	};
}

/**
 * The kind of note, from the most deliberate evidence: a type property the coach wrote, then the
 * nearest folder, then tags. Within one kind of evidence a session outranks a client, and a
 * client a person: `Clients/Maya Chen/Sessions/2026-03-04.md` is a session.
 */
function kindOf(note: NoteSource, settings: CoachingSettings): NoteKind {
	const typeValues = readProperty(note.frontmatter, settings.typeProperties);
	if (typeValues) {
		const texts = typeValues.values.map(typeValueText);
		const kind = strongest(texts, settings.sessionTypes, settings.clientTypes, settings.personTypes);
		if (kind !== "other") return kind;
	}
	const folders = folderOf(note.path).split("/").reverse();
	for (const folder of folders) {
		const kind = strongest([folder], settings.sessionFolders, settings.clientFolders, settings.personFolders, exactFolder);
		if (kind !== "other") return kind;
	}
	return tagKind(note.tags, settings);
}

function exactFolder(value: string, words: readonly string[]): boolean {
	return words.some((word) => fold(word) === fold(value));
}

function strongest(
	values: string[],
	sessionWords: readonly string[],
	clientWords: readonly string[],
	personWords: readonly string[],
	matches: (value: string, words: readonly string[]) => boolean = matchesWord,
): NoteKind {
	if (values.some((value) => matches(value, sessionWords))) return "session";
	if (values.some((value) => matches(value, clientWords))) return "client";
	if (values.some((value) => matches(value, personWords))) return "person";
	return "other";
}

/** A nested tag counts by its segments, the deepest deciding: `#client/active` is a client, `#coaching/client` too. */
function tagKind(tags: readonly string[], settings: CoachingSettings): NoteKind {
	let best: NoteKind = "other";
	for (const tag of tags) {
		const kind = markerKindOfTag(tag, settings);
		if (kind === "session") return "session";
		if (kind === "client" || (kind === "person" && best === "other")) best = kind;
	}
	return best;
}

function markerKindOfTag(tag: string, settings: CoachingSettings): NoteKind {
	const segments = tag.split("/").reverse();
	for (const segment of segments) {
		const kind = strongest([segment], settings.sessionTags, settings.clientTags, settings.personTags);
		if (kind !== "other") return kind;
	}
	return "other";
}

function clientRefsOf(frontmatter: Record<string, unknown> | null, settings: CoachingSettings): ClientRef[] | null {
	const property = readProperty(frontmatter, settings.clientProperties);
	if (!property) return null;
	return property.values.map((value) => {
		const link = linkInPropertyValue(value);
		return link ? { link: link.link, text: link.display } : { link: null, text: value };
	});
}

function dateOf(note: NoteSource, settings: CoachingSettings, problems: string[]): NoteDate | null {
	const property = readProperty(note.frontmatter, settings.dateProperties);
	if (property) {
		const parsed = parseDateText(property.values[0] ?? "");
		if (parsed) return { ...parsed, source: "property" };
		problems.push(`its ${property.name} "${property.values[0] ?? ""}" is not a date I can read, so another date was used`);
	}
	const fromName = dayInFileName(basenameOf(note.path));
	if (fromName) return { day: fromName, time: "", source: "file name" };
	if (note.ctime > 0) return { day: dayOfTimestamp(note.ctime), time: "", source: "created" };
	if (note.mtime > 0) return { day: dayOfTimestamp(note.mtime), time: "", source: "modified" };
	return null;
}

function sessionNumberOf(frontmatter: Record<string, unknown> | null, settings: CoachingSettings): number | null {
	const property = readProperty(frontmatter, settings.sessionNumberProperties);
	const number = Number(property?.values[0]);
	return property && Number.isInteger(number) && number > 0 ? number : null;
}

function themeTagsOf(tags: readonly string[], settings: CoachingSettings): string[] {
	const seen = new Set<string>();
	const themes: string[] = [];
	for (const tag of tags) {
		const key = tag.toLowerCase();
		if (seen.has(key) || isPlaceholder(tag) || markerKindOfTag(tag, settings) !== "other") continue;
		seen.add(key);
		themes.push(tag);
	}
	return themes;
}

/** Headings compare by their words alone: `## 🧭 Who do I want to show up as` matches the setting. */
export function headingKey(heading: string): string {
	return fold(heading.replace(/[^\p{L}\p{N}\s]/gu, " "));
}

function commitmentsOf(note: NoteSource, settings: CoachingSettings): TaskFact[] {
	const excluded = new Set([headingKey(settings.intentionHeading), headingKey(settings.reflectionHeading)]);
	const tasks: TaskFact[] = [];
	for (const task of note.tasks) {
		if (task.text.trim() === "") continue;
		if (enclosingHeadings(note.headings, task.line).some((heading) => excluded.has(headingKey(heading.heading)))) continue;
		tasks.push({
			line: task.line,
			text: task.text.trim(),
			status: task.status,
			open: task.status === " " || task.status === "/",
			links: note.links.filter((link) => link.line === task.line).map((link) => link.link),
		});
	}
	return tasks;
}

/** The headings a line sits under: the nearest one, its parent heading, and so on up. */
export function enclosingHeadings(headings: readonly NoteHeading[], line: number): NoteHeading[] {
	const stack: NoteHeading[] = [];
	for (const heading of headings) {
		if (heading.line >= line) break;
		while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) >= heading.level) stack.pop();
		stack.push(heading);
	}
	return stack;
}
