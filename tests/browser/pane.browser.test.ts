/**
 * The pane in a real browser: Debian's Chromium, driven by playwright-core, running the built
 * main.js on the test runtime. For a demo client in light and dark themes, at a sidebar width
 * and a phone width: every section is visible and nothing overflows sideways. Screenshots go to
 * tests/artifacts/ (ignored by git) for a person to look at.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, launchChromium, measurePane, openPane, screenshotPane } from "../../scripts/preview-page";

const ROOT = join(__dirname, "../..");
const DEMO = join(ROOT, "examples/demo-vault");
const ARTIFACTS = join(ROOT, "tests/artifacts");
const SECTIONS = ["intention", "person", "left-off", "since", "themes", "conversations"];

// CI installs Chromium (see .ci/run) and must run these; elsewhere a missing browser skips them, saying so.
const available = existsSync(CHROMIUM);
if (!available && process.env["CI"]) throw new Error(`Chromium is missing at ${CHROMIUM}: the browser tests must run in CI.`);
if (!available) console.warn(`Browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium).`);

/** The open sections whose body does not start below their title: a short one (two themes) must not sit beside it. */
async function sectionsBesideTheirTitles(page: Page): Promise<(string | null)[]> {
	return page.evaluate(() =>
		[...document.querySelectorAll("details.coaching-alliance-section[open]")].flatMap((section) => {
			const title = section.querySelector(":scope > summary")?.getBoundingClientRect();
			const body = section.querySelector(":scope > .coaching-alliance-section-body")?.getBoundingClientRect();
			return title && body && body.top < title.bottom - 1 ? [section.getAttribute("data-section")] : [];
		}),
	);
}

