/**
 * Context menus as Obsidian draws them: a `.menu` of `.menu-item`s in the document of the event that
 * opened it, one open at a time, closed by choosing an item, by Escape or by a click elsewhere.
 * `Menu.open` is the menu showing now, for tests to read and choose from.
 */
import { Component } from "./events";
import { setIcon } from "./ui";

export class MenuItem {
	readonly dom: HTMLElement;
	private callback: ((evt: MouseEvent | KeyboardEvent) => unknown) | null = null;
	disabled = false;
	section = "";

	/** @internal the menu makes its items */
	constructor(parent: HTMLElement) {
		this.dom = parent.createDiv({ cls: "menu-item", attr: { role: "menuitem", tabindex: "-1" } });
		this.dom.createDiv({ cls: "menu-item-icon" });
		this.dom.createDiv({ cls: "menu-item-title" });
	}

	setTitle(title: string | DocumentFragment): this {
		const element = this.dom.querySelector(".menu-item-title") as HTMLElement;
		element.empty();
		if (typeof title === "string") element.setText(title);
		else element.appendChild(title);
		return this;
	}

	setIcon(icon: string | null): this {
		const element = this.dom.querySelector(".menu-item-icon") as HTMLElement;
		if (icon === null) element.empty();
		else setIcon(element, icon);
		return this;
	}

	setChecked(checked: boolean | null): this {
		this.dom.toggleClass("mod-checked", checked === true);
		return this;
	}

	setDisabled(disabled: boolean): this {
		this.disabled = disabled;
		this.dom.toggleClass("is-disabled", disabled);
		return this;
	}

	setWarning(isWarning: boolean): this {
		this.dom.toggleClass("mod-warning", isWarning);
		return this;
	}

	setIsLabel(isLabel: boolean): this {
		this.dom.toggleClass("is-label", isLabel);
		return this;
	}

	setSection(section: string): this {
		this.section = section;
		return this;
	}

	onClick(callback: (evt: MouseEvent | KeyboardEvent) => unknown): this {
		this.callback = callback;
		return this;
	}

	/** @internal */
	run(evt: MouseEvent | KeyboardEvent): void {
		if (!this.disabled) this.callback?.(evt);
	}
}

export class Menu extends Component {
	/** The menu showing now, if any. */
	static open: Menu | null = null;
	readonly items: MenuItem[] = [];
	dom: HTMLElement | null = null;
	private readonly hideCallbacks: (() => unknown)[] = [];
	private readonly pending: ((parent: HTMLElement) => void)[] = [];

	setNoIcon(): this {
		return this;
	}

	setUseNativeMenu(_useNativeMenu: boolean): this {
		return this;
	}

	addItem(cb: (item: MenuItem) => unknown): this {
		this.pending.push((parent) => {
			const item = new MenuItem(parent);
			this.items.push(item);
			cb(item);
			item.dom.addEventListener("click", (evt) => {
				item.run(evt);
				this.hide();
			});
		});
		return this;
	}

	addSeparator(): this {
		this.pending.push((parent) => parent.createDiv({ cls: "menu-separator" }));
		return this;
	}

	setParentElement(_el: HTMLElement): this {
		return this;
	}

	showAtMouseEvent(evt: MouseEvent): this {
		const doc = (evt.target as Node | null)?.ownerDocument ?? document;
		return this.showAtPosition({ x: evt.clientX, y: evt.clientY }, doc);
	}

	showAtPosition(position: { x: number; y: number }, doc: Document = document): this {
		Menu.open?.hide();
		const dom = doc.body.createDiv({ cls: "menu", attr: { role: "menu" } });
		dom.style.left = `${position.x}px`;
		dom.style.top = `${position.y}px`;
		for (const add of this.pending) add(dom);
		this.pending.length = 0;
		this.dom = dom;
		Menu.open = this;
		this.load();
		const escape = (event: KeyboardEvent): void => {
			if (event.key === "Escape") this.hide();
		};
		doc.addEventListener("keydown", escape);
		this.register(() => doc.removeEventListener("keydown", escape));
		return this;
	}

	/** Chooses the item with this title, as a click on it would. */
	choose(title: string): void {
		const item = this.items.find((candidate) => candidate.dom.querySelector(".menu-item-title")?.textContent === title);
		if (!item) throw new Error(`The menu has no item "${title}"`);
		item.dom.click();
	}

	hide(): this {
		if (!this.dom) return this;
		this.dom.remove();
		this.dom = null;
		if (Menu.open === this) Menu.open = null;
		this.unload();
		for (const callback of this.hideCallbacks) callback();
		return this;
	}

	close(): void {
		this.hide();
	}

	onHide(callback: () => unknown): void {
		this.hideCallbacks.push(callback);
	}
}
