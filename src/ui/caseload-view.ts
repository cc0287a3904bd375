import { ItemView, setIcon, type EventRef, type ViewStateResult } from "obsidian";
import { format } from "date-fns";
import { caseloadRow, type CaseloadRow } from "../core/brief/caseload";
import { DEFAULT_SORT, filterCaseload, sortCaseload, type CaseloadSort, type StatusFilter } from "../core/brief/caseload-table";
import { countOf } from "../core/brief/copy";
import { CASELOAD_COLUMNS, caseloadRowElement, type RowActions } from "./caseload-row";
import type { CoachingIndex } from "../core/index/coaching-index";
import { toDate, type Day } from "../core/notes/dates";

export const CASELOAD_VIEW = "coaching-alliance-caseload";

/** What the caseload needs of the rest of the plugin: the index, the day, and what a row opens. */
export interface CaseloadPort extends RowActions {
	readonly index: CoachingIndex;
	indexReady(): boolean;
	onIndexChanged(listener: () => void): EventRef;
	today(): Day;
}

interface CaseloadState {
	sort?: CaseloadSort;
	status?: StatusFilter;
}

const STATUSES: readonly { status: StatusFilter; title: string }[] = [
	{ status: "active", title: "Active" },
	{ status: "archived", title: "Past clients" },
	{ status: "all", title: "All" },
];

/**
 * Every client at a glance, as one table: where each stands against their cadence, when you last
 * spoke, what is open, what moved since, how well the vault knows them. It reads only the index.
 * Each row is kept while its client's notes are unchanged, so a live update redraws only the rows
 * that changed. Past clients are listed apart.
 */
export class CaseloadView extends ItemView {
	private sort: CaseloadSort = DEFAULT_SORT;
	private status: StatusFilter = "all";
	private filterText = "";
	/** Each client's row as last drawn, with the line it was drawn from: the same line again means nothing to redraw. */
	private readonly drawn = new Map<string, { row: CaseloadRow; element: HTMLTableRowElement }>();
	private activeBody: HTMLTableSectionElement | null = null;
	private pastBody: HTMLTableSectionElement | null = null;
	private pastSection: HTMLElement | null = null;
	private summary: HTMLElement | null = null;
	private drawnDay = "";

	constructor(
		leaf: ConstructorParameters<typeof ItemView>[0],
		private readonly port: CaseloadPort,
	) {
		super(leaf);
	}

	getViewType(): string {
		return CASELOAD_VIEW;
	}

	getDisplayText(): string {
		return "Caseload";
	}

	getIcon(): string {
		return "users";
	}

	getState(): Record<string, unknown> {
		return { ...super.getState(), sort: this.sort, status: this.status };
	}

	async setState(state: unknown, result: ViewStateResult): Promise<void> {
		const next = (state ?? {}) as CaseloadState;
		if (next.sort && CASELOAD_COLUMNS.some(({ column }) => column === next.sort?.column)) this.sort = { column: next.sort.column, descending: next.sort.descending === true };
		if (next.status && STATUSES.some(({ status }) => status === next.status)) this.status = next.status;
		await super.setState(state, result);
		this.draw();
	}

	async onOpen(): Promise<void> {
		this.contentEl.addClass("coaching-alliance-caseload-pane");
		this.registerEvent(this.port.onIndexChanged(() => this.update()));
		// "Due today" and "2 weeks ago" change at midnight, whether or not a note does.
		this.registerInterval(
			this.contentEl.win.setInterval(() => {
				if (this.drawnDay !== "" && this.port.today() !== this.drawnDay) this.update();
			}, 60_000),
		);
		this.draw();
	}

	async onClose(): Promise<void> {
		this.drawn.clear();
	}

	/** Draws the whole view afresh: on opening, and when the sort or the filter changes. */
	private draw(): void {
		const root = this.contentEl;
		root.empty();
		this.drawn.clear();
		if (!this.port.indexReady()) {
			root.createDiv({ cls: "coaching-alliance-empty", text: "Reading your notes…" });
			this.activeBody = this.pastBody = null;
			return;
		}
		const view = root.createDiv({ cls: "coaching-alliance-caseload" });
		const header = view.createDiv({ cls: "coaching-alliance-caseload-header" });
		header.createEl("h2", { text: "Caseload" });
		this.summary = header.createDiv({ cls: "coaching-alliance-muted" });
		this.drawControls(view);
		this.activeBody = this.drawTable(view, "Active clients");
		this.pastSection = view.createDiv({ cls: "coaching-alliance-caseload-past" });
		this.pastSection.createEl("h3", { text: "Past clients" });
		this.pastBody = this.drawTable(this.pastSection, "Past clients");
		this.update();
	}

