import { ItemView, setIcon, type EventRef, type ViewStateResult } from "obsidian";
import { caseloadRow, type CaseloadRow } from "../core/brief/caseload";
import { DEFAULT_SORT, filterCaseload, sortCaseload, type CaseloadSort, type StatusFilter } from "../core/brief/caseload-table";
import { COPY, countOf, dayInFormat } from "../core/brief/copy";
import { CASELOAD_COLUMNS, caseloadRowElement, followRowFocus, inOrder, keepTabStop, rowKeysHint, RowsInPlace, type RowActions } from "./caseload-row";
import type { CoachingIndex } from "../core/index/coaching-index";
import type { Day } from "../core/notes/dates";

export const CASELOAD_VIEW = "coaching-alliance-caseload";

/** What the caseload needs of the rest of the plugin: the index, the day, and what a row opens. */
export interface CaseloadPort extends RowActions {
	readonly index: CoachingIndex;
	indexReady(): boolean;
	onIndexChanged(listener: () => void): EventRef;
	today(): Day;
	/** Screen-share privacy: the caseload has names, dates and figures only, and says that privacy is on. */
	privacyOn(): boolean;
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
	private readonly drawn = new RowsInPlace<CaseloadRow>((drawn, now) => drawn === now);
	private activeBody: HTMLTableSectionElement | null = null;
	private pastBody: HTMLTableSectionElement | null = null;
	private pastHeading: HTMLElement | null = null;
	private summary: HTMLElement | null = null;
	private privacyNotice: HTMLElement | null = null;
	private keysHintId = "";
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
		followRowFocus(this, this.contentEl);
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
		this.keysHintId = rowKeysHint(header);
		this.privacyNotice = view.createDiv({ cls: "coaching-alliance-privacy-notice", text: COPY.privacyOn, attr: { role: "status" } });
		this.drawControls(view);
		// One table, past clients in a body of their own under a heading row that names it: the columns line up.
		const table = this.drawTable(view);
		this.activeBody = table.createEl("tbody", { cls: "coaching-alliance-caseload-active" });
		this.pastBody = table.createEl("tbody", { cls: "coaching-alliance-caseload-past" });
		this.pastHeading = this.pastBody.createEl("tr", { cls: "coaching-alliance-caseload-past-heading" });
		this.pastHeading.createEl("th", { text: "Past clients", attr: { scope: "rowgroup", colspan: String(CASELOAD_COLUMNS.length + 1) } });
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
		this.drawNarrowSort(controls);
	}

	/** The narrow layout hides the column headings, which sort; there, a menu and a button sort instead. */
	private drawNarrowSort(controls: HTMLElement): void {
		const sorting = controls.createDiv({ cls: "coaching-alliance-caseload-narrow-sort" });
		const label = sorting.createEl("label", { cls: "coaching-alliance-muted", text: "Sort by" });
		const column = label.createEl("select", { cls: "dropdown coaching-alliance-sort-column" });
		for (const option of CASELOAD_COLUMNS) column.createEl("option", { text: option.title, value: option.column });
		column.value = this.sort.column;
		column.addEventListener("change", () => this.sortBy({ column: column.value as CaseloadSort["column"], descending: false }, ".coaching-alliance-sort-column"));
		const direction = sorting.createEl("button", {
			cls: "clickable-icon coaching-alliance-sort-direction",
			attr: { "aria-label": this.sort.descending ? "Sorted descending: sort ascending" : "Sorted ascending: sort descending" },
		});
		setIcon(direction, this.sort.descending ? "arrow-down" : "arrow-up");
		direction.addEventListener("click", () => this.sortBy({ column: this.sort.column, descending: !this.sort.descending }, ".coaching-alliance-sort-direction"));
	}

	/** Sorts afresh, remembered with the layout, and gives the keyboard back to the control that asked. */
	private sortBy(sort: CaseloadSort, control: string): void {
		this.sort = sort;
		this.app.workspace.requestSaveLayout();
		this.draw();
		this.contentEl.querySelector<HTMLElement>(control)?.focus();
	}

	private drawTable(parent: HTMLElement): HTMLTableElement {
		const table = parent.createEl("table", { cls: "coaching-alliance-caseload-table", attr: { "aria-label": "Caseload" } });
		const head = table.createEl("thead").createEl("tr");
		for (const { column, title, numeric } of CASELOAD_COLUMNS) {
			const sorted = this.sort.column === column;
			const cell = head.createEl("th", {
				cls: numeric ? "is-numeric" : "",
				attr: { scope: "col", "aria-sort": sorted ? (this.sort.descending ? "descending" : "ascending") : "none" },
			});
			const button = cell.createEl("button", { cls: "coaching-alliance-sort", text: title, attr: { "data-column": column } });
			if (sorted) setIcon(button.createSpan({ cls: "coaching-alliance-sort-icon" }), this.sort.descending ? "arrow-down" : "arrow-up");
			button.addEventListener("click", () =>
				this.sortBy({ column, descending: sorted ? !this.sort.descending : false }, `.coaching-alliance-sort[data-column="${column}"]`),
			);
		}
		head.createEl("th", { attr: { scope: "col" } }).createSpan({ cls: "coaching-alliance-visually-hidden", text: "Client note" });
		return table;
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
		this.drawn.update(new Map(rows.map((row) => [row.client.key, row])), (row) => this.drawRow(row));
		const shown = filterCaseload(sortCaseload(rows, this.sort), { text: this.filterText, status: this.status });
		const shownKeys = new Set(shown.map((row) => row.client.key));
		for (const key of this.drawn.keys()) if (!shownKeys.has(key)) this.drawn.element(key)?.remove();
		const elementsOf = (status: "active" | "archived"): HTMLTableRowElement[] =>
			shown.filter((row) => row.entry.status === status).flatMap((row) => this.drawn.element(row.client.key) ?? []);
		inOrder(this.activeBody, elementsOf("active"));
		const past = elementsOf("archived");
		inOrder(this.pastBody, past, this.pastHeading);
		this.pastBody.toggle(past.length > 0);
		keepTabStop(this.contentEl);
		this.privacyNotice?.toggle(this.port.privacyOn());
		const active = rows.filter((row) => row.entry.status === "active").length;
		this.summary?.setText(`${dayInFormat(today, this.port.dateFormat())} · ${countOf(active, "active client")}${shown.length === 0 ? " · none match" : ""}`);
	}

	private drawRow(row: CaseloadRow): HTMLTableRowElement {
		return caseloadRowElement(this.contentEl, row, this.port, this.keysHintId);
	}
}
