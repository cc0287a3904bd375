import { PluginSettingTab, Setting, debounce, type App } from "obsidian";
import { DEFAULT_SETTINGS, PATH_SETTINGS, dateFormatProblem, settingTextProblem, type CoachingSettings } from "../core/settings/settings";
import type CoachingAlliancePlugin from "../main";

type ListKey = {
	[K in keyof CoachingSettings]: CoachingSettings[K] extends string[] ? K : never;
}[keyof CoachingSettings];

type TextKey =
	| "intentionHeading"
	| "reflectionHeading"
	| "statusProperty"
	| "cadenceProperty"
	| "templatesFolder"
	| "sessionNoteFolder"
	| "sessionFileName"
	| "sessionTemplate"
	| "clientNoteFolder";

const PLACEHOLDERS =
	"Placeholders: {{client}}, {{client_link}}, {{date}} or {{date:EEE d MMM yyyy}}, {{time}}, {{session_number}}, {{intentions}}, {{intention_heading}}, {{reflection_heading}}, {{open_commitments}}, {{last_session_link}}, {{days_since_last}}.";

/** Why a value cannot be saved, or null. */
type Check<T> = (value: T) => string | null;

const folderNames: Check<string[]> = (names) =>
	names.some((name) => name.includes("/")) ? "Write folder names, not paths: a folder called Clients matches at any depth." : null;
const tagNames: Check<string[]> = (names) => (names.some((name) => /\s/.test(name)) ? "Tags have no spaces." : null);
const notEmpty: Check<string[]> = (names) => (names.length === 0 ? "Keep at least one." : null);
const notBlank: Check<string> = (value) => (value.trim() === "" ? "This cannot be empty." : null);

/**
 * Every rule the conventions let a coach change. Text is saved as it is typed (debounced), and
 * only when valid: an invalid value shows a message next to the field and the saved setting stays.
 */
export class CoachingSettingTab extends PluginSettingTab {
	private readonly save = debounce(() => void this.plugin.saveSettings(), 600, true);

	constructor(
		app: App,
		private readonly plugin: CoachingAlliancePlugin,
	) {
		super(app, plugin);
	}

