// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SETTINGS_VERSION } from "../../src/core/settings/stored";
import { openVaultFolder } from "../../src/fs/vault-folder";
import { PREPARE_VIEW } from "../../src/ui/prepare-view";
import { runtimeVersion, type PluginSettingTab } from "../../obsidian-runtime";
import { appFromFiles, loadPlugin, until } from "../../obsidian-runtime/test-app";

const DATA = ".obsidian/plugins/coaching-alliance/data.json";

const NOTES = {
	"Kunden/Jana Vogel.md": "# Jana\n",
	"Clients/Maya Chen.md": "---\ntype: client\n---\n",
};

/** Opens the tab as the settings window of the runtime's Obsidian version would. */
async function openTab() {
	const app = await appFromFiles(NOTES);
	const plugin = await loadPlugin(app);
	const tab = app.settingTabs[0] as PluginSettingTab;
	tab.open();
	return { app, plugin, tab };
}

function field(tab: PluginSettingTab, name: string): { setting: HTMLElement; input: HTMLInputElement | HTMLTextAreaElement; error: string } {
	const setting = [...tab.containerEl.querySelectorAll<HTMLElement>(".setting-item")].find(
		(item) => item.querySelector(".setting-item-name")?.textContent === name,
	);
	const input = setting?.querySelector<HTMLInputElement | HTMLTextAreaElement>("input, textarea");
	if (!setting || !input) throw new Error(`no setting "${name}"`);
	const error = setting.querySelector(".coaching-alliance-setting-error, .setting-validation-message")?.textContent ?? "";
	return { setting, input, error };
}

/** Types a value; 1.13's validation may be asynchronous, so the change has landed when this resolves. */
async function type(input: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
	input.value = value;
	input.dispatchEvent(new Event("input"));
	await new Promise((resolve) => setTimeout(resolve, 0));
}

async function stored(app: Awaited<ReturnType<typeof openTab>>["app"]): Promise<Record<string, unknown>> {
	return JSON.parse(await app.vault.adapter.read(DATA)) as Record<string, unknown>;
}

const VERSIONS = [
	["1.13, drawn from getSettingDefinitions()", "1.13.1"],
	["before 1.13, drawn by display()", "1.12.3"],
] as const;

