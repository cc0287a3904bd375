// @vitest-environment jsdom
import { join } from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type CoachingAlliancePlugin from "../../src/main";
import { PREPARE_VIEW, type PrepareView } from "../../src/ui/prepare-view";
import { JSDOM } from "jsdom";
import { installObsidianDom, TestVisibility } from "../../obsidian-runtime/dom";
import { MarkdownRenderChild, Menu, Modal, TFile, type App, type FuzzySuggestModal } from "../../obsidian-runtime";
import { appFromFiles, appFromFolder, loadPlugin, settle, until } from "../../obsidian-runtime/test-app";
import { readsOf } from "../helpers/demo-app";
import { atMoment } from "../helpers/clock";

const DEMO = join(__dirname, "../../examples/demo-vault");

atMoment("2026-06-30T12:00:00Z");

function picker(): FuzzySuggestModal<{ client: { name: string; key: string }; entry: { status: string; due: boolean } }> {
	const open = [...Modal.open];
	expect(open).toHaveLength(1);
	return open[0] as never;
}

function pane(app: App): PrepareView {
	const leaf = app.workspace.getLeavesOfType(PREPARE_VIEW)[0];
	if (!leaf?.view) throw new Error("no prepare pane open");
	return leaf.view as unknown as PrepareView;
}

async function prepare(app: App, query: string): Promise<PrepareView> {
	expect(app.commands.executeCommandById("coaching-alliance:prepare-session")).toBe(true);
	const modal = picker();
	modal.setQuery(query);
	modal.choose(0);
	await until(() => app.workspace.getLeavesOfType(PREPARE_VIEW).length === 1);
	const view = pane(app);
	await until(() => view.contentEl.querySelector(".coaching-alliance-header") !== null);
	return view;
}

function sectionText(view: PrepareView, id: string): string {
	return view.contentEl.querySelector(`[data-section="${id}"]`)?.textContent ?? "";
}

function file(app: App, path: string): TFile {
	const found = app.vault.getFileByPath(path);
	if (!found) throw new Error(`no file ${path}`);
	return found;
}

async function demo(): Promise<{ app: App; plugin: CoachingAlliancePlugin }> {
	const app = await appFromFolder(DEMO);
	const plugin = await loadPlugin(app);
	return { app, plugin };
}

describe("Prepare session: the client picker", () => {
	it("lists clients due next first, archived clients last and marked, clients without a note included", async () => {
		const { app, plugin } = await demo();
		app.commands.executeCommandById("coaching-alliance:prepare-session");
		const names = picker()
			.shown()
			.map((match) => match.item.client.name);
		expect(names).toEqual(["Tomás Rivera", "Ana Costa", "Jonas Weber", "Sam Okoro", "Marta Silva", "Priya Nair", "Lena Fischer", "Leo Park", "Ruth Okafor"]);
		const rows = [...document.querySelectorAll(".suggestion-item")].map((row) => row.textContent ?? "");
		expect(rows[0]).toContain("Due");
		expect(rows[8]).toContain("Past client");
		expect(rows[6]).toContain("no note yet");
		picker().close();
		plugin.unload();
	});

	it("asks of a name without a note a letter off a client's whether it is a typo of theirs", async () => {
		const app = await appFromFiles({
			"Clients/Priya Nair.md": "---\ntype: client\n---\n",
			"Sessions/2026-06-02 Priya.md": '---\nclient: "[[Priya Nair]]"\ndate: 2026-06-02\n---\nThe move.\n',
			"Sessions/2026-06-16 Priya.md": '---\nclient: "[[Priya Nayr]]"\ndate: 2026-06-16\n---\nThe new flat.\n',
		});
		const plugin = await loadPlugin(app);
		app.commands.executeCommandById("coaching-alliance:prepare-session");
		picker().setQuery("Priya");
		const rows = [...document.querySelectorAll(".suggestion-item")].map((row) => row.textContent ?? "");
		expect(rows.find((row) => row.startsWith("Priya Nayr"))).toContain("no note: a typo of Priya Nair?");
		expect(rows.find((row) => row.startsWith("Priya Nair"))).not.toContain("typo");
		picker().close();
		plugin.unload();
	});

	it("finds a client by an alias", async () => {
		const { app, plugin } = await demo();
		app.commands.executeCommandById("coaching-alliance:prepare-session");
		picker().setQuery("Tomas");
		expect(picker().shown()[0]?.item.client.name).toBe("Tomás Rivera");
		picker().close();
		plugin.unload();
	});

	it("the ribbon icon's menu does the same, and the icon is labelled for screen readers", async () => {
		const { app, plugin } = await demo();
		const ribbon = app.ribbonEl?.querySelector('[aria-label="Prepare session or open caseload"]');
		expect(ribbon).toBeTruthy();
		(ribbon as HTMLElement).click();
		Menu.open?.choose("Prepare session");
		expect(picker().shown()).toHaveLength(9);
		picker().close();
		plugin.unload();
	});

	it("no command has a default hotkey, and names are in sentence case", async () => {
		const { app, plugin } = await demo();
		const commands = Object.values(app.commands.commands);
		expect(commands.map((command) => command.name)).toEqual([
			"Prepare session",
			"Open caseload",
			"Prepare session for this client",
			"New session note",
			"New client",
			"Check client links",
			"Open client graph",
			"Save brief as note",
			"Toggle screen-share privacy",
			"Insert intention checklist",
		]);
		expect(commands.every((command) => command.hotkeys === undefined)).toBe(true);
		plugin.unload();
	});
});

