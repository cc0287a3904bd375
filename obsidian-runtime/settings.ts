/** Settings: the setting components, `Setting`, the API version and the plugin settings tab. */
import type { App, Plugin } from "./app";
import { setIcon, setTooltip } from "./ui";

abstract class ValueComponent<T> {
	protected changeHandler: ((value: T) => unknown) | null = null;
	disabled = false;

	onChange(callback: (value: T) => unknown): this {
		this.changeHandler = callback;
		return this;
	}

	setDisabled(disabled: boolean): this {
		this.disabled = disabled;
		return this;
	}
}

export class TextComponent extends ValueComponent<string> {
	constructor(readonly inputEl: HTMLInputElement | HTMLTextAreaElement) {
		super();
		inputEl.addEventListener("input", () => this.changeHandler?.(inputEl.value));
	}

	getValue(): string {
		return this.inputEl.value;
	}

	setValue(value: string): this {
		this.inputEl.value = value;
		return this;
	}

	setPlaceholder(placeholder: string): this {
		this.inputEl.placeholder = placeholder;
		return this;
	}
}

export class DropdownComponent extends ValueComponent<string> {
	constructor(readonly selectEl: HTMLSelectElement) {
		super();
		selectEl.addEventListener("change", () => this.changeHandler?.(selectEl.value));
	}

	addOption(value: string, display: string): this {
		this.selectEl.createEl("option", { value, text: display });
		return this;
	}

	addOptions(options: Record<string, string>): this {
		for (const [value, display] of Object.entries(options)) this.addOption(value, display);
		return this;
	}

	getValue(): string {
		return this.selectEl.value;
	}

	setValue(value: string): this {
		this.selectEl.value = value;
		return this;
	}
}

export class ToggleComponent extends ValueComponent<boolean> {
	constructor(readonly toggleEl: HTMLInputElement) {
		super();
		toggleEl.addEventListener("change", () => this.changeHandler?.(toggleEl.checked));
	}

	getValue(): boolean {
		return this.toggleEl.checked;
	}

	setValue(value: boolean): this {
		this.toggleEl.checked = value;
		return this;
	}
}

export class ButtonComponent {
	constructor(readonly buttonEl: HTMLButtonElement) {}

	setButtonText(text: string): this {
		this.buttonEl.setText(text);
		return this;
	}

	setCta(): this {
		this.buttonEl.addClass("mod-cta");
		return this;
	}

	setIcon(icon: string): this {
		setIcon(this.buttonEl, icon);
		return this;
	}

	setTooltip(tooltip: string): this {
		this.buttonEl.setAttr("aria-label", tooltip);
		return this;
	}

	setDisabled(disabled: boolean): this {
		this.buttonEl.disabled = disabled;
		return this;
	}

	onClick(callback: (event: MouseEvent) => unknown): this {
		this.buttonEl.addEventListener("click", (event) => {
			if (!this.buttonEl.disabled) callback(event);
		});
		return this;
	}
}

export class ExtraButtonComponent extends ButtonComponent {
	get extraSettingsEl(): HTMLButtonElement {
		return this.buttonEl;
	}
}

export class Setting {
	readonly settingEl: HTMLElement;
	readonly infoEl: HTMLElement;
	readonly nameEl: HTMLElement;
	readonly descEl: HTMLElement;
	readonly controlEl: HTMLElement;

	constructor(containerEl: HTMLElement) {
		this.settingEl = containerEl.createDiv({ cls: "setting-item" });
		this.infoEl = this.settingEl.createDiv({ cls: "setting-item-info" });
		this.nameEl = this.infoEl.createDiv({ cls: "setting-item-name" });
		this.descEl = this.infoEl.createDiv({ cls: "setting-item-description" });
		this.controlEl = this.settingEl.createDiv({ cls: "setting-item-control" });
	}

	setName(name: string | DocumentFragment): this {
		this.nameEl.setText(name);
		return this;
	}

	/** As the app's: text, or a fragment a plugin built (links, emphasis) drawn as it is. */
	setDesc(description: string | DocumentFragment): this {
		this.descEl.empty();
		if (typeof description === "string") this.descEl.createDiv({ text: description });
		else this.descEl.appendChild(description);
		return this;
	}

	setClass(cls: string): this {
		this.settingEl.addClass(cls);
		return this;
	}

	setHeading(): this {
		this.settingEl.addClass("setting-item-heading");
		return this;
	}

	addText(callback: (component: TextComponent) => unknown): this {
		callback(new TextComponent(this.controlEl.createEl("input", { type: "text" }) as HTMLInputElement));
		return this;
	}

	addTextArea(callback: (component: TextComponent) => unknown): this {
		callback(new TextComponent(this.controlEl.createEl("textarea") as HTMLTextAreaElement));
		return this;
	}

	addDropdown(callback: (component: DropdownComponent) => unknown): this {
		callback(new DropdownComponent(this.controlEl.createEl("select", { cls: "dropdown" }) as HTMLSelectElement));
		return this;
	}

	addToggle(callback: (component: ToggleComponent) => unknown): this {
		callback(new ToggleComponent(this.controlEl.createEl("input", { type: "checkbox" }) as HTMLInputElement));
		return this;
	}

	addButton(callback: (component: ButtonComponent) => unknown): this {
		callback(new ButtonComponent(this.controlEl.createEl("button") as HTMLButtonElement));
		return this;
	}

	addExtraButton(callback: (component: ExtraButtonComponent) => unknown): this {
		callback(new ExtraButtonComponent(this.controlEl.createEl("button", { cls: "clickable-icon extra-setting-button" }) as HTMLButtonElement));
		return this;
	}
}

