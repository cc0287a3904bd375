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
 * session names, with why and a one-click fix. Drawn again after each fix.
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

	private draw(): void {
		const { contentEl } = this;
		contentEl.empty();
		contentEl.addClass("coaching-alliance-link-check");
		const links = this.port.linksToCheck();
		if (links.length === 0) {
			contentEl.createEl("p", { text: COPY.noLinksToCheck });
			return;
		}
		contentEl.createEl("p", { cls: "coaching-alliance-muted", text: COPY.linksToCheck(links.length) });
		const list = contentEl.createEl("ul", { cls: "coaching-alliance-link-check-list" });
		for (const link of links) {
			const item = list.createEl("li");
			const note = item.createEl("a", { cls: "internal-link", text: link.path.replace(/\.md$/i, ""), href: link.path });
			note.addEventListener("click", (event) => {
				event.preventDefault();
				this.port.openNote(link.path);
				this.close();
			});
			item.createDiv({ text: linkCheckWords(link) });
			if (link.closest.length > 0) item.createDiv({ cls: "coaching-alliance-muted", text: `${COPY.closestClients}: ${link.closest.join(", ")}` });
			const fix = item.createEl("button", { text: "Choose the client…" });
			fix.addEventListener("click", () => this.port.chooseAndFix(link, () => this.draw()));
		}
	}
}
