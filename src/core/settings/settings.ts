import { format } from "date-fns";
import { vaultPathProblem } from "../writing/vault-path";
import { hasTemplaterSyntax } from "../notes/properties";

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

	/** Whether a client note's dated sections are conversations (a running log in the note). */
	readClientNoteLogs: boolean;
	/** Words a dated note's heading must hold, besides a client's name, to be a conversation; none means any heading naming a client. */
	dayNoteSessionWords: string[];
	/** Whether a folder inside a client folder can be one client's own, holding their sessions and material. */
	readClientFolders: boolean;

	/** Folders never indexed, besides `.obsidian`, `.trash` and the templates folder. */
	excludedFolders: string[];
	/** The templates folder; empty means "ask Obsidian's Templates or Templater settings, else a folder named Templates". */
	templatesFolder: string;

	intentionHeading: string;
	reflectionHeading: string;
	intentions: string[];
	profileHeadings: string[];
	/** Properties of the client note shown about the person, when the note has them, in this order. */
	aboutProperties: string[];
	/** Headings whose tasks are the coach's own promises, not the client's (a task tagged #me is too). */
	coachCommitmentHeadings: string[];
	/** Headings of what a session holds for the next one: the thread the next conversation picks up. */
	holdHeadings: string[];
	/** Headings whose sections are never shown: not in the pane, the terminal, a saved brief or a search. */
	privateHeadings: string[];
	/** While the screen is shared: the pane shows names and dates only, and notes show no hints. Kept across restarts. */
	privacyMode: boolean;
	/** Where "Save brief as note" writes; never read as a client's notes. */
	briefFolder: string;
	/** Whether the status bar names the client to see next. */
	nextUpInStatusBar: boolean;
	/** The client note's property giving the date (and time) of the next session, when the coach keeps one. */
	nextSessionProperty: string;

	/** How many lines of each earlier conversation the brief shows before read-back. */
	excerptLines: number;
	/** How dates read in the pane, in date-fns tokens (`EEE d MMM yyyy` → "Tue 16 Jun 2026"). */
	dateFormat: string;
	/** Where "Prepare session" opens: the right sidebar, or a tab in the main area. */
	paneLocation: "sidebar" | "tab";
	/** Whether notes show quiet hints: when a carried commitment was first made, how a linked client stands. */
	editorHints: boolean;

	/** Where new session notes go; empty means beside the client's last session. */
	sessionNoteFolder: string;
	/** The new session note's file name; `{{date}}`, `{{client}}` and the other placeholders work. */
	sessionFileName: string;
	/** A note to use as the session template; empty means the built-in one. */
	sessionTemplate: string;
	/** Where "New client" puts the client note; empty means where most client notes already are. */
	clientNoteFolder: string;
	/** What a new session is: as the client's conversations already are, always a note of its own, or always a section of the client's note. */
	newSessionShape: "follow" | "note" | "client-note";
}

export type SettingKey = keyof CoachingSettings;

/** The settings tab's sections, in the order it shows them. */
export const SETTING_GROUPS = ["Before the call", "After the call", "Privacy", "Clients", "Sessions", "Notes left out"] as const;
export type SettingGroup = (typeof SETTING_GROUPS)[number];

/** Why a value cannot be used, as one sentence for the settings tab and for data.json alike; null when it can. */
type Check<V> = (value: V) => string | null;

interface SpecBase<V> {
	default: V;
	group: SettingGroup;
	/** The setting's name in the settings tab. */
	name: string;
	description: string;
	/** Whether a change alters what notes are (a client, a session, a commitment), so the vault is read again. */
	recognition: boolean;
	check?: Check<V>;
}

export interface ListSpec extends SpecBase<string[]> {
	kind: "list";
	/** Tags are kept without their `#`. */
	tags?: boolean;
}

export interface TextSpec extends SpecBase<string> {
	kind: "text";
	/** Spaces count (a date format's): the value is kept as typed. */
	untrimmed?: boolean;
}

export interface NumberSpec extends SpecBase<number> {
	kind: "number";
	min: number;
	max: number;
}

export interface ToggleSpec extends SpecBase<boolean> {
	kind: "toggle";
}

export interface ChoiceSpec<V extends string> extends SpecBase<V> {
	kind: "choice";
	options: Record<V, string>;
}

