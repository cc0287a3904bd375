import { DEFAULT_SETTINGS, SETTING_KEYS, SETTING_SPECS, specOf, settingProblem, settingValue, type CoachingSettings, type SettingSpec } from "./settings";

type Stored = Record<string, unknown>;

interface Migration {
	/** The version this step brings a stored file to. */
	to: number;
	migrate(stored: Stored): Stored;
}

/** A stored file with each setting's value passed through `change`; other keys stay as they are. */
function eachSetting(stored: Stored, change: (spec: SettingSpec, value: unknown) => unknown): Stored {
	return Object.fromEntries(
		Object.entries(stored).map(([key, value]) => {
			const spec = specOf(key);
			return [key, spec === undefined ? value : change(spec, value)];
		}),
	);
}

/**
 * One step per version, oldest first: a data.json of any earlier version walks through every
 * step after its own. A step changes only what its version changed; checking values is loading's job.
 */
const MIGRATIONS: readonly Migration[] = [
	{
		// Version 0 is a file without `settingsVersion`: every release wrote one, so it was written by
		// hand or by a script, and people write a single entry as text and a number in quotes.
		to: 1,
		migrate: (stored) =>
			eachSetting(stored, (spec, value) => {
				if (spec.kind === "list" && typeof value === "string") return value.split("\n");
				if (spec.kind === "number" && typeof value === "string" && /^\s*\d+\s*$/.test(value)) return Number(value);
				return value;
			}),
	},
	{
		// Version 1 read any number of zero or more, rounded down; the settings tab allowed whole
		// numbers up to a limit (20 excerpt lines), and now data.json is held to the same.
		to: 2,
		migrate: (stored) =>
			eachSetting(stored, (spec, value) =>
				spec.kind === "number" && typeof value === "number" && Number.isFinite(value) && value >= 0 ? Math.min(Math.floor(value), spec.max) : value,
			),
	},
	{
		// Version 3 reads meeting notes' dates too. Every save writes every setting, so a file still
		// holding version 2's default list takes the new one; a list the coach changed stays theirs.
		to: 3,
		migrate: (stored) =>
			JSON.stringify(stored["dateProperties"]) === JSON.stringify(["date", "session_date", "created"])
				? { ...stored, dateProperties: SETTING_SPECS.dateProperties.default }
				: stored,
	},
];

export const SETTINGS_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.to ?? 0;

export interface LoadedSettings {
	settings: CoachingSettings;
	/** Each value that was replaced by its default, and why, in words for the coach. */
	problems: string[];
	/** Said when the file comes from a newer version of the plugin, else null. */
	newerVersion: string | null;
	/**
	 * Whether loading should write the file back in this version's form: it came from an older
	 * version and every value in it was kept. A file with problems is not rewritten on loading;
	 * the defaults that replaced its bad values are written when a setting is next changed.
	 */
	writeBack: boolean;
	/**
	 * What a newer version's file holds that this version does not know, with its version number:
	 * written back untouched with every save, so using an older copy of the plugin on one device
	 * never takes a newer copy's settings away.
	 */
	kept: Record<string, unknown>;
}

/**
 * Turns whatever was stored (an older version's data.json, a hand-edited file, nothing at all)
 * into complete settings: migrated from its version, then every value judged as the settings
 * tab judges it. Unknown keys are dropped; a missing value takes its default, as does a value
 * that cannot be used, so a damaged file never stops the plugin or the CLI.
 */
export function loadStoredSettings(raw: unknown): LoadedSettings {
	const settings: CoachingSettings = structuredClone(DEFAULT_SETTINGS);
	const nothing = { settings, problems: [], newerVersion: null, writeBack: false, kept: {} };
	if (raw === undefined || raw === null) return nothing;
	if (typeof raw !== "object" || Array.isArray(raw)) return { ...nothing, problems: ["The saved settings file could not be read; defaults are used."] };
	const problems: string[] = [];
	const version = storedVersion(raw as Stored);
	const stored = MIGRATIONS.filter((migration) => migration.to > version).reduce((current, migration) => migration.migrate(current), raw as Stored);
	for (const key of SETTING_KEYS) {
		if (!(key in stored)) continue;
		const problem = settingProblem(key, stored[key]);
		if (problem === null) (settings as unknown as Stored)[key] = settingValue(key, stored[key] as never);
		else problems.push(`Setting "${key}": ${problem} The default is used.`);
	}
	if (version <= SETTINGS_VERSION) return { settings, problems, newerVersion: null, writeBack: version < SETTINGS_VERSION && problems.length === 0, kept: {} };
	const kept = Object.fromEntries(Object.entries(stored).filter(([key]) => specOf(key) === undefined));
	return {
		settings,
		problems,
		newerVersion: "These settings were saved by a newer version of Coaching Alliance; update the plugin to use all of them.",
		writeBack: false,
		kept,
	};
}

function storedVersion(stored: Stored): number {
	const version = stored["settingsVersion"];
	return typeof version === "number" && Number.isInteger(version) && version >= 0 ? version : 0;
}

/** What is written to data.json: the settings and the version they were written by, after what a newer version's file kept. */
export function storedSettings(settings: CoachingSettings, kept: Record<string, unknown> = {}): Record<string, unknown> {
	return { settingsVersion: SETTINGS_VERSION, ...kept, ...settings };
}
