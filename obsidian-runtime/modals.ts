/** Modals and the suggest modals the plugin's pickers are built on. */
import type { App } from "./app";

export class Modal {
	readonly containerEl: HTMLElement;
	readonly modalEl: HTMLElement;
	readonly titleEl: HTMLElement;
	readonly contentEl: HTMLElement;
	static readonly open = new Set<Modal>();

	constructor(readonly app: App) {
		this.containerEl = createDiv({ cls: "modal-container" });
		this.modalEl = this.containerEl.createDiv({ cls: "modal" });
		this.titleEl = this.modalEl.createDiv({ cls: "modal-title" });
		this.contentEl = this.modalEl.createDiv({ cls: "modal-content" });
	}

	open(): void {
		document.body.appendChild(this.containerEl);
		Modal.open.add(this);
		this.onOpen();
	}

	close(): void {
		this.onClose();
		this.containerEl.remove();
		Modal.open.delete(this);
	}

	onOpen(): void {}

	onClose(): void {}

	setTitle(title: string): this {
		this.titleEl.setText(title);
		return this;
	}
}

export interface FuzzyMatch<T> {
	item: T;
	match: { score: number; matches: [number, number][] };
}

export abstract class SuggestModal<T> extends Modal {
	readonly inputEl: HTMLInputElement;
	readonly resultContainerEl: HTMLElement;
	emptyStateText = "No results found.";
	private suggestions: T[] = [];
	private selected = 0;
	private instructions: { command: string; purpose: string }[] = [];

	constructor(app: App) {
		super(app);
		this.inputEl = this.modalEl.createEl("input", { cls: "prompt-input", type: "text" }) as HTMLInputElement;
		this.resultContainerEl = this.modalEl.createDiv({ cls: "prompt-results" });
		this.inputEl.addEventListener("input", () => this.refresh());
		this.inputEl.addEventListener("keydown", (event) => {
			if (event.key === "ArrowDown") this.select(this.selected + 1);
			else if (event.key === "ArrowUp") this.select(this.selected - 1);
			else if (event.key === "Enter") this.choose(this.selected, event);
			else if (event.key === "Escape") this.close();
		});
	}

	setPlaceholder(placeholder: string): void {
		this.inputEl.placeholder = placeholder;
	}

	setInstructions(instructions: { command: string; purpose: string }[]): void {
		this.instructions = instructions;
	}

	getInstructions(): { command: string; purpose: string }[] {
		return this.instructions;
	}

	onOpen(): void {
		this.refresh();
	}

	/** For tests: types a query as the coach would. */
	setQuery(query: string): void {
		this.inputEl.value = query;
		this.refresh();
	}

	/** For tests and keyboard: what is listed now, in order. */
	shown(): T[] {
		return this.suggestions;
	}

	choose(index: number, event: MouseEvent | KeyboardEvent = new KeyboardEvent("keydown")): void {
		const item = this.suggestions[index];
		if (item === undefined) return;
		this.close();
		this.onChooseSuggestion(item, event);
	}

	private select(index: number): void {
		this.selected = Math.max(0, Math.min(this.suggestions.length - 1, index));
		[...this.resultContainerEl.children].forEach((child, at) => child.toggleClass("is-selected", at === this.selected));
	}

	private refresh(): void {
		this.suggestions = this.getSuggestions(this.inputEl.value) as T[];
		this.resultContainerEl.empty();
		if (this.suggestions.length === 0) this.resultContainerEl.createDiv({ cls: "suggestion-empty", text: this.emptyStateText });
		this.suggestions.forEach((item, index) => {
			const element = this.resultContainerEl.createDiv({ cls: "suggestion-item" });
			element.addEventListener("click", (event) => this.choose(index, event));
			this.renderSuggestion(item, element);
		});
		this.select(0);
	}

	abstract getSuggestions(query: string): T[] | Promise<T[]>;
	abstract renderSuggestion(value: T, element: HTMLElement): void;
	abstract onChooseSuggestion(item: T, event: MouseEvent | KeyboardEvent): void;
}

/** Obsidian's fuzzy match: the query's characters in order, anywhere; closer together scores higher. */
export function fuzzyMatch(query: string, text: string): FuzzyMatch<null>["match"] | null {
	const wanted = query.toLowerCase().replace(/\s+/g, "");
	if (wanted === "") return { score: 0, matches: [] };
	const haystack = text.toLowerCase();
	let position = -1;
	let score = 0;
	const matches: [number, number][] = [];
	for (const character of wanted) {
		const found = haystack.indexOf(character, position + 1);
		if (found < 0) return null;
		score -= found - position - 1;
		matches.push([found, found + 1]);
		position = found;
	}
	return { score, matches };
}

export abstract class FuzzySuggestModal<T> extends SuggestModal<FuzzyMatch<T>> {
	getSuggestions(query: string): FuzzyMatch<T>[] {
		const results: FuzzyMatch<T>[] = [];
		for (const item of this.getItems()) {
			const match = fuzzyMatch(query, this.getItemText(item));
			if (match) results.push({ item, match });
		}
		// A stable sort: with an empty query the items keep the order getItems gave.
		return query.trim() === "" ? results : results.sort((a, b) => b.match.score - a.match.score);
	}

	renderSuggestion(match: FuzzyMatch<T>, element: HTMLElement): void {
		element.setText(this.getItemText(match.item));
	}

	onChooseSuggestion(match: FuzzyMatch<T>, event: MouseEvent | KeyboardEvent): void {
		this.onChooseItem(match.item, event);
	}

	abstract getItems(): T[];
	abstract getItemText(item: T): string;
	abstract onChooseItem(item: T, event: MouseEvent | KeyboardEvent): void;
}
