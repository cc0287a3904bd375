// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";
import { CASELOAD_VIEW, type CaseloadView } from "../../src/ui/caseload-view";
import { PREPARE_VIEW } from "../../src/ui/prepare-view";
import { Menu, type App, type TFile } from "../../obsidian-runtime";
import { settle, until } from "../../obsidian-runtime/test-app";
import { demo } from "../helpers/demo-app";
import { atMoment } from "../helpers/clock";

atMoment("2026-06-30T12:00:00Z");

async function openCaseload(app: App): Promise<CaseloadView> {
	expect(app.commands.executeCommandById("coaching-alliance:open-caseload")).toBe(true);
	await until(() => app.workspace.getLeavesOfType(CASELOAD_VIEW).length === 1);
	const view = app.workspace.getLeavesOfType(CASELOAD_VIEW)[0]?.view as unknown as CaseloadView;
	await until(() => view.contentEl.querySelector(".coaching-alliance-caseload-row") !== null);
	return view;
}

function rows(view: CaseloadView, table = 0): HTMLTableRowElement[] {
	const body = view.contentEl.querySelector(table === 0 ? ".coaching-alliance-caseload-active" : ".coaching-alliance-caseload-past");
	return [...(body?.querySelectorAll<HTMLTableRowElement>(".coaching-alliance-caseload-row") ?? [])];
}

function names(view: CaseloadView, table = 0): string[] {
	return rows(view, table).map((row) => row.querySelector(".coaching-alliance-caseload-name")?.textContent ?? "");
}

function file(app: App, path: string): TFile {
	const found = app.vault.getFileByPath(path);
	if (!found) throw new Error(`no file ${path}`);
	return found;
}