describe.each(VERSIONS)("the settings tab in Obsidian %s", (_, version) => {
	const played = runtimeVersion.apiVersion;
	beforeEach(() => {
		runtimeVersion.apiVersion = version;
	});
	afterEach(() => {
		runtimeVersion.apiVersion = played;
	});

	it("offers every rule of the conventions, under headings without the word settings", async () => {
		const { tab, plugin } = await openTab();
		const headings = [...tab.containerEl.querySelectorAll(".setting-item-heading .setting-item-name")].map((heading) => heading.textContent);
		expect(headings).toEqual(["What was recognised", "Before the call", "After the call", "Privacy", "Clients", "Sessions", "Notes left out"]);
		const names = [...tab.containerEl.querySelectorAll(".setting-item-name")].map((name) => name.textContent);
		for (const name of ["Client folders", "Client types", "Client tags", "People folders", "Session folders", "Session types", "Session tags", "Client properties", "Excluded folders", "Templates folder", "Profile headings", "Intention heading", version === "1.13.1" ? "Intention 1" : "Intentions", "Excerpt lines", "Date format", "Open the pane in", "Session note folder", "Session note name", "Session template", "New client folder"]) {
			expect(names).toContain(name);
		}
		plugin.unload();
	});

	it("opens with what was recognised, each shape with examples that open the note and the settings that govern it", async () => {
		const { app, tab, plugin } = await openTab();
		const names = [...tab.containerEl.querySelectorAll(".setting-item-name")].map((name) => name.textContent);
		expect(names).toContain("1 client; 0 conversations: 0 session notes, 0 sections of client notes, 0 sections of dated notes; 0 client folders.");
		expect(names).toContain("Sections of client notes: 0");
		const clientFolders = field(tab, "Client folders").setting;
		expect(clientFolders).toBeDefined();
		const row = [...tab.containerEl.querySelectorAll<HTMLElement>(".setting-item")].find((item) => item.textContent?.startsWith("Session notes: 0"));
		expect(row?.textContent).toContain("Set by: Session folders, Session types, Session tags, Client properties.");
		plugin.unload();
		void app;
	});

	it("an example of a shape opens its note at the heading it was read from", async () => {
		const app = await appFromFiles({
			"Clients/Priya Raman.md": "---\ntype: client\n---\n## Session log\n### 2026-10-26\nShe said yes.\n",
			"Clients/Sam Okoro.md": "---\ntype: client\n---\n",
			"Daily/2026-10-20.md": "## Errands\n## Coaching: [[Sam Okoro]]\nTired.\n",
		});
		const plugin = await loadPlugin(app);
		const tab = app.settingTabs[0] as PluginSettingTab;
		tab.open();
		const names = [...tab.containerEl.querySelectorAll(".setting-item-name")].map((name) => name.textContent);
		expect(names).toContain("2 clients; 2 conversations: 0 session notes, 1 section of client notes, 1 section of dated notes; 0 client folders.");
		const examples = [...tab.containerEl.querySelectorAll<HTMLAnchorElement>("a.coaching-alliance-example")];
		expect(examples.map((example) => example.textContent)).toEqual(["2026-10-26", "Coaching: [[Sam Okoro]]"]);
		examples[1]?.click();
		await until(() => app.workspace.opened.length > 0);
		expect(app.workspace.opened.at(-1)).toMatchObject({ path: "Daily/2026-10-20.md", heading: "Coaching: [[Sam Okoro]]" });
		plugin.unload();
	});

	it("saves a change, and the index follows the new rule", async () => {
		const { app, tab, plugin } = await openTab();
		await type(field(tab, "Client folders").input, "Clients\nKunden\n");
		tab.hide();
		await until(() => plugin.vaultIndex.index.clients().some((client) => client.name === "Jana Vogel"));
		expect((await stored(app))["clientFolders"]).toEqual(["Clients", "Kunden"]);
		plugin.unload();
	});

	it("shows why a value cannot be used next to the field, and keeps the saved one", async () => {
		const { tab, plugin } = await openTab();
		await type(field(tab, "Client folders").input, "Coaching/Clients");
		expect(field(tab, "Client folders").error).toBe("Write folder names, not paths: a folder called Clients matches at any depth.");
		expect(plugin.settings.clientFolders).toEqual(["Clients", "Coachees"]);

		await type(field(tab, "Date format").input, "YYYY-MM-DD");
		expect(field(tab, "Date format").error).toMatch(/is not a date format/);
		await type(field(tab, "Date format").input, "MMMM yyyy");
		expect(field(tab, "Date format").error).toBe('"MMMM yyyy" does not show the day of the month.');
		await type(field(tab, "Date format").input, "d MMMM yyyy");
		expect(field(tab, "Date format").error).toBe("");
		expect(plugin.settings.dateFormat).toBe("d MMMM yyyy");

		await type(field(tab, "Excerpt lines").input, "-2");
		expect(field(tab, "Excerpt lines").error).toBe("A whole number from 0 to 20.");
		expect(plugin.settings.excerptLines).toBe(3);

		await type(field(tab, "Intention heading").input, "   ");
		expect(field(tab, "Intention heading").error).toBe("This cannot be empty.");
		plugin.unload();
	});

	/** Each: the field's name, what is typed into it, the same value in data.json, and the one sentence both give. */
	const REFUSED: [string, string, string, unknown, string][] = [
		["Type properties", "", "typeProperties", [], "Keep at least one."],
		["Excerpt lines", "5000", "excerptLines", 5000, "A whole number from 0 to 20."],
		["Client folders", "Coaching/Clients", "clientFolders", ["Coaching/Clients"], "Write folder names, not paths: a folder called Clients matches at any depth."],
		["Client tags", "my tag", "clientTags", ["my tag"], "Tags have no spaces."],
		["Date format", "MMMM yyyy", "dateFormat", "MMMM yyyy", '"MMMM yyyy" does not show the day of the month.'],
		["Session template", ".obsidian/session.md", "sessionTemplate", ".obsidian/session.md", "The template cannot be in a hidden or configuration folder."],
		["Intention heading", "   ", "intentionHeading", "   ", "This cannot be empty."],
		["Cadence property", "<% tp.user.run() %>", "cadenceProperty", "<% tp.user.run() %>", "A setting cannot hold a Templater command (<% %>)."],
	];

	it.each(REFUSED)("refuses %s %j with the words the command line uses for data.json", async (name, typed, key, stored, sentence) => {
		const { tab, plugin } = await openTab();
		await type(field(tab, name).input, typed);
		expect(field(tab, name).error).toBe(sentence);
		plugin.unload();

		const vault = mkdtempSync(join(tmpdir(), "settings-"));
		try {
			mkdirSync(join(vault, ".obsidian/plugins/coaching-alliance"), { recursive: true });
			writeFileSync(join(vault, DATA), JSON.stringify({ settingsVersion: SETTINGS_VERSION, [key]: stored }));
			const { warnings } = await openVaultFolder(vault);
			expect(warnings).toEqual([`${DATA}: Setting "${key}": ${sentence} The default is used.`]);
		} finally {
			rmSync(vault, { recursive: true, force: true });
		}
	});

	it("documents the template placeholders, and refuses a template in the configuration folder", async () => {
		const { tab, plugin } = await openTab();
		const template = field(tab, "Session template");
		expect(template.setting.textContent).toContain("{{open_commitments}}");
		await type(template.input, ".obsidian/templates/session.md");
		expect(field(tab, "Session template").error).toBe("The template cannot be in a hidden or configuration folder.");
		expect(plugin.settings.sessionTemplate).toBe("");
		await type(field(tab, "Session template").input, "Templates/Session");
		expect(plugin.settings.sessionTemplate).toBe("Templates/Session");
		plugin.unload();
	});

	it("tags are written without #, and blank lines are ignored", async () => {
		const { tab, plugin } = await openTab();
		await type(field(tab, "Client tags").input, "#client\n\n  #mentee  \n");
		expect(plugin.settings.clientTags).toEqual(["client", "mentee"]);
		plugin.unload();
	});

	it.runIf(version === "1.12.3")("intentions can be added, reordered and removed", async () => {
		const { app, tab, plugin } = await openTab();
		const buttons = () => [...tab.containerEl.querySelectorAll<HTMLButtonElement>(".coaching-alliance-intention button")];
		[...tab.containerEl.querySelectorAll<HTMLButtonElement>("button")].find((button) => button.textContent === "Add intention")?.click();
		expect(plugin.settings.intentions).toHaveLength(3);
		const inputs = () => [...tab.containerEl.querySelectorAll<HTMLInputElement>(".coaching-alliance-intention input")];
		await type(inputs()[2] as HTMLInputElement, "Calm, even when they are not");
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
		tab.open();
		expect(inputs().map((input) => input.getAttribute("aria-label"))).toEqual(["Intention 1", "Intention 2"]);
		plugin.unload();
	});

	it.runIf(version === "1.13.1")("intentions are a list Obsidian can add to, reorder and delete from", async () => {
		const { app, tab, plugin } = await openTab();
		const button = (label: string) =>
			[...tab.containerEl.querySelectorAll<HTMLButtonElement>("button")].filter(
				(element) => element.textContent === label || element.getAttribute("aria-label") === label,
			);
		button("Add intention")[0]?.click();
		expect(plugin.settings.intentions).toHaveLength(3);
		await type(field(tab, "Intention 3").input, "Calm, even when they are not");
		const list = tab.settingItems.find((item) => (item as { type?: string }).type === "list") as { onReorder: (from: number, to: number) => void };
		list.onReorder(2, 1);
		button("Delete")[0]?.click();
		tab.hide();
		await until(() => app.vault.hiddenFiles.get(DATA)?.includes("Calm, even when") === true);
		expect((await stored(app))["intentions"]).toEqual(["Calm, even when they are not", "Someone who cares"]);
		tab.open();
		expect(field(tab, "Intention 1").input.value).toBe("Calm, even when they are not");
		plugin.unload();
	});

	it("a synced data.json with fewer intentions redraws the open tab, and a stale field can no longer change the list", async () => {
		const { app, tab, plugin } = await openTab();
		const intention = (n: number) => tab.containerEl.querySelector<HTMLInputElement>(`input[aria-label="Intention ${n}"]`) ?? field(tab, `Intention ${n}`).input;
		const staleSecond = intention(2);
		app.vault.seed(DATA, JSON.stringify({ settingsVersion: SETTINGS_VERSION, intentions: ["Curious"] }));
		await plugin.onExternalSettingsChange();
		await type(staleSecond, "Typed into a row that is gone");
		expect(plugin.settings.intentions).toEqual(["Curious"]);
		expect(intention(1).value).toBe("Curious");
		expect(() => intention(2)).toThrow();
		plugin.unload();
	});

	it("round-trips: what is saved is what the next start loads", async () => {
		const { app, tab, plugin } = await openTab();
		await type(field(tab, "Profile headings").input, "Family\nValues");
		await type(field(tab, "Excerpt lines").input, "5");
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
		await until(() => plugin.settings.paneLocation === "tab");
		const maya = plugin.vaultIndex.index.clients().find((client) => client.name === "Maya Chen");
		if (!maya) throw new Error("no Maya");
		await plugin.actions.openPrepare(maya);
		expect((app.workspace.getLeavesOfType(PREPARE_VIEW)[0] as unknown as { side: string }).side).toBe("main");
		plugin.unload();
	});
});
