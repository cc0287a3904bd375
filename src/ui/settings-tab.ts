import { PluginSettingTab, Setting, debounce, requireApiVersion, type App, type Plugin, type SettingDefinitionItem, type SettingGroupItem } from "obsidian";
import {
	SETTING_SPECS,
	SETTING_GROUPS,
	SETTING_KEYS,
	settingProblem,
	settingValue,
	type CoachingSettings,
	type SettingKey,
} from "../core/settings/settings";
import { RECOGNISED_SHAPES, recognisedLine } from "../core/brief/copy";
import type { Recognised, RecognisedShape } from "../core/index/coaching-index";
import { headingSubpath } from "../core/notes/headings";

/** What the settings tab needs of the plugin: the live settings, a way to keep them, and what they found. */
export interface SettingsStore {
	readonly settings: CoachingSettings;
	saveSettings(): Promise<void>;
	/** What the index recognised in the vault, or null while it is still reading it. */
	recognised(): { counts: Recognised; examples: Record<RecognisedShape, { path: string; heading: string | null }[]> } | null;
}

const RECOGNISED_HEADING = "What was recognised";
const RECOGNISED_DESCRIPTION = "What your notes look like to the plugin now. Open an example to see how it was read; each line names the settings that decide it.";
const STILL_READING = "Still reading your notes.";

function governedByText(keys: readonly SettingKey[]): string {
	return `Set by: ${keys.map((key) => SETTING_SPECS[key].name).join(", ")}.`;
}

/** The intention list's controls are keyed `intentions.0`, `intentions.1`…: one text field per intention. */
const INTENTION_KEY = /^intentions\.(\d+)$/;
const NEW_INTENTION = "Someone who is curious, not clever";

/**
 * Every rule the conventions let a coach change, drawn from the one table of settings: Obsidian
 * 1.13 and later render `getSettingDefinitions()` (and search it); older versions call `display()`.
 * Both accept and refuse what data.json loading does, with the same words. A value is saved as it
 * is typed (debounced), and only when valid: an invalid one shows why, and the saved one stays.
 */
export class CoachingSettingTab extends PluginSettingTab {
	private readonly save = debounce(() => void this.store.saveSettings(), 600, true);

	constructor(
		app: App,
		plugin: Plugin,
		private readonly store: SettingsStore,
	) {
		super(app, plugin);
	}

	getSettingDefinitions(): SettingDefinitionItem[] {
		const found = this.store.recognised();
		const summary: SettingDefinitionItem = {
			type: "group",
			heading: RECOGNISED_HEADING,
			items: [
				{ name: found ? recognisedLine(found.counts) : STILL_READING, desc: RECOGNISED_DESCRIPTION },
				...(found ? RECOGNISED_SHAPES.map(({ shape, title, governedBy }) => ({
					name: `${title}: ${found.counts[shape]}`,
					desc: governedByText(governedBy),
					render: (setting: Setting) => this.exampleLinks(setting, found.examples[shape]),
				})) : []),
			],
		};
		return [summary, ...SETTING_GROUPS.flatMap((group): SettingDefinitionItem[] => {
			const items = keysIn(group)
				.filter((key) => key !== "intentions")
				.map((key) => this.controlDefinition(key));
			if (!keysIn(group).includes("intentions")) return [{ type: "group", heading: group, items }];
			// A list cannot sit inside a group: the intentions open the group, under its heading, as display() shows them.
			return [this.intentionList(group), { type: "group", items }];
		})];
	}

	/** Who do I want to show up as? A list Obsidian lets the coach add to, reorder and delete from. */
	private intentionList(heading: string): SettingDefinitionItem {
		const spec = SETTING_SPECS.intentions;
		return {
			type: "list",
			heading,
			emptyState: spec.description,
			items: this.store.settings.intentions.map((_, index) => ({
				name: `Intention ${index + 1}`,
				desc: index === 0 ? spec.description : undefined,
				control: { type: "text", key: `intentions.${index}`, validate: (value: string) => this.intentionProblem(index, value) ?? undefined },
			})),
			onReorder: (from, to) => this.moveIntention(from, to),
			onDelete: (index) => this.removeIntention(index),
			addItem: { name: "Add intention", action: () => this.addIntention() },
		};
	}

