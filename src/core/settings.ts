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
		problems.push("The saved settings are not an object; defaults are used.");
		return { settings, problems };
	}
	const stored = raw as StoredSettings & Record<string, unknown>;
	for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof CoachingSettings)[]) {
		if (!(key in stored)) continue;
		const value = stored[key];
		const fallback = DEFAULT_SETTINGS[key];
		if (Array.isArray(fallback)) {
			if (Array.isArray(value) && value.every((item) => typeof item === "string")) {
				(settings[key] as string[]) = value.map((item) => item.trim()).filter((item) => item.length > 0);
			} else {
				problems.push(`Setting "${key}" should be a list of text; the default is used.`);
			}
		} else if (typeof fallback === "number") {
			if (typeof value === "number" && Number.isFinite(value) && value >= 0) {
				(settings[key] as number) = Math.floor(value);
			} else {
				problems.push(`Setting "${key}" should be a number of zero or more; the default is used.`);
			}
		} else if (typeof value === "string") {
			(settings[key] as string) = value;
		} else {
			problems.push(`Setting "${key}" should be text; the default is used.`);
		}
	}
	return { settings, problems };
}

/** What is written to data.json: the settings plus the version they were written by. */
export function storedSettings(settings: CoachingSettings): CoachingSettings & { settingsVersion: number } {
	return { ...settings, settingsVersion: SETTINGS_VERSION };
}
