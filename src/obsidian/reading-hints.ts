import type { MarkdownPostProcessor } from "obsidian";
import { format } from "date-fns";
import { carriedInto, clientLinkHint, sinceWords } from "../core/brief/hints";
import { toDate } from "../core/notes/dates";
import { commitmentKey } from "../core/notes/fold";
import type { HintsPort } from "./editor-hints";

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
		// Reading view does not say which lines an element came from: in a note of several conversations, which one a task is in is unknown, so none shows a date.
		const carried = carriedInto(port.index, context.sourcePath, today);
		const [only] = carried;
		if (carried.length !== 1 || !only || only.from !== 0 || only.to !== Infinity) return;
		for (const item of element.querySelectorAll<HTMLElement>("li.task-list-item")) {
			if (!["", " ", "/"].includes(item.getAttribute("data-task") ?? "")) continue;
			// The item's own words: not its checkbox, the items nested in it or a hint. Node types, not `instanceof`: a pop-out has its own classes.
			const own = [...item.childNodes].filter((node) => node.nodeType === 3 || (node.nodeType === 1 && !["UL", "OL", "INPUT"].includes((node as Element).tagName) && !(node as Element).classList.contains("coaching-alliance-hint")));
			const first = only.carried.get(commitmentKey(own.map((node) => node.textContent ?? "").join("").trim()));
			if (first) item.createSpan({ cls: "coaching-alliance-hint coaching-alliance-carried-hint", text: sinceWords(first, (day) => format(toDate(day), port.dateFormat())) });
		}
	};
}