	display(): void {
		const { containerEl } = this;
		containerEl.empty();
		containerEl.addClass("coaching-alliance-settings");

		new Setting(containerEl).setName("Before the call").setHeading();
		this.intentionsSetting(containerEl);
		this.textSetting(containerEl, "intentionHeading", "Intention heading", "The heading of your intention checklist in session notes. Its checkboxes are never counted as commitments.", notBlank);
		this.textSetting(containerEl, "reflectionHeading", "Reflection heading", "The heading where you reflect on how you showed up. Its checkboxes are yours too.", notBlank);
		this.listSetting(containerEl, "profileHeadings", "Profile headings", "Sections of the client note shown under \"The person\", in this order.", notEmpty);
		this.excerptLinesSetting(containerEl);
		this.dateFormatSetting(containerEl);
		new Setting(containerEl)
			.setName("Open the pane in")
			.setDesc("Where the brief opens.")
			.addDropdown((dropdown) =>
				dropdown
					.addOptions({ sidebar: "The right sidebar", tab: "A tab in the main area" })
					.setValue(this.plugin.settings.paneLocation)
					.onChange((value) => {
						this.plugin.settings.paneLocation = value === "tab" ? "tab" : "sidebar";
						this.save();
					}),
			);

		new Setting(containerEl).setName("After the call").setHeading();
		this.textSetting(containerEl, "sessionNoteFolder", "Session note folder", "Where new session notes go. Empty: beside the client's last session.", PATH_SETTINGS.sessionNoteFolder);
		this.textSetting(containerEl, "sessionFileName", "Session note name", `The new note's file name. ${PLACEHOLDERS}`, notBlank);
		this.textSetting(
			containerEl,
			"sessionTemplate",
			"Session template",
			`A note of yours to start from; empty uses the built-in template. ${PLACEHOLDERS} Templater's syntax is run when Templater is on.`,
			PATH_SETTINGS.sessionTemplate,
		);
		this.textSetting(containerEl, "clientNoteFolder", "New client folder", "Where New client puts the note. Empty: where most client notes are.", PATH_SETTINGS.clientNoteFolder);

		new Setting(containerEl).setName("Clients").setHeading();
		this.listSetting(containerEl, "clientFolders", "Client folders", "Notes in folders with these names, at any depth, are clients.", folderNames);
		this.listSetting(containerEl, "clientTypes", "Client types", "A type, category or categories property with one of these values marks a client.");
		this.listSetting(containerEl, "clientTags", "Client tags", "Tags that mark a client; nested tags such as client/active count.", tagNames);
		this.listSetting(containerEl, "personFolders", "People folders", "Notes here become clients once a session names them.", folderNames);
		this.listSetting(containerEl, "personTypes", "Person types", "Type values that mark a person.");
		this.listSetting(containerEl, "personTags", "Person tags", "Tags that mark a person.", tagNames);
		this.textSetting(containerEl, "statusProperty", "Status property", "The property that says a client is a past client.", notBlank);
		this.listSetting(containerEl, "archivedStatuses", "Past client statuses", "Status values that mark a past client.");
		this.textSetting(containerEl, "cadenceProperty", "Cadence property", "How often you meet: weekly, fortnightly, monthly, every 3 weeks, or a number of days.", notBlank);

		new Setting(containerEl).setName("Sessions").setHeading();
		this.listSetting(containerEl, "sessionFolders", "Session folders", "Notes in folders with these names, at any depth, are sessions.", folderNames);
		this.listSetting(containerEl, "sessionTypes", "Session types", "Type values that mark a session.");
		this.listSetting(containerEl, "sessionTags", "Session tags", "Tags that mark a session.", tagNames);
		this.listSetting(containerEl, "typeProperties", "Type properties", "Properties whose values say what kind of note it is.", notEmpty);
		this.listSetting(containerEl, "clientProperties", "Client properties", "The first of these on a session names its clients.", notEmpty);
		this.listSetting(containerEl, "dateProperties", "Date properties", "The first of these holding a date is the session's date.");
		this.listSetting(containerEl, "sessionNumberProperties", "Session number properties", "A number written here overrides the count in date order.");

		new Setting(containerEl).setName("Notes left out").setHeading();
		this.textSetting(
			containerEl,
			"templatesFolder",
			"Templates folder",
			"Leave empty to use the folder of Obsidian's Templates or Templater, else any folder named Templates.",
			(value) => (value.trim().startsWith(".") ? "Choose a folder inside your vault." : null),
		);
		this.listSetting(containerEl, "excludedFolders", "Excluded folders", "Folder paths never read, one per line (for example Archive/Old practice).");
	}

