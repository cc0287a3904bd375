import { Notice, Plugin } from "obsidian";
import { migrateSettings, storedSettings, type CoachingSettings } from "./core/settings";
import { VaultIndex } from "./obsidian/vault-index";

/** Wiring only: settings, the index, and (in later pieces) the pane, commands and settings tab. */
export default class CoachingAlliancePlugin extends Plugin {
	settings!: CoachingSettings;
	vaultIndex!: VaultIndex;

	async onload(): Promise<void> {
		await this.loadSettings();
		this.vaultIndex = this.addChild(new VaultIndex(this.app, () => this.settings));
	}

	async loadSettings(): Promise<void> {
		const { settings, problems } = migrateSettings(await this.loadData());
		this.settings = settings;
		if (problems.length > 0) {
			new Notice(`Coaching Alliance: some saved settings could not be read and were reset.\n${problems.join("\n")}`);
		}
	}

	async saveSettings(): Promise<void> {
		await this.saveData(storedSettings(this.settings));
		await this.vaultIndex.rebuild();
	}

	/** Another device synced data.json: take its settings and re-read the vault with them. */
	async onExternalSettingsChange(): Promise<void> {
		await this.loadSettings();
		await this.vaultIndex.rebuild();
	}
}
