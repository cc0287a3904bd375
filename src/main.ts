import { Notice, Plugin } from "obsidian";
import type { CoachingSettings } from "./core/settings/settings";
import { loadStoredSettings, storedSettings } from "./core/settings/stored";
import { reasonOf } from "./core/reason";
import { CoachingActions } from "./obsidian/coaching-actions";
import { registerCommands } from "./obsidian/commands";
import { VaultIndex } from "./obsidian/vault-index";
import type { EditorView } from "@codemirror/view";
import { editorHints, refreshHints } from "./obsidian/editor-hints";
import { readingHints, redrawReadingViews } from "./obsidian/reading-hints";
import { registerCaseloadInBases } from "./obsidian/bases-caseload";
import { registerCliHandlers } from "./obsidian/cli-handlers";
import { registerStatusBar } from "./obsidian/status-bar";
import { CASELOAD_VIEW, CaseloadView } from "./ui/caseload-view";
import { PREPARE_VIEW, PrepareView } from "./ui/prepare-view";
import { CoachingSettingTab, type SettingsStore } from "./ui/settings-tab";

/** Wiring only: settings, the index, the pane, the commands and the settings tab. */
export default class CoachingAlliancePlugin extends Plugin {
	settings!: CoachingSettings;
	vaultIndex!: VaultIndex;
	actions!: CoachingActions;
	private settingTab!: CoachingSettingTab;
	/** What a newer version's data.json holds beyond these settings, written back with each save. */
	private keptSettings: Record<string, unknown> = {};
	/** The editors open now, whose hints are worked out again when the index or the settings change. */
	private readonly editors = new Set<EditorView>();
	/** Whether the settings asked for hints before the last change: reading views are drawn again when that changes. */
	private hintsWereWanted = false;

	async onload(): Promise<void> {
		await this.loadSettings();
		// The status bar says how far a long first build has got (desktop only: phones have no status bar).
		const status = this.addStatusBarItem();
		const progress = (text: string | null): void => {
			status.setText(text ?? "");
		};
		this.vaultIndex = this.addChild(new VaultIndex(this.app, () => this.settings, { progress }));
		this.actions = new CoachingActions(this.app, this.vaultIndex, () => this.settings, async () => {
			await this.saveSettings();
			this.settingTab.redraw();
		});
		this.hintsWereWanted = this.actions.hintsWanted();
		this.registerView(PREPARE_VIEW, (leaf) => new PrepareView(leaf, this.actions));
		this.registerView(CASELOAD_VIEW, (leaf) => new CaseloadView(leaf, this.actions));
		registerCommands(this, this.actions);
		registerCaseloadInBases(this, this.actions);
		registerCliHandlers(this, this.actions);
		this.registerEditorExtension(editorHints(this.actions, this.editors));
		this.registerMarkdownPostProcessor(readingHints(this.actions));
		this.registerEvent(this.actions.onIndexChanged(() => refreshHints(this.editors)));
		registerStatusBar(this, this.actions);
		this.settingTab = new CoachingSettingTab(this.app, this, this);
		this.addSettingTab(this.settingTab);
	}

	/** Reads data.json, brings an older version's up to date and writes it back; a damaged one is reported and left for the coach. */
	async loadSettings(): Promise<void> {
		let stored: unknown;
		try {
			stored = await this.loadData();
		} catch {
			// A data.json that is not JSON at all (a bad sync, a hand edit) must not stop the plugin.
			stored = "unreadable";
		}
		const loaded = loadStoredSettings(stored);
		this.settings = loaded.settings;
		this.keptSettings = loaded.kept;
		if (loaded.newerVersion !== null) new Notice(loaded.newerVersion);
		if (loaded.problems.length > 0) new Notice(`Some saved settings could not be read and were reset.\n${loaded.problems.join("\n")}`);
		if (loaded.writeBack) await this.writeSettings(storedSettings(this.settings));
	}

	/** Writes data.json; when it cannot be written, the coach hears why, and the settings still apply until Obsidian restarts. */
	private async writeSettings(stored: unknown): Promise<void> {
		try {
			await this.saveData(stored);
		} catch (error) {
			new Notice(`Your Coaching Alliance settings could not be saved (${reasonOf(error)}). They apply until Obsidian restarts.`);
		}
	}

	recognised(): ReturnType<SettingsStore["recognised"]> {
		if (this.vaultIndex.state !== "warm") return null;
		return this.vaultIndex.index.recognition(2);
	}

	async saveSettings(): Promise<void> {
		await this.writeSettings(storedSettings(this.settings, this.keptSettings));
		await this.followSettings();
	}

	/** Another device synced data.json: take its settings and show them in an open settings tab; everything drawn follows them as after a change here. */
	async onExternalSettingsChange(): Promise<void> {
		await this.loadSettings();
		this.settingTab.redraw();
		await this.followSettings();
	}

	/** The index re-reads the vault if the settings change what notes are; the views, editors' hints and reading views draw again. */
	private async followSettings(): Promise<void> {
		await this.vaultIndex.settingsChanged();
		refreshHints(this.editors);
		const hintsWanted = this.actions.hintsWanted();
		if (hintsWanted !== this.hintsWereWanted) redrawReadingViews(this.app.workspace);
		this.hintsWereWanted = hintsWanted;
	}
}