/**
 * The app version this runtime plays. Obsidian 1.13 renders a tab's `getSettingDefinitions()`
 * when it returns any, and never calls `display()` then; earlier versions know only `display()`.
 */
export const runtimeVersion = { apiVersion: "1.13.1" };

export function requireApiVersion(version: string): boolean {
	const parts = (text: string): number[] => text.split(".").map((part) => Number(part));
	const have = parts(runtimeVersion.apiVersion);
	const want = parts(version);
	for (let index = 0; index < Math.max(have.length, want.length); index++) {
		const difference = (have[index] ?? 0) - (want[index] ?? 0);
		if (difference !== 0) return difference > 0;
	}
	return true;
}

interface ControlDefinition {
	type: "text" | "textarea" | "number" | "dropdown" | "toggle";
	key: string;
	placeholder?: string;
	options?: Record<string, string>;
	defaultValue?: unknown;
	validate?: (value: unknown) => string | void | Promise<string | void>;
}

interface DefinitionItem {
	type?: "group" | "list" | "page";
	heading?: string;
	name?: string;
	desc?: string;
	control?: ControlDefinition;
	render?: (setting: Setting, group: HTMLElement) => void;
	items?: DefinitionItem[];
	emptyState?: string;
	onDelete?: (index: number) => void;
	onReorder?: (from: number, to: number) => void;
	addItem?: { name: string; action: (element: HTMLElement) => void };
}

export abstract class PluginSettingTab {
	readonly containerEl: HTMLElement;
	settingItems: unknown[] = [];
	private shown = false;

	constructor(
		readonly app: App,
		readonly plugin: Plugin,
	) {
		this.containerEl = createDiv({ cls: "vertical-tab-content" });
	}

	getSettingDefinitions(): unknown[] {
		return [];
	}

	/** As in 1.13: stores the definitions, and draws them again when the tab is open. */
	update(): void {
		this.settingItems = this.getSettingDefinitions();
		if (this.shown) this.renderDefinitions();
	}

	getControlValue(key: string): unknown {
		return (this.plugin as unknown as { settings: Record<string, unknown> }).settings[key];
	}

	setControlValue(key: string, value: unknown): void | Promise<void> {
		const settings = (this.plugin as unknown as { settings: Record<string, unknown> }).settings;
		settings[key] = value;
		return this.plugin.saveData(settings);
	}

	display(): void {}

	/** As the app's: what was drawn goes, so a tab that reads its fields after hiding reads nothing. */
	hide(): void {
		this.shown = false;
		this.containerEl.empty();
	}

	/** What the settings window does when the coach opens this tab: 1.13 asks for the definitions on every showing. */
	open(): void {
		this.shown = true;
		if (requireApiVersion("1.13.0")) this.settingItems = this.getSettingDefinitions();
		if (this.settingItems.length > 0) this.renderDefinitions();
		else this.display();
	}

	private renderDefinitions(): void {
		this.containerEl.empty();
		for (const item of this.settingItems as DefinitionItem[]) {
			if (item.type === "group" || item.type === "list") this.renderGroup(item);
			else this.renderDefinition(this.containerEl, item);
		}
	}

	private renderGroup(group: DefinitionItem): void {
		const element = this.containerEl.createDiv({ cls: group.type === "list" ? "setting-list" : "setting-group" });
		if (group.heading) new Setting(element).setName(group.heading).setHeading();
		const items = group.items ?? [];
		if (items.length === 0 && group.emptyState) element.createDiv({ cls: "setting-list-empty", text: group.emptyState });
		items.forEach((item, index) => {
			const setting = this.renderDefinition(element, item);
			if (group.onDelete) setting.addExtraButton((button) => button.setIcon("trash-2").setTooltip("Delete").onClick(() => group.onDelete?.(index)));
		});
		const addItem = group.addItem;
		if (addItem) new Setting(element).addButton((button) => button.setButtonText(addItem.name).onClick(() => addItem.action(button.buttonEl)));
	}

	private renderDefinition(parent: HTMLElement, item: DefinitionItem): Setting {
		const setting = new Setting(parent).setName(item.name ?? "");
		if (item.desc) setting.setDesc(item.desc);
		item.render?.(setting, parent);
		const control = item.control;
		if (!control) return setting;
		const message = setting.descEl.createDiv({ cls: "setting-validation-message" });
		const shown = this.getControlValue(control.key) ?? control.defaultValue;
		const validated = async (value: unknown): Promise<boolean> => {
			const problem = (await control.validate?.(value)) ?? "";
			message.setText(problem);
			return problem === "";
		};
		const changed = async (value: unknown): Promise<void> => {
			if (await validated(value)) await this.setControlValue(control.key, value);
		};
		if (control.type === "toggle") {
			setting.addToggle((toggle) => toggle.setValue(shown === true).onChange((value) => void changed(value)));
		} else if (control.type === "dropdown") {
			setting.addDropdown((dropdown) => dropdown.addOptions(control.options ?? {}).setValue(String(shown)).onChange((value) => void changed(value)));
		} else if (control.type === "textarea") {
			setting.addTextArea((area) => area.setPlaceholder(control.placeholder ?? "").setValue(String(shown ?? "")).onChange((value) => void changed(value)));
		} else {
			setting.addText((text) => {
				if (control.type === "number") (text.inputEl as HTMLInputElement).type = "number";
				text.setPlaceholder(control.placeholder ?? "").setValue(String(shown ?? ""));
				text.onChange((value) => void changed(control.type === "number" ? (value.trim() === "" ? Number.NaN : Number(value)) : value));
			});
		}
		// The framework validates the stored value once when the row is drawn.
		void validated(shown);
		return setting;
	}
}