	getControlValue(key: string): unknown {
		const intention = INTENTION_KEY.exec(key);
		if (intention) return this.store.settings.intentions[Number(intention[1])];
		const value = this.store.settings[key as SettingKey];
		return Array.isArray(value) ? value.join("\n") : value;
	}

	setControlValue(key: string, value: unknown): void {
		const intention = INTENTION_KEY.exec(key);
		if (intention && typeof value === "string") this.changeIntention(Number(intention[1]), value);
		else if (SETTING_KEYS.includes(key as SettingKey)) this.change(key as SettingKey, fromControl(key as SettingKey, value));
	}

	display(): void {
		this.draw();
	}

	/** Shows settings that changed elsewhere (a synced data.json) in the open tab, drawn the way this version draws it. */
	redraw(): void {
		if (requireApiVersion("1.13.0")) this.update();
		else if (this.containerEl.childElementCount > 0) this.draw();
	}

	hide(): void {
		this.save.run();
		super.hide();
	}

	private draw(): void {
		const { containerEl } = this;
		containerEl.empty();
		containerEl.addClass("coaching-alliance-settings");
		this.drawRecognised(containerEl);
		for (const group of SETTING_GROUPS) {
			new Setting(containerEl).setName(group).setHeading();
			for (const key of keysIn(group)) {
				if (key === "intentions") this.intentionsSetting(containerEl);
				else this.setting(containerEl, key);
			}
		}
	}

	private controlDefinition(key: SettingKey): SettingGroupItem {
		const spec = SETTING_SPECS[key];
		const validate = (value: unknown): string | undefined => settingProblem(key, fromControl(key, value)) ?? undefined;
		const base = { name: spec.name, desc: spec.description };
		switch (spec.kind) {
			case "list":
				return { ...base, control: { type: "textarea", key, placeholder: spec.default.join("\n"), rows: 4, validate } };
			case "text":
				return { ...base, control: { type: "text", key, placeholder: spec.default, validate } };
			case "number":
				return { ...base, control: { type: "number", key, min: spec.min, max: spec.max, step: 1, validate } };
			case "choice":
				return { ...base, control: { type: "dropdown", key, options: spec.options } };
			case "toggle":
				return { ...base, control: { type: "toggle", key } };
		}
	}

	/** What the index found, first: so a coach can trust the defaults, or see which setting to change. */
	private drawRecognised(container: HTMLElement): void {
		new Setting(container).setName(RECOGNISED_HEADING).setHeading();
		const found = this.store.recognised();
		new Setting(container).setName(found ? recognisedLine(found.counts) : STILL_READING).setDesc(RECOGNISED_DESCRIPTION);
		if (!found) return;
		for (const { shape, title, governedBy } of RECOGNISED_SHAPES) {
			this.exampleLinks(new Setting(container).setName(`${title}: ${found.counts[shape]}`).setDesc(governedByText(governedBy)), found.examples[shape]);
		}
	}

	/** Up to two notes of a shape, each opening where it was read. */
	private exampleLinks(setting: Setting, examples: readonly { path: string; heading: string | null }[]): void {
		for (const example of examples) {
			const label = example.heading ?? example.path.replace(/\.md$/i, "");
			const target = example.heading === null ? example.path : `${example.path.replace(/\.md$/i, "")}#${headingSubpath(example.heading)}`;
			const link = setting.controlEl.createEl("a", { cls: "internal-link coaching-alliance-example", text: label, href: target });
			link.addEventListener("click", (event) => {
				event.preventDefault();
				void this.app.workspace.openLinkText(target, "", false);
			});
		}
	}

