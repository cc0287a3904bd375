// @vitest-environment jsdom
import { EditorView } from "@codemirror/view";
import { describe, expect, it } from "vitest";
import { Component, MarkdownPreviewRenderer, MarkdownRenderer, editorInfoField, type App, type TFile } from "../../obsidian-runtime";
import { settle, until } from "../../obsidian-runtime/test-app";
import { demo, readsOf } from "../helpers/demo-app";
import { atMoment } from "../helpers/clock";

atMoment("2026-06-30T12:00:00Z");

/** An editor on the note, with every extension plugins registered, as the app opens one. */
async function editorOn(app: App, path: string, text?: string): Promise<EditorView> {
	const file = app.vault.getFileByPath(path) as TFile;
	const parent = document.body.createDiv();
	return new EditorView({ doc: text ?? (await app.vault.read(file)), parent, extensions: [editorInfoField.init(() => ({ file })), ...app.workspace.editorExtensions] });
}

function hints(view: EditorView, kind: "carried" | "client"): string[] {
	return [...view.dom.querySelectorAll(`.coaching-alliance-${kind}-hint`)].map((hint) => hint.textContent ?? "");
}

describe("hints in the editor", () => {
	it("beside each open commitment a session carries from an earlier one: when it was first made, a click opening that session", async () => {
		const { app, plugin } = await demo();
		const view = await editorOn(app, "Coaching/Sessions/2026-06-16 Ana Costa.md");
		expect(hints(view, "carried")).toEqual(["since Tue 2 Jun 2026", "since Tue 2 Jun 2026"]);
		const line = view.dom.querySelector(".coaching-alliance-carried-hint")?.closest(".cm-line")?.textContent ?? "";
		expect(line).toContain("Agree with Bea what");
		view.dom.querySelector(".coaching-alliance-carried-hint")?.dispatchEvent(new MouseEvent("mousedown", { bubbles: true }));
		expect(app.workspace.opened.at(-1)?.path).toBe("Coaching/Sessions/2026-06-02 Ana Costa.md");
		view.destroy();
		plugin.unload();
	});

	it("after each link to a client, how long since you spoke and what is open; the next session and the cadence on hover", async () => {
		const { app, plugin } = await demo();
		const view = await editorOn(app, "Journal/2026-06-18.md");
		expect(hints(view, "client")).toEqual(["last 2 weeks ago · 6 open"]);
		expect(view.dom.querySelector(".coaching-alliance-client-hint")?.getAttribute("aria-label")).toBe("Next: session 10 · fortnightly, due today");
		view.destroy();
		plugin.unload();
	});

	it("gives a note that is nobody's none, and reads no note to give any", async () => {
		const { app, plugin } = await demo();
		const text = await app.vault.read(app.vault.getFileByPath("Welcome.md") as TFile);
		const reads = readsOf(app, { includingRead: true });
		const welcome = await editorOn(app, "Welcome.md", text);
		expect(welcome.dom.querySelectorAll(".coaching-alliance-hint")).toHaveLength(0);
		const session = await editorOn(app, "Coaching/Sessions/2026-06-16 Ana Costa.md", "## Commitments\n- [ ] Agree with Bea what \"deputy\" means, in writing, before the offsite\n");
		expect(hints(session, "carried")).toHaveLength(1);
		expect(reads).toEqual([]);
		welcome.destroy();
		session.destroy();
		plugin.unload();
	});

	it("are worked out again when the index changes: a commitment ticked in the earlier session is no longer carried from it", async () => {
		const { app, plugin } = await demo();
		const view = await editorOn(app, "Journal/2026-06-18.md");
		const session = app.vault.getFileByPath("Coaching/Sessions/2026-06-16 Ana Costa.md") as TFile;
		await app.vault.modify(session, (await app.vault.read(session)).replace("- [ ] Tell Rui", "- [x] Tell Rui"));
		await settle(app);
		await until(() => hints(view, "client")[0] === "last 2 weeks ago · 5 open");
		view.destroy();
		plugin.unload();
	});

	it("follow the edit: a task line written as a carried commitment shows its date as it is typed", async () => {
		const { app, plugin } = await demo();
		const view = await editorOn(app, "Coaching/Sessions/2026-06-16 Ana Costa.md", "## Commitments\n");
		expect(hints(view, "carried")).toEqual([]);
		view.dispatch({ changes: { from: view.state.doc.length, insert: "- [ ] Book the two weeks in August in the shared calendar" } });
		expect(hints(view, "carried")).toEqual(["since Tue 2 Jun 2026"]);
		view.destroy();
		plugin.unload();
	});

	it("can be turned off in the settings, and come back", async () => {
		const { app, plugin } = await demo();
		const view = await editorOn(app, "Journal/2026-06-18.md");
		plugin.settings.editorHints = false;
		await plugin.saveSettings();
		expect(view.dom.querySelectorAll(".coaching-alliance-hint")).toHaveLength(0);
		plugin.settings.editorHints = true;
		await plugin.saveSettings();
		expect(hints(view, "client")).toHaveLength(1);
		view.destroy();
		plugin.unload();
	});

	it("in a note of several conversations, show the date on the later one only, never where the commitment was first made", async () => {
		const { app, plugin } = await demo();
		const log = "Coaching/Clients/Kim Lee.md";
		await app.vault.create(log, "---\ntype: client\n---\n# Kim Lee\n## 2026-06-02\n- [ ] Send the CV to the recruiter\n\n## 2026-06-16\n- [ ] Send the CV to the recruiter\n");
		await settle(app);
		const view = await editorOn(app, log);
		const hinted = [...view.dom.querySelectorAll(".coaching-alliance-carried-hint")].map((hint) => hint.closest(".cm-line"));
		const lines = [...view.dom.querySelectorAll(".cm-line")];
		const cvLines = lines.filter((line) => line.textContent?.includes("Send the CV to the recruiter"));
		expect(cvLines).toHaveLength(2);
		expect(hinted.filter((line) => cvLines.includes(line as Element))).toEqual([cvLines[1]]);
		view.destroy();
		plugin.unload();
	});

	it("look only at the lines in view: a long note is not decorated to its end", async () => {
		const { app, plugin } = await demo();
		const lines = Array.from({ length: 20_000 }, (_, at) => `${at}: a word with [[Ana Costa]] in it`);
		const view = await editorOn(app, "Journal/2026-06-18.md", lines.join("\n"));
		const shown = hints(view, "client").length;
		expect(shown).toBeGreaterThan(0);
		expect(shown).toBeLessThan(20_000);
		view.destroy();
		plugin.unload();
	});
});

