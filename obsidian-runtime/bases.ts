/**
 * Bases (Obsidian 1.10+), as far as a plugin's own view of a base needs it: the query's results
 * (each entry a note with its property values), the view's configuration, and the view class a
 * plugin extends. The app evaluates the `.base` file's filters and formulas; tests hand the
 * results in, as the app would after running the query.
 */
import { Component } from "./events";
import type { App } from "./app";
import type { TFile } from "./vault";

/** A value as Bases gives it: shown through `toString`. */
export class Value {
	constructor(private readonly shown: unknown) {}

	toString(): string {
		return Array.isArray(this.shown) ? this.shown.map(String).join(", ") : String(this.shown);
	}
}

export class QueryController extends Component {
	constructor(readonly app: App) {
		super();
	}
}

export class BasesEntry {
	constructor(
		readonly file: TFile,
		private readonly values: Record<string, unknown> = {},
	) {}

	/** `note.role`, `file.name` and the like; null when the note has no such property. */
	getValue(propertyId: string): Value | null {
		if (propertyId === "file.name") return new Value(this.file.basename);
		if (propertyId === "file.path") return new Value(this.file.path);
		const value = this.values[propertyId.replace(/^note\./, "")];
		return value === undefined ? null : new Value(value);
	}
}

export class BasesQueryResult {
	constructor(readonly data: BasesEntry[]) {}

	get groupedData(): { key?: Value; entries: BasesEntry[]; hasKey(): boolean }[] {
		return [{ entries: this.data, hasKey: () => false }];
	}

	get properties(): string[] {
		return [];
	}
}

export class BasesViewConfig {
	constructor(
		public name: string,
		private readonly order: string[] = ["file.name"],
		private readonly values: Record<string, unknown> = {},
	) {}

	get(key: string): unknown {
		return this.values[key];
	}

	set(key: string, value: unknown): void {
		this.values[key] = value;
	}

	getOrder(): string[] {
		return [...this.order];
	}

	getSort(): { property: string; direction: "ASC" | "DESC" }[] {
		return [];
	}

	/** A property's name without its kind: `note.role` reads `role`. */
	getDisplayName(propertyId: string): string {
		return propertyId === "file.name" ? "file name" : propertyId.replace(/^(?:note|file|formula)\./, "");
	}
}

export abstract class BasesView extends Component {
	abstract type: string;
	app: App;
	config: BasesViewConfig;
	allProperties: string[] = [];
	data: BasesQueryResult = new BasesQueryResult([]);

	protected constructor(controller: QueryController) {
		super();
		this.app = controller.app;
		this.config = new BasesViewConfig("View");
	}

	abstract onDataUpdated(): void;
}

export interface BasesViewRegistration {
	name: string;
	icon: string;
	factory: (controller: QueryController, containerEl: HTMLElement) => BasesView;
	options?: (config: BasesViewConfig) => unknown[];
}
