import { dayInFileName, dayOfTimestamp, parseDateText, type NoteDate } from "./dates";
import { linkInPropertyValue } from "./links";
import { basenameOf, folderOf, type NoteHeading, type NoteSource } from "./note";
import type { CoachingSettings } from "../settings/settings";
import { fold } from "./fold";
import { isPlaceholder, matchesWord, readProperty, typeValueText } from "./properties";

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

function noteFacts(note: NoteSource, settings: CoachingSettings): NoteFacts {
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
		clientRefs: kind === "session" ? clientRefsOf(frontmatter, settings, problems) : null,
		bodyLinks: note.links.map((link) => link.link),
		outLinks: [...note.links, ...note.embeds, ...note.frontmatterLinks].map((link) => link.link),
		date: dateOf(note, settings, problems),
		sessionNumber: sessionNumberOf(frontmatter, settings),
		themeTags: themeTagsOf(note.tags, settings),
		commitments: kind === "session" ? commitmentTasks(note, settings) : [],
		headings: note.headings,
		problems,
	};
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
		clientRefs: null,
		bodyLinks: [],
		outLinks: [],
		date: null,
		sessionNumber: null,
		themeTags: [],
		commitments: [],
		headings: [],
		problems: [problem],
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
		return unreadableFacts(path, `could not be read (${error instanceof Error ? error.message : String(error)})`);
	}
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
		if (parsed) return { ...parsed, source: "property" };
		problems.push(`its ${property.name} "${property.values[0] ?? ""}" is not a date I can read, so another date was used`);
	}
	const fromName = dayInFileName(basenameOf(note.path));
	if (fromName) return { day: fromName, time: "", source: "file name" };
	const created = note.ctime > 0 ? dayOfTimestamp(note.ctime) : null;
	if (created !== null) return { day: created, time: "", source: "created" };
	const modified = note.mtime > 0 ? dayOfTimestamp(note.mtime) : null;
	if (modified !== null) return { day: modified, time: "", source: "modified" };
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

/** A session's tasks that are commitments: every task outside the coach's own intention and reflection sections. */
function commitmentTasks(note: NoteSource, settings: CoachingSettings): TaskFact[] {
	const excluded = new Set([headingKey(settings.intentionHeading), headingKey(settings.reflectionHeading)]);
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
	for (const task of tasks) {
		for (; next < headings.length && (headings[next]?.line ?? Infinity) < task.line; next++) {
			const heading = headings[next] as NoteHeading;
			while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) >= heading.level) stack.pop();
			stack.push(heading);
		}
		if (task.text.trim() === "") continue;
		if (stack.some((heading) => excluded.has(headingKey(heading.heading)))) continue;
		commitments.push({
			line: task.line,
			text: task.text.trim(),
			status: task.status,
			open: task.status === " " || task.status === "/",
			links: linksByLine.get(task.line) ?? [],
		});
	}
	return commitments;
}
