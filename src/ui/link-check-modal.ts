import { Modal, type App } from "obsidian";
import { COPY, linkCheckWords } from "../core/brief/copy";
import type { ClientLinkToCheck } from "../core/index/link-check";

/** What the link check needs of the plugin: the links to check now, and the fix. */
export interface LinkCheckPort {
	linksToCheck(): ClientLinkToCheck[];
	/** Lets the coach choose the client the link meant (closest first), rewrites it, and calls `fixed` once the note is rewritten and indexed. */
	chooseAndFix(link: ClientLinkToCheck, fixed: () => void): void;
	openNote(path: string): void;
}

/**
 * "Check client links": each session note whose client link reaches no note, or a note no other
 * session names, with why and a one-click fix. Drawn again after each fix, with the keyboard on the
 * next link to check, so a coach can go down the list.
 */
export class LinkCheckModal extends Modal {
	constructor(
		app: App,
		private readonly port: LinkCheckPort,
	) {
		super(app);
	}

	onOpen(): void {
		this.setTitle("Check client links");
		this.draw();
	}

	onClose(): void {
		this.contentEl.empty();
	}

	/** `focusAt`: after a fix, the place in the list whose fix button takes the keyboard (the last one when the list got shorter). */
	private draw(focusAt?: number): void {
		const { contentEl } = this;
		contentEl.empty();
		contentEl.addClass("coaching-alliance-link-check");
		const links = this.port.linksToCheck();
		if (links.length === 0) {
			const done = contentEl.createEl("p", { text: COPY.noLinksToCheck, attr: { tabindex: "-1" } });
			if (focusAt !== undefined) done.focus();
			return;
		}
		contentEl.createEl("p", { cls: "coaching-alliance-muted", text: COPY.linksToCheck(links.length) });
		const list = contentEl.createEl("ul", { cls: "coaching-alliance-link-check-list" });
		const fixes: HTMLButtonElement[] = [];
		links.forEach((link, at) => {
			const item = list.createEl("li");
			const name = link.path.replace(/\.md$/i, "");
			const note = item.createEl("a", { cls: "internal-link", text: name, href: link.path });
			note.addEventListener("click", (event) => {
				event.preventDefault();
				this.port.openNote(link.path);
				this.close();
			});
			item.createDiv({ text: linkCheckWords(link) });
			if (link.closest.length > 0) item.createDiv({ cls: "coaching-alliance-muted", text: `${COPY.closestClients}: ${link.closest.join(", ")}` });
			const fix = item.createEl("button", { text: "Choose the client…", attr: { "aria-label": `Choose the client for ${name}` } });
			fix.addEventListener("click", () => this.port.chooseAndFix(link, () => this.draw(at)));
			fixes.push(fix);
		});
		if (focusAt !== undefined) fixes[Math.min(focusAt, fixes.length - 1)]?.focus();
	}
}
