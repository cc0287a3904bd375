/**
 * Obsidian's additions to the DOM (createEl, createDiv, empty, setText, addClass, toggleClass…),
 * installed on a window's prototypes as Obsidian installs them. Used under jsdom in vitest and
 * in the browser for the preview tool.
 */
export interface DomElementInfo {
	cls?: string | string[];
	text?: string | DocumentFragment;
	attr?: Record<string, string | number | boolean | null>;
	title?: string;
	parent?: Node;
	value?: string;
	type?: string;
	prepend?: boolean;
	placeholder?: string;
	href?: string;
}

type Callback = (element: HTMLElement) => void;

function classesOf(cls: string | string[] | undefined): string[] {
	if (!cls) return [];
	return (Array.isArray(cls) ? cls : cls.split(" ")).filter((name) => name.length > 0);
}

export function installObsidianDom(win: Window & typeof globalThis): void {
	const proto = win.Node.prototype as unknown as Record<string, unknown>;
	if (typeof proto["createEl"] === "function") return;
	const doc = win.document;

	function create(this: Node, tag: string, options?: DomElementInfo | string, callback?: Callback): HTMLElement {
		const info: DomElementInfo = typeof options === "string" ? { cls: options } : (options ?? {});
		const element = doc.createElement(tag);
		for (const name of classesOf(info.cls)) element.classList.add(name);
		if (info.text !== undefined) {
			if (typeof info.text === "string") element.textContent = info.text;
			else element.appendChild(info.text);
		}
		for (const [name, value] of Object.entries(info.attr ?? {})) {
			if (value === null || value === false) continue;
			element.setAttribute(name, value === true ? "" : String(value));
		}
		if (info.title !== undefined) element.title = info.title;
		if (info.value !== undefined && "value" in element) (element as HTMLInputElement).value = info.value;
		if (info.type !== undefined) element.setAttribute("type", info.type);
		if (info.placeholder !== undefined) element.setAttribute("placeholder", info.placeholder);
		if (info.href !== undefined) element.setAttribute("href", info.href);
		const parent = info.parent ?? this;
		if (info.prepend) parent.insertBefore(element, parent.firstChild);
		else parent.appendChild(element);
		callback?.(element);
		return element;
	}

	Object.assign(proto, {
		createEl: create,
		createDiv(this: Node, options?: DomElementInfo | string, callback?: Callback) {
			return create.call(this, "div", options, callback);
		},
		createSpan(this: Node, options?: DomElementInfo | string, callback?: Callback) {
			return create.call(this, "span", options, callback);
		},
		empty(this: Node) {
			while (this.firstChild) this.removeChild(this.firstChild);
		},
		detach(this: Node) {
			this.parentNode?.removeChild(this);
		},
		appendText(this: Node, text: string) {
			this.appendChild(doc.createTextNode(text));
		},
		/** As in the app: a node made by another window (a pop-out) is of the class of the same name of the window that made it. */
		instanceOf(this: Node, type: (new () => unknown) & { name: string }) {
			if (this instanceof type) return true;
			const own = (win as unknown as Record<string, unknown>)[type.name];
			return typeof own === "function" && this instanceof (own as new () => unknown);
		},
	});
	for (const [name, value] of [
		["doc", (node: Node) => node.ownerDocument ?? doc],
		["win", (node: Node) => node.ownerDocument?.defaultView ?? win],
	] as const) {
		Object.defineProperty(win.Node.prototype, name, {
			configurable: true,
			get(this: Node) {
				return value(this);
			},
		});
	}

	Object.assign(win.Element.prototype, {
		setText(this: Element, text: string | DocumentFragment) {
			this.textContent = "";
			if (typeof text === "string") this.textContent = text;
			else this.appendChild(text);
		},
		addClass(this: Element, ...names: string[]) {
			this.classList.add(...names.flatMap((name) => classesOf(name)));
		},
		addClasses(this: Element, names: string[]) {
			this.classList.add(...names);
		},
		removeClass(this: Element, ...names: string[]) {
			this.classList.remove(...names.flatMap((name) => classesOf(name)));
		},
		toggleClass(this: Element, names: string | string[], on: boolean) {
			for (const name of classesOf(names)) this.classList.toggle(name, on);
		},
		hasClass(this: Element, name: string) {
			return this.classList.contains(name);
		},
		setAttr(this: Element, name: string, value: string | number | boolean | null) {
			if (value === null || value === false) this.removeAttribute(name);
			else this.setAttribute(name, value === true ? "" : String(value));
		},
		setAttrs(this: Element, attributes: Record<string, string | number | boolean | null>) {
			for (const [name, value] of Object.entries(attributes)) this.setAttr(name, value);
		},
		getAttr(this: Element, name: string) {
			return this.getAttribute(name);
		},
		/** Obsidian's `show`, `hide` and `toggle` set the element's display, as the app's own do. */
		show(this: HTMLElement) {
			this.style.display = "";
		},
		hide(this: HTMLElement) {
			this.style.display = "none";
		},
		toggle(this: HTMLElement, show: boolean) {
			this.style.display = show ? "" : "none";
		},
		/** Shown when it and its ancestors are displayed and it is in the document. */
		isShown(this: HTMLElement) {
			if (!this.isConnected) return false;
			for (let element: HTMLElement | null = this; element; element = element.parentElement) {
				if (element.hidden || element.style.display === "none") return false;
			}
			return true;
		},
	});

	const globals = win as unknown as Record<string, unknown>;
	const createDetached = (tag: string, options?: DomElementInfo | string, callback?: Callback): HTMLElement => {
		const element = create.call(doc.createDocumentFragment(), tag, options, callback);
		element.remove();
		return element;
	};
	globals["createEl"] = createDetached;
	globals["createDiv"] = (options?: DomElementInfo | string, callback?: Callback) => createDetached("div", options, callback);
	globals["createSpan"] = (options?: DomElementInfo | string, callback?: Callback) => createDetached("span", options, callback);
	globals["createFragment"] = (callback?: (fragment: DocumentFragment) => void) => {
		const fragment = doc.createDocumentFragment();
		callback?.(fragment);
		return fragment;
	};
	globals["activeWindow"] = win;
	globals["activeDocument"] = doc;
}