describe("Prepare session for this client", () => {
	it("is offered only when the active note is a client note or one of a client's sessions", async () => {
		const { app, plugin } = await demo();
		const id = "coaching-alliance:prepare-session-for-this-client";
		expect(app.commands.isAvailable(id)).toBe(false);
		app.workspace.activeFile = file(app, "Welcome.md");
		expect(app.commands.isAvailable(id)).toBe(false);
		app.workspace.activeFile = file(app, "Calls/Tomás 2026-05-21.md");
		expect(app.commands.isAvailable(id)).toBe(true);
		app.commands.executeCommandById(id);
		await until(() => app.workspace.getLeavesOfType(PREPARE_VIEW).length === 1);
		expect(pane(app).getState()["client"]).toBe("Coaching/Clients/Tomás Rivera.md");
		plugin.unload();
	});

	it("opens straight away from a client note, including a person who became a client", async () => {
		const { app, plugin } = await demo();
		app.workspace.activeFile = file(app, "People/Priya Nair.md");
		app.commands.executeCommandById("coaching-alliance:prepare-session-for-this-client");
		await until(() => app.workspace.getLeavesOfType(PREPARE_VIEW).length === 1);
		expect(pane(app).getDisplayText()).toBe("Prepare: Priya Nair");
		plugin.unload();
	});

	it("from a group session, asks which of its clients", async () => {
		const { app, plugin } = await demo();
		app.workspace.activeFile = file(app, "Coaching/Sessions/2026-05-20 Leadership circle.md");
		app.commands.executeCommandById("coaching-alliance:prepare-session-for-this-client");
		expect(
			picker()
				.shown()
				.map((match) => match.item.client.name)
				.sort(),
		).toEqual(["Ana Costa", "Jonas Weber", "Priya Nair"]);
		picker().close();
		plugin.unload();
	});
});

