import { DEFAULT_SETTINGS, SETTING_KEYS, definitionOf, settingProblem, settingValue, type CoachingSettings } from "./settings";

type Stored = Record<string, unknown>;

interface Migration {
	/** The version this step brings a stored file to. */
	to: number;
	migrate(stored: Stored): Stored;
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
			Object.fromEntries(
				Object.entries(stored).map(([key, value]) => {
					const definition = definitionOf(key);
					if (definition?.kind === "list" && typeof value === "string") return [key, value.split("\n")];
					if (definition?.kind === "number" && typeof value === "string" && /^\s*\d+\s*$/.test(value)) return [key, Number(value)];
					return [key, value];
				}),
			),
	},
	{
		// Version 1 kept what the settings tab never allowed: any number of excerpt lines (the tab
		// allows 20), and tags written with `#`, which no tag ever matched.
		to: 2,
		migrate: (stored) =>
			Object.fromEntries(
				Object.entries(stored).map(([key, value]) => {
					const definition = definitionOf(key);
					if (definition?.kind === "number" && typeof value === "number" && value > definition.max) return [key, definition.max];
					if (definition?.kind === "list" && definition.tags && Array.isArray(value)) {
						return [key, value.map((tag: unknown) => (typeof tag === "string" ? tag.trim().replace(/^#/, "") : tag))];
					}
					return [key, value];
				}),
			),
	},
];

export const SETTINGS_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.to ?? 0;

export interface LoadedSettings {
	settings: CoachingSettings;
	/** Each value that was replaced by its default, and why, in words for the coach. */
	problems: string[];
	/**
	 * Whether the file should be written back in this version's form: it came from an older
	 * version and every value in it was kept. A file with problems stays as the coach left it,
	 * to be mended by hand; one from a newer version is never written down to this one.
	 */
	writeBack: boolean;
}

/**
 * Turns whatever was stored (an older version's data.json, a hand-edited file, nothing at all)
 * into complete settings: migrated from its version, then every value judged as the settings
 * tab judges it. Unknown keys are dropped; a missing value takes its default, as does a value
 * that cannot be used, so a damaged file never stops the plugin or the CLI.
 */
export function loadStoredSettings(raw: unknown): LoadedSettings {
	const settings: CoachingSettings = structuredClone(DEFAULT_SETTINGS);
	if (raw === undefined || raw === null) return { settings, problems: [], writeBack: false };
	if (typeof raw !== "object" || Array.isArray(raw)) {
		return { settings, problems: ["The saved settings file could not be read; defaults are used."], writeBack: false };
	}
	const problems: string[] = [];
	const version = storedVersion(raw as Stored);
	if (version > SETTINGS_VERSION) {
		problems.push("These settings were saved by a newer version of Coaching Alliance; update the plugin to use all of them.");
	}
	const stored = MIGRATIONS.filter((migration) => migration.to > version).reduce((current, migration) => migration.migrate(current), raw as Stored);
	for (const key of SETTING_KEYS) {
		if (!(key in stored)) continue;
		const problem = settingProblem(key, stored[key]);
		if (problem === null) (settings as unknown as Stored)[key] = settingValue(key, stored[key] as never);
		else problems.push(`Setting "${key}": ${problem} The default is used.`);
	}
	return { settings, problems, writeBack: version < SETTINGS_VERSION && problems.length === 0 };
}

function storedVersion(stored: Stored): number {
	const version = stored["settingsVersion"];
	return typeof version === "number" && Number.isInteger(version) && version >= 0 ? version : 0;
}

/** What is written to data.json: the settings plus the version they were written by. */
export function storedSettings(settings: CoachingSettings): CoachingSettings & { settingsVersion: number } {
	return { ...settings, settingsVersion: SETTINGS_VERSION };
}
