// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { Modal, type App, type FuzzySuggestModal } from "../../obsidian-runtime";
import { appFromFiles, loadPlugin, settle, until } from "../../obsidian-runtime/test-app";
import { atMoment } from "../helpers/clock";

atMoment("2026-06-30T12:00:00Z");

const TYPO = '---\ntype: session\nclient: "[[Ana Costaa]]"\ndate: 2026-06-02\ntags: [career]\n# a YAML comment, which processFrontMatter drops as the app does\n---\n## What she brought\nThe promotion. [[Ana Costa]] in the body is not the property.\n';

const VAULT = {
	"Clients/Ana Costa.md": "---\ntype: client\n---\n# Ana Costa\n",
	"Clients/Tomás Rivera.md": "---\ntype: client\n---\n# Tomás Rivera\n",
	"Clients/Maya Chen-Li.md": "---\ntype: client\n---\n# Maya Chen-Li\n",
	"People/Dana Chen.md": "---\ntype: person\n---\nA colleague from the old job.\n",
	"Sessions/2026-06-02 Ana.md": TYPO,
	"Sessions/2026-06-16 Ana.md": '---\ntype: session\nclient: "[[Ana Costa]]"\ndate: 2026-06-16\n---\nFine.\n',
	// The client note was renamed from Maya Chen without its links.
	"Sessions/2026-06-10 Maya.md": '---\ntype: session\nclient: "[[Maya Chen]]"\ndate: 2026-06-10\n---\nTalked.\n',
	"Sessions/2026-06-20 Maya.md": '---\ntype: session\nclient: "[[Maya Chen-Li]]"\ndate: 2026-06-20\n---\nTalked.\n',
	// A colleague's note picked instead of the client.
	"Sessions/2026-06-23 Dana.md": '---\ntype: session\nclients:\n  - "[[Dana Chen]]"\n  - "[[Tomás Rivera]]"\ndate: 2026-06-23\n---\nGroup call.\n',
};

function picker(): FuzzySuggestModal<{ client: { name: string } }> {
	const open = [...Modal.open].filter((modal) => "shown" in modal);
	return open[open.length - 1] as never;
}

async function check(app: App) {
	expect(app.commands.executeCommandById("coaching-alliance:check-client-links")).toBe(true);
	const modal = [...Modal.open][0] as Modal;
	return modal;
}

describe("Check client links", () => {
	it("lists a typo, a link to a renamed client note and a colleague's note, each with the closest clients", async () => {
		const app = await appFromFiles(VAULT);
		const plugin = await loadPlugin(app);
		const modal = await check(app);
		const items = [...modal.contentEl.querySelectorAll("li")].map((item) => item.textContent ?? "");
		expect(items).toHaveLength(3);
		expect(items[0]).toContain("Sessions/2026-06-02 Ana");
		expect(items[0]).toContain("[[Ana Costaa]] reaches no note");
		expect(items[0]).toContain("Closest clients: Ana Costa");
		expect(items[1]).toContain("Sessions/2026-06-10 Maya");
		expect(items[1]).toContain("Closest clients: Maya Chen-Li");
		expect(items[2]).toContain("[[Dana Chen]] reaches People/Dana Chen.md, which no other session names");
		modal.close();
		plugin.unload();
	});

	it("fixes one with a click: the client property alone is rewritten, the rest of the note is as it was", async () => {
		const app = await appFromFiles(VAULT);
		const plugin = await loadPlugin(app);
		const modal = await check(app);
		modal.contentEl.querySelector<HTMLButtonElement>("li button")?.click();
		const choose = picker();
		expect(choose.shown()[0]?.item.client.name).toBe("Ana Costa");
		choose.choose(0);
		const file = app.vault.getFileByPath("Sessions/2026-06-02 Ana.md");
		await until(() => modal.contentEl.querySelectorAll("li").length === 2);
		const text = await app.vault.read(file as never);
		expect(text).toBe('---\ntype: session\nclient: "[[Ana Costa]]"\ndate: 2026-06-02\ntags:\n  - career\n---\n## What she brought\nThe promotion. [[Ana Costa]] in the body is not the property.\n');
		expect(text.split("---\n").slice(2).join("---\n")).toBe(TYPO.split("---\n").slice(2).join("---\n"));
		expect(document.activeElement?.getAttribute("aria-label")).toBe("Choose the client for Sessions/2026-06-10 Maya");
		await settle(app);
		const ana = plugin.vaultIndex.index.clients().find((client) => client.name === "Ana Costa");
		expect(plugin.vaultIndex.index.sessionsOf(ana as never)).toHaveLength(2);
		modal.close();
		plugin.unload();
	});

	it("fixes one entry of a list of clients, leaving the others", async () => {
		const app = await appFromFiles(VAULT);
		const plugin = await loadPlugin(app);
		const modal = await check(app);
		modal.contentEl.querySelectorAll<HTMLButtonElement>("li button")[2]?.click();
		const choose = picker();
		choose.setQuery("Maya");
		choose.choose(0);
		await until(() => modal.contentEl.querySelectorAll("li").length === 2);
		const text = await app.vault.read(app.vault.getFileByPath("Sessions/2026-06-23 Dana.md") as never);
		expect(text).toContain('clients:\n  - "[[Maya Chen-Li]]"\n  - "[[Tomás Rivera]]"\n');
		expect(text.endsWith("---\nGroup call.\n")).toBe(true);
		modal.close();
		plugin.unload();
	});

	it("lists a typo copied into several session notes in each of them", async () => {
		const app = await appFromFiles({
			...VAULT,
			"Sessions/2026-06-03 Ana.md": '---\ntype: session\nclient: "[[Ana Csota]]"\ndate: 2026-06-03\n---\n',
			"Sessions/2026-06-04 Ana.md": '---\ntype: session\nclient: "[[Ana Csota]]"\ndate: 2026-06-04\n---\n',
		});
		const plugin = await loadPlugin(app);
		const modal = await check(app);
		const items = [...modal.contentEl.querySelectorAll("li")].map((item) => item.textContent ?? "");
		expect(items.filter((item) => item.includes("[[Ana Csota]] reaches no note"))).toHaveLength(2);
		expect(items.find((item) => item.includes("Ana Csota"))).toContain("Closest clients: Ana Costa");
		modal.close();
		plugin.unload();
	});

	it("says so when every link reaches a client", async () => {
		const app = await appFromFiles({ "Clients/Ana Costa.md": "---\ntype: client\n---\n", "Sessions/2026-06-16 Ana.md": '---\nclient: "[[Ana Costa]]"\ndate: 2026-06-16\n---\n' });
		const plugin = await loadPlugin(app);
		const modal = await check(app);
		expect(modal.contentEl.textContent).toBe("Every session note's client link reaches a client.");
		modal.close();
		plugin.unload();
	});
});

describe("Open client graph", () => {
	it("opens Obsidian's local graph around the client note of the active note", async () => {
		const app = await appFromFiles(VAULT);
		const plugin = await loadPlugin(app);
		app.workspace.activeFile = app.vault.getFileByPath("Sessions/2026-06-16 Ana.md");
		expect(app.commands.executeCommandById("coaching-alliance:open-client-graph")).toBe(true);
		await until(() => app.workspace.getLeavesOfType("localgraph").length === 1);
		expect(app.workspace.getLeavesOfType("localgraph")[0]?.view.getState()).toEqual({ file: "Clients/Ana Costa.md" });
		plugin.unload();
	});
});
