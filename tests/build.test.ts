/** What Obsidian's review asks of the bundle and the manifest, checked on the built files. */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..");
const manifest = JSON.parse(readFileSync(join(ROOT, "manifest.json"), "utf8")) as Record<string, unknown>;
const versions = JSON.parse(readFileSync(join(ROOT, "versions.json"), "utf8")) as Record<string, string>;
const packageJson = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };

function sourceFiles(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? sourceFiles(join(folder, entry.name)) : entry.name.endsWith(".ts") ? [join(folder, entry.name)] : [],
	);
}

describe("the manifest", () => {
	it("says who the plugin is, and works on mobile", () => {
		expect(manifest).toMatchObject({ id: "coaching-alliance", name: "Coaching Alliance", isDesktopOnly: false });
		expect(manifest["version"]).toBe(packageJson.version);
		expect(versions[manifest["version"] as string]).toBe(manifest["minAppVersion"]);
		expect(manifest["minAppVersion"]).toMatch(/^\d+\.\d+\.\d+$/);
		expect(manifest).not.toHaveProperty("helpUrl");
		const description = manifest["description"] as string;
		expect(description.length).toBeLessThanOrEqual(250);
		expect(description).toMatch(/^[A-Z][A-Za-z0-9 .,!?'"-]+\.$/);
		expect(description).not.toMatch(/obsidian|this plugin/i);
	});
});

describe("the bundle main.js", () => {
	const bundle = readFileSync(join(ROOT, "main.js"), "utf8");

	it("requires nothing but Obsidian's own modules: no Node built-ins, so it runs on phones", () => {
		const required = new Set([...bundle.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]));
		// The app gives every plugin its API and the editor's CodeMirror modules, on desktop and mobile alike.
		expect([...required].sort()).toEqual(["@codemirror/state", "@codemirror/view", "obsidian"]);
		for (const name of builtinModules) expect(required.has(name)).toBe(false);
	});

	it("makes no network call: coaching notes never leave the machine", () => {
		for (const api of [/\bfetch\s*\(/, /XMLHttpRequest/, /WebSocket/, /EventSource/, /requestUrl/, /sendBeacon/, /\bimport\s*\(/]) {
			expect({ api: api.source, found: api.test(bundle) }).toEqual({ api: api.source, found: false });
		}
	});

	it("never turns text into code: no eval, no Function constructor, no timers given strings", () => {
		for (const api of [/\beval\s*\(/, /\bnew\s+Function\b/, /\bFunction\s*\(/, /set(?:Timeout|Interval)\s*\(\s*["'`]/]) {
			expect({ api: api.source, found: api.test(bundle) }).toEqual({ api: api.source, found: false });
		}
	});

	it("never sets HTML from strings, so no note text becomes markup", () => {
		for (const api of [/\.innerHTML\b/, /\.outerHTML\b/, /insertAdjacentHTML/, /document\.write/, /createContextualFragment/, /srcdoc/]) {
			expect({ api: api.source, found: api.test(bundle) }).toEqual({ api: api.source, found: false });
		}
	});
});

describe("the core", () => {
	it("never imports obsidian, so the CLI and the plugin share it", () => {
		for (const file of sourceFiles(join(ROOT, "src/core"))) {
			expect({ file, imports: /from ["']obsidian["']/.test(readFileSync(file, "utf8")) }).toEqual({ file, imports: false });
		}
	});

	it("never reads the wall clock: today is passed in", () => {
		for (const file of sourceFiles(join(ROOT, "src/core"))) {
			expect({ file, clock: /new Date\(\)|Date\.now\(/.test(readFileSync(file, "utf8")) }).toEqual({ file, clock: false });
		}
	});

	it("uses no regular-expression lookbehind, which older iOS cannot run", () => {
		for (const file of sourceFiles(join(ROOT, "src"))) {
			expect({ file, lookbehind: /\(\?<[=!]/.test(readFileSync(file, "utf8")) }).toEqual({ file, lookbehind: false });
		}
	});
});

describe("releases", () => {
	it("npm version moves manifest.json and versions.json to package.json's version, keeping every earlier version", () => {
		const folder = mkdtempSync(join(tmpdir(), "version-bump-"));
		try {
			for (const file of ["manifest.json", "versions.json"]) copyFileSync(join(ROOT, file), join(folder, file));
			execFileSync(process.execPath, [join(ROOT, "version-bump.mjs")], { cwd: folder, env: { ...process.env, npm_package_version: "9.8.7" } });
			const bumped = JSON.parse(readFileSync(join(folder, "manifest.json"), "utf8")) as Record<string, unknown>;
			const bumpedVersions = JSON.parse(readFileSync(join(folder, "versions.json"), "utf8")) as Record<string, string>;
			expect(bumped).toEqual({ ...manifest, version: "9.8.7" });
			expect(bumpedVersions).toEqual({ ...versions, "9.8.7": manifest["minAppVersion"] });
		} finally {
			rmSync(folder, { recursive: true, force: true });
		}
	});

	it("a version tag drafts a release with the three files Obsidian installs, once the tag matches the manifest", () => {
		const workflow = readFileSync(join(ROOT, ".github/workflows/release.yml"), "utf8");
		expect(workflow).toMatch(/tags:\s*\n\s*- "\*"/);
		expect(workflow).toMatch(/gh release create[^\n]*\\\n\s*main\.js manifest\.json styles\.css/);
		expect(workflow).toContain("manifest.version !== tag");
	});
});