/**
 * jsdom has no layout, so nothing ever scrolls into view: this stand-in for IntersectionObserver
 * lets a test say what the reader has scrolled to. The browser uses its real one.
 */
export class TestVisibility {
	static readonly observers = new Set<TestVisibility>();
	private readonly watched = new Set<Element>();

	constructor(private readonly callback: IntersectionObserverCallback) {
		TestVisibility.observers.add(this);
	}

	/** As with the real observer, one that was disconnected can observe again. */
	observe(element: Element): void {
		this.watched.add(element);
		TestVisibility.observers.add(this);
	}

	unobserve(element: Element): void {
		this.watched.delete(element);
	}

	disconnect(): void {
		this.watched.clear();
		TestVisibility.observers.delete(this);
	}

	takeRecords(): IntersectionObserverEntry[] {
		return [];
	}

	/** Scrolls the given elements (or everything watched) into view. */
	static reveal(elements?: Iterable<Element>): void {
		for (const observer of [...TestVisibility.observers]) {
			const targets = elements ? [...elements].filter((element) => observer.watched.has(element)) : [...observer.watched];
			if (targets.length === 0) continue;
			observer.callback(
				targets.map((target) => ({ target, isIntersecting: true }) as unknown as IntersectionObserverEntry),
				observer as unknown as IntersectionObserver,
			);
		}
	}
}

/** A window as the app's: Obsidian's DOM helpers on its prototypes, and (under jsdom) an observer of what scrolls into view. */
export function installWindow(win: Window & typeof globalThis): void {
	installObsidianDom(win);
	if (typeof win.IntersectionObserver === "undefined") (win as unknown as Record<string, unknown>)["IntersectionObserver"] = TestVisibility;
}