describe("the pane", () => {
	it("opens in the right sidebar with every section, in the brief's order", async () => {
		const { app, plugin } = await demo();
		const view = await prepare(app, "Ana Costa");
		expect((view.leaf as unknown as { side: string }).side).toBe("right");
		const order = [...view.contentEl.querySelectorAll("[data-section]")].map((section) => section.getAttribute("data-section"));
		expect(order).toEqual(["intention", "person", "left-off", "since", "themes", "conversations"]);
		const header = view.contentEl.querySelector(".coaching-alliance-header")?.textContent ?? "";
		expect(header).toContain("Ana Costa");
		expect(header).toContain("Last spoke 2 weeks ago (Tue 16 Jun 2026)");
		expect(header).toContain("9 sessions so far · next is session 10");
		expect(header).toContain("Meets fortnightly · due today");
		plugin.unload();
	});

	it("titles the intention checklist with the heading from the settings", async () => {
		const { app, plugin } = await demo();
		plugin.settings.intentionHeading = "My intentions";
		const view = await prepare(app, "Ana Costa");
		expect(view.contentEl.querySelector('[data-section="intention"] summary')?.textContent).toBe("My intentions");
		plugin.unload();
	});

	it("shows the intention checklist, ticked for the moment only", async () => {
		const { app, plugin } = await demo();
		const view = await prepare(app, "Ana Costa");
		const boxes = [...view.contentEl.querySelectorAll<HTMLInputElement>(".coaching-alliance-intentions input[type=checkbox]")];
		expect(boxes.map((box) => box.parentElement?.textContent?.trim())).toEqual([
			"The person who listens to them better than anyone else in their life",
			"Someone who cares",
		]);
		boxes[0]?.click();
		expect(boxes[0]?.checked).toBe(true);
		expect(await app.vault.read(file(app, "Coaching/Clients/Ana Costa.md"))).not.toContain("[x] The person who listens");
		plugin.unload();
	});

	it("opens with the thread the last conversation held for this one, and the earlier threads in a fold read when opened", async () => {
		const { app, plugin } = await demo();
		const view = await prepare(app, "Ana Costa");
		const held = view.contentEl.querySelector(".coaching-alliance-held");
		expect(held?.compareDocumentPosition(view.contentEl.querySelector('[data-section="intention"]') as Node)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
		expect(held?.textContent).toContain('The "right moment" with Bea: what is she waiting for?');
		const fold = held?.querySelector<HTMLDetailsElement>("details");
		expect(fold?.querySelectorAll(".coaching-alliance-held-thread")).toHaveLength(0);
		if (fold) fold.open = true;
		fold?.dispatchEvent(new Event("toggle"));
		await until(() => (fold?.querySelectorAll(".coaching-alliance-held-thread").length ?? 0) === 7);
		plugin.unload();
	});

	it("says the last conversation held nothing for this one, above the threads earlier ones held, as the terminal does", async () => {
		const app = await appFromFiles({
			"Clients/Priya Nair.md": "---\ntype: client\n---\n",
			"Sessions/2026-06-02 Priya.md": '---\nclient: "[[Priya Nair]]"\ndate: 2026-06-02\n---\n## What she brought\nThe move.\n## To hold for next time\nHer sister\'s visit.\n',
			"Sessions/2026-06-16 Priya.md": '---\nclient: "[[Priya Nair]]"\ndate: 2026-06-16\n---\n## What she brought\nThe new flat.\n',
		});
		const plugin = await loadPlugin(app);
		const view = await prepare(app, "Priya Nair");
		const held = view.contentEl.querySelector(".coaching-alliance-held");
		expect(held?.querySelector(".coaching-alliance-held-label")?.textContent).toBe("To pick up");
		expect(held?.textContent).toContain("The last conversation held nothing for this one.");
		expect(held?.querySelector("summary")?.textContent).toBe("Threads held before");
		plugin.unload();
	});

	it("says which session notes may be theirs, linking a name a letter off that has no note, each a link to open", async () => {
		const app = await appFromFiles({
			"Clients/Priya Nair.md": "---\ntype: client\n---\n",
			"Sessions/2026-06-02 Priya.md": '---\nclient: "[[Priya Nair]]"\ndate: 2026-06-02\n---\n## What she brought\nThe move.\n',
			"Sessions/2026-06-16 Priya.md": '---\nclient: "[[Priya Nayr]]"\ndate: 2026-06-16\n---\n## What she brought\nThe new flat.\n',
		});
		const plugin = await loadPlugin(app);
		const view = await prepare(app, "Priya Nair");
		const line = view.contentEl.querySelector(".coaching-alliance-maybe-theirs");
		expect(line?.textContent).toBe('Sessions/2026-06-16 Priya links "Priya Nayr", a name with no note: is it theirs? Check client links fixes the link.');
		expect(line?.querySelector("a.internal-link")?.getAttribute("data-href")).toBe("Sessions/2026-06-16 Priya.md");
		plugin.unload();
	});

	it("keeps their own words in a fold under the person, read from the sessions only when opened", async () => {
		const { app, plugin } = await demo();
		const view = await prepare(app, "Ana Costa");
		const fold = view.contentEl.querySelector<HTMLDetailsElement>('[data-section="person"] details.coaching-alliance-quotes');
		expect(fold?.querySelector("summary")?.textContent).toBe("In their words");
		expect(fold?.querySelectorAll("blockquote")).toHaveLength(0);
		if (fold) fold.open = true;
		fold?.dispatchEvent(new Event("toggle"));
		await until(() => (fold?.querySelectorAll("blockquote").length ?? 0) > 0);
		expect(fold?.textContent).toContain("because if something breaks it's on me");
		plugin.unload();
	});

	it("says who the person is above the profile: the client note's chosen properties and its opening lines", async () => {
		const { app, plugin } = await demo();
		const view = await prepare(app, "Ana Costa");
		const person = view.contentEl.querySelector('[data-section="person"]');
		const properties = [...(person?.querySelectorAll(".coaching-alliance-about-properties dt") ?? [])].map((name) => `${name.textContent}: ${name.nextElementSibling?.textContent?.trim()}`);
		expect(properties).toEqual(["role: Engineering lead, logistics start-up", "started: 2026-03-03"]);
		expect(person?.querySelector(".coaching-alliance-about")?.textContent).toContain("her partner Rui and a very loud cat");
		plugin.unload();
	});

	it("lists what the coach promised apart, and says how each commitment has fared", async () => {
		const app = await appFromFiles({
			"Clients/Lena Fischer.md": "---\ntype: client\n---\n",
			"Sessions/2026-06-02 Lena.md": '---\nclient: "[[Lena Fischer]]"\ndate: 2026-06-02\n---\n- [ ] Write to her old mentor\n- [ ] Ask HR about the budget\n## My commitments\n- [ ] Send Lena the agreement\n',
			"Sessions/2026-06-16 Lena.md": '---\nclient: "[[Lena Fischer]]"\ndate: 2026-06-16\n---\n- [ ] Write to her old mentor\n- [ ] Find her a Spanish tutor #me\n',
		});
		const plugin = await loadPlugin(app);
		const view = await prepare(app, "Lena Fischer");
		const leftOff = view.contentEl.querySelector('[data-section="left-off"]');
		expect([...(leftOff?.querySelectorAll("h4") ?? [])].map((heading) => heading.textContent)).toEqual(["Open commitments", "What I promised"]);
		const [clients, coach] = [...(leftOff?.querySelectorAll(".coaching-alliance-commitments") ?? [])];
		expect(clients?.textContent).toContain("Write to her old mentor");
		expect(clients?.textContent).toContain("in 2 sessions");
		expect([...(clients?.querySelectorAll(".coaching-alliance-dropped") ?? [])].map((flag) => flag.closest("li")?.textContent)).toEqual([
			expect.stringContaining("Ask HR about the budget"),
		]);
		expect(coach?.textContent).toContain("Send Lena the agreement");
		// Listed apart, the promise needs no mark to say whose it is.
		expect(coach?.textContent).toContain("Find her a Spanish tutor");
		expect(coach?.textContent).not.toContain("#me");
		plugin.unload();
	});

	it("renders the person's profile as Obsidian renders notes", async () => {
		const { app, plugin } = await demo();
		const view = await prepare(app, "Ana Costa");
		const person = view.contentEl.querySelector('[data-section="person"]');
		expect([...(person?.querySelectorAll("h4") ?? [])].map((heading) => heading.textContent)).toEqual([
			"What makes them happy",
			"What keeps them awake at night",
			"Goals",
		]);
		expect(person?.querySelectorAll("li").length).toBe(9);
		expect(sectionText(view, "person")).toContain("Also called Ana");
		plugin.unload();
	});

	it("shows where we left off, with every open commitment and the session it comes from", async () => {
		const { app, plugin } = await demo();
		const view = await prepare(app, "Ana Costa");
		const leftOff = sectionText(view, "left-off");
		expect(leftOff).toContain("Session 9 · Tue 16 Jun 2026 · 2 weeks ago");
		expect(leftOff).toContain("The offsite went well");
		const commitments = [...view.contentEl.querySelectorAll(".coaching-alliance-commitments > li")];
		expect(commitments).toHaveLength(6);
		expect(commitments[0]?.textContent).toContain("Agree with Bea what \"deputy\" means");
		expect(commitments[0]?.textContent).toContain("Tue 16 Jun 2026 · first on Tue 2 Jun 2026");
		const groupTask = commitments.find((item) => item.textContent?.includes("meet once before the next circle"));
		expect(groupTask?.querySelector("a.internal-link[data-href='Jonas Weber']")).toBeTruthy();
		plugin.unload();
	});

	it("shows what moved since, the themes, and every earlier conversation newest first", async () => {
		const { app, plugin } = await demo();
		const view = await prepare(app, "Ana Costa");
		expect(sectionText(view, "since")).toContain("Thu 18 Jun 2026 · Journal/2026-06-18");
		const themes = [...view.contentEl.querySelectorAll(".coaching-alliance-theme")].map((theme) => theme.textContent);
		expect(themes.slice(0, 3)).toEqual(["#boundaries4", "#delegation4", "#family3"]);
		const cards = [...view.contentEl.querySelectorAll(".coaching-alliance-session")];
		expect(cards.map((card) => card.querySelector(".coaching-alliance-session-number")?.textContent)).toEqual(["#9", "#8", "#7", "#6", "#5", "#4", "#3", "#2", "#1"]);
		expect(cards[2]?.textContent).toContain("Leadership circle");
		plugin.unload();
	});

	it("shows under each mention the words that name the person, read as it scrolls into view, the link a link", async () => {
		const { app, plugin } = await demo();
		const view = await prepare(app, "Ana Costa");
		const passage = view.contentEl.querySelector('[data-section="since"] .coaching-alliance-passage');
		expect(passage?.hasClass("is-loading")).toBe(true);
		TestVisibility.reveal([passage as Element]);
		await until(() => !passage?.hasClass("is-loading"));
		expect(passage?.textContent).toContain("Saw on LinkedIn that Ana Costa's team shipped the warehouse integration. She didn't mention it on Tuesday.");
		expect(passage?.querySelector("a.internal-link")?.getAttribute("data-href")).toBe("Ana Costa");
		plugin.unload();
	});

	it("keeps how I showed up in a fold under the intentions: a row of marks per conversation and the last reflections", async () => {
		const { app, plugin } = await demo();
		const reads = readsOf(app);
		const view = await prepare(app, "Ana Costa");
		const fold = view.contentEl.querySelector<HTMLDetailsElement>('[data-section="intention"] details.coaching-alliance-intention-record');
		expect(fold?.querySelector("summary")?.textContent).toBe("How I showed up");
		expect(reads).toHaveLength(2);
		if (fold) fold.open = true;
		fold?.dispatchEvent(new Event("toggle"));
		await until(() => (fold?.querySelectorAll(".coaching-alliance-intention-rows > li").length ?? 0) === 9);
		const rows = [...(fold?.querySelectorAll(".coaching-alliance-intention-rows > li") ?? [])];
		expect(rows[1]?.querySelector("a")?.textContent).toBe("#8 · Tue 2 Jun 2026");
		expect([...(rows[1]?.querySelectorAll(".coaching-alliance-mark") ?? [])].map((mark) => mark.getAttribute("aria-label"))).toEqual([
			"kept: The person who listens to them better than anyone else in their life",
			"missed: Someone who cares",
		]);
		await until(() => (fold?.querySelectorAll(".coaching-alliance-reflection").length ?? 0) > 0);
		expect(fold?.querySelector(".coaching-alliance-reflection")?.textContent).toContain("Stayed with the silence after the news about her father.");
		plugin.unload();
	});

	it("reads excerpts only as they scroll into view", async () => {
		const { app, plugin } = await demo();
		const reads = readsOf(app);
		const view = await prepare(app, "Ana Costa");
		expect(reads.sort()).toEqual(["Coaching/Clients/Ana Costa.md", "Coaching/Sessions/2026-06-16 Ana Costa.md"]);
		const excerpts = [...view.contentEl.querySelectorAll(".coaching-alliance-excerpt")];
		// The latest conversation is shown whole under "Where we left off", not again as an excerpt.
		expect(excerpts[0]?.textContent).toBe("Shown above, under Where we left off.");
		expect(excerpts.slice(1).every((excerpt) => excerpt.hasClass("is-loading"))).toBe(true);
		TestVisibility.reveal(excerpts.slice(0, 2));
		await until(() => !excerpts[1]?.hasClass("is-loading"));
		expect(excerpts[1]?.textContent).toContain("She asked! Marta said yes");
		expect(excerpts[2]?.hasClass("is-loading")).toBe(true);
		plugin.unload();
	});

	it("has a read-back mode: every conversation in full, oldest first, with date headers", async () => {
		const { app, plugin } = await demo();
		const view = await prepare(app, "Ana Costa");
		view.contentEl.querySelector<HTMLButtonElement>(".coaching-alliance-read-back-toggle")?.click();
		await until(() => view.contentEl.querySelector(".coaching-alliance-read-back") !== null);
		expect(view.getState()["mode"]).toBe("read-back");
		const dates = [...view.contentEl.querySelectorAll(".coaching-alliance-read-back-date")].map((heading) => heading.textContent);
		expect(dates[0]).toBe("Tue 3 Mar 2026 · session 1");
		expect(dates).toHaveLength(9);
		const bodies = [...view.contentEl.querySelectorAll(".coaching-alliance-read-back-body")];
		TestVisibility.reveal([bodies[0] as Element]);
		await until(() => !bodies[0]?.hasClass("is-loading"));
		expect(bodies[0]?.textContent).toContain("First session. Ana talked for twenty minutes");
		expect(bodies[0]?.textContent).not.toContain("type: session");
		// Quiet: the intention checklist is left out, the reflection's prose kept.
		expect(bodies[0]?.textContent).not.toContain("The person who listens to them better");
		expect(bodies[0]?.textContent).toContain("Rushed the ending");
		expect([...view.contentEl.querySelectorAll(".coaching-alliance-read-back-gap")].map((gap) => gap.textContent)).toHaveLength(8);
		expect(view.contentEl.querySelector(".coaching-alliance-read-back-gap")?.textContent).toBe("2 weeks later");
		await until(() => /^9 conversations, about \d+ minutes?$/.test(view.contentEl.querySelector(".coaching-alliance-reading-time")?.textContent ?? ""));
		view.contentEl.querySelector<HTMLButtonElement>(".coaching-alliance-read-back-toggle")?.click();
		await until(() => view.contentEl.querySelector("[data-section]") !== null);
		plugin.unload();
	});

	it("weaves into read-back the notes that named the person between conversations, and shows the checklists when asked", async () => {
		const { app, plugin } = await demo();
		const view = await prepare(app, "Ana Costa");
		view.contentEl.querySelector<HTMLButtonElement>(".coaching-alliance-read-back-toggle")?.click();
		await until(() => view.contentEl.querySelector(".coaching-alliance-read-back") !== null);
		const asides = [...view.contentEl.querySelectorAll(".coaching-alliance-between")];
		expect(asides.length).toBeGreaterThan(0);
		const last = asides[asides.length - 1];
		expect(last?.querySelector(".coaching-alliance-between-label")?.textContent).toBe("Since the last conversation");
		expect(last?.textContent).toContain("Journal/2026-06-18");
		// After the ninth conversation, the last thing read.
		expect(last?.previousElementSibling?.querySelector(".coaching-alliance-read-back-date")?.textContent).toContain("session 9");

		const box = view.contentEl.querySelector<HTMLInputElement>(".coaching-alliance-checklists-toggle input");
		expect(box?.checked).toBe(false);
		box?.click();
		// Drawn again, the box ticked in the new drawing.
		await until(() => !box?.isConnected);
		expect(view.contentEl.querySelector<HTMLInputElement>(".coaching-alliance-checklists-toggle input")?.checked).toBe(true);
		const first = view.contentEl.querySelector(".coaching-alliance-read-back-body");
		TestVisibility.reveal([first as Element]);
		await until(() => !first?.hasClass("is-loading"));
		expect(first?.textContent).toContain("The person who listens to them better");
		plugin.unload();
	});

	it("opens notes from links, with modifier keys for a new tab or a split", async () => {
		const { app, plugin } = await demo();
		const view = await prepare(app, "Ana Costa");
		const title = view.contentEl.querySelector<HTMLAnchorElement>(".coaching-alliance-session-title");
		title?.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
		title?.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, ctrlKey: true }));
		title?.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, ctrlKey: true, altKey: true }));
		expect(app.workspace.opened).toMatchObject([
			{ path: "Coaching/Sessions/2026-06-16 Ana Costa.md", newLeaf: false },
			{ path: "Coaching/Sessions/2026-06-16 Ana Costa.md", newLeaf: "tab" },
			{ path: "Coaching/Sessions/2026-06-16 Ana Costa.md", newLeaf: "split" },
		]);
		const inRenderedText = view.contentEl.querySelector<HTMLAnchorElement>(".coaching-alliance-commitments a.internal-link[data-href='Jonas Weber']");
		inRenderedText?.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
		expect(app.workspace.opened[3]).toMatchObject({ path: "Jonas Weber.md", newLeaf: false });
		plugin.unload();
	});

	it("shows the brief in a pop-out window, drawn by that window's document, its excerpts loading and its links opening there", async () => {
		const { app, plugin } = await demo();
		app.workspace.popoutWindow = () => new JSDOM("<!doctype html><body></body>").window as unknown as Window & typeof globalThis;
		const leaf = app.workspace.openPopoutLeaf();
		await leaf.setViewState({ type: PREPARE_VIEW, state: { client: "Coaching/Clients/Ana Costa.md", mode: "brief" } });
		const view = leaf.view as unknown as PrepareView;
		await until(() => sectionText(view, "left-off").includes("Book the two weeks"));
		const popOut = view.contentEl.ownerDocument;
		expect(popOut).not.toBe(document);
		expect(view.contentEl.querySelector(".coaching-alliance-brief")?.ownerDocument).toBe(popOut);
		const excerpts = [...view.contentEl.querySelectorAll(".coaching-alliance-excerpt")];
		expect(excerpts.length).toBeGreaterThan(0);
		TestVisibility.reveal(excerpts.slice(0, 1));
		await until(() => !excerpts[0]?.classList.contains("is-loading"));
		const title = view.contentEl.querySelector(".coaching-alliance-session-title");
		title?.dispatchEvent(new (popOut.defaultView as Window & typeof globalThis).MouseEvent("click", { bubbles: true, cancelable: true }));
		expect(app.workspace.opened.at(-1)).toMatchObject({ path: "Coaching/Sessions/2026-06-16 Ana Costa.md", newLeaf: false });
		plugin.unload();
	});

	it("opens links in a pop-out window too, where the pane's elements belong to that window", async () => {
		const { app, plugin } = await demo();
		const view = await prepare(app, "Ana Costa");
		const popOut = new JSDOM("<!doctype html><body></body>").window as unknown as Window & typeof globalThis;
		installObsidianDom(popOut);
		// The pane moved to the pop-out: what it draws there is made by that window's document.
		const link = popOut.document.createElement("a");
		link.className = "internal-link";
		link.setAttribute("data-href", "Jonas Weber");
		view.contentEl.appendChild(link);
		expect(link instanceof HTMLElement).toBe(false);
		link.dispatchEvent(new popOut.MouseEvent("click", { bubbles: true, cancelable: true }));
		expect(app.workspace.opened.at(-1)).toMatchObject({ path: "Jonas Weber.md", newLeaf: false });
		plugin.unload();
	});

	it("folds each section, and keeps it folded across updates", async () => {
		const { app, plugin } = await demo();
		const view = await prepare(app, "Ana Costa");
		const themes = view.contentEl.querySelector<HTMLDetailsElement>('[data-section="themes"]');
		expect(themes?.open).toBe(true);
		if (themes) themes.open = false;
		themes?.dispatchEvent(new Event("toggle"));
		await app.vault.process(file(app, "Coaching/Sessions/2026-06-16 Ana Costa.md"), (text) => `${text}\n- [ ] Send Bea the deputy notes\n`);
		await settle(app);
		await until(() => sectionText(view, "left-off").includes("Send Bea the deputy notes"));
		expect(view.contentEl.querySelector<HTMLDetailsElement>('[data-section="themes"]')?.open).toBe(false);
		plugin.unload();
	});
});