type SpecOf<V> = [V] extends [string[]]
	? ListSpec
	: [V] extends [number]
		? NumberSpec
		: [V] extends [boolean]
			? ToggleSpec
			: string extends V
				? TextSpec
				: ChoiceSpec<V & string>;

export type SettingSpec = { [K in SettingKey]: SpecOf<CoachingSettings[K]> }[SettingKey];

const PLACEHOLDERS =
	"Placeholders: {{client}}, {{client_link}}, {{date}} or {{date:EEE d MMM yyyy}}, {{time}}, {{session_number}}, {{intentions}}, {{intention_heading}}, {{reflection_heading}}, {{open_commitments}}, {{last_session_link}}, {{days_since_last}}.";

const folderNames: Check<string[]> = (names) =>
	names.some((name) => name.includes("/")) ? "Write folder names, not paths: a folder called Clients matches at any depth." : null;
const tagNames: Check<string[]> = (names) => (names.some((name) => /\s/.test(name)) ? "Tags have no spaces." : null);
const notEmpty: Check<string[]> = (names) => (names.length === 0 ? "Keep at least one." : null);
const notBlank: Check<string> = (value) => (value.trim() === "" ? "This cannot be empty." : null);

/**
 * Each setting declared once: its default, its type and check, where the settings tab shows it,
 * and whether changing it means reading the vault again. Loading data.json, the settings tab and
 * the command line all work from this table, so they accept and refuse the same values.
 */
