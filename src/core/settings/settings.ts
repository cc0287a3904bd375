import { format } from "date-fns";
import { vaultPathProblem } from "../writing/vault-path";
import { hasTemplaterSyntax } from "../writing/templater";

/**
 * Every recognition rule in the conventions is a default that a setting can change.
 * The same settings object drives the plugin and the CLI (which reads the plugin's data.json).
 */
export interface CoachingSettings {
	/** Folder names (any depth, case-insensitive) whose notes are clients. */
	clientFolders: string[];
	/** Values of the type properties that mark a client (singular or plural). */
	clientTypes: string[];
	/** Tags that mark a client; nested tags such as `client/active` count. */
	clientTags: string[];

	personFolders: string[];
	personTypes: string[];
	personTags: string[];

	sessionFolders: string[];
	sessionTypes: string[];
	sessionTags: string[];

	/** Properties whose values say what kind of note this is. */
	typeProperties: string[];
	/** The first of these present on a session names its clients. */
	clientProperties: string[];
	/** The first of these holding a readable date is a note's date. */
	dateProperties: string[];
	sessionNumberProperties: string[];
	statusProperty: string;
	archivedStatuses: string[];
	cadenceProperty: string;

	/** Folders never indexed, besides `.obsidian`, `.trash` and the templates folder. */
	excludedFolders: string[];
	/** The templates folder; empty means "ask Obsidian's Templates or Templater settings, else a folder named Templates". */
	templatesFolder: string;

	intentionHeading: string;
	reflectionHeading: string;
	intentions: string[];
	profileHeadings: string[];

	/** How many lines of each earlier conversation the brief shows before read-back. */
	excerptLines: number;
	/** How dates read in the pane, in date-fns tokens (`EEE d MMM yyyy` → "Tue 16 Jun 2026"). */
	dateFormat: string;
	/** Where "Prepare session" opens: the right sidebar, or a tab in the main area. */
	paneLocation: "sidebar" | "tab";

	/** Where new session notes go; empty means beside the client's last session. */
	sessionNoteFolder: string;
	/** The new session note's file name; `{{date}}`, `{{client}}` and the other placeholders work. */
	sessionFileName: string;
	/** A note to use as the session template; empty means the built-in one. */
	sessionTemplate: string;
	/** Where "New client" puts the client note; empty means where most client notes already are. */
	clientNoteFolder: string;
}

export const SETTINGS_VERSION = 1;

export const DEFAULT_SETTINGS: CoachingSettings = {
	clientFolders: ["Clients", "Coachees"],
	clientTypes: ["client", "coachee"],
	clientTags: ["client", "coachee"],

	personFolders: ["People", "Contacts"],
	personTypes: ["person", "people", "contact"],
	personTags: ["person", "people", "contact"],

	sessionFolders: ["Sessions", "Meetings", "Calls", "1-1s", "1on1s"],
	sessionTypes: ["session", "meeting", "call", "1:1", "1on1", "1-1", "one-on-one", "coaching session"],
	sessionTags: ["session", "meeting", "coaching"],

	typeProperties: ["type", "category", "categories"],
	clientProperties: ["client", "clients", "coachee", "person", "people", "participants", "participant", "with", "attendees"],
	dateProperties: ["date", "session_date", "created"],
	sessionNumberProperties: ["session", "session_number"],
	statusProperty: "status",
	archivedStatuses: ["archived", "inactive", "ended", "past"],
	cadenceProperty: "cadence",

	excludedFolders: [],
	templatesFolder: "",

	intentionHeading: "Who do I want to show up as?",
	reflectionHeading: "How did I show up?",
	intentions: ["The person who listens to them better than anyone else in their life", "Someone who cares"],
	profileHeadings: ["What makes them happy", "What keeps them awake at night", "Goals"],

	excerptLines: 3,
	dateFormat: "EEE d MMM yyyy",
	paneLocation: "sidebar",

	sessionNoteFolder: "",
	sessionFileName: "{{date}} {{client}}",
	sessionTemplate: "",
	clientNoteFolder: "",
};

type StoredSettings = Partial<CoachingSettings> & { settingsVersion?: number };

/**
 * Turns whatever was stored (an older version's data.json, a hand-edited file, nothing at all)
 * into complete settings. Unknown keys are dropped, missing or ill-typed ones take the default,
 * so a damaged file never stops the plugin; `problems` says what was replaced.
 */