describe("conversations written inside other notes", () => {
	// The practice below is written through the autumn: a day after it, every conversation is one held.
	beforeEach(() => {
		vi.setSystemTime(new Date("2026-11-30T12:00:00Z"));
	});

	const PRACTICE = {
		"Clients/Priya Raman.md": "---\ntype: client\n---\n## Goals\nStop proving herself.\n\n## Session log\n### 2026-10-26\nShe said yes to the CPO offer.\n- [ ] Write down what yes costs her\n### 2026-10-12 · The CPO offer\nThe offer came in on a Tuesday.\n",
		"Clients/Sam Okoro.md": "---\ntype: client\n---\n",
		"Daily/2026-10-20.md": "---\ndate: 2026-10-20\n---\n## Errands\n- [ ] Buy printer ink\n## Coaching: [[Sam Okoro|Sam]]\nSam is tired of being the calm one.\n- [ ] Two evenings with no laptop\n## Call with Priya\nA short check-in about the offer.\n",
	};

	it("lists each section as its own conversation, opens its note at its heading, and reads back the section alone", async () => {
		const app = await appFromFiles(PRACTICE);
		const plugin = await loadPlugin(app);
		const view = await prepare(app, "Priya");
		const titles = [...view.contentEl.querySelectorAll(".coaching-alliance-session-title")].map((title) => title.textContent);
		expect(titles).toEqual(["2026-10-26", "Call with Priya", "2026-10-12 · The CPO offer"]);
		expect(sectionText(view, "left-off")).toContain("She said yes to the CPO offer");
		expect(sectionText(view, "left-off")).not.toContain("Stop proving herself");
		expect(sectionText(view, "left-off")).toContain("Write down what yes costs her");

		view.contentEl.querySelectorAll<HTMLAnchorElement>(".coaching-alliance-session-title")[1]?.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
		expect(app.workspace.opened.at(-1)).toMatchObject({ path: "Daily/2026-10-20.md", heading: "Call with Priya" });

		view.contentEl.querySelector<HTMLButtonElement>(".coaching-alliance-read-back-toggle")?.click();
		await until(() => view.contentEl.querySelectorAll(".coaching-alliance-read-back-body").length === 3);
		const bodies = [...view.contentEl.querySelectorAll(".coaching-alliance-read-back-body")];
		TestVisibility.reveal(bodies);
		await until(() => bodies.every((body) => !body.hasClass("is-loading")));
		expect(bodies.map((body) => body.textContent?.replace(/\s+/g, " ").trim())).toEqual([
			"The offer came in on a Tuesday.",
			"A short check-in about the offer.",
			"She said yes to the CPO offer. Write down what yes costs her",
		]);
		plugin.unload();
	});

	it("opens a section whose heading holds a link at that heading", async () => {
		const app = await appFromFiles(PRACTICE);
		const plugin = await loadPlugin(app);
		const view = await prepare(app, "Sam Okoro");
		expect(sectionText(view, "left-off")).toContain("Two evenings with no laptop");
		expect(sectionText(view, "left-off")).not.toContain("printer ink");
		view.contentEl.querySelector<HTMLAnchorElement>(".coaching-alliance-session-title")?.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
		expect(app.workspace.opened.at(-1)).toMatchObject({ path: "Daily/2026-10-20.md", heading: "Coaching: [[Sam Okoro|Sam]]" });
		plugin.unload();
	});
});

