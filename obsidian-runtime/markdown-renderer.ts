/** `MarkdownRenderer`: notes drawn as the app draws them, as far as the pane shows them. */
import type { App } from "./app";
import { Component } from "./events";
import { Marked, type Tokens } from "marked";

// Obsidian shows a single line break as one unless "Strict line breaks" is on; it is off by default.
const markdown = new Marked({ gfm: true, breaks: true });
markdown.use({
	extensions: [
		{
			name: "wikilink",
			level: "inline",
			start: (source: string) => source.indexOf("[["),
			tokenizer(source: string) {
				const match = /^(!?)\[\[([^[\]|]+)(?:\|([^[\]]*))?\]\]/.exec(source);
				if (!match) return undefined;
				return { type: "wikilink", raw: match[0], embed: match[1] === "!", target: match[2] ?? "", alias: match[3] };
			},
			renderer(token: Tokens.Generic) {
				const target = String(token["target"]);
				const text = token["alias"] === undefined ? target : String(token["alias"]);
				// An embed is drawn in place of the link, as the app draws one: a box named by its source.
				if (token["embed"] === true) return `<span class="internal-embed" src="${escapeHtml(target)}" alt="${escapeHtml(text)}"></span>`;
				return `<a class="internal-link" data-href="${escapeHtml(target)}" href="${escapeHtml(target)}">${escapeHtml(text)}</a>`;
			},
		},
		{
			name: "tag",
			level: "inline",
			start: (source: string) => source.search(/(^|\s)#[^\s#]/),
			tokenizer(source: string) {
				const match = /^#([^\s!"#$%&'()*+,.:;<=>?@[\\\]^`{|}~]+)/u.exec(source);
				if (!match || /^[0-9]+$/.test(match[1] ?? "")) return undefined;
				return { type: "tag", raw: match[0], tag: match[1] };
			},
			renderer(token: Tokens.Generic) {
				return `<a class="tag" href="#${escapeHtml(String(token["tag"]))}">#${escapeHtml(String(token["tag"]))}</a>`;
			},
		},
	],
	// Obsidian sanitises raw HTML in notes; here it is simply shown as text.
	renderer: { html: (token: Tokens.HTML | Tokens.Tag) => escapeHtml(token.text) },
});

/** What the reading view never shows: `%%` comments (inline or across lines) and HTML comments. */
function withoutComments(text: string): string {
	return text.replace(/%%[\s\S]*?(?:%%|$)/g, "").replace(/<!--[\s\S]*?(?:-->|$)/g, "");
}

/**
 * Callouts and tasks as the app draws them: `> [!note] Title` becomes a callout box, and a list
 * item that starts with any one character in brackets (`[/]`, `[-]`, `[>]`) a task, its
 * character kept in `data-task`, ticked unless it is a space.
 */
function asObsidianDraws(content: DocumentFragment): void {
	for (const quote of content.querySelectorAll("blockquote")) {
		const first = quote.firstElementChild;
		// The callout's first line is the paragraph's first text, up to the line break that follows it.
		const line = first?.tagName === "P" && first.firstChild?.nodeType === Node.TEXT_NODE ? first.firstChild : null;
		const marker = line ? /^\[!([\w-]+)\][+-]?[ \t]*(.*)$/.exec(line.textContent ?? "") : null;
		if (!first || !line || !marker) continue;
		const callout = document.createElement("div");
		callout.className = "callout";
		callout.setAttribute("data-callout", (marker[1] ?? "note").toLowerCase());
		const title = callout.appendChild(document.createElement("div"));
		title.className = "callout-title";
		title.textContent = marker[2]?.trim() || (marker[1] ?? "note").replace(/^\w/, (letter) => letter.toUpperCase());
		const body = callout.appendChild(document.createElement("div"));
		body.className = "callout-content";
		if (line.nextSibling?.nodeName === "BR") line.nextSibling.remove();
		line.remove();
		if ((first.textContent ?? "").trim() === "") first.remove();
		body.append(...quote.childNodes);
		quote.replaceWith(callout);
	}
	for (const item of content.querySelectorAll("li")) {
		const checkbox = item.querySelector(":scope > input[type=checkbox], :scope > p > input[type=checkbox]");
		if (checkbox) {
			item.classList.add("task-list-item");
			checkbox.classList.add("task-list-item-checkbox");
			item.setAttribute("data-task", (checkbox as HTMLInputElement).checked ? "x" : " ");
			continue;
		}
		const text = item.firstChild?.nodeType === Node.TEXT_NODE ? item.firstChild : item.firstElementChild?.tagName === "P" ? item.firstElementChild.firstChild : null;
		const task = text?.nodeType === Node.TEXT_NODE ? /^\[(.)\] /.exec(text.textContent ?? "") : null;
		if (!text || !task) continue;
		text.textContent = (text.textContent ?? "").slice(task[0].length);
		const box = document.createElement("input");
		box.type = "checkbox";
		box.className = "task-list-item-checkbox";
		box.checked = task[1] !== " ";
		text.parentNode?.insertBefore(box, text);
		item.classList.add("task-list-item");
		item.setAttribute("data-task", task[1] ?? " ");
	}
}

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * What a render leaves in the component it was given, as the app's renders do (for embeds, code
 * blocks, live parts): a view that renders again without letting go of the last render leaks them,
 * and `live` shows it.
 */