describe.skipIf(!available)("the pane in Chromium", () => {
	let browser: Browser;

	beforeAll(async () => {
		mkdirSync(ARTIFACTS, { recursive: true });
		browser = await launchChromium();
	}, 60_000);

	afterAll(async () => {
		await browser?.close();
	});

	describe.each([
		["light", 340, "sidebar"],
		["dark", 340, "sidebar"],
		["light", 390, "phone"],
		["dark", 390, "phone"],
	] as const)("%s theme at %ipx (%s)", (theme, width, label) => {
		it("shows every section and nothing overflows sideways", async () => {
			const page = await openPane(browser, { vault: DEMO, client: "Ana Costa", today: "2026-06-30", theme, width, readBack: false });
			const measure = await measurePane(page);
			expect(measure.sections.map((section) => section.id)).toEqual(SECTIONS);
			expect(measure.sections.every((section) => section.visible)).toBe(true);
			expect(measure.overflowing).toEqual([]);
			expect(measure.stillLoading).toBe(0);
			expect(measure.text).toContain("Last spoke 2 weeks ago");
			expect(measure.text).toContain("The offsite went well");
			expect(await sectionsBesideTheirTitles(page)).toEqual([]);
			await screenshotPane(page, join(ARTIFACTS, `pane-${label}-${theme}.png`));
			await page.close();
		}, 60_000);
	});

	describe.each([
		["light", 340, "sidebar"],
		["dark", 340, "sidebar"],
		["light", 1000, "wide"],
		["dark", 1000, "wide"],
	] as const)("the caseload, %s theme at %ipx (%s)", (theme, width, label) => {
		it("lists every client and nothing overflows sideways", async () => {
			const page = await openPane(browser, { vault: DEMO, client: "", view: "caseload", today: "2026-06-30", theme, width, readBack: false });
			const measure = await measurePane(page);
			expect(measure.overflowing).toEqual([]);
			expect(measure.text).toContain("overdue by 9 days");
			expect(measure.text).toContain("Ruth Okafor");
			const rows = await page.locator(".coaching-alliance-caseload-row").count();
			expect(rows).toBe(9);
			// Wide, a table with its headings; in a sidebar, each row a small card whose figures say what they are.
			const headings = await page.locator(".coaching-alliance-caseload-table thead").first().evaluate((head) => head.getBoundingClientRect().height);
			if (label === "wide") expect(headings).toBeGreaterThan(10);
			else expect(headings).toBe(0);
			await screenshotPane(page, join(ARTIFACTS, `caseload-${label}-${theme}.png`));
			await page.close();
		}, 60_000);
	});

	describe.each([
		["light", 340],
		["dark", 340],
	] as const)("screen-share privacy and search, %s theme at %ipx", (theme, width) => {
		it("privacy shows names and dates only, loud and clear, and nothing overflows", async () => {
			const page = await openPane(browser, { vault: DEMO, client: "Ana Costa", today: "2026-06-30", theme, width, readBack: false, privacy: true });
			const measure = await measurePane(page);
			expect(measure.overflowing).toEqual([]);
			expect(measure.text).toContain("Ana Costa");
			expect(measure.text).toContain("Session 9 · Tue 16 Jun 2026");
			for (const words of ["offsite", "Bea", "Lisbon", "Engineering lead", "boundaries"]) expect(measure.text).not.toContain(words);
			// Asked of the notice in the page now: turning privacy on draws the pane again once the setting is saved.
			const colours = await page.evaluate(() => {
				const notice = document.querySelector(".coaching-alliance-privacy-notice") as HTMLElement;
				return { background: getComputedStyle(notice).backgroundColor, colour: getComputedStyle(notice).color };
			});
			expect(colours.background).not.toBe("");
			expect(colours.background).not.toBe(colours.colour);
			expect(await page.locator(".coaching-alliance-privacy-status.is-on").count()).toBe(1);
			await screenshotPane(page, join(ARTIFACTS, `privacy-${theme}.png`));
			await page.close();
		}, 60_000);

		it("search shows each paragraph with the words marked, in place of the brief, and nothing overflows", async () => {
			const page = await openPane(browser, { vault: DEMO, client: "Ana Costa", today: "2026-06-30", theme, width, readBack: false, search: "bea deputy" });
			const measure = await measurePane(page);
			expect(measure.overflowing).toEqual([]);
			expect(await page.locator(".coaching-alliance-search-result").count()).toBe(4);
			expect(await page.locator(".coaching-alliance-search-result mark").first().textContent()).toBe("Bea");
			expect(measure.sections.every((section) => !section.visible)).toBe(true);
			const marked = await page.locator(".coaching-alliance-search-result mark").first().evaluate((mark) => getComputedStyle(mark).backgroundColor);
			expect(marked).not.toBe("rgba(0, 0, 0, 0)");
			await page.keyboard.press("ArrowDown");
			expect(await page.evaluate(() => document.activeElement?.classList.contains("coaching-alliance-search-result"))).toBe(true);
			await screenshotPane(page, join(ARTIFACTS, `search-${theme}.png`));
			await page.close();
		}, 60_000);
	});

	it("the caseload is used by keyboard: Tab reaches the sort buttons and the rows, focus is visible, Enter prepares the session", async () => {
		const page = await openPane(browser, { vault: DEMO, client: "", view: "caseload", today: "2026-06-30", theme: "light", width: 1000, readBack: false });
		const focused: string[] = [];
		for (let step = 0; step < 12 && !focused.includes("tr"); step++) {
			await page.keyboard.press("Tab");
			focused.push(await page.evaluate(() => document.activeElement?.tagName.toLowerCase() ?? ""));
		}
		const outline = await page.evaluate(() => (document.activeElement ? getComputedStyle(document.activeElement).outlineStyle : "none"));
		const row = await page.evaluate(() => document.activeElement?.getAttribute("data-client") ?? "");
		expect({ focused, outline, row }).toMatchObject({ focused: expect.arrayContaining(["button", "tr"]), outline: "solid", row: "Coaching/Clients/Tomás Rivera.md" });
		await page.keyboard.press("Enter");
		await page.waitForSelector(".coaching-alliance-name");
		expect(await page.locator(".coaching-alliance-name").first().textContent()).toBe("Tomás Rivera");
		await page.close();
	}, 60_000);

	it("is reachable by keyboard: Tab reaches the sections and links, Enter opens a note, focus is visible", async () => {
		const page = await openPane(browser, { vault: DEMO, client: "Ana Costa", today: "2026-06-30", theme: "light", width: 340, readBack: false });
		const focused: string[] = [];
		for (let step = 0; step < 12; step++) {
			await page.keyboard.press("Tab");
			focused.push(await page.evaluate(() => (document.activeElement ? `${document.activeElement.tagName.toLowerCase()}.${document.activeElement.className}` : "")));
		}
		expect(focused).toContain("summary.coaching-alliance-section-title");
		expect(focused.some((name) => name.startsWith("a.internal-link"))).toBe(true);
		expect(focused.some((name) => name.startsWith("button.clickable-icon coaching-alliance-read-back-toggle"))).toBe(true);

		const link = page.locator(".coaching-alliance-session-title").first();
		await link.focus();
		const outline = await link.evaluate((element) => getComputedStyle(element).outlineStyle);
		expect(outline).not.toBe("none");
		await page.keyboard.press("Enter");
		const opened = await page.evaluate(() => (window as unknown as { coachingApp: { workspace: { opened: { path: string }[] } } }).coachingApp.workspace.opened);
		expect(opened.map((entry) => entry.path)).toEqual(["Coaching/Sessions/2026-06-16 Ana Costa.md"]);
		await page.close();
	}, 60_000);

	it("notes that could not be read sit in a quiet fold at the end; opened, long paths still fit a phone", async () => {
		const vault = mkdtempSync(join(tmpdir(), "coaching-browser-problems-"));
		const longName = `2026-06-16 ${"Conversation-about-the-reorganisation-".repeat(4)}Maya`;
		const notes: Record<string, string> = {
			"Clients/Maya Chen.md": "---\ntype: client\n---\n## Goals\nLead the team.\n",
			[`Sessions/${longName}.md`]: '---\ntype: session\nclient: "[[Maya Chen]]\ndate: 2026-06-16\n---\n## What they brought\nThe list.\n\n- [ ] Share it on Monday\n',
		};
		for (const [path, text] of Object.entries(notes)) {
			mkdirSync(join(vault, path, ".."), { recursive: true });
			writeFileSync(join(vault, path), text);
		}
		const page = await openPane(browser, { vault, client: "Maya Chen", today: "2026-06-30", theme: "light", width: 390, readBack: false });
		await page.locator('[data-section="problems"] summary').click();
		const measure = await measurePane(page);
		expect(measure.sections.map((section) => section.id)).toEqual([...SECTIONS, "problems"]);
		expect(measure.text).toContain("its frontmatter is not valid YAML");
		expect(measure.text).toContain("Share it on Monday");
		expect(measure.overflowing).toEqual([]);
		await screenshotPane(page, join(ARTIFACTS, "pane-problems-phone-light.png"));
		await page.close();
		rmSync(vault, { recursive: true, force: true });
	}, 60_000);

	it("read-back shows every conversation in full, oldest first, and fits a phone", async () => {
		const page = await openPane(browser, { vault: DEMO, client: "Tomás", today: "2026-06-30", theme: "light", width: 390, readBack: true });
		const measure = await measurePane(page);
		expect(measure.overflowing).toEqual([]);
		expect(measure.stillLoading).toBe(0);
		const first = measure.text.indexOf("Carmen has found a site for the second shop");
		const last = measure.text.indexOf("They visited the site together");
		expect(first).toBeGreaterThan(0);
		expect(last).toBeGreaterThan(first);
		await screenshotPane(page, join(ARTIFACTS, "read-back-phone-light.png"));
		await page.close();
	}, 60_000);

	it.each(["light", "dark"] as const)("read-back's quiet labels (between sessions, the time between them) read clearly in the %s theme", async (theme) => {
		const page = await openPane(browser, { vault: DEMO, client: "Ana Costa", today: "2026-06-30", theme, width: 390, readBack: true });
		const ratios = await page.evaluate(() => {
			const rgb = (colour: string): number[] => (colour.match(/[\d.]+/g) ?? []).map(Number);
			const luminance = ([r = 0, g = 0, b = 0]: number[]): number => {
				const linear = (channel: number): number => (channel / 255 <= 0.03928 ? channel / 255 / 12.92 : ((channel / 255 + 0.055) / 1.055) ** 2.4);
				return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
			};
			const backgroundOf = (element: Element | null): number[] => {
				for (let at = element; at; at = at.parentElement) {
					const colour = rgb(getComputedStyle(at).backgroundColor);
					if (colour.length === 3 || (colour[3] ?? 0) > 0) return colour;
				}
				return [255, 255, 255];
			};
			return [...document.querySelectorAll(".coaching-alliance-between-label, .coaching-alliance-read-back-gap")].map((label) => {
				const [a, b] = [luminance(rgb(getComputedStyle(label).color)), luminance(backgroundOf(label))].sort((x, y) => y - x);
				return { text: label.textContent, ratio: ((a ?? 0) + 0.05) / ((b ?? 0) + 0.05) };
			});
		});
		expect(ratios.length).toBeGreaterThan(2);
		// WCAG's 4.5:1 for text of this size.
		expect(ratios.filter(({ ratio }) => ratio < 4.5)).toEqual([]);
		await page.close();
	}, 60_000);

	it("a client whose conversations are sections of daily notes: the brief shows their sections alone and opens the note at the heading", async () => {
		const page = await openPane(browser, { vault: DEMO, client: "Sam Okoro", today: "2026-06-30", theme: "dark", width: 340, readBack: false });
		const measure = await measurePane(page);
		expect(measure.sections.map((section) => section.id)).toEqual(SECTIONS);
		expect(measure.overflowing).toEqual([]);
		expect(measure.text).toContain("Chidi took the Thursday nights");
		expect(measure.text).not.toContain("printer ink");
		expect(measure.text).not.toContain("scotch bonnets");
		expect(await sectionsBesideTheirTitles(page)).toEqual([]);
		await page.locator(".coaching-alliance-session-title").first().click();
		const opened = await page.evaluate(() => (window as unknown as { coachingApp: { workspace: { opened: { path: string; heading?: string | null }[] } } }).coachingApp.workspace.opened);
		expect(opened.at(-1)).toMatchObject({ path: "Journal/2026-06-23.md", heading: "Coaching: Sam" });
		await screenshotPane(page, join(ARTIFACTS, "pane-day-sections-sidebar-dark.png"));
		await page.close();
	}, 60_000);

	it("read-back of a log kept in the client's note shows each entry as its own conversation, oldest first", async () => {
		const page = await openPane(browser, { vault: DEMO, client: "Marta Silva", today: "2026-06-30", theme: "light", width: 390, readBack: true });
		const measure = await measurePane(page);
		expect(measure.overflowing).toEqual([]);
		expect(measure.stillLoading).toBe(0);
		const first = measure.text.indexOf("She talked about the ward for forty minutes");
		const last = measure.text.indexOf("She asked. Not for the role yet");
		expect(first).toBeGreaterThan(0);
		expect(last).toBeGreaterThan(first);
		expect(measure.text).not.toContain("Fado on Thursdays");
		await screenshotPane(page, join(ARTIFACTS, "read-back-log-phone-light.png"));
		await page.close();
	}, 60_000);
});