export const SETTING_SPECS: { readonly [K in SettingKey]: SpecOf<CoachingSettings[K]> } = {
	intentions: {
		kind: "list",
		default: ["The person who listens to them better than anyone else in their life", "Someone who cares"],
		group: "Before the call",
		name: "Intentions",
		description: "The checklist at the top of every brief and session note: who you want to show up as.",
		recognition: false,
	},
	intentionHeading: {
		kind: "text",
		default: "Who do I want to show up as?",
		group: "Before the call",
		name: "Intention heading",
		description: "The heading of your intention checklist in session notes. Its checkboxes are never counted as commitments.",
		recognition: true,
		check: notBlank,
	},
	reflectionHeading: {
		kind: "text",
		default: "How did I show up?",
		group: "Before the call",
		name: "Reflection heading",
		description: "The heading where you reflect on how you showed up. Its checkboxes are yours too.",
		recognition: true,
		check: notBlank,
	},
	profileHeadings: {
		kind: "list",
		default: ["What makes them happy", "What keeps them awake at night", "Goals"],
		group: "Before the call",
		name: "Profile headings",
		description: 'Sections of the client note shown under "The person", in this order.',
		recognition: false,
		check: notEmpty,
	},
	aboutProperties: {
		kind: "list",
		default: ["role", "organisation", "organization", "company", "pronouns", "location", "started"],
		group: "Before the call",
		name: "Properties about the person",
		description: 'Properties of the client note shown under "The person", above the profile, when the note has them (in any case).',
		recognition: false,
	},
	holdHeadings: {
		kind: "list",
		default: ["To hold for next time", "For next time", "Next time", "Next session"],
		group: "Before the call",
		name: "Headings for what to hold",
		description: 'What a session writes under these headings, or on a line labelled with one of them or "Next time:" ("To hold for next time: …"), is the thread the next conversation picks up: the brief shows it first.',
		recognition: false,
	},
	privateHeadings: {
		kind: "list",
		default: ["Private", "Supervision"],
		group: "Privacy",
		name: "Private headings",
		description: "What you write under a heading with one of these words in it (\"Private notes\", \"3. Private\", \"Supervision with Helen\"), and under the headings below it, is never shown: not in the pane, the terminal, a saved brief or a search. Its tasks, links and tags count for nothing.",
		recognition: true,
	},
	privacyMode: {
		kind: "toggle",
		default: false,
		group: "Privacy",
		name: "Hide note text",
		description: "For sharing your screen: the pane shows names and dates only, and notes show no hints, until you turn it off. The status bar shows it is on; the command \"Toggle screen-share privacy\" and the pane's eye button turn it on and off.",
		recognition: false,
	},
	briefFolder: {
		kind: "text",
		default: "Briefs",
		group: "Privacy",
		name: "Folder for saved briefs",
		description: "Where \"Save brief as note\" writes a brief to keep or print. Private sections are left out, and a saved brief is never read as anyone's session or mention.",
		recognition: true,
		check: (value) => vaultPathProblem(value, "The folder for saved briefs") ?? (value.trim() === "" ? "Give a folder: saved briefs must not mix with your notes." : null),
	},
	nextUpInStatusBar: {
		kind: "toggle",
		default: true,
		group: "Before the call",
		name: "Next up in the status bar",
		description: "Names the client to see next (from the next session property of their note, else their cadence); a click prepares that session.",
		recognition: false,
	},
	nextSessionProperty: {
		kind: "text",
		default: "next_session",
		group: "Clients",
		name: "Next session property",
		description: "A client note's property with the date (and time) of your next session, when you keep one: the status bar's next up uses it before the cadence.",
		recognition: false,
		check: notBlank,
	},
	coachCommitmentHeadings: {
		kind: "list",
		default: ["My commitments", "For me", "Coach"],
		group: "Before the call",
		name: "Headings for my own commitments",
		description: 'Tasks under these headings in a session, or tagged #me, are what you promised: the brief lists them apart, as "What I promised".',
		recognition: true,
	},
	excerptLines: {
		kind: "number",
		default: 3,
		min: 0,
		max: 20,
		group: "Before the call",
		name: "Excerpt lines",
		description: "How many lines of each earlier conversation the brief shows.",
		recognition: false,
	},
	dateFormat: {
		kind: "text",
		default: "EEE d MMM yyyy",
		untrimmed: true,
		group: "Before the call",
		name: "Date format",
		description: "How dates read in the pane, written in date-fns tokens.",
		recognition: false,
		check: (value) => dateFormatProblem(value),
	},
	paneLocation: {
		kind: "choice",
		default: "sidebar",
		options: { sidebar: "The right sidebar", tab: "A tab in the main area" },
		group: "Before the call",
		name: "Open the pane in",
		description: "Where the brief opens.",
		recognition: false,
	},
	editorHints: {
		kind: "toggle",
		default: true,
		group: "Before the call",
		name: "Hints in notes",
		description: "While you write and read: beside a commitment carried from an earlier session, when it was first made; beside a link to a client, the days since your last session and what is open.",
		recognition: false,
	},

	newSessionShape: {
		kind: "choice",
		default: "follow",
		options: {
			follow: "As their conversations already are",
			note: "A session note of its own",
			"client-note": "A dated section of the client's note",
		},
		group: "After the call",
		name: "New session",
		description: "Follow the shape the client's conversations have: a new dated section of their note when their log lives there, else a session note.",
		recognition: false,
	},
	sessionNoteFolder: {
		kind: "text",
		default: "",
		group: "After the call",
		name: "Session note folder",
		description: "Where new session notes go. Empty: beside the client's last session.",
		recognition: false,
		check: (value) => vaultPathProblem(value, "The session note folder"),
	},
	sessionFileName: {
		kind: "text",
		default: "{{date}} {{client}}",
		group: "After the call",
		name: "Session note name",
		description: `The new note's file name. ${PLACEHOLDERS}`,
		recognition: false,
		check: notBlank,
	},
	sessionTemplate: {
		kind: "text",
		default: "",
		group: "After the call",
		name: "Session template",
		description: `A note of yours to start from; empty uses the built-in template. ${PLACEHOLDERS} Templater's syntax is run when Templater is on.`,
		recognition: false,
		check: (value) => vaultPathProblem(value, "The template"),
	},
	clientNoteFolder: {
		kind: "text",
		default: "",
		group: "After the call",
		name: "New client folder",
		description: "Where New client puts the note. Empty: where most client notes are.",
		recognition: false,
		check: (value) => vaultPathProblem(value, "The client note folder"),
	},

	clientFolders: {
		kind: "list",
		default: ["Clients", "Coachees"],
		group: "Clients",
		name: "Client folders",
		description: "Notes in folders with these names, at any depth, are clients.",
		recognition: true,
		check: folderNames,
	},
	clientTypes: {
		kind: "list",
		default: ["client", "coachee"],
		group: "Clients",
		name: "Client types",
		description: "A type, category or categories property with one of these values marks a client.",
		recognition: true,
	},
	clientTags: {
		kind: "list",
		tags: true,
		default: ["client", "coachee"],
		group: "Clients",
		name: "Client tags",
		description: "Tags that mark a client; nested tags such as client/active count.",
		recognition: true,
		check: tagNames,
	},
	personFolders: {
		kind: "list",
		default: ["People", "Contacts"],
		group: "Clients",
		name: "People folders",
		description: "Notes here become clients once a session names them.",
		recognition: true,
		check: folderNames,
	},
	personTypes: {
		kind: "list",
		default: ["person", "people", "contact"],
		group: "Clients",
		name: "Person types",
		description: "Type values that mark a person.",
		recognition: true,
	},
	personTags: {
		kind: "list",
		tags: true,
		default: ["person", "people", "contact"],
		group: "Clients",
		name: "Person tags",
		description: "Tags that mark a person.",
		recognition: true,
		check: tagNames,
	},
	statusProperty: {
		kind: "text",
		default: "status",
		group: "Clients",
		name: "Status property",
		description: "The property that says a client is a past client.",
		recognition: true,
		check: notBlank,
	},
	archivedStatuses: {
		kind: "list",
		default: ["archived", "inactive", "ended", "past"],
		group: "Clients",
		name: "Past client statuses",
		description: "Status values that mark a past client.",
		recognition: true,
	},
	cadenceProperty: {
		kind: "text",
		default: "cadence",
		group: "Clients",
		name: "Cadence property",
		description: "How often you meet: weekly, fortnightly, monthly, every 3 weeks, or a number of days.",
		recognition: true,
		check: notBlank,
	},

	sessionFolders: {
		kind: "list",
		default: ["Sessions", "Meetings", "Calls", "1-1s", "1on1s"],
		group: "Sessions",
		name: "Session folders",
		description: "Notes in folders with these names, at any depth, are sessions.",
		recognition: true,
		check: folderNames,
	},
	sessionTypes: {
		kind: "list",
		default: ["session", "meeting", "call", "1:1", "1on1", "1-1", "one-on-one", "coaching session"],
		group: "Sessions",
		name: "Session types",
		description: "Type values that mark a session.",
		recognition: true,
	},
	sessionTags: {
		kind: "list",
		tags: true,
		default: ["session", "meeting", "coaching"],
		group: "Sessions",
		name: "Session tags",
		description: "Tags that mark a session.",
		recognition: true,
		check: tagNames,
	},
	typeProperties: {
		kind: "list",
		default: ["type", "category", "categories"],
		group: "Sessions",
		name: "Type properties",
		description: "Properties whose values say what kind of note it is.",
		recognition: true,
		check: notEmpty,
	},
	clientProperties: {
		kind: "list",
		default: ["client", "clients", "coachee", "person", "people", "participants", "participant", "with", "attendees"],
		group: "Sessions",
		name: "Client properties",
		description: "The first of these on a session names its clients.",
		recognition: true,
		check: notEmpty,
	},
	dateProperties: {
		kind: "list",
		default: ["date", "session_date", "meeting_date", "session-date", "meeting-date", "created"],
		group: "Sessions",
		name: "Date properties",
		description: "The first of these holding a date is the session's date.",
		recognition: true,
	},
	sessionNumberProperties: {
		kind: "list",
		default: ["session", "session_number"],
		group: "Sessions",
		name: "Session number properties",
		description: "A number written here overrides the count in date order.",
		recognition: true,
	},

	readClientNoteLogs: {
		kind: "toggle",
		default: true,
		group: "Sessions",
		name: "Logs in client notes",
		description: "A dated heading in a client's note (### 2026-10-26, ## 12 Oct 2026) is one conversation with them.",
		recognition: true,
	},
	dayNoteSessionWords: {
		kind: "list",
		default: [],
		group: "Sessions",
		name: "Words that mark a conversation in a daily note",
		description: "Empty: any heading of a dated note that names a client is a conversation with them. Else the heading must also hold one of these words (Coaching, Call, Session).",
		recognition: true,
	},
	readClientFolders: {
		kind: "toggle",
		default: true,
		group: "Clients",
		name: "Folders of their own",
		description: "A folder inside a client folder that holds a note named like it, an overview note or dated notes is one client's: its dated notes are their sessions.",
		recognition: true,
	},
	templatesFolder: {
		kind: "text",
		default: "",
		group: "Notes left out",
		name: "Templates folder",
		description: "Leave empty to use the folder of Obsidian's Templates or Templater, else any folder named Templates.",
		recognition: true,
		check: (value) => vaultPathProblem(value, "The templates folder"),
	},
	excludedFolders: {
		kind: "list",
		default: [],
		group: "Notes left out",
		name: "Excluded folders",
		description: "Folder paths never read, one per line (for example Archive/Old practice).",
		recognition: true,
	},
};