describe("the pane follows the notes", () => {
	it("after an edit, keeping the scroll position", async () => {
		const { app, plugin } = await demo();
		const view = await prepare(app, "Ana Costa");
		view.contentEl.scrollTop = 120;
		await app.vault.process(file(app, "Coaching/Sessions/2026-06-16 Ana Costa.md"), (text) => text.replace("- [ ] Book the two weeks", "- [x] Book the two weeks"));
		await settle(app);
		await until(() => !sectionText(view, "left-off").includes("Book the two weeks in August in the shared calendarTue"));
		await until(() => view.contentEl.querySelectorAll(".coaching-alliance-commitments > li").length === 5);
		expect(view.contentEl.scrollTop).toBe(120);
		plugin.unload();
	});

	it("when updates overlap, a slow older render never overwrites a newer one, and briefs never mix", async () => {
		const { app, plugin } = await demo();
		const view = await prepare(app, "Ana Costa");
		const cachedRead = app.vault.cachedRead.bind(app.vault);
		let slowOnce = true;
		app.vault.cachedRead = async (target: TFile) => {
			const text = await cachedRead(target);
			if (slowOnce) {
				slowOnce = false;
				await new Promise((resolve) => setTimeout(resolve, 50));
			}
			return text;
		};
		plugin.vaultIndex.index.touch();
		const older = view.render();
		await app.vault.process(file(app, "Coaching/Clients/Ana Costa.md"), (text) => text.replace("## Goals", "## Goals\n- Learn to surf the big winter swell."));
		await settle(app);
		await until(() => plugin.vaultIndex.index.revision > 0 && !slowOnce);
		const newer = view.render();
		await Promise.all([older, newer]);
		expect(view.contentEl.querySelectorAll(".coaching-alliance-brief")).toHaveLength(1);
		expect(sectionText(view, "person")).toContain("Learn to surf the big winter swell.");
		plugin.unload();
	});

	it("keeps the intentions the coach ticked when another note changes or a note is created", async () => {
		const { app, plugin } = await demo();
		const view = await prepare(app, "Ana Costa");
		const boxes = () => [...view.contentEl.querySelectorAll<HTMLInputElement>(".coaching-alliance-intentions input[type=checkbox]")];
		boxes()[1]?.click();
		await app.vault.process(file(app, "Coaching/Clients/Sam Okoro.md"), (text) => `${text}\nLikes long walks.\n`);
		await app.vault.create("Inbox/Groceries.md", "- oat milk\n");
		// A session of Ana's own changes too, so the pane is drawn again.
		await app.vault.process(file(app, "Coaching/Sessions/2026-06-16 Ana Costa.md"), (text) => text.replace("- [ ] Book the two weeks", "- [x] Book the two weeks"));
		await settle(app);
		await until(() => view.contentEl.querySelectorAll(".coaching-alliance-commitments > li").length === 5);
		expect(boxes().map((box) => box.checked)).toEqual([false, true]);
		plugin.unload();
	});

	it("lets go of what each drawing rendered: redrawn again and again, it holds no more than once", async () => {
		const { app, plugin } = await demo();
		const before = MarkdownRenderChild.live;
		const view = await prepare(app, "Ana Costa");
		const once = MarkdownRenderChild.live - before;
		expect(once).toBeGreaterThan(0);
		for (let edit = 0; edit < 3; edit++) {
			await app.vault.process(file(app, "Coaching/Sessions/2026-06-16 Ana Costa.md"), (text) => `${text}\nMore, ${edit}.\n`);
			await settle(app);
			await until(() => sectionText(view, "left-off").includes(`More, ${edit}.`));
		}
		expect(MarkdownRenderChild.live - before).toBe(once);
		plugin.unload();
		expect(MarkdownRenderChild.live).toBe(before);
	});

	it("ticks are for one day: the next day's brief starts unticked", async () => {
		const { app, plugin } = await demo();
		const view = await prepare(app, "Ana Costa");
		const boxes = () => [...view.contentEl.querySelectorAll<HTMLInputElement>(".coaching-alliance-intentions input[type=checkbox]")];
		boxes()[0]?.click();
		vi.setSystemTime(new Date("2026-07-01T09:00:00Z"));
		await app.vault.process(file(app, "Coaching/Sessions/2026-06-16 Ana Costa.md"), (text) => `${text}\nA new line.\n`);
		await settle(app);
		await until(() => (view.contentEl.textContent ?? "").includes("2 weeks ago") && sectionText(view, "left-off").includes("A new line."));
		expect(boxes().map((box) => box.checked)).toEqual([false, false]);
		plugin.unload();
	});

	it("an edit to someone else's note draws nothing again and reads no note", async () => {
		const { app, plugin } = await demo();
		const view = await prepare(app, "Ana Costa");
		const page = view.contentEl.querySelector(".coaching-alliance-brief");
		const reads = readsOf(app);
		await app.vault.process(file(app, "Coaching/Clients/Sam Okoro.md"), (text) => `${text}\nLikes long walks.\n`);
		await settle(app);
		await new Promise((resolve) => setTimeout(resolve, 150));
		expect(view.contentEl.querySelector(".coaching-alliance-brief")).toBe(page);
		expect(reads).toEqual([]);
		plugin.unload();
	});

	it("a hidden pane is drawn again only when it shows", async () => {
		const { app, plugin } = await demo();
		const view = await prepare(app, "Ana Costa");
		const page = view.contentEl.querySelector(".coaching-alliance-brief");
		view.containerEl.style.display = "none";
		await app.vault.process(file(app, "Coaching/Sessions/2026-06-16 Ana Costa.md"), (text) => text.replace("- [ ] Book the two weeks", "- [x] Book the two weeks"));
		await settle(app);
		await new Promise((resolve) => setTimeout(resolve, 150));
		expect(view.contentEl.querySelector(".coaching-alliance-brief")).toBe(page);
		view.containerEl.style.display = "";
		app.workspace.trigger("layout-change");
		await until(() => view.contentEl.querySelectorAll(".coaching-alliance-commitments > li").length === 5);
		expect(view.contentEl.querySelector(".coaching-alliance-brief")).not.toBe(page);
		plugin.unload();
	});

	it("after a session is renamed and another deleted", async () => {
		const { app, plugin } = await demo();
		const view = await prepare(app, "Ana Costa");
		await app.vault.rename(file(app, "Coaching/Sessions/2026-06-16 Ana Costa.md"), "Coaching/Sessions/2026/2026-06-16 Ana – the offsite.md");
		await settle(app);
		await until(() => (view.contentEl.querySelector(".coaching-alliance-session-title")?.textContent ?? "") === "2026-06-16 Ana – the offsite");
		await app.vault.delete(file(app, "Coaching/Sessions/2026-06-02 Ana Costa.md"));
		await settle(app);
		await until(() => view.contentEl.querySelectorAll(".coaching-alliance-session").length === 8);
		plugin.unload();
	});

	it("after the client note is deleted, says so kindly", async () => {
		const { app, plugin } = await demo();
		const view = await prepare(app, "Jonas Weber");
		await app.vault.delete(file(app, "Jonas Weber.md"));
		await settle(app);
		await until(() => (view.contentEl.textContent ?? "").includes("no longer in your notes"));
		expect(view.contentEl.querySelector("button.mod-cta")?.textContent).toBe("Choose a client");
		plugin.unload();
	});
});

