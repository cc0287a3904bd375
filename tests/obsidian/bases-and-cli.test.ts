// @vitest-environment jsdom
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main";
import { BasesEntry, BasesQueryResult, BasesViewConfig, QueryController, runtimeVersion, type App, type BasesView, type TFile } from "../../obsidian-runtime";
import { appFromFiles, appFromFolder, loadPlugin, settle, until } from "../../obsidian-runtime/test-app";
import { DEMO, demo } from "../helpers/demo-app";
import { atMoment } from "../helpers/clock";

atMoment("2026-06-30T12:00:00Z");

afterEach(() => {
	runtimeVersion.apiVersion = "1.13.1";
});

async function ourCli(args: string[]): Promise<string> {
	let stdout = "";
	await runCli(args, { out: (text) => (stdout += text), err: () => {}, colour: false }, () => new Date("2026-06-30T12:00:00Z"));
	return stdout;
}

/** The caseload view of a base whose query gave these notes, as the app would draw it. */
function basesView(app: App, paths: string[], order: string[]): { view: BasesView; container: HTMLElement } {
	const registration = app.basesViews.get("coaching-alliance-caseload");
	if (!registration) throw new Error("no caseload view in Bases");
	const container = document.body.createDiv();
	const view = registration.factory(new QueryController(app), container);
	view.config = new BasesViewConfig("Caseload", order);
	view.data = new BasesQueryResult(paths.map((path) => new BasesEntry(app.vault.getFileByPath(path) as TFile, { role: path.includes("Ana") ? "Engineering lead" : undefined })));
	view.load();
	view.onDataUpdated();
	return { view, container };
}

describe("the caseload in Bases", () => {
	it("is a view any base can use: the clients among the base's notes, with the base's chosen properties beside the figures", async () => {
		const { app, plugin } = await demo();
		expect(app.basesViews.get("coaching-alliance-caseload")).toMatchObject({ name: "Caseload", icon: "users" });
		const { view, container } = basesView(app, ["Coaching/Clients/Ana Costa.md", "Coaching/Clients/Tomás Rivera.md", "Welcome.md"], ["file.name", "note.role"]);
		const rows = [...container.querySelectorAll(".coaching-alliance-caseload-row")];
		expect(rows.map((row) => row.querySelector(".coaching-alliance-caseload-name")?.textContent)).toEqual(["Ana Costa", "Tomás Rivera"]);
		expect([...container.querySelectorAll("th")].map((cell) => cell.textContent)).toEqual(["Client", "Cadence", "Last session", "Sessions", "Open", "Mentions since", "Depth", "role", "Client note"]);
		expect(rows[0]?.querySelector('[data-label="role"]')?.textContent).toBe("Engineering lead");
		expect(container.textContent).toContain("1 note of this base is not a client's.");
		view.unload();
		// The base shows another view in the same container next: nothing of ours stays there.
		expect(container.childElementCount).toBe(0);
		expect(container.className).toBe("");
		plugin.unload();
	});

	it("follows the index: a task added to a client's session redraws that client's row only, and the keyboard stays on it", async () => {
		const app = await appFromFolder(DEMO);
		const plugin = await loadPlugin(app);
		const { view, container } = basesView(app, ["Coaching/Clients/Leo Park/Leo Park.md", "Coaching/Clients/Ana Costa.md"], ["file.name"]);
		const [leo, ana] = container.querySelectorAll<HTMLElement>(".coaching-alliance-caseload-row");
		leo?.focus();
		const session = app.vault.getFileByPath("Coaching/Clients/Leo Park/2026-06-26.md") as TFile;
		await app.vault.modify(session, `${await app.vault.read(session)}\n- [ ] Call the landlord\n`);
		await settle(app);
		await until(() => container.querySelector('[data-label="Open"]')?.textContent === "3");
		const after = [...container.querySelectorAll<HTMLElement>(".coaching-alliance-caseload-row")];
		expect(after[0]).not.toBe(leo);
		expect(after[1]).toBe(ana);
		expect(document.activeElement).toBe(after[0]);
		expect(after.map((row) => row.getAttribute("tabindex"))).toEqual(["0", "-1"]);
		view.unload();
		plugin.unload();
	});

	it("hides the base's property values while screen-share privacy is on, and shows them again after", async () => {
		const { app, plugin } = await demo();
		const { view, container } = basesView(app, ["Coaching/Clients/Ana Costa.md"], ["file.name", "note.role"]);
		expect(container.querySelector('[data-label="role"]')?.textContent).toBe("Engineering lead");
		await plugin.actions.togglePrivacy();
		await until(() => container.querySelector('[data-label="role"]')?.textContent === "hidden");
		expect(container.textContent).not.toContain("Engineering lead");
		expect(container.textContent).toContain("Ana Costa");
		await plugin.actions.togglePrivacy();
		await until(() => container.querySelector('[data-label="role"]')?.textContent === "Engineering lead");
		view.unload();
		plugin.unload();
	});

	it("is not offered by an app older than Bases (1.10), which loads the plugin all the same", async () => {
		runtimeVersion.apiVersion = "1.9.4";
		const app = await appFromFolder(DEMO);
		const plugin = await loadPlugin(app);
		expect(app.basesViews.size).toBe(0);
		expect(app.commands.commands["coaching-alliance:open-caseload"]).toBeDefined();
		plugin.unload();
	});

	it("the demo vault has a base that shows it", async () => {
		const { readFile } = await import("node:fs/promises");
		expect(await readFile(join(DEMO, "Caseload.base"), "utf8")).toContain("type: coaching-alliance-caseload");
	});
});

