import { MarkdownView, type MarkdownPostProcessor, type Workspace } from "obsidian";
import { carriedInto, carriedOnLine, clientLinkHint, sinceWords, type CarriedHint, type CarriedIn } from "../core/brief/hints";
import type { Day } from "../core/notes/dates";
import { noteLines } from "../core/notes/note";
import { commitmentKey } from "../core/notes/fold";
import type { HintsPort } from "./editor-hints";
import { dayInFormat } from "../core/brief/copy";

/**
 * The editor's hints in reading view: after each link to a client, how long since you spoke and
 * what is open; beside each task a session carries from an earlier one, when it was first made.
 * Never inside the plugin's own pane, which says all of that already.
 */
export function readingHints(port: HintsPort): MarkdownPostProcessor {
	return (element, context) => {
		if (!port.hintsShown() || element.closest(".coaching-alliance-markdown, .coaching-alliance-pane")) return;
		const today = port.today();
		for (const link of element.querySelectorAll<HTMLAnchorElement>("a.internal-link")) {
			const target = link.getAttribute("data-href") ?? link.getAttribute("href") ?? "";
			const hint = clientLinkHint(port.index, target, context.sourcePath, today);
			if (!hint) continue;
			const suffix = link.createSpan({ cls: "coaching-alliance-hint coaching-alliance-client-hint", text: hint.text, attr: { "aria-label": hint.detail } });
			link.after(suffix);
		}
		const tasks = element.querySelectorAll<HTMLElement>("li.task-list-item");
		const carried = tasks.length > 0 ? carriedInto(port.index, context.sourcePath, today) : [];
		if (carried.length === 0) return;
		const formatDay = (day: Day): string => dayInFormat(day, port.dateFormat());
		const section = context.getSectionInfo(element);
		const lines = section ? noteLines(section.text) : undefined;
		for (const item of tasks) {
			// Reading view marks each list item with its line within the block: the line's own words, links and all, say which task it is.
			const line = section ? section.lineStart + Number(item.getAttribute("data-line") ?? "0") : -1;
			const first = lines ? carriedOnLine(carried, line, lines[line] ?? "") : carriedByRenderedWords(carried, item);
			if (first) item.createSpan({ cls: "coaching-alliance-hint coaching-alliance-carried-hint", text: sinceWords(first, formatDay) });
		}
	};
}

/**
 * Without the block's lines (an embed, an export), a task is known only by its rendered words: only
 * a note of one conversation can say, and only for a task written without links or formatting.
 */
function carriedByRenderedWords(carried: readonly CarriedIn[], item: HTMLElement): CarriedHint | undefined {
	const [only] = carried;
	if (carried.length !== 1 || !only || only.from !== 0 || only.to !== Infinity) return undefined;
	if (!["", " ", "/"].includes(item.getAttribute("data-task") ?? "")) return undefined;
	// The item's own words: not its checkbox, the items nested in it or a hint. Node types, not `instanceof`: a pop-out has its own classes.
	const own = [...item.childNodes].filter((node) => node.nodeType === 3 || (node.nodeType === 1 && !["UL", "OL", "INPUT"].includes((node as Element).tagName) && !(node as Element).classList.contains("coaching-alliance-hint")));
	return only.carried.get(commitmentKey(own.map((node) => node.textContent ?? "").join("").trim()));
}

/**
 * Draws every open reading view again, so its hints follow a change of whether hints show (the
 * setting, screen-share privacy): a post-processor runs only when a view draws.
 */
export function redrawReadingViews(workspace: Workspace): void {
	workspace.iterateAllLeaves((leaf) => {
		if (leaf.view instanceof MarkdownView && leaf.view.getMode() === "preview") leaf.view.previewMode.rerender(true);
	});
}