export const SETTING_KEYS = Object.keys(SETTING_SPECS) as SettingKey[];

/** The spec of a key read from a file, or undefined when no setting has that name. */
export function specOf(key: string): SettingSpec | undefined {
	return (SETTING_SPECS as Partial<Record<string, SettingSpec>>)[key];
}

export const DEFAULT_SETTINGS: CoachingSettings = Object.fromEntries(
	SETTING_KEYS.map((key) => [key, structuredClone(SETTING_SPECS[key].default)]),
) as unknown as CoachingSettings;

/** Far more than any coach lists; a settings file with more was not written by a person. */
const MAX_LIST_ITEMS = 1000;
const MAX_TEXT_LENGTH = 1000;

/**
 * What is wrong with the text of a setting (one value, or a list's entries), or null. Settings are
 * written into new notes (intentions, type and property names), so one that held a Templater
 * command would run as code once Templater processed the note: neither a synced `data.json` nor
 * a pasted value can plant one.
 */
function settingTextProblem(texts: readonly string[]): string | null {
	if (texts.length > MAX_LIST_ITEMS) return `A list setting cannot have more than ${MAX_LIST_ITEMS} entries.`;
	for (const text of texts) {
		if (text.length > MAX_TEXT_LENGTH) return `A setting cannot be longer than ${MAX_TEXT_LENGTH} characters.`;
		if (hasTemplaterSyntax(text)) return "A setting cannot hold a Templater command (<% %>).";
	}
	return null;
}

