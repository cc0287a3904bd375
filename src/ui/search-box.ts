import { Keymap, type PaneType } from "obsidian";
import { shownMatch, type SearchMatch } from "../core/brief/search";
import { COPY, countOf, sessionOn, dayInFormat } from "../core/brief/copy";

/** What the pane's search needs of its view: the query kept across redraws, the search, and opening a match. */
export interface SearchContext {
	/** The words the coach typed, and whether the field has the keyboard: the view keeps both across live redraws. */
	state: { query: string; focused: boolean };
	clientName: string;
	dateFormat: string;
	run(query: string): Promise<SearchMatch[] | null>;
	/** Opens the note at the match's line, where a modifier-click asks (`Keymap.isModEvent`). */
	open(match: SearchMatch, newLeaf: PaneType | boolean): void;
}

/**
 * A search field over every conversation with the client. While it holds words, its matches take
 * the place of the brief (`brief`), newest first, the words found marked; Enter or a click opens the
 * note at that line. Each keystroke starts a new search; a slower, older one is dropped.
 */
export function renderSearch(parent: HTMLElement, brief: HTMLElement, context: SearchContext): void {
	const box = parent.createDiv({ cls: "coaching-alliance-search" });
	const input = box.createEl("input", {
		type: "search",
		cls: "coaching-alliance-search-input",
		attr: { placeholder: `Search ${context.clientName}'s conversations`, "aria-label": `Search ${context.clientName}'s conversations`, spellcheck: "false" },
	});
	input.value = context.state.query;
	const status = box.createDiv({ cls: "coaching-alliance-muted coaching-alliance-search-status", attr: { "aria-live": "polite" } });
	const results = box.createEl("ol", { cls: "coaching-alliance-search-results" });

	const show = async (): Promise<void> => {
		const query = input.value;
		const searching = query.trim() !== "";
		brief.toggle(!searching);
		results.empty();
		status.setText(searching ? "Searching…" : "");
		if (!searching) return;
		const matches = await context.run(query);
		// A later keystroke has its own search: this one's answer is no longer wanted.
		if (matches === null || input.value !== query) return;
		status.setText(matches.length === 0 ? COPY.searchFoundNothing : countOf(matches.length, "paragraph"));
		// Drawn whole, so no two answers to the same words ever stand in one list.
		results.empty();
		for (const match of matches) results.appendChild(resultElement(results, match, context, input));
	};
	input.addEventListener("input", () => {
		context.state.query = input.value;
		void show();
	});
	input.addEventListener("keydown", (event) => {
		if (event.key === "ArrowDown") {
			event.preventDefault();
			results.querySelector<HTMLElement>(".coaching-alliance-search-result")?.focus();
		} else if (event.key === "Escape" && input.value !== "") {
			event.preventDefault();
			input.value = "";
			context.state.query = "";
			void show();
		}
	});
	input.addEventListener("focus", () => (context.state.focused = true));
	input.addEventListener("blur", () => (context.state.focused = false));
	void show();
}

function resultElement(list: HTMLElement, match: SearchMatch, context: SearchContext, input: HTMLInputElement): HTMLElement {
	const item = list.createEl("li", { cls: "coaching-alliance-search-result", attr: { tabindex: "0" } });
	item.detach();
	const { session } = match;
	item.createDiv({ cls: "coaching-alliance-muted", text: sessionOn(session.number, session.date ? dayInFormat(session.date, context.dateFormat) : COPY.unknownDay) });
	const text = item.createDiv({ cls: "coaching-alliance-search-text" });
	const shown = shownMatch(match);
	let at = 0;
	for (const [start, end] of shown.marks) {
		text.appendText(shown.text.slice(at, start));
		text.createEl("mark", { text: shown.text.slice(start, end) });
		at = end;
	}
	text.appendText(shown.text.slice(at));
	item.addEventListener("click", (event) => context.open(match, Keymap.isModEvent(event)));
	item.addEventListener("keydown", (event) => {
		if (event.key === "Enter") {
			event.preventDefault();
			context.open(match, Keymap.isModEvent(event));
		} else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
			event.preventDefault();
			const sibling = event.key === "ArrowDown" ? item.nextElementSibling : item.previousElementSibling;
			// `instanceOf`, not `instanceof`: in a pop-out the pane's elements are that window's.
			if (sibling?.instanceOf(HTMLElement)) sibling.focus();
			else if (event.key === "ArrowUp") input.focus();
		} else if (event.key === "Escape") {
			event.preventDefault();
			input.focus();
		}
	});
	return item;
}
