import { format } from "date-fns";
import { isMap, isScalar, isSeq, parseDocument, visit, type Document } from "yaml";
import type { Brief } from "../brief/brief";
import { toDate, type Day } from "../notes/dates";
import { atxHeading, headingKey, headingSubpath } from "../notes/headings";
import { basenameOf, folderOf, frontmatterEnd, noteLines } from "../notes/note";
import type { CoachingSettings } from "../settings/settings";
import { MAX_NAME_BYTES, isControl, pathInVault, type VaultPathCheck } from "./vault-path";
import { countOf } from "../brief/copy";
import { inertForTemplater } from "./templater";

/**
 * The built-in session note, in the coach's voice. The properties (type, client, date, session)
 * are written by `sessionNoteContent` with a YAML library, never pasted into the text.
 */
const BUILT_IN_TEMPLATE = `Session {{session_number}} with {{client_link}}{{since_last}}

## {{intention_heading}}
{{intentions}}

## What they brought


## What I noticed
%% Their words. Their energy. What was not said. %%


## Commitments
{{open_commitments}}
- [ ] 

## To hold for next time


## {{reflection_heading}}
{{intentions}}
`;

export interface SessionNoteInput {
	brief: Brief;
	settings: CoachingSettings;
	/** "Now" for the note: the day and the time of day, passed in, never read from a clock here. */
	today: Day;
	time: string;
	/** The coach's own template, or null for the built-in one. */
	template: string | null;
	/** What goes inside `[[…]]` to reach the client from the new note; the client's name when absent. */
	clientLinkTarget?: string;
}

/** What a placeholder becomes: `{{client}}`, `{{date:EEE d MMM}}` and the rest. */
function templateValues(input: SessionNoteInput): Record<string, string> {
	const { brief, settings } = input;
	const last = brief.lastSession;
	const days = brief.daysSinceLastSession;
	const name = inertForTemplater(brief.client.name);
	// A conversation that is a section links to its heading: `[[2026-11-18#Coaching Tomas]]`.
	const lastTarget = last ? basenameOf(last.path) + (last.heading === null ? "" : `#${headingSubpath(last.heading)}`) : "";
	const lastLink = last ? `[[${inertForTemplater(lastTarget)}]]` : "";
	return {
		client: name,
		client_link: linkTo(inertForTemplater(input.clientLinkTarget ?? brief.client.name), name),
		date: input.today,
		time: input.time,
		session_number: String(brief.nextSessionNumber),
		intentions: settings.intentions.map((intention) => `- [ ] ${intention}`).join("\n"),
		// The headings from the settings, so the checklists under them are never read as commitments.
		intention_heading: settings.intentionHeading,
		reflection_heading: settings.reflectionHeading,
		open_commitments: brief.openCommitments.map((commitment) => `- [${commitment.status}] ${inertForTemplater(commitment.text)}`).join("\n"),
		last_session_link: lastLink,
		days_since_last: days === null ? "" : String(days),
		since_last: last && days !== null ? `. Last time: ${lastLink}, ${countOf(days, "day")} ago.` : ".",
	};
}

function linkTo(target: string, name: string): string {
	return target === name ? `[[${name}]]` : `[[${target}|${name}]]`;
}

/**
 * The built-in template's sections for a conversation written as an entry of the client's log:
 * the same checklists and headings, one level below the entry's heading.
 */
