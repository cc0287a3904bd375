import { Modal, Setting, type App } from "obsidian";

/** Asks for a client's name; Enter or the button creates, Escape cancels. */
export class NamePrompt extends Modal {
	private name = "";

	constructor(
		app: App,
		private readonly onSubmit: (name: string) => void,
	) {
		super(app);
	}

	onOpen(): void {
		this.setTitle("New client");
		new Setting(this.contentEl).setName("Name").addText((text) => {
			text.setPlaceholder("Their name, as you would write it").onChange((value) => {
				this.name = value;
			});
			text.inputEl.addEventListener("keydown", (event) => {
				if (event.key === "Enter") this.submit();
			});
		});
		new Setting(this.contentEl).addButton((button) =>
			button
				.setButtonText("Create")
				.setCta()
				.onClick(() => this.submit()),
		);
	}

	private submit(): void {
		if (this.name.trim() === "") return;
		this.close();
		this.onSubmit(this.name.trim());
	}

	onClose(): void {
		this.contentEl.empty();
	}
}
