// @vitest-environment jsdom
/** The test runtime draws notes as the app does where it matters to what a coach sees in the pane. */
import { describe, expect, it } from "vitest";
import { App, Component, MarkdownRenderChild, MarkdownRenderer, Vault, setIcon } from "../../obsidian-runtime";

async function rendered(markdown: string, component = loadedComponent()): Promise<HTMLElement> {
	const element = document.createElement("div");
	await MarkdownRenderer.render(new App(new Vault()), markdown, element, "Sessions/2026-06-16 Maya.md", component);
	return element;
}

function loadedComponent(): Component {
	const component = new Component();
	component.load();
	return component;
}

describe("the runtime's Markdown renderer", () => {
	it("hides %% comments %% and HTML comments, as the reading view does", async () => {
		const element = await rendered("Shown %%not this%% too <!-- nor this -->\n%%\nnor these\nlines\n%%\nEnd.");
		expect(element.textContent).toContain("Shown");
		expect(element.textContent).toContain("End.");
		expect(element.textContent).not.toMatch(/not this|nor this|nor these|%%|<!--/);
	});

	it("draws callouts as boxes with their type and title", async () => {
		const element = await rendered("> [!warning] Before the call\n> Ask about the move.");
		const callout = element.querySelector(".callout");
		expect(callout?.getAttribute("data-callout")).toBe("warning");
		expect(callout?.querySelector(".callout-title")?.textContent).toBe("Before the call");
		expect(callout?.querySelector(".callout-content")?.textContent?.trim()).toBe("Ask about the move.");
		expect(element.querySelector("blockquote")).toBeNull();
	});

	it("draws a task of any status as a task, its character kept", async () => {
		const element = await rendered("- [ ] open\n- [x] done\n- [/] under way\n- [-] dropped\n- plain item");
		const tasks = [...element.querySelectorAll("li.task-list-item")];
		expect(tasks.map((task) => task.getAttribute("data-task"))).toEqual([" ", "x", "/", "-"]);
		expect(tasks.map((task) => task.querySelector<HTMLInputElement>("input.task-list-item-checkbox")?.checked)).toEqual([false, true, true, true]);
		expect(tasks[2]?.textContent?.trim()).toBe("under way");
		expect(element.querySelectorAll("li")).toHaveLength(5);
	});

	it("draws an embed as an embed, a link as a link", async () => {
		const element = await rendered("![[Maya Chen]] and [[Maya Chen|Maya]]");
		expect(element.querySelector(".internal-embed")?.getAttribute("src")).toBe("Maya Chen");
		expect(element.querySelector("a.internal-link")?.textContent).toBe("Maya");
	});

	it("leaves a child in the component it was given, let go with it", async () => {
		const before = MarkdownRenderChild.live;
		const owner = loadedComponent();
		await rendered("One.", owner);
		await rendered("Two.", owner);
		expect(MarkdownRenderChild.live).toBe(before + 2);
		owner.unload();
		expect(MarkdownRenderChild.live).toBe(before);
	});
});

describe("the runtime's icons", () => {
	it("draws the Lucide icon the app draws, and refuses a name the app does not have", () => {
		const button = document.createElement("div");
		setIcon(button, "messages-square");
		const svg = button.querySelector("svg");
		expect(svg?.getAttribute("class")).toBe("svg-icon lucide-messages-square");
		expect(svg?.querySelectorAll("path").length).toBeGreaterThan(0);
		expect(() => setIcon(button, "messages-squared")).toThrow('no icon named "messages-squared"');
	});
});