export function migrateSettings(raw: unknown): { settings: CoachingSettings; problems: string[] } {
	const problems: string[] = [];
	const settings: CoachingSettings = structuredClone(DEFAULT_SETTINGS);
	if (raw === undefined || raw === null) return { settings, problems };
	if (typeof raw !== "object" || Array.isArray(raw)) {
		problems.push("The saved settings file could not be read; defaults are used.");
		return { settings, problems };
	}
	const stored = raw as StoredSettings & Record<string, unknown>;
	for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof CoachingSettings)[]) {
		if (!(key in stored)) continue;
		const value = stored[key];
		const fallback = DEFAULT_SETTINGS[key];
		if (Array.isArray(fallback)) {
			if (Array.isArray(value) && value.every((item) => typeof item === "string")) {
				const problem = settingTextProblem(value);
				if (problem === null) (settings[key] as string[]) = value.map((item) => item.trim()).filter((item) => item.length > 0);
				else problems.push(`Setting "${key}": ${problem} The default is used.`);
			} else {
				problems.push(`Setting "${key}" should be a list of text; the default is used.`);
			}
		} else if (typeof fallback === "number") {
			if (typeof value === "number" && Number.isFinite(value) && value >= 0) {
				(settings[key] as number) = Math.floor(value);
			} else {
				problems.push(`Setting "${key}" should be a number of zero or more; the default is used.`);
			}
		} else if (key === "paneLocation") {
			if (value === "sidebar" || value === "tab") settings.paneLocation = value;
			else problems.push(`Setting "paneLocation" should be "sidebar" or "tab"; the default is used.`);
		} else if (key === "dateFormat") {
			const problem = typeof value === "string" ? dateFormatProblem(value) : "it should be text";
			if (problem === null) settings.dateFormat = value as string;
			else problems.push(`Setting "dateFormat": ${problem}; the default is used.`);
		} else if (typeof value === "string") {
			const problem = settingTextProblem([value]) ?? PATH_SETTINGS[key as PathSetting]?.(value) ?? null;
			if (problem === null) (settings[key] as string) = value;
			else problems.push(`Setting "${key}": ${problem} The default is used.`);
		} else {
			problems.push(`Setting "${key}" should be text; the default is used.`);
		}
	}
	return { settings, problems };
}

/** Far more than any coach lists; a settings file with more was not written by a person. */
const MAX_LIST_ITEMS = 1000;
const MAX_TEXT_LENGTH = 1000;

/**
 * What is wrong with the text of a setting (one value, or a list's entries), or null; for
 * `data.json` and the settings tab alike. Settings are written into new notes (intentions, type
 * and property names), so one that held a Templater command would run as code once Templater
 * processed the note: neither a synced `data.json` nor a pasted value can plant one.
 */
export function settingTextProblem(texts: readonly string[]): string | null {
	if (texts.length > MAX_LIST_ITEMS) return `A list setting cannot have more than ${MAX_LIST_ITEMS} entries.`;
	for (const text of texts) {
		if (text.length > MAX_TEXT_LENGTH) return `A setting cannot be longer than ${MAX_TEXT_LENGTH} characters.`;
		if (hasTemplaterSyntax(text)) return "A setting cannot hold a Templater command (<% %>).";
	}
	return null;
}

type PathSetting = "sessionNoteFolder" | "clientNoteFolder" | "sessionTemplate";

/**
 * The settings that name a place the plugin writes to or reads a template from: each is checked
 * by the vault's one path gate, the same check for `data.json` (here) and for the settings tab.
 */
export const PATH_SETTINGS: Record<PathSetting, (value: string) => string | null> = {
	sessionNoteFolder: (value) => vaultPathProblem(value, "The session note folder"),
	clientNoteFolder: (value) => vaultPathProblem(value, "The client note folder"),
	sessionTemplate: (value) => vaultPathProblem(value, "The template"),
};

/** Why a date format cannot be used, or null when it can: it must produce a date, and one that shows the day. */
export function dateFormatProblem(pattern: string): string | null {
	if (pattern.trim() === "") return "a date format cannot be empty";
	let sample: string;
	try {
		sample = format(new Date(2026, 5, 16), pattern);
	} catch {
		return `"${pattern}" is not a date format; use date-fns tokens such as yyyy-MM-dd or EEE d MMM yyyy`;
	}
	if (!/16/.test(sample)) return `"${pattern}" does not show the day of the month`;
	return null;
}

/**
 * Settings read only when a brief is shown or a note is written. Every other setting decides what
 * a note is (a client, a session, a commitment), so changing it means reading the vault again.
 */
const SHOWN_ONLY: ReadonlySet<keyof CoachingSettings> = new Set<keyof CoachingSettings>([
	"intentions",
	"profileHeadings",
	"excerptLines",
	"dateFormat",
	"paneLocation",
	"sessionNoteFolder",
	"sessionFileName",
	"sessionTemplate",
	"clientNoteFolder",
]);

/** Whether the change from `before` to `after` alters what notes are, so the index must be built again. */
export function changesRecognition(before: CoachingSettings, after: CoachingSettings): boolean {
	return (Object.keys(DEFAULT_SETTINGS) as (keyof CoachingSettings)[]).some(
		(key) => !SHOWN_ONLY.has(key) && JSON.stringify(before[key]) !== JSON.stringify(after[key]),
	);
}

/** What is written to data.json: the settings plus the version they were written by. */
export function storedSettings(settings: CoachingSettings): CoachingSettings & { settingsVersion: number } {
	return { ...settings, settingsVersion: SETTINGS_VERSION };
}
