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
				const match = /^!?\[\[([^[\]|]+)(?:\|([^[\]]*))?\]\]/.exec(source);
				if (!match) return undefined;
				return { type: "wikilink", raw: match[0], target: match[1] ?? "", alias: match[2] };
			},
			renderer(token: Tokens.Generic) {
				const target = String(token["target"]);
				const text = token["alias"] === undefined ? target : String(token["alias"]);
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

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

export class MarkdownRenderer {
	/** Renders note text as Obsidian's reading view does, as far as the pane needs: links, tags, tasks, lists. */
	static async render(_app: App, text: string, element: HTMLElement, sourcePath: string, component: Component): Promise<void> {
		if (!(component instanceof Component)) throw new Error("MarkdownRenderer.render needs a component to own what it renders");
		const template = document.createElement("template");
		template.innerHTML = await markdown.parse(text);
		for (const checkbox of template.content.querySelectorAll("input[type=checkbox]")) {
			checkbox.classList.add("task-list-item-checkbox");
			checkbox.closest("li")?.classList.add("task-list-item");
		}
		element.setAttr("data-rendered-from", sourcePath);
		element.appendChild(template.content);
	}
}