describe("empty states", () => {
	it("a client with no sessions found yet: what was looked for, never a claim that this is the first", async () => {
		const app = await appFromFiles({ "Clients/Noor Haddad.md": "---\ntype: client\ncadence: weekly\n---\n" });
		const plugin = await loadPlugin(app);
		const view = await prepare(app, "Noor");
		const text = view.contentEl.textContent ?? "";
		expect(text).toContain("No conversation found yet");
		expect(text).toContain("dated sections in their note");
		expect(text).not.toMatch(/first conversation|starts fresh/i);
		expect(text).toContain("Meets weekly · due now");
		expect(sectionText(view, "person")).toContain("Nothing under the profile headings yet");
		expect(sectionText(view, "conversations")).toContain("None yet.");
		plugin.unload();
	});

	it("a pane restored without a client asks who you are preparing for", async () => {
		const { app, plugin } = await demo();
		const leaf = app.workspace.getRightLeaf(false);
		await leaf.setViewState({ type: PREPARE_VIEW, state: {} });
		expect(leaf.view?.containerEl.textContent).toContain("Choose who you are preparing for.");
		plugin.unload();
	});
});

describe("notes that could not be fully read", () => {
	it("are listed last, in a fold that starts closed, each with a link to its note; the session itself still counts", async () => {
		const app = await appFromFiles({
			"Clients/Maya Chen.md": "---\ntype: client\n---\n",
			"Sessions/2026-06-16 Maya.md": '---\ntype: session\nclient: "[[Maya Chen]]\ndate: 2026-06-16\n---\n- [ ] Call the bank\n',
		});
		const plugin = await loadPlugin(app);
		const view = await prepare(app, "Maya");
		const fold = view.contentEl.querySelector<HTMLDetailsElement>('[data-section="problems"]');
		expect(fold?.open).toBe(false);
		expect([...view.contentEl.querySelectorAll("[data-section]")].pop()).toBe(fold);
		expect(fold?.querySelector("summary")?.textContent).toBe("Notes I could not fully read (1)");
		expect(fold?.querySelector("a.internal-link")?.getAttribute("data-href")).toBe("Sessions/2026-06-16 Maya.md");
		expect(sectionText(view, "problems")).toContain("its frontmatter is not valid YAML");
		expect(sectionText(view, "left-off")).toContain("Call the bank");
		plugin.unload();
	});

	it("no fold at all when every note reads cleanly", async () => {
		const { app, plugin } = await demo();
		const view = await prepare(app, "Ana Costa");
		expect(view.contentEl.querySelector('[data-section="problems"]')).toBeNull();
		plugin.unload();
	});
});

