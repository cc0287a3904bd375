import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, SETTING_SPECS, SETTING_KEYS, changesRecognition, settingProblem } from "../../src/core/settings/settings";
import { SETTINGS_VERSION, loadStoredSettings, storedSettings } from "../../src/core/settings/stored";

describe("the settings table", () => {
	it("declares every setting once, with a default of the setting's own type", () => {
		for (const key of SETTING_KEYS) {
			expect(settingProblem(key, SETTING_SPECS[key].default), key).toBeNull();
		}
		expect(Object.keys(DEFAULT_SETTINGS).sort()).toEqual([...SETTING_KEYS].sort());
	});

	it("says a change needs the vault read again only for settings that decide what notes are", () => {
		const shown = { ...DEFAULT_SETTINGS, dateFormat: "d MMM", excerptLines: 8, intentions: ["Curious"], paneLocation: "tab" as const };
		expect(changesRecognition(DEFAULT_SETTINGS, shown)).toBe(false);
		expect(changesRecognition(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, intentionHeading: "My intentions" })).toBe(true);
		expect(changesRecognition(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, clientFolders: ["Kunden"] })).toBe(true);
	});
});

describe("loading data.json", () => {
	it("takes nothing at all as the defaults, with nothing to report or write", () => {
		expect(loadStoredSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problems: [], newerVersion: null, writeBack: false, kept: {} });
	});

	it("brings a version-0 file (no settingsVersion, written by hand) up to date, and asks for it to be written back", () => {
		const loaded = loadStoredSettings({
			clientFolders: "Kunden\nClients",
			intentions: "Someone who cares",
			excerptLines: "5",
			clientTags: ["#mentee"],
		});
		expect(loaded.problems).toEqual([]);
		expect(loaded.settings.clientFolders).toEqual(["Kunden", "Clients"]);
		expect(loaded.settings.intentions).toEqual(["Someone who cares"]);
		expect(loaded.settings.excerptLines).toBe(5);
		expect(loaded.settings.clientTags).toEqual(["mentee"]);
		expect(loaded.writeBack).toBe(true);
		expect(storedSettings(loaded.settings).settingsVersion).toBe(SETTINGS_VERSION);
	});

	it("keeps what version 1 accepted and the tab never allowed, in the form it means now", () => {
		const loaded = loadStoredSettings({ settingsVersion: 1, excerptLines: 5000, sessionTags: ["#session", "call"] });
		expect(loaded.settings.excerptLines).toBe(20);
		expect(loadStoredSettings({ settingsVersion: 1, excerptLines: 4.7 }).settings.excerptLines).toBe(4);
		expect(loaded.settings.sessionTags).toEqual(["session", "call"]);
		expect(loaded.problems).toEqual([]);
		expect(loaded.writeBack).toBe(true);
	});

	it("gives a version-2 file still holding the old date properties the new ones, and keeps a list the coach changed", () => {
		expect(loadStoredSettings({ settingsVersion: 2, dateProperties: ["date", "session_date", "created"] }).settings.dateProperties).toEqual([
			"date",
			"session_date",
			"meeting_date",
			"session-date",
			"meeting-date",
			"created",
		]);
		expect(loadStoredSettings({ settingsVersion: 2, dateProperties: ["when"] }).settings.dateProperties).toEqual(["when"]);
	});

	it("replaces each damaged value by its default, says which and why, and leaves the file for the coach to mend", () => {
		const loaded = loadStoredSettings({
			settingsVersion: SETTINGS_VERSION,
			typeProperties: [],
			excerptLines: 5000,
			clientFolders: "Clients",
			dateFormat: "MMMM yyyy",
			paneLocation: "floating",
			cadenceProperty: "<% tp.user.run() %>",
			clientTypes: ["coachee"],
			somethingUnknown: true,
		});
		expect(loaded.problems).toEqual([
			'Setting "excerptLines": A whole number from 0 to 20. The default is used.',
			'Setting "dateFormat": "MMMM yyyy" does not show the day of the month. The default is used.',
			'Setting "paneLocation": One of "sidebar" or "tab". The default is used.',
			'Setting "clientFolders": It should be a list of text. The default is used.',
			'Setting "cadenceProperty": A setting cannot hold a Templater command (<% %>). The default is used.',
			'Setting "typeProperties": Keep at least one. The default is used.',
		]);
		expect(loaded.settings).toEqual({ ...DEFAULT_SETTINGS, clientTypes: ["coachee"] });
		expect(loaded.writeBack).toBe(false);
	});

	it("reads a file that is not an object as the defaults, and says so", () => {
		for (const raw of ["unreadable", 42, [1, 2]]) {
			const loaded = loadStoredSettings(raw);
			expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
			expect(loaded.problems).toEqual(["The saved settings file could not be read; defaults are used."]);
			expect(loaded.writeBack).toBe(false);
		}
	});

	it("never writes a newer version's file down to this one: what it does not know is kept, with the newer version", () => {
		const newer = { settingsVersion: SETTINGS_VERSION + 1, excerptLines: 7, moodTracking: { enabled: true } };
		const loaded = loadStoredSettings(newer);
		expect(loaded.settings.excerptLines).toBe(7);
		expect(loaded.newerVersion).toBe("These settings were saved by a newer version of Coaching Alliance; update the plugin to use all of them.");
		expect(loaded.problems).toEqual([]);
		expect(loaded.writeBack).toBe(false);
		const saved = storedSettings({ ...loaded.settings, excerptLines: 9 }, loaded.kept);
		expect(saved).toMatchObject({ settingsVersion: SETTINGS_VERSION + 1, excerptLines: 9, moodTracking: { enabled: true } });
	});
});