	private listSetting(container: HTMLElement, key: ListKey, name: string, description: string, check?: Check<string[]>): void {
		const setting = new Setting(container).setName(name).setDesc(description);
		const error = this.errorLine(setting);
		setting.addTextArea((area) => {
			area.inputEl.rows = Math.max(2, Math.min(6, this.plugin.settings[key].length));
			area.inputEl.setAttr("aria-label", `${name}, one per line`);
			area
				.setPlaceholder(DEFAULT_SETTINGS[key].join("\n"))
				.setValue(this.plugin.settings[key].join("\n"))
				.onChange((text) => {
					const values = text
						.split("\n")
						.map((line) => (key.endsWith("Tags") ? line.trim().replace(/^#/, "") : line.trim()))
						.filter((line) => line !== "");
					this.apply(error, settingTextProblem(values) ?? check?.(values) ?? null, () => {
						this.plugin.settings[key] = values;
					});
				});
		});
	}

	private textSetting(container: HTMLElement, key: TextKey, name: string, description: string, check: Check<string>): void {
		const setting = new Setting(container).setName(name).setDesc(description);
		const error = this.errorLine(setting);
		setting.addText((text) =>
			text
				.setPlaceholder(DEFAULT_SETTINGS[key])
				.setValue(this.plugin.settings[key])
				.onChange((value) => {
					this.apply(error, settingTextProblem([value]) ?? check(value), () => {
						this.plugin.settings[key] = value.trim();
					});
				}),
		);
	}

	private excerptLinesSetting(container: HTMLElement): void {
		const setting = new Setting(container).setName("Excerpt lines").setDesc("How many lines of each earlier conversation the brief shows.");
		const error = this.errorLine(setting);
		setting.addText((text) => {
			text.inputEl.type = "number";
			text.setValue(String(this.plugin.settings.excerptLines)).onChange((value) => {
				const lines = Number(value);
				const problem = Number.isInteger(lines) && lines >= 0 && lines <= 20 ? null : "A whole number from 0 to 20.";
				this.apply(error, problem, () => {
					this.plugin.settings.excerptLines = lines;
				});
			});
		});
	}

	private dateFormatSetting(container: HTMLElement): void {
		const setting = new Setting(container).setName("Date format").setDesc("How dates read in the pane, written in date-fns tokens.");
		const error = this.errorLine(setting);
		setting.addText((text) =>
			text
				.setPlaceholder(DEFAULT_SETTINGS.dateFormat)
				.setValue(this.plugin.settings.dateFormat)
				.onChange((value) => {
					this.apply(error, dateFormatProblem(value), () => {
						this.plugin.settings.dateFormat = value;
					});
				}),
		);
	}

	/** Who do I want to show up as? Each item can be edited, moved and removed, and new ones added. */
	private intentionsSetting(container: HTMLElement): void {
		new Setting(container).setName("Intentions").setDesc("The checklist at the top of every brief and session note: who you want to show up as.");
		const list = container.createDiv({ cls: "coaching-alliance-intention-list" });
		const intentions = this.plugin.settings.intentions;
		intentions.forEach((intention, index) => {
			new Setting(list)
				.setClass("coaching-alliance-intention")
				.addText((text) => {
					text.inputEl.setAttr("aria-label", `Intention ${index + 1}`);
					text.setValue(intention).onChange((value) => {
						// Refused as data.json refuses it; the field keeps what was typed, the setting stays.
						if (value.trim() === "" || settingTextProblem([value]) !== null) return;
						intentions[index] = value.trim();
						this.save();
					});
				})
				.addExtraButton((button) =>
					button
						.setIcon("arrow-up")
						.setTooltip("Move up")
						.setDisabled(index === 0)
						.onClick(() => this.moveIntention(index, index - 1)),
				)
				.addExtraButton((button) =>
					button
						.setIcon("arrow-down")
						.setTooltip("Move down")
						.setDisabled(index === intentions.length - 1)
						.onClick(() => this.moveIntention(index, index + 1)),
				)
				.addExtraButton((button) =>
					button
						.setIcon("trash-2")
						.setTooltip("Remove")
						.onClick(() => {
							intentions.splice(index, 1);
							this.save();
							this.display();
						}),
				);
		});
		new Setting(list).addButton((button) =>
			button.setButtonText("Add intention").onClick(() => {
				intentions.push("Someone who is curious, not clever");
				this.save();
				this.display();
			}),
		);
	}

	private moveIntention(from: number, to: number): void {
		const intentions = this.plugin.settings.intentions;
		const [moved] = intentions.splice(from, 1);
		if (moved === undefined) return;
		intentions.splice(to, 0, moved);
		this.save();
		this.display();
	}

	private errorLine(setting: Setting): HTMLElement {
		return setting.descEl.createDiv({ cls: "coaching-alliance-setting-error", attr: { role: "alert" } });
	}

	private apply(error: HTMLElement, problem: string | null, update: () => void): void {
		error.setText(problem ?? "");
		if (problem !== null) return;
		update();
		this.save();
	}

	hide(): void {
		this.save.run();
	}
}