describe("restarts", () => {
	it("the pane keeps its client in its view state and shows it again once the notes are read", async () => {
		const first = await demo();
		const view = await prepare(first.app, "Priya Nair");
		const saved = first.app.workspace.getLeavesOfType(PREPARE_VIEW)[0]?.getViewState();
		expect(saved).toEqual({ type: PREPARE_VIEW, state: { client: "People/Priya Nair.md", mode: "brief" } });
		expect(view.getDisplayText()).toBe("Prepare: Priya Nair");
		first.plugin.unload();

		const app = await appFromFolder(DEMO);
		const Plugin = (await import("../../src/main")).default;
		const plugin = new Plugin(app as never, { id: "coaching-alliance" } as never);
		plugin.load();
		await until(() => plugin.vaultIndex !== undefined);
		const leaf = app.workspace.getRightLeaf(false);
		await leaf.setViewState(saved as never);
		expect(leaf.view?.containerEl.textContent).toContain("Reading your notes…");
		app.workspace.markLayoutReady();
		await until(() => (leaf.view?.containerEl.textContent ?? "").includes("Priya Nair"));
		await until(() => (leaf.view?.containerEl.textContent ?? "").includes("Where we left off"));
		plugin.unload();
	});
});

describe("restarts with the pane in a background tab", () => {
	it("the pane comes back deferred: nothing is read or drawn for it until it is shown, and Prepare session shows the brief in it", async () => {
		const app = await appFromFolder(DEMO);
		const leaf = app.workspace.getRightLeaf(false);
		leaf.restoreDeferred({ type: PREPARE_VIEW, state: { client: "People/Priya Nair.md", mode: "brief" } });
		const rendered = MarkdownRenderChild.live;
		const plugin = await loadPlugin(app);
		expect(leaf.isDeferred).toBe(true);
		expect(MarkdownRenderChild.live).toBe(rendered);
		await prepare(app, "Ana Costa");
		expect(app.workspace.getLeavesOfType(PREPARE_VIEW)).toEqual([leaf]);
		expect(leaf.isDeferred).toBe(false);
		await until(() => (leaf.view?.containerEl.textContent ?? "").includes("Where we left off"));
		expect(leaf.view?.getDisplayText()).toBe("Prepare: Ana Costa");
		plugin.unload();
	});
});