describe("hints in reading view", () => {
	it("are added by a post-processor to links to clients and to carried commitments, never inside the plugin's own pane", async () => {
		const { app, plugin } = await demo();
		const reading = document.body.createDiv();
		const component = new Component();
		await MarkdownRenderer.render(app, "Saw [[Ana Costa]] today.\n\n- [ ] Book the two weeks in August in the shared calendar", reading, "Coaching/Sessions/2026-06-16 Ana Costa.md", component);
		expect([...reading.querySelectorAll(".coaching-alliance-hint")].map((hint) => hint.textContent)).toEqual(["last 2 weeks ago · 6 open", "since Tue 2 Jun 2026"]);
		const pane = document.body.createDiv({ cls: "coaching-alliance-markdown" });
		await MarkdownRenderer.render(app, "Saw [[Ana Costa]] today.", pane, "Journal/2026-06-18.md", component);
		expect(pane.querySelectorAll(".coaching-alliance-hint")).toHaveLength(0);
		plugin.unload();
	});

	it("in a note of several conversations, show the date on the later one only, by the lines reading view gives each block", async () => {
		const { app, plugin } = await demo();
		const log = "Coaching/Clients/Kim Lee.md";
		await app.vault.create(log, "---\ntype: client\n---\n# Kim Lee\n## 2026-06-02\n- [ ] Send the CV to the recruiter\n\n## 2026-06-16\n- [x] Called Dana\n- [ ] Send the CV to the recruiter\n");
		await settle(app);
		const reading = document.body.createDiv();
		await MarkdownPreviewRenderer.renderReadingView(app, log, reading);
		const cvItems = [...reading.querySelectorAll("li")].filter((item) => item.textContent?.includes("Send the CV"));
		expect(cvItems.map((item) => item.querySelector(".coaching-alliance-carried-hint")?.textContent ?? null)).toEqual([null, "since Tue 2 Jun 2026"]);
		plugin.unload();
	});

	it("know a carried task written with a link and formatting by its line, whatever reading view draws of it", async () => {
		const { app, plugin } = await demo();
		const first = "Coaching/Sessions/2026-07-01 Kim.md";
		await app.vault.create("Coaching/Clients/Kim Lee.md", "---\ntype: client\n---\n# Kim Lee\n");
		await app.vault.create("Coaching/Sessions/2026-06-02 Kim.md", '---\ntype: session\nclient: "[[Kim Lee]]"\ndate: 2026-06-02\n---\n## Commitments\n- [ ] Ask [[Ana Costa|Ana]] about the **real** deadline\n');
		await app.vault.create(first, '---\ntype: session\nclient: "[[Kim Lee]]"\ndate: 2026-06-16\n---\n## Commitments\n- [ ] Ask [[Ana Costa|Ana]] about the **real** deadline\n');
		await settle(app);
		const reading = document.body.createDiv();
		await MarkdownPreviewRenderer.renderReadingView(app, first, reading);
		const task = reading.querySelector("li.task-list-item");
		expect(task?.querySelector("strong")?.textContent).toBe("real");
		expect(task?.querySelector(".coaching-alliance-carried-hint")?.textContent).toBe("since Tue 2 Jun 2026");
		plugin.unload();
	});
});
