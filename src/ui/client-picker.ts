import { FuzzySuggestModal, type App, type FuzzyMatch } from "obsidian";
import type { CaseloadRow } from "../core/brief/caseload";
import type { Client } from "../core/index/coaching-index";
import { COPY, countOf, lastSpoke } from "../core/brief/copy";

type PickerItem = CaseloadRow;

/** "Prepare session": choose a client by name or alias, the one due next at the top. */
export class ClientPicker extends FuzzySuggestModal<PickerItem> {
	constructor(
		app: App,
		private readonly items: PickerItem[],
		private readonly onChoose: (client: Client) => void,
		{ placeholder = "Who are you preparing for?", purpose = "to prepare" }: { placeholder?: string; purpose?: string } = {},
	) {
		super(app);
		this.setPlaceholder(placeholder);
		this.setInstructions([
			{ command: "↑↓", purpose: "to move" },
			{ command: "↵", purpose },
			{ command: "esc", purpose: "to dismiss" },
		]);
		this.emptyStateText = "No client by that name or alias.";
	}

	getItems(): PickerItem[] {
		return this.items;
	}

	/** Aliases are part of the text matched, so "Ana" finds Ana Costa. */
	getItemText(item: PickerItem): string {
		return [item.client.name, ...item.client.aliases].join(" · ");
	}

	renderSuggestion(match: FuzzyMatch<PickerItem>, el: HTMLElement): void {
		const { client, entry, detail } = match.item;
		el.addClass("coaching-alliance-suggestion");
		const title = el.createDiv({ cls: "suggestion-title" });
		title.setText(client.name);
		if (client.aliases.length > 0) title.createSpan({ cls: "coaching-alliance-muted", text: ` (${client.aliases.join(", ")})` });
		if (entry.status === "archived") title.createSpan({ cls: "coaching-alliance-badge", text: COPY.pastClient.pane });
		if (entry.due) title.createSpan({ cls: "coaching-alliance-badge is-due", text: "Due" });
		const when =
			entry.daysSinceLastSession === null
				? "No session yet"
				: `${lastSpoke(entry.daysSinceLastSession)} · ${countOf(entry.sessionCount, "session")}`;
		const noNote = detail.maybeMeant.length > 0 ? COPY.typoOf(detail.maybeMeant) : "no note yet";
		el.createDiv({ cls: "suggestion-note", text: client.path === null ? `${when} · ${noNote}` : when });
	}

	onChooseItem(item: PickerItem): void {
		this.onChoose(item.client);
	}
}