describe("cost", () => {
	it("a client with 300 sessions reads no more notes on opening than one with 3", async () => {
		const files: Record<string, string> = {
			"Clients/Long Haul.md": "---\ntype: client\n---\n## Goals\nKeep going.\n",
			"Clients/New Start.md": "---\ntype: client\n---\n## Goals\nBegin.\n",
		};
		for (let n = 0; n < 300; n++) {
			const day = new Date(Date.UTC(2020, 0, 1) + n * 7 * 86_400_000).toISOString().slice(0, 10);
			files[`Sessions/${day} Long Haul.md`] = `---\nclient: "[[Long Haul]]"\ndate: ${day}\n---\nWeek ${n}.\n- [ ] Step ${n}\n`;
			if (n < 3) files[`Sessions/${day} New Start.md`] = `---\nclient: "[[New Start]]"\ndate: ${day}\n---\nWeek ${n}.\n`;
		}
		const app = await appFromFiles(files);
		const plugin = await loadPlugin(app);
		const reads = readsOf(app);
		const long = await prepare(app, "Long Haul");
		expect(long.contentEl.querySelectorAll(".coaching-alliance-session")).toHaveLength(300);
		const longReads = reads.splice(0).length;
		await prepare(app, "New Start");
		expect(longReads).toBe(2);
		expect(reads).toHaveLength(2);
		plugin.unload();
	});
});

describe("accessibility", () => {
	it("icon buttons have labels, links are reachable by keyboard", async () => {
		const { app, plugin } = await demo();
		const view = await prepare(app, "Ana Costa");
		const toggle = view.contentEl.querySelector(".coaching-alliance-read-back-toggle");
		expect(toggle?.getAttribute("aria-label")).toBe("Read back every conversation");
		expect(toggle?.tagName).toBe("BUTTON");
		const links = [...view.contentEl.querySelectorAll("a.internal-link")];
		expect(links.length).toBeGreaterThan(10);
		expect(links.every((link) => link.hasAttribute("href"))).toBe(true);
		// Six sections, and the folds of earlier threads, of how I showed up and of their own words: each opens from the keyboard.
		expect([...view.contentEl.querySelectorAll("summary")]).toHaveLength(9);
		plugin.unload();
	});
});
