import type { MarkdownPostProcessor } from "obsidian";
import { format } from "date-fns";
import { carriedInto, clientLinkHint } from "../core/brief/hints";
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
		const carried = carriedInto(port.index, context.sourcePath, today);
		if (carried.size === 0) return;
		for (const item of element.querySelectorAll<HTMLElement>("li.task-list-item")) {
			// The item's own words: not its checkbox, not the items nested in it. Node types, not `instanceof`: a pop-out has its own classes.
			const own = [...item.childNodes].filter((node) => node.nodeType === 3 || (node.nodeType === 1 && !["UL", "OL", "INPUT"].includes((node as Element).tagName)));
			const words = own.map((node) => node.textContent ?? "").join("");
			const first = carried.get(commitmentKey(words.trim()));
			if (!first) continue;
			item.createSpan({ cls: "coaching-alliance-hint coaching-alliance-carried-hint", text: `since ${first.firstDate === null ? "an earlier session" : format(toDate(first.firstDate), port.dateFormat())}` });
		}
	};
}
