import { RangeSetBuilder, StateEffect, type Extension } from "@codemirror/state";
import { Decoration, EditorView, ViewPlugin, WidgetType, type DecorationSet, type ViewUpdate } from "@codemirror/view";
import { editorInfoField } from "obsidian";
import { carriedInto, carriedOnLine, clientLinkHint, sinceWords, type CarriedHint } from "../core/brief/hints";
import type { CoachingIndex } from "../core/index/coaching-index";
import type { Day } from "../core/notes/dates";
import { headingSubpath } from "../core/notes/headings";
import { scanInline } from "../core/notes/inline";
import { dayInFormat } from "../core/brief/copy";

/** What the hints need of the plugin: the index as it is now, the day, and how to open a note. */
export interface HintsPort {
	readonly index: CoachingIndex;
	/** False while the vault is read, or when the coach has turned hints off: then nothing is drawn. */
	hintsShown(): boolean;
	today(): Day;
	dateFormat(): string;
	openLink(linktext: string, sourcePath: string): void;
}

/** Told to every open editor when the index changes: their hints are worked out again. */
const indexChanged = StateEffect.define<null>();

/** "since Tue 2 Jun 2026": when a carried commitment was first made; a click opens that conversation. */
class CarriedWidget extends WidgetType {
	constructor(
		private readonly hint: CarriedHint,
		private readonly words: string,
		private readonly open: () => void,
	) {
		super();
	}

	eq(other: CarriedWidget): boolean {
		return other.words === this.words && other.hint.firstPath === this.hint.firstPath && other.hint.firstHeading === this.hint.firstHeading;
	}

	toDOM(view: EditorView): HTMLElement {
		// Made by the editor's own document (in a pop-out, that window's), then handed to the editor to place.
		const element = view.dom.createSpan({ cls: "coaching-alliance-hint coaching-alliance-carried-hint", text: this.words, attr: { role: "link", "aria-label": "Open the session where this was first made" } });
		element.detach();
		element.addEventListener("mousedown", (event) => {
			event.preventDefault();
			this.open();
		});
		return element;
	}

	ignoreEvent(): boolean {
		return false;
	}
}

/** " · last 2 weeks ago · 3 open" after a link to a client; the next session and the cadence on hover. */
class ClientWidget extends WidgetType {
	constructor(
		private readonly text: string,
		private readonly detail: string,
	) {
		super();
	}

	eq(other: ClientWidget): boolean {
		return other.text === this.text && other.detail === this.detail;
	}

	toDOM(view: EditorView): HTMLElement {
		const element = view.dom.createSpan({ cls: "coaching-alliance-hint coaching-alliance-client-hint", text: this.text, attr: { "aria-label": this.detail } });
		element.detach();
		return element;
	}
}

/**
 * Quiet hints in the editor (live preview and source mode alike), from the index alone: beside
 * each open commitment a session carries from an earlier one, when it was first made; after each
 * link to a client, how long since you spoke and what is open. Only the lines in view are looked
 * at; the hints are worked out again when the text, the view or the index changes.
 */
export function editorHints(port: HintsPort, editors: Set<EditorView>): Extension {
	return ViewPlugin.fromClass(
		class {
			decorations: DecorationSet;

			constructor(readonly view: EditorView) {
				editors.add(view);
				this.decorations = hintsIn(view, port);
			}

			update(update: ViewUpdate): void {
				const asked = update.transactions.some((transaction) => transaction.effects.some((effect) => effect.is(indexChanged)));
				if (update.docChanged || update.viewportChanged || asked) this.decorations = hintsIn(update.view, port);
			}

			destroy(): void {
				editors.delete(this.view);
			}
		},
		{ decorations: (plugin) => plugin.decorations },
	);
}

/** Asks each open editor to work its hints out again: the index changed, or the setting did. */
export function refreshHints(editors: Iterable<EditorView>): void {
	for (const view of editors) view.dispatch({ effects: indexChanged.of(null) });
}

function hintsIn(view: EditorView, port: HintsPort): DecorationSet {
	const builder = new RangeSetBuilder<Decoration>();
	const path = view.state.field(editorInfoField, false)?.file?.path;
	if (!path || !port.hintsShown()) return builder.finish();
	const today = port.today();
	const carried = carriedInto(port.index, path, today);
	const formatDay = (day: Day): string => dayInFormat(day, port.dateFormat());
	// Ranges in view may share a line: each line is decorated once, in order, as the builder needs.
	let lastLine = 0;
	for (const { from, to } of view.visibleRanges) {
		for (let position = from; position <= to; ) {
			const line = view.state.doc.lineAt(position);
			position = line.to + 1;
			if (line.number <= lastLine) continue;
			lastLine = line.number;
			const widgets: { at: number; widget: WidgetType }[] = [];
			// Each link found after the one before it: two links to one client on a line each get their own hint.
			let searchFrom = 0;
			for (const link of scanInline(line.text).links) {
				const at = line.text.indexOf(link.original, searchFrom);
				if (at < 0) continue;
				searchFrom = at + link.original.length;
				const hint = clientLinkHint(port.index, link.link, path, today);
				if (hint) widgets.push({ at: line.from + searchFrom, widget: new ClientWidget(hint.text, hint.detail) });
			}
			const first = carried.length > 0 ? carriedOnLine(carried, line.number - 1, line.text) : undefined;
			if (first) {
				const words = sinceWords(first, formatDay);
				const target = first.firstHeading === null ? first.firstPath : `${first.firstPath.replace(/\.md$/i, "")}#${headingSubpath(first.firstHeading)}`;
				widgets.push({ at: line.to, widget: new CarriedWidget(first, words, () => port.openLink(target, path)) });
			}
			widgets.sort((a, b) => a.at - b.at);
			for (const { at, widget } of widgets) builder.add(at, at, Decoration.widget({ widget, side: 1 }));
		}
	}
	return builder.finish();
}