	/** One setting for `display()`, its control chosen by the setting's kind. */
	private setting(container: HTMLElement, key: SettingKey): void {
		const spec = SETTING_SPECS[key];
		const setting = new Setting(container).setName(spec.name).setDesc(spec.description);
		const error = setting.descEl.createDiv({ cls: "coaching-alliance-setting-error", attr: { role: "alert" } });
		const onChange = (value: unknown): void => {
			error.setText(this.change(key, fromControl(key, value)) ?? "");
		};
		const shown = this.getControlValue(key);
		switch (spec.kind) {
			case "list":
				setting.addTextArea((area) => {
					area.inputEl.rows = Math.max(2, Math.min(6, this.store.settings[key as ListKey].length));
					area.inputEl.setAttr("aria-label", `${spec.name}, one per line`);
					area.setPlaceholder(spec.default.join("\n")).setValue(String(shown)).onChange(onChange);
				});
				break;
			case "text":
				setting.addText((text) => text.setPlaceholder(spec.default).setValue(String(shown)).onChange(onChange));
				break;
			case "number":
				setting.addText((text) => {
					text.inputEl.type = "number";
					text.setValue(String(shown)).onChange(onChange);
				});
				break;
			case "choice":
				setting.addDropdown((dropdown) => dropdown.addOptions(spec.options).setValue(String(shown)).onChange(onChange));
				break;
			case "toggle":
				setting.addToggle((toggle) => toggle.setValue(shown === true).onChange(onChange));
				break;
		}
	}

	/** Who do I want to show up as? Each item can be edited, moved and removed, and new ones added. */
	private intentionsSetting(container: HTMLElement): void {
		const spec = SETTING_SPECS.intentions;
		new Setting(container).setName(spec.name).setDesc(spec.description);
		const list = container.createDiv({ cls: "coaching-alliance-intention-list" });
		const intentions = this.store.settings.intentions;
		intentions.forEach((intention, index) => {
			new Setting(list)
				.setClass("coaching-alliance-intention")
				.addText((text) => {
					text.inputEl.setAttr("aria-label", `Intention ${index + 1}`);
					// A refused value stays in the field, and the saved intention stays as it was.
					text.setValue(intention).onChange((value) => this.changeIntention(index, value));
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
						.onClick(() => this.removeIntention(index)),
				);
		});
		new Setting(list).addButton((button) => button.setButtonText("Add intention").onClick(() => this.addIntention()));
	}

	/** Keeps and saves the value when it can be used; says why not when it cannot. */
	private change(key: SettingKey, value: unknown): string | null {
		const problem = settingProblem(key, value);
		if (problem !== null) return problem;
		(this.store.settings as unknown as Record<SettingKey, unknown>)[key] = settingValue(key, value as never);
		this.save();
		return null;
	}

	private intentionProblem(index: number, value: string): string | null {
		if (value.trim() === "") return "This cannot be empty.";
		return settingProblem("intentions", this.store.settings.intentions.map((intention, at) => (at === index ? value : intention)));
	}

	private changeIntention(index: number, value: string): void {
		// A row drawn before a synced change shortened the list has no intention left to change.
		if (index >= this.store.settings.intentions.length || this.intentionProblem(index, value) !== null) return;
		this.store.settings.intentions[index] = value.trim();
		this.save();
	}

	private addIntention(): void {
		this.store.settings.intentions.push(NEW_INTENTION);
		this.changed();
	}

	private removeIntention(index: number): void {
		this.store.settings.intentions.splice(index, 1);
		this.changed();
	}

	private moveIntention(from: number, to: number): void {
		const intentions = this.store.settings.intentions;
		const [moved] = intentions.splice(from, 1);
		if (moved === undefined) return;
		intentions.splice(to, 0, moved);
		this.changed();
	}

	/** The intention list changed shape: saved, and drawn again. */
	private changed(): void {
		this.save();
		this.redraw();
	}
}

type ListKey = { [K in SettingKey]: CoachingSettings[K] extends string[] ? K : never }[SettingKey];

function keysIn(group: string): SettingKey[] {
	return SETTING_KEYS.filter((key) => SETTING_SPECS[key].group === group);
}

/** A control's value as the setting's type: a list is typed one entry per line; a number field gives text or a number. */
function fromControl(key: SettingKey, value: unknown): unknown {
	const kind = SETTING_SPECS[key].kind;
	if (kind === "list" && typeof value === "string") return settingValue(key, value.split("\n") as never);
	if (kind === "number" && typeof value === "string") return value.trim() === "" ? Number.NaN : Number(value);
	return value;
}