export function logEntryBody(input: SessionNoteInput, entryLevel: number): string {
	const values = templateValues(input);
	const body = BUILT_IN_TEMPLATE.slice(BUILT_IN_TEMPLATE.indexOf("\n") + 1).replace(/^\n+/, "").replace(/^## /gm, `${"#".repeat(Math.min(entryLevel + 1, 6))} `);
	return fillPlaceholders(body, values, input.today);
}

/**
 * Fills `{{name}}` and `{{date:FORMAT}}` (date-fns tokens); unknown placeholders and Templater's
 * `<% %>` stay as written. A scan, not a regular expression: `{{date:` followed by 100,000 spaces
 * took a backtracking pattern eleven seconds.
 */
export function fillPlaceholders(text: string, values: Record<string, string>, today: Day): string {
	let filled = "";
	let copiedUpTo = 0;
	let close = -1;
	for (let open = text.indexOf("{{"); open >= 0; open = text.indexOf("{{", open + 1)) {
		// The first `}}` after an opening is shared by every later opening before it: found once.
		if (close < open + 2) close = text.indexOf("}}", open + 2);
		if (close < 0) break;
		const value = placeholderValue(text.slice(open + 2, close), values, today);
		if (value === null) continue;
		filled += text.slice(copiedUpTo, open) + value;
		copiedUpTo = close + 2;
		open = close + 1;
	}
	return filled + text.slice(copiedUpTo);
}

/** What `{{inner}}` becomes, or null when it is not one of ours. */
function placeholderValue(inner: string, values: Record<string, string>, today: Day): string | null {
	const trimmed = inner.trim();
	const name = /^[a-z_]+/i.exec(trimmed)?.[0];
	if (name === undefined) return null;
	const key = name.toLowerCase();
	const rest = trimmed.slice(name.length);
	if (rest === "") return values[key] ?? null;
	if (key !== "date" || rest[0] !== ":" || rest.includes("}")) return null;
	try {
		return format(toDate(today), rest.slice(1).trim());
	} catch {
		return null;
	}
}

/**
 * The new note's full text. The template's body gets its placeholders filled as text; its
 * frontmatter is parsed first and filled value by value, so a name with quotes, colons, `#` or
 * brackets can never break the YAML. Then type, client, date and session number are set.
 */
export function sessionNoteContent(input: SessionNoteInput): string {
	const values = templateValues(input);
	const { frontmatter, body } = splitFrontmatter(input.template ?? BUILT_IN_TEMPLATE);
	const document = parseDocument(frontmatter ?? "", { schema: "core" });
	if (document.errors.length > 0 || (document.contents !== null && !isMap(document.contents))) {
		throw new Error(`the template's frontmatter is not valid YAML: ${document.errors[0]?.message.split("\n")[0] ?? "not a list of properties"}`);
	}
	fillDocument(document, values, input.today);
	const clientProperty = existingKey(document, input.settings.clientProperties) ?? input.settings.clientProperties[0] ?? "client";
	const dateProperty = existingKey(document, input.settings.dateProperties) ?? input.settings.dateProperties[0] ?? "date";
	const numberProperty = existingKey(document, input.settings.sessionNumberProperties) ?? input.settings.sessionNumberProperties[0] ?? "session";
	const typeProperty = existingKey(document, input.settings.typeProperties) ?? "type";
	if (!document.has(typeProperty) || isEmptyValue(document.get(typeProperty))) document.set(typeProperty, input.settings.sessionTypes[0] ?? "session");
	document.set(clientProperty, values["client_link"]);
	document.set(dateProperty, input.today);
	document.set(numberProperty, input.brief.nextSessionNumber);
	const properties = document.toString({ lineWidth: 0 });
	return `---\n${properties}---\n${fillPlaceholders(body, values, input.today).replace(/^\n+/, "")}`;
}

function splitFrontmatter(text: string): { frontmatter: string | null; body: string } {
	const lines = noteLines(text);
	const end = frontmatterEnd(lines);
	if (end < 0) return { frontmatter: null, body: text };
	return { frontmatter: lines.slice(1, end).join("\n"), body: lines.slice(end + 1).join("\n") };
}

function fillDocument(document: Document, values: Record<string, string>, today: Day): void {
	visit(document, {
		Scalar(_key, node) {
			if (typeof node.value === "string") node.value = fillPlaceholders(node.value, values, today);
		},
	});
}

function existingKey(document: Document, names: readonly string[]): string | null {
	const contents = document.contents;
	if (!isMap(contents)) return null;
	const keys = contents.items.flatMap((pair) => (isScalar(pair.key) && typeof pair.key.value === "string" ? [pair.key.value] : []));
	for (const name of names) {
		const key = keys.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
		if (key !== undefined) return key;
	}
	return null;
}

function isEmptyValue(value: unknown): boolean {
	if (value === null || value === undefined || value === "") return true;
	return isSeq(value) && value.items.length === 0;
}

/** Characters no file name may hold on some system, or that break an Obsidian link. */
const ILLEGAL_IN_FILE_NAMES = /[*"\\/<>:|?#^[\]]/g;

/**
 * A name made safe for a file: each illegal character becomes a look-alike or a dash, never
 * simply dropped (so "Ana: design lead" does not quietly become someone else's "Ana design lead");
 * control characters, which no one types into a name, are left out.
 */
export function safeFileName(name: string): string {
	const replaced = [...name]
		.filter((character) => !isControl(character.charCodeAt(0)))
		.join("")
		.replace(/"/g, "'")
		.replace(/:/g, " -")
		.replace(ILLEGAL_IN_FILE_NAMES, "-")
		.replace(/\s+/g, " ")
		.trim()
		.replace(/^\.+/, "");
	// Trailing dots and spaces trimmed by hand: the pattern `[. ]+$` backtracks on long runs of them.
	let end = replaced.length;
	while (end > 0 && (replaced[end - 1] === "." || replaced[end - 1] === " ")) end--;
	return end === 0 ? "Untitled" : replaced.slice(0, end);
}

/** The new note's file name from the pattern setting, default `{{date}} {{client}}`. */
export function sessionFileName(pattern: string, input: SessionNoteInput): string {
	return safeFileName(fillPlaceholders(pattern, templateValues(input), input.today));
}

/**
 * Where the note goes: the folder setting, else beside the client's last session note, else where
 * most session notes already are, else the first session folder; always through the vault's one path gate, so no setting can point outside it.
 */
export function sessionFolder(settings: CoachingSettings, brief: Brief, usualFolder: string | null = null): VaultPathCheck {
	const configured = pathInVault(settings.sessionNoteFolder, "The session note folder");
	if ("problem" in configured || configured.path !== "") return configured;
	// Beside the last session that is a note of its own: never into a daily note's folder or a client's note's.
	const lastNote = brief.sessions.find((session) => session.heading === null);
	if (lastNote) return { path: folderOf(lastNote.path) };
	if (usualFolder !== null) return pathInVault(usualFolder, "The session folder");
	return pathInVault(settings.sessionFolders[0] ?? "Sessions", "The session folder");
}

const BYTES = new TextEncoder();

function byteLength(text: string): number {
	return BYTES.encode(text).length;
}

/**
 * A file name cut to fit the file system with `suffix` after it (` (2).md`), keeping a date at
 * its start or end and marking the cut with an ellipsis; cuts fall between whole characters.
 */
export function fitFileName(name: string, suffix: string): string {
	const budget = MAX_NAME_BYTES - byteLength(suffix);
	if (byteLength(name) <= budget) return name;
	const leading = /^\d{4}-\d{2}-\d{2}\s*/.exec(name)?.[0] ?? "";
	const trailing = leading === "" ? (/\s*\d{4}-\d{2}-\d{2}$/.exec(name)?.[0] ?? "") : "";
	const middle = name.slice(leading.length, name.length - trailing.length);
	const room = budget - byteLength(leading) - byteLength(trailing) - byteLength("…");
	let kept = "";
	for (const { segment } of new Intl.Segmenter().segment(middle)) {
		if (byteLength(kept + segment) > room) break;
		kept += segment;
	}
	return `${leading}${kept.trimEnd()}…${trailing}`;
}

/** `folder/name.md` for the first copy, `folder/name (2).md` for the second, the name fitted to the file system. */
export function candidatePath(folder: string, name: string, copy: number): string {
	const prefix = folder === "" ? "" : `${folder}/`;
	const suffix = `${copy === 1 ? "" : ` (${copy})`}.md`;
	return `${prefix}${fitFileName(name, suffix)}${suffix}`;
}

/** `folder/name.md`, or `name (2).md`, `name (3).md`… when taken: a note is never overwritten. */
export function freePath(folder: string, name: string, taken: (path: string) => boolean): string {
	for (let copy = 1; ; copy++) {
		const path = candidatePath(folder, name, copy);
		if (!taken(path)) return path;
	}
}

/** The line to put the cursor on: the first line under the first heading after the intention checklist. */
export function firstWritingLine(content: string, settings: CoachingSettings): number {
	const lines = content.split("\n");
	const intention = headingKey(settings.intentionHeading);
	for (let line = 0; line < lines.length; line++) {
		const heading = atxHeading(lines[line] ?? "");
		if (heading && headingKey(heading.heading) !== intention) return Math.min(line + 1, lines.length - 1);
	}
	return lines.length - 1;
}

/** The intention checklist under its heading, for "Insert intention checklist". */
export function intentionChecklist(settings: CoachingSettings): string {
	return `## ${settings.intentionHeading}\n${settings.intentions.map((intention) => `- [ ] ${intention}`).join("\n")}\n`;
}

/**
 * The note a "Session template" setting names (`Templates/Session` → `Templates/Session.md`),
 * a reason it is refused, or null when the setting is empty and the built-in template applies.
 */
export function templateNotePath(setting: string): { path: string } | { problem: string } | null {
	const check = pathInVault(setting, "The template");
	if ("problem" in check) return check;
	if (check.path === "") return null;
	return { path: check.path.toLowerCase().endsWith(".md") ? check.path : `${check.path}.md` };
}

/** A new client note: its type, the day you started, a cadence to fill in, and the profile headings. */
export function clientNoteContent(name: string, fileName: string, today: Day, settings: CoachingSettings): string {
	const document = parseDocument("", { schema: "core" });
	document.set(settings.typeProperties[0] ?? "type", settings.clientTypes[0] ?? "client");
	if (fileName !== name) document.set("aliases", [name]);
	document.set("started", today);
	document.set(settings.cadenceProperty, "");
	const headings = settings.profileHeadings.map((heading) => `## ${heading}\n\n`).join("\n");
	return `---\n${document.toString({ lineWidth: 0 })}---\n${headings}`;
}
