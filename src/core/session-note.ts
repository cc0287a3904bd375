import { format } from "date-fns";
import { isMap, isScalar, isSeq, parseDocument, visit, type Document } from "yaml";
import type { Brief } from "./brief";
import { toDate, type Day } from "./dates";
import { headingKey } from "./facts";
import { basenameOf, folderOf } from "./note";
import type { CoachingSettings } from "./settings";
import { countOf } from "./words";

/**
 * The built-in session note, in the coach's voice. The properties (type, client, date, session)
 * are written by `sessionNoteContent` with a YAML library, never pasted into the text.
 */
export const BUILT_IN_TEMPLATE = `Session {{session_number}} with {{client_link}}{{since_last}}

## Who do I want to show up as?
{{intentions}}

## What they brought


## What I noticed
%% Their words. Their energy. What was not said. %%


## Commitments
{{open_commitments}}
- [ ] 

## To hold for next time


## How did I show up?
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
export function templateValues(input: SessionNoteInput): Record<string, string> {
	const { brief, settings } = input;
	const last = brief.lastSession;
	const days = brief.daysSinceLastSession;
	return {
		client: brief.client.name,
		client_link: linkTo(input.clientLinkTarget ?? brief.client.name, brief.client.name),
		date: input.today,
		time: input.time,
		session_number: String(brief.nextSessionNumber),
		intentions: settings.intentions.map((intention) => `- [ ] ${intention}`).join("\n"),
		open_commitments: brief.openCommitments.map((commitment) => `- [${commitment.status}] ${commitment.text}`).join("\n"),
		last_session_link: last ? `[[${basenameOf(last.path)}]]` : "",
		days_since_last: days === null ? "" : String(days),
		since_last: last && days !== null ? `. Last time: [[${basenameOf(last.path)}]], ${countOf(days, "day")} ago.` : ". Our first conversation.",
	};
}

function linkTo(target: string, name: string): string {
	return target === name ? `[[${name}]]` : `[[${target}|${name}]]`;
}

/** Fills `{{name}}` and `{{date:FORMAT}}` (date-fns tokens); unknown placeholders and Templater's `<% %>` stay as written. */
export function fillPlaceholders(text: string, values: Record<string, string>, today: Day): string {
	return text.replace(/\{\{\s*([a-z_]+)(?::([^}]*))?\s*\}\}/gi, (whole: string, name: string, pattern?: string) => {
		const key = name.toLowerCase();
		if (key === "date" && pattern !== undefined) {
			try {
				return format(toDate(today), pattern.trim());
			} catch {
				return whole;
			}
		}
		return values[key] ?? whole;
	});
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
	const lines = text.split(/\r?\n/);
	if (lines[0]?.trimEnd() !== "---") return { frontmatter: null, body: text };
	const end = lines.findIndex((line, index) => index > 0 && line.trimEnd() === "---");
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
 * simply dropped (so "Ana: design lead" does not quietly become someone else's "Ana design lead").
 */
export function safeFileName(name: string): string {
	const replaced = name
		.replace(/"/g, "'")
		.replace(/:/g, " -")
		.replace(ILLEGAL_IN_FILE_NAMES, "-")
		.replace(/\s+/g, " ")
		.trim()
		.replace(/^\.+/, "")
		.replace(/[. ]+$/, "");
	return replaced === "" ? "Untitled" : replaced;
}

/** The new note's file name from the pattern setting, default `{{date}} {{client}}`. */
export function sessionFileName(pattern: string, input: SessionNoteInput): string {
	return safeFileName(fillPlaceholders(pattern, templateValues(input), input.today));
}

/** Where the note goes: the folder setting, else beside the client's last session, else the first session folder. */
export function sessionFolder(settings: CoachingSettings, brief: Brief, configuredFolder: string): string {
	const configured = configuredFolder.trim().replace(/^\/+|\/+$/g, "");
	if (configured !== "") return configured;
	if (brief.lastSession) return folderOf(brief.lastSession.path);
	return settings.sessionFolders[0] ?? "Sessions";
}

/** `folder/name.md`, or `name (2).md`, `name (3).md`… when taken: a note is never overwritten. */
export function freePath(folder: string, name: string, taken: (path: string) => boolean): string {
	const prefix = folder === "" ? "" : `${folder}/`;
	for (let copy = 1; ; copy++) {
		const path = `${prefix}${name}${copy === 1 ? "" : ` (${copy})`}.md`;
		if (!taken(path)) return path;
	}
}

/** The line to put the cursor on: the first line under the first heading after the intention checklist. */
export function firstWritingLine(content: string, settings: CoachingSettings): number {
	const lines = content.split("\n");
	const intention = headingKey(settings.intentionHeading);
	for (let line = 0; line < lines.length; line++) {
		const heading = /^#{1,6}\s+(.*)$/.exec(lines[line] ?? "");
		if (heading && headingKey(heading[1] ?? "") !== intention) return Math.min(line + 1, lines.length - 1);
	}
	return lines.length - 1;
}

/** The intention checklist under its heading, for "Insert intention checklist". */
export function intentionChecklist(settings: CoachingSettings): string {
	return `## ${settings.intentionHeading}\n${settings.intentions.map((intention) => `- [ ] ${intention}`).join("\n")}\n`;
}

/** Refuses a template path inside the configuration folder or outside the vault. */
export function templatePathProblem(path: string, configDir: string): string | null {
	const clean = path.trim().replace(/\\/g, "/");
	if (clean === "") return null;
	if (clean.startsWith("/") || clean.split("/").includes("..")) return "The template must be a note inside your vault.";
	if (clean.split("/")[0] === configDir || clean.split("/").some((segment) => segment.startsWith("."))) {
		return "The template cannot live in a hidden or configuration folder.";
	}
	return null;
}

/**
 * The note a "Session template" setting names (`Templates/Session` → `Templates/Session.md`),
 * a reason it is refused, or null when the setting is empty and the built-in template applies.
 */
export function templateNotePath(setting: string, configDir: string): { path: string } | { problem: string } | null {
	const clean = setting.trim();
	if (clean === "") return null;
	const problem = templatePathProblem(clean, configDir);
	if (problem) return { problem };
	return { path: clean.endsWith(".md") ? clean : `${clean}.md` };
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