export class MarkdownRenderChild extends Component {
	static live = 0;

	constructor(readonly containerEl: HTMLElement) {
		super();
	}

	onload(): void {
		MarkdownRenderChild.live++;
	}

	onunload(): void {
		MarkdownRenderChild.live--;
	}
}

/** Where a block of reading view comes from in its note: the note's whole text and the block's lines (0-based, inclusive). */
export interface MarkdownSectionInformation {
	text: string;
	lineStart: number;
	lineEnd: number;
}

/** What a post-processor is told: the note the Markdown comes from, and, for reading view's blocks, their lines. */
export interface MarkdownPostProcessorContext {
	sourcePath: string;
	docId: string;
	frontmatter: unknown;
	/** Null for Markdown a plugin rendered itself, as the app gives: only the reading view knows its blocks' lines. */
	getSectionInfo(el: HTMLElement): MarkdownSectionInformation | null;
}

export type MarkdownPostProcessor = (el: HTMLElement, ctx: MarkdownPostProcessorContext) => Promise<unknown> | void;

/** Holds the post-processors plugins registered; each block of rendered Markdown goes through them, in order. */
export class MarkdownPreviewRenderer {
	private static readonly processors: MarkdownPostProcessor[] = [];

	static registerPostProcessor(processor: MarkdownPostProcessor): void {
		MarkdownPreviewRenderer.processors.push(processor);
	}

	static unregisterPostProcessor(processor: MarkdownPostProcessor): void {
		const at = MarkdownPreviewRenderer.processors.indexOf(processor);
		if (at >= 0) MarkdownPreviewRenderer.processors.splice(at, 1);
	}

	/** @internal Runs each post-processor, in order, on what was rendered; `section` is what `getSectionInfo` gives for `element`. */
	static async postProcess(element: HTMLElement, sourcePath: string, section: MarkdownSectionInformation | null = null): Promise<void> {
		const context: MarkdownPostProcessorContext = { sourcePath, docId: "", frontmatter: null, getSectionInfo: (el) => (el === element ? section : null) };
		for (const processor of MarkdownPreviewRenderer.processors) await processor(element, context);
	}

	/**
	 * @internal A note drawn as reading view draws it: one block per section of the note's cache,
	 * each through the post-processors on its own with its lines, and each list item marked with
	 * its line within the block (`data-line`), as the app marks them.
	 */
	static async renderReadingView(app: App, path: string, container: HTMLElement): Promise<void> {
		const file = app.vault.getFileByPath(path);
		if (!file) throw new Error(`No note at ${path}`);
		const text = await app.vault.cachedRead(file);
		const lines = text.split("\n");
		for (const section of app.metadataCache.getFileCache(file)?.sections ?? []) {
			if (section.type === "yaml") continue;
			const { start, end } = section.position;
			const source = lines.slice(start.line, end.line + 1);
			const block = container.createDiv();
			const template = document.createElement("template");
			template.innerHTML = await markdown.parse(withoutComments(source.join("\n")));
			asObsidianDraws(template.content);
			const itemLines = source.flatMap((line, at) => (/^[ \t]*(?:>[ \t]?)*[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]/.test(line) ? [at] : []));
			template.content.querySelectorAll("li").forEach((item, at) => item.setAttribute("data-line", String(itemLines[at] ?? 0)));
			block.appendChild(template.content);
			await MarkdownPreviewRenderer.postProcess(block, path, { text, lineStart: start.line, lineEnd: end.line });
		}
	}
}

export class MarkdownRenderer {
	/** Renders note text as Obsidian's reading view does, as far as the pane needs: links, embeds, tags, tasks of any status, callouts, lists; comments hidden. */
	static async render(_app: App, text: string, element: HTMLElement, sourcePath: string, component: Component): Promise<void> {
		if (!(component instanceof Component)) throw new Error("MarkdownRenderer.render needs a component to own what it renders");
		const template = document.createElement("template");
		template.innerHTML = await markdown.parse(withoutComments(text));
		asObsidianDraws(template.content);
		element.setAttr("data-rendered-from", sourcePath);
		element.appendChild(template.content);
		await MarkdownPreviewRenderer.postProcess(element, sourcePath);
		component.addChild(new MarkdownRenderChild(element));
	}
}
