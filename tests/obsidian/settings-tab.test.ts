// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { PREPARE_VIEW } from "../../src/ui/prepare-view";
import type { PluginSettingTab } from "../obsidian-runtime/obsidian";
import { appFromFiles, loadPlugin, until } from "../obsidian-runtime/test-app";

const DATA = ".obsidian/plugins/coaching-alliance/data.json";

const NOTES = {
	"Kunden/Jana Vogel.md": "# Jana\n",
	"Clients/Maya Chen.md": "---\ntype: client\n---\n",
};

async function openTab() {
	const app = await appFromFiles(NOTES);
	const plugin = await loadPlugin(app);
	const tab = app.settingTabs[0] as PluginSettingTab;
	tab.display();
	return { app, plugin, tab };
}

function field(tab: PluginSettingTab, name: string): { setting: HTMLElement; input: HTMLInputElement | HTMLTextAreaElement; error: string } {
	const setting = [...tab.containerEl.querySelectorAll<HTMLElement>(".setting-item")].find(
		(item) => item.querySelector(".setting-item-name")?.textContent === name,
	);
	const input = setting?.querySelector<HTMLInputElement | HTMLTextAreaElement>("input, textarea");
	if (!setting || !input) throw new Error(`no setting "${name}"`);
	return { setting, input, error: setting.querySelector(".coaching-alliance-setting-error")?.textContent ?? "" };
}

function type(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
	input.value = value;
	input.dispatchEvent(new Event("input"));
}

async function stored(app: Awaited<ReturnType<typeof openTab>>["app"]): Promise<Record<string, unknown>> {
	return JSON.parse(await app.vault.adapter.read(DATA)) as Record<string, unknown>;
}