/** Why a date format cannot be used, or null when it can: it must produce a date, and one that shows the day. */
function dateFormatProblem(pattern: string): string | null {
	if (pattern.trim() === "") return "A date format cannot be empty.";
	let sample: string;
	try {
		sample = format(new Date(2026, 5, 16), pattern);
	} catch {
		return `"${pattern}" is not a date format; use date-fns tokens such as yyyy-MM-dd or EEE d MMM yyyy.`;
	}
	if (!/16/.test(sample)) return `"${pattern}" does not show the day of the month.`;
	return null;
}

/** A value as it is kept: list entries and texts trimmed, blank entries dropped, tags without `#`. */
export function settingValue<K extends SettingKey>(key: K, value: CoachingSettings[K]): CoachingSettings[K] {
	const spec = SETTING_SPECS[key] as SettingSpec;
	if (spec.kind === "list") {
		return (value as string[])
			.map((entry) => (spec.tags ? entry.trim().replace(/^#/, "") : entry.trim()))
			.filter((entry) => entry !== "") as CoachingSettings[K];
	}
	if (spec.kind === "text" && !spec.untrimmed) return (value as string).trim() as CoachingSettings[K];
	return value;
}

/**
 * Why `value` cannot be the setting `key`, or null when it can: its type, then the bounds every
 * setting shares, then the setting's own check. The one judge of a setting's value, for a value
 * typed in the settings tab and one read from data.json.
 */
export function settingProblem(key: SettingKey, value: unknown): string | null {
	const spec = SETTING_SPECS[key];
	switch (spec.kind) {
		case "list": {
			if (!Array.isArray(value) || !value.every((entry) => typeof entry === "string")) return "It should be a list of text.";
			const kept = settingValue(key, value as never) as string[];
			return settingTextProblem(value) ?? spec.check?.(kept) ?? null;
		}
		case "text": {
			if (typeof value !== "string") return "It should be text.";
			return settingTextProblem([value]) ?? spec.check?.(value) ?? null;
		}
		case "number": {
			const whole = typeof value === "number" && Number.isInteger(value);
			return whole && value >= spec.min && value <= spec.max ? null : `A whole number from ${spec.min} to ${spec.max}.`;
		}
		case "toggle":
			return typeof value === "boolean" ? null : "It should be on or off (true or false).";
		case "choice": {
			const options = Object.keys(spec.options);
			return typeof value === "string" && options.includes(value) ? null : `One of ${options.map((option) => `"${option}"`).join(" or ")}.`;
		}
	}
}

/** Whether the change from `before` to `after` alters what notes are, so the index must be built again. */
export function changesRecognition(before: CoachingSettings, after: CoachingSettings): boolean {
	return SETTING_KEYS.some((key) => SETTING_SPECS[key].recognition && JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}
