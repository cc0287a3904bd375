/**
 * Shows the "Prepare session" pane in headless Chromium without Obsidian: the built main.js runs
 * on the project's test runtime of the Obsidian API, over a vault folder read into the page.
 */
import { existsSync } from "node:fs";
import { readFile, readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { chromium, type Browser, type Page } from "playwright-core";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
const CHROMIUM_FLAGS = [
	"--headless",
	"--no-sandbox",
	"--disable-gpu",
	"--no-first-run",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
];

export interface PreviewOptions {
	vault: string;
	/** The pane to show: a client's brief (the default), or the caseload. */
	view?: "brief" | "caseload";
	/** Whose brief; not needed for the caseload. */
	client: string;
	today?: string;
	theme: "light" | "dark";
	width: number;
	readBack: boolean;
	/** Opens the folds read when first opened (threads held before, their own words, how I showed up), as a coach who wants everything would. */
	openFolds?: boolean;
	/** Turns screen-share privacy on with the pane's button, as a coach about to share their screen would. */
	privacy?: boolean;
	/** Types these words in the pane's search field and waits for the matches. */
	search?: string;
}

export interface PaneMeasure {
	sections: { id: string; visible: boolean }[];
	/** How far the widest element sticks out past the pane's right edge, in pixels (0 when nothing does). */
	overflow: number;
	overflowing: string[];
	text: string;
	stillLoading: number;
}

export class ChromiumMissing extends Error {
	constructor() {
		super(`Chromium was not found at ${CHROMIUM}. Install Debian's package: sudo apt-get install chromium (or set CHROMIUM_PATH).`);
	}
}

export async function launchChromium(): Promise<Browser> {
	if (!existsSync(CHROMIUM)) throw new ChromiumMissing();
	return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
}

/** The plugin as Obsidian would load it: the production build of main.js. */
async function builtPlugin(): Promise<{ mainJs: string; styles: string; manifest: unknown }> {
	const main = join(ROOT, "main.js");
	if (!existsSync(main)) throw new Error("main.js is not built yet: run npm run build first.");
	return {
		mainJs: await readFile(main, "utf8"),
		styles: await readFile(join(ROOT, "styles.css"), "utf8"),
		manifest: JSON.parse(await readFile(join(ROOT, "manifest.json"), "utf8")) as unknown,
	};
}

let runtimeBundle: Promise<string> | null = null;

/** The test runtime bundled for a browser page. */
function runtimeScript(): Promise<string> {
	runtimeBundle ??= build({
		entryPoints: [join(ROOT, "obsidian-runtime/browser.ts")],
		bundle: true,
		format: "iife",
		platform: "browser",
		target: "es2021",
		write: false,
		logLevel: "silent",
	}).then((result) => result.outputFiles[0]?.text ?? "");
	return runtimeBundle;
}

async function vaultFiles(root: string): Promise<{ path: string; text: string; ctime: number; mtime: number }[]> {
	const files: { path: string; text: string; ctime: number; mtime: number }[] = [];
	const walk = async (folder: string): Promise<void> => {
		for (const entry of await readdir(join(root, folder), { withFileTypes: true })) {
			const path = folder === "" ? entry.name : `${folder}/${entry.name}`;
			if (entry.isDirectory()) {
				if (entry.name !== "node_modules" && path !== ".obsidian/plugins/coaching-alliance") await walk(path);
			} else if (/\.(md|json|canvas)$/i.test(entry.name)) {
				const times = await stat(join(root, path));
				files.push({ path, text: await readFile(join(root, path), "utf8"), ctime: times.birthtimeMs || times.mtimeMs, mtime: times.mtimeMs });
			}
		}
	};
	await walk("");
	return files;
}

/** Opens the pane for a client in a new page of the browser; the page is left open for measuring and screenshots. */
export async function openPane(browser: Browser, options: PreviewOptions): Promise<Page> {
	const [plugin, runtime, files, theme] = await Promise.all([
		builtPlugin(),
		runtimeScript(),
		vaultFiles(options.vault),
		readFile(join(ROOT, "obsidian-runtime/theme.css"), "utf8"),
	]);
	const page = await browser.newPage({ viewport: { width: options.width, height: 900 }, deviceScaleFactor: 2 });
	const errors: string[] = [];
	page.on("pageerror", (error) => errors.push(error.message));
	if (options.today) await page.clock.setFixedTime(new Date(`${options.today}T12:00:00`));
	await page.setContent(`<!doctype html><html><head><meta charset="utf-8"></head><body class="theme-${options.theme}"></body></html>`);
	await page.addStyleTag({ content: theme });
	await page.addStyleTag({ content: plugin.styles });
	await page.addScriptTag({ content: runtime });

	const opened = await page.evaluate(
		(args) => {
			const runtime = (window as unknown as { CoachingRuntime: { preparePane(...values: unknown[]): Promise<string>; caseloadPane(...values: unknown[]): Promise<string> } })
				.CoachingRuntime;
			return args.view === "caseload"
				? runtime.caseloadPane(args.files, args.mainJs, args.manifest)
				: runtime.preparePane(args.files, args.mainJs, args.manifest, args.client, args.readBack);
		},
		{ files, mainJs: plugin.mainJs, manifest: plugin.manifest, client: options.client, readBack: options.readBack, view: options.view ?? "brief" },
	);
	if (opened !== "") throw new Error(opened);
	if (errors.length > 0) throw new Error(`The page reported: ${errors.join("; ")}`);
	if (options.openFolds) await openFolds(page);
	if (options.privacy) {
		await page.locator(".coaching-alliance-privacy-toggle").first().click();
		await page.locator(".coaching-alliance-privacy-notice").first().waitFor();
	}
	if (options.search !== undefined) {
		await page.locator(".coaching-alliance-search-input").first().fill(options.search);
		await page.waitForFunction(() => {
			const status = document.querySelector(".coaching-alliance-search-status")?.textContent ?? "";
			return status !== "" && status !== "Searching…";
		});
	}
	await settle(page);
	return page;
}

/** Opens every fold that is read when first opened, and waits until each has drawn something. */
async function openFolds(page: Page): Promise<void> {
	await page.evaluate(async () => {
		const folds = [...document.querySelectorAll<HTMLDetailsElement>("details.coaching-alliance-fold")];
		for (const fold of folds) fold.open = true;
		for (let tries = 0; tries < 200 && folds.some((fold) => (fold.querySelector(":scope > div")?.childElementCount ?? 0) === 0); tries++) {
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
	});
}

/** Scrolls through the pane so every lazy excerpt loads, then back to the top. */
async function settle(page: Page): Promise<void> {
	await page.evaluate(async () => {
		const content = document.querySelector<HTMLElement>(".workspace-leaf.mod-right .view-content, .workspace-leaf .view-content");
		if (!content) return;
		for (let y = 0; y <= content.scrollHeight; y += 400) {
			content.scrollTop = y;
			await new Promise((resolve) => setTimeout(resolve, 30));
		}
		for (let tries = 0; tries < 200 && document.querySelector(".is-loading"); tries++) await new Promise((resolve) => setTimeout(resolve, 10));
		content.scrollTop = 0;
	});
}

export async function measurePane(page: Page): Promise<PaneMeasure> {
	return page.evaluate(() => {
		const leaf = document.querySelector<HTMLElement>(".workspace-leaf");
		const right = leaf?.getBoundingClientRect().right ?? window.innerWidth;
		const overflowing: string[] = [];
		let overflow = 0;
		for (const element of leaf?.querySelectorAll<HTMLElement>("*") ?? []) {
			const box = element.getBoundingClientRect();
			if (box.width === 0 || box.height === 0) continue;
			const past = box.right - right;
			if (past > 0.5) {
				overflow = Math.max(overflow, past);
				overflowing.push(`${element.tagName.toLowerCase()}.${[...element.classList].join(".")}`);
			}
		}
		const sections = [...document.querySelectorAll<HTMLElement>("[data-section]")].map((section) => {
			const box = section.getBoundingClientRect();
			return { id: section.getAttribute("data-section") ?? "", visible: box.width > 0 && box.height > 0 && getComputedStyle(section).visibility !== "hidden" };
		});
		const scroller = document.documentElement;
		if (scroller.scrollWidth > scroller.clientWidth + 0.5) overflowing.push("document");
		return { sections, overflow, overflowing, text: leaf?.innerText ?? "", stillLoading: document.querySelectorAll(".is-loading").length };
	});
}

/** A picture of the pane: all of it, as tall as its content, or its top `height` pixels. */
export async function screenshotPane(page: Page, out: string, height?: number): Promise<void> {
	// The pane alone: the status bar, fixed to the window's corner, would sit over a tall picture's middle.
	await page.addStyleTag({ content: ".workspace-leaf .view-content { overflow: visible !important; height: auto !important; } .status-bar { display: none !important; }" });
	const leaf = page.locator(".workspace-leaf").first();
	const box = await leaf.boundingBox();
	if (height === undefined || !box) {
		await leaf.screenshot({ path: out });
		return;
	}
	await page.setViewportSize({ width: Math.ceil(box.width), height: Math.min(height, Math.ceil(box.height)) });
	await page.screenshot({ path: out, clip: { x: box.x, y: box.y, width: box.width, height: Math.min(height, box.height) } });
}