describe("the settings tab", () => {
	it("offers every rule of the conventions, under headings without the word settings", async () => {
		const { tab, plugin } = await openTab();
		const headings = [...tab.containerEl.querySelectorAll(".setting-item-heading .setting-item-name")].map((heading) => heading.textContent);
		expect(headings).toEqual(["Before the call", "After the call", "Clients", "Sessions", "Notes left out"]);
		const names = [...tab.containerEl.querySelectorAll(".setting-item-name")].map((name) => name.textContent);
		for (const name of ["Client folders", "Client types", "Client tags", "People folders", "Session folders", "Session types", "Session tags", "Client properties", "Excluded folders", "Templates folder", "Profile headings", "Intention heading", "Intentions", "Excerpt lines", "Date format", "Open the pane in", "Session note folder", "Session note name", "Session template", "New client folder"]) {
			expect(names).toContain(name);
		}
		plugin.unload();
	});

	it("saves a change, and the index follows the new rule", async () => {
		const { app, tab, plugin } = await openTab();
		type(field(tab, "Client folders").input, "Clients\nKunden\n");
		tab.hide();
		await until(() => plugin.vaultIndex.index.clients().some((client) => client.name === "Jana Vogel"));
		expect((await stored(app))["clientFolders"]).toEqual(["Clients", "Kunden"]);
		plugin.unload();
	});

	it("shows why a value cannot be used next to the field, and keeps the saved one", async () => {
		const { tab, plugin } = await openTab();
		type(field(tab, "Client folders").input, "Coaching/Clients");
		expect(field(tab, "Client folders").error).toBe("Write folder names, not paths: a folder called Clients matches at any depth.");
		expect(plugin.settings.clientFolders).toEqual(["Clients", "Coachees"]);

		type(field(tab, "Date format").input, "YYYY-MM-DD");
		expect(field(tab, "Date format").error).toMatch(/is not a date format/);
		type(field(tab, "Date format").input, "MMMM yyyy");
		expect(field(tab, "Date format").error).toBe('"MMMM yyyy" does not show the day of the month');
		type(field(tab, "Date format").input, "d MMMM yyyy");
		expect(field(tab, "Date format").error).toBe("");
		expect(plugin.settings.dateFormat).toBe("d MMMM yyyy");

		type(field(tab, "Excerpt lines").input, "-2");
		expect(field(tab, "Excerpt lines").error).toBe("A whole number from 0 to 20.");
		expect(plugin.settings.excerptLines).toBe(3);

		type(field(tab, "Intention heading").input, "   ");
		expect(field(tab, "Intention heading").error).toBe("This cannot be empty.");
		plugin.unload();
	});

	it("documents the template placeholders, and refuses a template in the configuration folder", async () => {
		const { tab, plugin } = await openTab();
		const template = field(tab, "Session template");
		expect(template.setting.textContent).toContain("{{open_commitments}}");
		type(template.input, ".obsidian/templates/session.md");
		expect(field(tab, "Session template").error).toBe("The template cannot be in a hidden or configuration folder.");
		expect(plugin.settings.sessionTemplate).toBe("");
		type(field(tab, "Session template").input, "Templates/Session");
		expect(plugin.settings.sessionTemplate).toBe("Templates/Session");
		plugin.unload();
	});

	it("tags are written without #, and blank lines are ignored", async () => {
		const { tab, plugin } = await openTab();
		type(field(tab, "Client tags").input, "#client\n\n  #mentee  \n");
		expect(plugin.settings.clientTags).toEqual(["client", "mentee"]);
		plugin.unload();
	});

	it("intentions can be added, reordered and removed", async () => {
		const { app, tab, plugin } = await openTab();
		const buttons = () => [...tab.containerEl.querySelectorAll<HTMLButtonElement>(".coaching-alliance-intention button")];
		[...tab.containerEl.querySelectorAll<HTMLButtonElement>("button")].find((button) => button.textContent === "Add intention")?.click();
		expect(plugin.settings.intentions).toHaveLength(3);
		const inputs = () => [...tab.containerEl.querySelectorAll<HTMLInputElement>(".coaching-alliance-intention input")];
		type(inputs()[2] as HTMLInputElement, "Calm, even when they are not");
		buttons()
			.filter((button) => button.getAttribute("aria-label") === "Move up")[2]
			?.click();
		expect(plugin.settings.intentions).toEqual([
			"The person who listens to them better than anyone else in their life",
			"Calm, even when they are not",
			"Someone who cares",
		]);
		buttons()
			.filter((button) => button.getAttribute("aria-label") === "Remove")[0]
			?.click();
		tab.hide();
		await until(() => app.vault.hiddenFiles.get(DATA)?.includes("Calm, even when") === true);
		expect((await stored(app))["intentions"]).toEqual(["Calm, even when they are not", "Someone who cares"]);
		expect(inputs().map((input) => input.getAttribute("aria-label"))).toEqual(["Intention 1", "Intention 2"]);
		plugin.unload();
	});

	it("round-trips: what is saved is what the next start loads", async () => {
		const { app, tab, plugin } = await openTab();
		type(field(tab, "Profile headings").input, "Family\nValues");
		type(field(tab, "Excerpt lines").input, "5");
		tab.hide();
		await until(() => app.vault.hiddenFiles.get(DATA)?.includes('"excerptLines": 5') === true);
		plugin.unload();
		const again = await loadPlugin(app);
		expect(again.settings.profileHeadings).toEqual(["Family", "Values"]);
		expect(again.settings.excerptLines).toBe(5);
		again.unload();
	});

	it("opens the pane in a main-area tab when asked to", async () => {
		const { app, tab, plugin } = await openTab();
		const select = tab.containerEl.querySelector<HTMLSelectElement>("select");
		if (!select) throw new Error("no dropdown");
		select.value = "tab";
		select.dispatchEvent(new Event("change"));
		const maya = plugin.vaultIndex.index.clients().find((client) => client.name === "Maya Chen");
		if (!maya) throw new Error("no Maya");
		await plugin.openPrepare(maya);
		expect((app.workspace.getLeavesOfType(PREPARE_VIEW)[0] as unknown as { side: string }).side).toBe("main");
		plugin.unload();
	});
});