describe("Obsidian's own command line", () => {
	it("runs coaching-alliance:brief, :search, :caseload and :check with the same output as the plugin's command line", async () => {
		const app = await appFromFolder(DEMO);
		const plugin = await loadPlugin(app);
		const run = (command: string, params: Record<string, string>) => {
			const handler = app.cliHandlers.get(command);
			if (!handler) throw new Error(`no ${command}`);
			return handler.handler(params);
		};
		expect(await run("coaching-alliance:brief", { client: "Ana Costa", today: "2026-06-30" })).toBe(await ourCli(["brief", "--vault", DEMO, "--client", "Ana Costa", "--today", "2026-06-30"]));
		expect(await run("coaching-alliance:brief", { client: "Ana", today: "2026-06-30", json: "true" })).toBe(await ourCli(["brief", "--vault", DEMO, "--client", "Ana", "--today", "2026-06-30", "--json"]));
		expect(await run("coaching-alliance:brief", { client: "Tomás", today: "2026-06-30", "read-back": "true" })).toBe(
			await ourCli(["brief", "--vault", DEMO, "--client", "Tomás", "--today", "2026-06-30", "--read-back"]),
		);
		expect(await run("coaching-alliance:search", { client: "Ana", query: "bea deputy", today: "2026-06-30" })).toBe(await ourCli(["search", "--vault", DEMO, "--client", "Ana", "--today", "2026-06-30", "bea", "deputy"]));
		expect(await run("coaching-alliance:caseload", { today: "2026-06-30" })).toBe(await ourCli(["caseload", "--vault", DEMO, "--today", "2026-06-30"]));
		expect(await run("coaching-alliance:check", { json: "true" })).toBe(await ourCli(["check", "--vault", DEMO, "--json"]));
		expect(await run("coaching-alliance:brief", { client: "Nobody" })).toMatch(/^No client called "Nobody"\./);
		expect(app.cliHandlers.get("coaching-alliance:brief")?.flags?.["client"]).toMatchObject({ required: true });
		plugin.unload();
		expect(app.cliHandlers.size).toBe(0);
	});

	it("never prints what is under a private heading, in a brief, its read-back, its JSON or a search", async () => {
		const app = await appFromFiles({
			"Clients/Maya Chen.md": "---\ntype: client\n---\n## Goals\nLead without proving herself.\n## Private\nMy hunch about her father.\n",
			"Sessions/2026-06-16 Maya.md": '---\ntype: session\nclient: "[[Maya Chen]]"\ndate: 2026-06-16\n---\n## What she brought\nThe CFO and the budget.\n## Supervision with Helen\nI rescue her too fast; the budget is not mine to fix.\n- [ ] Ask Helen about rescuing\n',
		});
		const plugin = await loadPlugin(app);
		const run = (command: string, params: Record<string, string>) => app.cliHandlers.get(command)?.handler(params) ?? "";
		const said = [
			await run("coaching-alliance:brief", { client: "Maya" }),
			await run("coaching-alliance:brief", { client: "Maya", json: "true" }),
			await run("coaching-alliance:brief", { client: "Maya", "read-back": "true", checklists: "true" }),
			await run("coaching-alliance:search", { client: "Maya", query: "budget" }),
		].join("\n");
		expect(said).toContain("The CFO and the budget.");
		for (const secret of ["hunch", "father", "rescue", "Helen", "not mine to fix"]) expect(said).not.toContain(secret);
		plugin.unload();
	});

	it("is left alone on an app older than 1.12.2", async () => {
		runtimeVersion.apiVersion = "1.12.1";
		const app = await appFromFolder(DEMO);
		const plugin = await loadPlugin(app);
		expect(app.cliHandlers.size).toBe(0);
		expect(app.basesViews.size).toBe(1);
		plugin.unload();
	});
});
