import { BasesView, requireApiVersion, type Plugin, type QueryController } from "obsidian";
import { caseloadRow } from "../core/brief/caseload";
import { countOf } from "../core/brief/copy";
import type { CaseloadPort } from "../ui/caseload-view";
import { CASELOAD_COLUMNS, caseloadRowElement } from "../ui/caseload-row";

export const CASELOAD_BASES_VIEW = "coaching-alliance-caseload";

/**
 * The caseload as a view of any base (Obsidian 1.10+): the clients among the base's notes, with
 * the caseload's figures and the properties the coach chose for the base beside them, so the base's
 * own filters choose whom to list. An older app has no Bases and is left alone. The class is made
 * only here: on an app without Bases there is no `BasesView` to extend.
 */
export function registerCaseloadInBases(plugin: Plugin, port: CaseloadPort): void {
	if (requireApiVersion("1.10.0")) {
		class CaseloadBasesView extends BasesView {
			type = CASELOAD_BASES_VIEW;

			constructor(
				controller: QueryController,
				private readonly containerEl: HTMLElement,
			) {
				super(controller);
			}

			onload(): void {
				this.registerEvent(port.onIndexChanged(() => this.onDataUpdated()));
			}

			onDataUpdated(): void {
				const { containerEl } = this;
				containerEl.empty();
				const view = containerEl.createDiv({ cls: "coaching-alliance-caseload coaching-alliance-caseload-pane" });
				if (!port.indexReady()) {
					view.createDiv({ cls: "coaching-alliance-empty", text: "Reading your notes…" });
					return;
				}
				const properties = this.config.getOrder().filter((property) => property !== "file.name");
				const table = view.createEl("table", { cls: "coaching-alliance-caseload-table", attr: { "aria-label": "Caseload" } });
				const head = table.createEl("thead").createEl("tr");
				for (const title of [...CASELOAD_COLUMNS.map((column) => column.title), ...properties.map((property) => this.config.getDisplayName(property))]) head.createEl("th", { text: title, attr: { scope: "col" } });
				head.createEl("th", { attr: { scope: "col" } }).createSpan({ cls: "coaching-alliance-visually-hidden", text: "Client note" });
				const body = table.createEl("tbody");
				let others = 0;
				for (const entry of this.data.data) {
					const client = port.index.client(entry.file.path);
					if (!client) {
						others++;
						continue;
					}
					const row = caseloadRowElement(body, caseloadRow(port.index, client, port.today()), port);
					const actions = row.lastElementChild;
					for (const property of properties) {
						const cell = row.createEl("td", { text: entry.getValue(property)?.toString() ?? "", attr: { "data-label": this.config.getDisplayName(property) } });
						row.insertBefore(cell, actions);
					}
					body.appendChild(row);
				}
				if (others > 0) view.createDiv({ cls: "coaching-alliance-muted", text: `${countOf(others, "note")} of this base ${others === 1 ? "is" : "are"} not a client's.` });
			}
		}
		plugin.registerBasesView(CASELOAD_BASES_VIEW, {
			name: "Caseload",
			icon: "users",
			factory: (controller, containerEl) => new CaseloadBasesView(controller, containerEl),
		});
	}
}