	private drawControls(view: HTMLElement): void {
		const controls = view.createDiv({ cls: "coaching-alliance-caseload-controls" });
		const search = controls.createEl("input", {
			type: "search",
			cls: "coaching-alliance-caseload-filter",
			attr: { placeholder: "Filter by name", "aria-label": "Filter clients by name", spellcheck: "false" },
		});
		search.value = this.filterText;
		search.addEventListener("input", () => {
			this.filterText = search.value;
			this.update();
		});
		const status = controls.createEl("select", { cls: "dropdown", attr: { "aria-label": "Show clients" } });
		for (const option of STATUSES) status.createEl("option", { text: option.title, value: option.status });
		status.value = this.status;
		status.addEventListener("change", () => {
			this.status = status.value as StatusFilter;
			this.app.workspace.requestSaveLayout();
			this.update();
		});
	}

	private drawTable(parent: HTMLElement, label: string): HTMLTableSectionElement {
		const table = parent.createEl("table", { cls: "coaching-alliance-caseload-table", attr: { "aria-label": label } });
		const head = table.createEl("thead").createEl("tr");
		for (const { column, title, numeric } of CASELOAD_COLUMNS) {
			const sorted = this.sort.column === column;
			const cell = head.createEl("th", {
				cls: numeric ? "is-numeric" : "",
				attr: { scope: "col", "aria-sort": sorted ? (this.sort.descending ? "descending" : "ascending") : "none" },
			});
			const button = cell.createEl("button", { cls: "coaching-alliance-sort", text: title, attr: { "data-column": column } });
			if (sorted) setIcon(button.createSpan({ cls: "coaching-alliance-sort-icon" }), this.sort.descending ? "arrow-down" : "arrow-up");
			button.addEventListener("click", () => {
				this.sort = { column, descending: sorted ? !this.sort.descending : false };
				this.app.workspace.requestSaveLayout();
				this.draw();
				this.contentEl.querySelector<HTMLElement>(`.coaching-alliance-sort[data-column="${column}"]`)?.focus();
			});
		}
		head.createEl("th", { attr: { scope: "col" } }).createSpan({ cls: "coaching-alliance-visually-hidden", text: "Client note" });
		return table.createEl("tbody");
	}

	/**
	 * Brings the table up to date: each client's line is asked of the index, which keeps it while
	 * the client's notes are unchanged; only a line that is new is drawn again. Rows are then put in
	 * order and filtered without drawing them again.
	 */
	private update(): void {
		if (!this.port.indexReady()) {
			this.draw();
			return;
		}
		if (!this.activeBody || !this.pastBody) {
			this.draw();
			return;
		}
		const index = this.port.index;
		const today = this.port.today();
		// A new day makes every line new (the index keeps lines per day): each is drawn again in its place.
		this.drawnDay = today;
		const rows = index.clients().map((client) => caseloadRow(index, client, today));
		const keys = new Set(rows.map((row) => row.client.key));
		for (const [key, drawn] of this.drawn) {
			if (keys.has(key)) continue;
			drawn.element.remove();
			this.drawn.delete(key);
		}
		for (const row of rows) {
			const drawn = this.drawn.get(row.client.key);
			if (drawn?.row === row) continue;
			const element = this.drawRow(row);
			// A row drawn again while the coach is on it keeps the keyboard there.
			const focused = drawn !== undefined && drawn.element.contains(drawn.element.doc.activeElement);
			drawn?.element.replaceWith(element);
			if (focused) element.focus();
			this.drawn.set(row.client.key, { row, element });
		}
		const shown = filterCaseload(sortCaseload(rows, this.sort), { text: this.filterText, status: this.status });
		const shownKeys = new Set(shown.map((row) => row.client.key));
		for (const [key, { element }] of this.drawn) if (!shownKeys.has(key)) element.remove();
		const elementsOf = (status: "active" | "archived"): HTMLTableRowElement[] =>
			shown.filter((row) => row.entry.status === status).flatMap((row) => this.drawn.get(row.client.key)?.element ?? []);
		inOrder(this.activeBody, elementsOf("active"));
		inOrder(this.pastBody, elementsOf("archived"));
		this.pastSection?.toggle(this.pastBody.childElementCount > 0);
		const active = rows.filter((row) => row.entry.status === "active").length;
		this.summary?.setText(`${format(toDate(today), this.port.dateFormat())} · ${countOf(active, "active client")}${shown.length === 0 ? " · none match" : ""}`);
	}

	private drawRow(row: CaseloadRow): HTMLTableRowElement {
		return caseloadRowElement(this.contentEl, row, this.port);
	}
}

/** Puts the rows in this order, moving only those out of place: a row already where it belongs is not touched. */
function inOrder(body: HTMLTableSectionElement, rows: readonly HTMLTableRowElement[]): void {
	let cursor = body.firstElementChild;
	for (const row of rows) {
		if (cursor === row) {
			cursor = cursor.nextElementSibling;
			continue;
		}
		body.insertBefore(row, cursor);
	}
}