describe("the caseload view", () => {
	it("opens from its command, lists every active client by who needs a conversation first, past clients apart", async () => {
		const { app, plugin } = await demo();
		const view = await openCaseload(app);
		expect(names(view)).toEqual(["Tomás Rivera", "Ana Costa", "Jonas Weber", "Priya Nair", "Marta Silva", "Leo Park", "Sam Okoro", "Lena Fischer"]);
		expect(names(view, 1)).toEqual(["Ruth Okafor"]);
		const tomas = rows(view)[0];
		expect([...(tomas?.querySelectorAll("td") ?? [])].map((cell) => cell.textContent?.trim())).toEqual([
			"Tomás Rivera",
			"overdue by 9 days",
			"Thu 21 May 2026 · 5 weeks ago",
			"5",
			"2 + 1 mine",
			"2",
			"about 720 words",
			"",
		]);
		expect(view.contentEl.querySelector(".coaching-alliance-caseload-header")?.textContent).toContain("8 active clients");
		plugin.unload();
	});

	it("says beside the cadence when a session is booked, so a client overdue yet booked is no one to chase", async () => {
		const { app, plugin } = await demo();
		const view = await openCaseload(app);
		const note = app.vault.getFileByPath("Coaching/Clients/Tomás Rivera.md") as TFile;
		await app.fileManager.processFrontMatter(note, (properties: Record<string, unknown>) => {
			properties["next_session"] = "2026-07-02T09:30";
		});
		await settle(app);
		await until(() => rows(view)[0]?.querySelector(".coaching-alliance-caseload-booked") != null);
		expect(rows(view)[0]?.querySelector('[data-label="Cadence"]')?.textContent).toBe("overdue by 9 days · booked Thu 2 Jul 2026 at 09:30");
		// Booked for today at 09:30 and drawn again at 12:00: rows are drawn for the day, so it stays said.
		await app.fileManager.processFrontMatter(note, (properties: Record<string, unknown>) => {
			properties["next_session"] = "2026-06-30T09:30";
		});
		await settle(app);
		await until(() => rows(view)[0]?.querySelector('[data-label="Cadence"]')?.textContent === "overdue by 9 days · booked Tue 30 Jun 2026 at 09:30");
		// A booking of a day already past says nothing.
		await app.fileManager.processFrontMatter(note, (properties: Record<string, unknown>) => {
			properties["next_session"] = "2026-06-29";
		});
		await settle(app);
		await until(() => rows(view)[0]?.querySelector(".coaching-alliance-caseload-booked") == null);
		plugin.unload();
	});

	it("opens from the ribbon's menu and from the prepare pane, one view however often asked", async () => {
		const { app, plugin } = await demo();
		const ribbon = app.ribbonEl?.querySelector<HTMLElement>('[aria-label="Prepare session or open caseload"]');
		ribbon?.dispatchEvent(new MouseEvent("click", { bubbles: true }));
		expect(Menu.open?.items.map((item) => item.dom.querySelector(".menu-item-title")?.textContent)).toEqual(["Prepare session", "Open caseload"]);
		Menu.open?.choose("Open caseload");
		await until(() => app.workspace.getLeavesOfType(CASELOAD_VIEW).length === 1);
		await plugin.actions.openPrepare(plugin.vaultIndex.index.clients().find((client) => client.name === "Ana Costa") as never);
		const pane = app.workspace.getLeavesOfType(PREPARE_VIEW)[0]?.view;
		await until(() => pane?.containerEl.querySelector(".coaching-alliance-caseload-link") !== null);
		pane?.containerEl.querySelector<HTMLButtonElement>(".coaching-alliance-caseload-link")?.click();
		await settle(app);
		expect(app.workspace.getLeavesOfType(CASELOAD_VIEW)).toHaveLength(1);
		plugin.unload();
	});

	it("sorts by a column when its heading is chosen, the other way when chosen again, and says so to screen readers", async () => {
		const { app, plugin } = await demo();
		const view = await openCaseload(app);
		const heading = (column: string) => view.contentEl.querySelector<HTMLButtonElement>(`.coaching-alliance-sort[data-column="${column}"]`);
		heading("name")?.click();
		expect(names(view)).toEqual(["Ana Costa", "Jonas Weber", "Lena Fischer", "Leo Park", "Marta Silva", "Priya Nair", "Sam Okoro", "Tomás Rivera"]);
		expect(heading("name")?.closest("th")?.getAttribute("aria-sort")).toBe("ascending");
		expect(view.contentEl.ownerDocument.activeElement).toBe(heading("name"));
		heading("name")?.click();
		expect(names(view)[0]).toBe("Tomás Rivera");
		expect(heading("name")?.closest("th")?.getAttribute("aria-sort")).toBe("descending");
		heading("depth")?.click();
		expect(names(view)[0]).toBe("Lena Fischer");
		expect(view.getState()["sort"]).toEqual({ column: "depth", descending: false });
		plugin.unload();
	});

	it("filters by words of a name, without accents, and by status", async () => {
		const { app, plugin } = await demo();
		const view = await openCaseload(app);
		const search = view.contentEl.querySelector<HTMLInputElement>(".coaching-alliance-caseload-filter");
		if (!search) throw new Error("no filter");
		search.value = "tomas";
		search.dispatchEvent(new Event("input"));
		expect(names(view)).toEqual(["Tomás Rivera"]);
		expect(names(view, 1)).toEqual([]);
		search.value = "";
		search.dispatchEvent(new Event("input"));
		const status = view.contentEl.querySelector<HTMLSelectElement>(".coaching-alliance-caseload-controls select");
		if (!status) throw new Error("no status");
		status.value = "archived";
		status.dispatchEvent(new Event("change"));
		expect(names(view)).toEqual([]);
		expect(names(view, 1)).toEqual(["Ruth Okafor"]);
		status.value = "active";
		status.dispatchEvent(new Event("change"));
		expect(names(view)).toHaveLength(8);
		expect((view.contentEl.querySelector(".coaching-alliance-caseload-past") as HTMLElement).isShown()).toBe(false);
		plugin.unload();
	});

	it("is used by keyboard: Enter prepares the session, Shift+Enter opens the client note, the arrows move between rows", async () => {
		const { app, plugin } = await demo();
		const view = await openCaseload(app);
		const [first, second] = rows(view);
		first?.focus();
		first?.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true }));
		expect(view.contentEl.ownerDocument.activeElement).toBe(second);
		second?.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
		await until(() => app.workspace.getLeavesOfType(PREPARE_VIEW).length === 1);
		expect(app.workspace.getLeavesOfType(PREPARE_VIEW)[0]?.view?.getState()["client"]).toBe("Coaching/Clients/Ana Costa.md");
		second?.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", shiftKey: true, bubbles: true }));
		await until(() => app.workspace.opened.length > 0);
		expect(app.workspace.opened.at(-1)?.path).toBe("Coaching/Clients/Ana Costa.md");
		expect(second?.getAttribute("tabindex")).toBe("0");
		plugin.unload();
	});

	it("is one stop of the Tab key: only the row last on has tabindex 0, Home and End go to the first and last rows", async () => {
		const { app, plugin } = await demo();
		const view = await openCaseload(app);
		const all = () => [...view.contentEl.querySelectorAll<HTMLElement>(".coaching-alliance-caseload-row")];
		const stops = () => all().filter((row) => row.getAttribute("tabindex") === "0");
		expect(stops()).toEqual([all()[0]]);
		all()[0]?.focus();
		all()[0]?.dispatchEvent(new KeyboardEvent("keydown", { key: "End", bubbles: true }));
		expect(view.contentEl.ownerDocument.activeElement).toBe(all().at(-1));
		expect(stops()).toEqual([all().at(-1)]);
		all().at(-1)?.dispatchEvent(new KeyboardEvent("keydown", { key: "Home", bubbles: true }));
		expect(stops()).toEqual([all()[0]]);
		plugin.unload();
	});

	it("lets a screen reader read each row's cells, with what its keys do said once", async () => {
		const { app, plugin } = await demo();
		const view = await openCaseload(app);
		const row = rows(view)[0];
		expect(row?.hasAttribute("aria-label")).toBe(false);
		const hint = view.contentEl.ownerDocument.getElementById(row?.getAttribute("aria-describedby") ?? "");
		expect(hint?.textContent).toBe("Enter prepares the session; Shift+Enter opens the client note.");
		expect(view.contentEl.querySelectorAll(`[id="${hint?.id}"]`)).toHaveLength(1);
		plugin.unload();
	});

	it("leaves Enter on the note button to the button: it opens the note, not the session", async () => {
		const { app, plugin } = await demo();
		const view = await openCaseload(app);
		const button = rows(view)[1]?.querySelector<HTMLButtonElement>(".coaching-alliance-caseload-actions button");
		button?.focus();
		const enter = new KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true });
		button?.dispatchEvent(enter);
		expect(enter.defaultPrevented).toBe(false);
		await settle(app);
		expect(app.workspace.getLeavesOfType(PREPARE_VIEW)).toHaveLength(0);
		plugin.unload();
	});

	it("sorts from a menu and a direction button, for the narrow layout where the headings are hidden", async () => {
		const { app, plugin } = await demo();
		const view = await openCaseload(app);
		const select = view.contentEl.querySelector<HTMLSelectElement>(".coaching-alliance-sort-column");
		expect([...(select?.options ?? [])].map((option) => option.text)).toEqual(["Client", "Cadence", "Last session", "Sessions", "Open", "Mentions since", "Depth"]);
		if (select) select.value = "name";
		select?.dispatchEvent(new Event("change"));
		expect(names(view).slice(0, 2)).toEqual(["Ana Costa", "Jonas Weber"]);
		expect(view.contentEl.ownerDocument.activeElement?.classList.contains("coaching-alliance-sort-column")).toBe(true);
		view.contentEl.querySelector<HTMLButtonElement>(".coaching-alliance-sort-direction")?.click();
		expect(names(view).slice(0, 2)).toEqual(["Tomás Rivera", "Sam Okoro"]);
		expect(view.contentEl.querySelector(".coaching-alliance-sort-direction")?.getAttribute("aria-label")).toBe("Sorted descending: sort ascending");
		expect(view.getState()["sort"]).toEqual({ column: "name", descending: true });
		plugin.unload();
	});

	it("follows the notes live, drawing again only the row of the client whose notes changed", async () => {
		const { app, plugin } = await demo();
		const view = await openCaseload(app);
		const before = new Map(rows(view).map((row) => [row.getAttribute("data-client"), row]));
		const leo = "Coaching/Clients/Leo Park/Leo Park.md";
		const session = file(app, "Coaching/Clients/Leo Park/2026-06-26.md");
		await app.vault.modify(session, `${await app.vault.read(session)}\n- [ ] Call the landlord about the lease\n`);
		await settle(app);
		await until(() => rows(view).find((row) => row.getAttribute("data-client") === leo) !== before.get(leo));
		const after = rows(view);
		expect(after).toHaveLength(before.size);
		for (const row of after) {
			const key = row.getAttribute("data-client");
			if (key === leo) expect(row.querySelectorAll("td")[4]?.textContent).toBe("3");
			else expect(row).toBe(before.get(key));
		}
		plugin.unload();
	});

	it("at midnight, draws each row again in its place, with the new day's figures", async () => {
		const { app, plugin } = await demo();
		const view = await openCaseload(app);
		vi.setSystemTime(new Date("2026-07-01T12:00:00Z"));
		const welcome = file(app, "Welcome.md");
		await app.vault.modify(welcome, `${await app.vault.read(welcome)}\nA line.\n`);
		await settle(app);
		await until(() => rows(view)[0]?.querySelectorAll("td")[1]?.textContent === "overdue by 10 days");
		expect(rows(view)).toHaveLength(8);
		expect(rows(view, 1)).toHaveLength(1);
		plugin.unload();
	});

	it("keeps the keyboard on a row drawn again while the coach is on it", async () => {
		const { app, plugin } = await demo();
		const view = await openCaseload(app);
		const leo = "Coaching/Clients/Leo Park/Leo Park.md";
		const before = rows(view).find((row) => row.getAttribute("data-client") === leo);
		before?.focus();
		const session = file(app, "Coaching/Clients/Leo Park/2026-06-26.md");
		await app.vault.modify(session, `${await app.vault.read(session)}\n- [ ] Call the landlord about the lease\n`);
		await settle(app);
		await until(() => rows(view).find((row) => row.getAttribute("data-client") === leo) !== before);
		expect(view.contentEl.ownerDocument.activeElement?.getAttribute("data-client")).toBe(leo);
		plugin.unload();
	});

	it("opens the client note from its row's button", async () => {
		const { app, plugin } = await demo();
		const view = await openCaseload(app);
		rows(view)[1]?.querySelector<HTMLButtonElement>(".coaching-alliance-caseload-actions button")?.click();
		await until(() => app.workspace.opened.length > 0);
		expect(app.workspace.opened.at(-1)?.path).toBe("Coaching/Clients/Ana Costa.md");
		expect(app.workspace.getLeavesOfType(PREPARE_VIEW)).toHaveLength(0);
		expect(file(app, "Coaching/Clients/Ana Costa.md")).toBeDefined();
		plugin.unload();
	});
});
