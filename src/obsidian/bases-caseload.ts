import { BasesView, requireApiVersion, type BasesPropertyId, type Plugin, type QueryController } from "obsidian";
import { caseloadRow, type CaseloadRow } from "../core/brief/caseload";
import { COPY, countOf } from "../core/brief/copy";
import type { CaseloadPort } from "../ui/caseload-view";
import { CASELOAD_COLUMNS, caseloadRowElement, followRowFocus, inOrder, keepTabStop, rowKeysHint, RowsInPlace } from "../ui/caseload-row";

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
			private readonly rows = new RowsInPlace<BasesRow>((drawn, now) => drawn.row === now.row && sameValues(drawn.values, now.values));
			private table: BasesTable | null = null;
			/** Ours inside the container the base lends the view, gone with the view: the base may show another view there next. */
			private readonly root: HTMLElement;

			constructor(controller: QueryController, containerEl: HTMLElement) {
				super(controller);
				this.root = containerEl.createDiv({ cls: "coaching-alliance-caseload-pane" });
			}

			onload(): void {
				followRowFocus(this, this.root);
				this.registerEvent(port.onIndexChanged(() => this.onDataUpdated()));
			}

			onunload(): void {
				this.root.remove();
			}

			/** Draws again only the rows whose client or chosen properties changed; the table itself only when the properties do. */
			onDataUpdated(): void {
				if (!port.indexReady()) {
					this.table = null;
					this.rows.clear();
					this.root.empty();
					this.root.createDiv({ cls: "coaching-alliance-empty", text: "Reading your notes…" });
					return;
				}
				const properties = this.config.getOrder().filter((property) => property !== "file.name");
				const table = this.tableFor(properties);
				// A base's properties are note text: on a shared screen they are not shown.
				const hidden = port.privacyOn();
				const sources = new Map<string, BasesRow>();
				let others = 0;
				for (const entry of this.data.data) {
					const client = port.index.client(entry.file.path);
					if (client) sources.set(client.key, { row: caseloadRow(port.index, client, port.today()), values: properties.map((property) => (hidden ? COPY.hidden : (entry.getValue(property)?.toString() ?? ""))) });
					else others++;
				}
				const titles = properties.map((property) => this.config.getDisplayName(property));
				this.rows.update(sources, ({ row, values }) => {
					const element = caseloadRowElement(table.body, row, port, table.keysHintId);
					const actions = element.lastElementChild;
					values.forEach((value, at) => element.insertBefore(element.createEl("td", { text: value, attr: { "data-label": titles[at] ?? "" } }), actions));
					return element;
				});
				inOrder(table.body, [...sources.keys()].flatMap((key) => this.rows.element(key) ?? []));
				keepTabStop(this.root);
				table.others.setText(others > 0 ? `${countOf(others, "note")} of this base ${others === 1 ? "is" : "are"} not a client's.` : "");
			}

			private tableFor(properties: readonly BasesPropertyId[]): BasesTable {
				// The chosen properties and their names as shown: renaming one in the base draws the headings again.
				const key = properties.map((property) => `${property}\t${this.config.getDisplayName(property)}`).join("\n");
				if (this.table?.properties === key) return this.table;
				this.rows.clear();
				this.root.empty();
				const view = this.root.createDiv({ cls: "coaching-alliance-caseload" });
				const keysHintId = rowKeysHint(view);
				const table = view.createEl("table", { cls: "coaching-alliance-caseload-table", attr: { "aria-label": "Caseload" } });
				const head = table.createEl("thead").createEl("tr");
				const titles = [...CASELOAD_COLUMNS.map((column) => column.title), ...properties.map((property) => this.config.getDisplayName(property))];
				for (const title of titles) head.createEl("th", { text: title, attr: { scope: "col" } });
				head.createEl("th", { attr: { scope: "col" } }).createSpan({ cls: "coaching-alliance-visually-hidden", text: "Client note" });
				this.table = { properties: key, body: table.createEl("tbody"), others: view.createDiv({ cls: "coaching-alliance-muted" }), keysHintId };
				return this.table;
			}
		}
		plugin.registerBasesView(CASELOAD_BASES_VIEW, {
			name: "Caseload",
			icon: "users",
			factory: (controller, containerEl) => new CaseloadBasesView(controller, containerEl),
		});
	}
}

/** The table drawn for one choice of the base's properties, kept while that choice stays. */
interface BasesTable {
	properties: string;
	body: HTMLTableSectionElement;
	others: HTMLElement;
	keysHintId: string;
}

/** A client's row in a base: their caseload line and the values of the base's chosen properties. */
interface BasesRow {
	row: CaseloadRow;
	values: string[];
}

function sameValues(drawn: readonly string[], now: readonly string[]): boolean {
	return drawn.length === now.length && drawn.every((value, at) => value === now[at]);
}
