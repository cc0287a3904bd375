/** Events and components: handlers registered and let go as Obsidian's are. */
import type { EventRef as ObsidianEventRef } from "obsidian";

export interface EventRef extends ObsidianEventRef {
	owner: Events;
	name: string;
	callback: (...args: unknown[]) => unknown;
}

export class Events {
	private readonly handlers = new Map<string, EventRef[]>();

	on(name: string, callback: (...args: never[]) => unknown, ctx?: unknown): EventRef {
		const bound = (ctx ? callback.bind(ctx) : callback) as (...args: unknown[]) => unknown;
		const ref: EventRef = { owner: this, name, callback: bound };
		this.handlers.set(name, [...(this.handlers.get(name) ?? []), ref]);
		return ref;
	}

	off(name: string, callback: (...args: never[]) => unknown): void {
		this.handlers.set(
			name,
			(this.handlers.get(name) ?? []).filter((ref) => ref.callback !== callback),
		);
	}

	offref(ref: EventRef): void {
		this.handlers.set(
			ref.name,
			(this.handlers.get(ref.name) ?? []).filter((candidate) => candidate !== ref),
		);
	}

	trigger(name: string, ...data: unknown[]): void {
		for (const ref of [...(this.handlers.get(name) ?? [])]) ref.callback(...data);
	}

	tryTrigger(ref: EventRef, data: unknown[]): void {
		ref.callback(...data);
	}

	/** For tests: how many handlers listen, to check that unload cleans up. */
	listenerCount(name?: string): number {
		if (name !== undefined) return this.handlers.get(name)?.length ?? 0;
		return [...this.handlers.values()].reduce((sum, refs) => sum + refs.length, 0);
	}
}

export class Component {
	private loaded = false;
	private readonly children: Component[] = [];
	private readonly cleanups: (() => unknown)[] = [];

	load(): void {
		if (this.loaded) return;
		this.loaded = true;
		this.onload();
		for (const child of this.children) child.load();
	}

	onload(): void {}

	unload(): void {
		if (!this.loaded) return;
		this.loaded = false;
		for (const child of [...this.children].reverse()) child.unload();
		for (const cleanup of this.cleanups.splice(0).reverse()) cleanup();
		this.onunload();
	}

	onunload(): void {}

	addChild<T extends Component>(child: T): T {
		this.children.push(child);
		if (this.loaded) child.load();
		return child;
	}

	removeChild<T extends Component>(child: T): T {
		const at = this.children.indexOf(child);
		if (at >= 0) {
			this.children.splice(at, 1);
			child.unload();
		}
		return child;
	}

	register(cleanup: () => unknown): void {
		this.cleanups.push(cleanup);
	}

	registerEvent(ref: EventRef): void {
		this.register(() => ref.owner.offref(ref));
	}

	registerDomEvent(el: EventTarget, type: string, callback: EventListener): void {
		el.addEventListener(type, callback);
		this.register(() => el.removeEventListener(type, callback));
	}

	registerInterval(id: number): number {
		this.register(() => clearInterval(id));
		return id;
	}
}
