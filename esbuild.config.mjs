import esbuild from "esbuild";
import { builtinModules } from "node:module";

// `production` builds the plugin and the command line once; `cli` the command line alone; nothing watches the plugin.
const mode = process.argv[2];
const production = mode === "production";
// `--outdir DIR` lets the demo build straight into a vault's plugin folder.
const outdirFlag = process.argv.indexOf("--outdir");
const outfile = outdirFlag > 0 ? `${process.argv[outdirFlag + 1]}/main.js` : "main.js";
const nodeModules = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/** The command line, bundled as the plugin is, so it starts in milliseconds rather than compiling TypeScript each run. */
const cli = {
	entryPoints: ["src/cli/bin.ts"],
	bundle: true,
	platform: "node",
	format: "cjs",
	target: "node20",
	logLevel: "warning",
	banner: { js: "#!/usr/bin/env node" },
	outfile: "bin/coaching-alliance.cjs",
};

if (mode === "cli") {
	await esbuild.build(cli);
} else {
	const context = await esbuild.context({
		entryPoints: ["src/main.ts"],
		bundle: true,
		external: ["obsidian", "electron", "@codemirror/*", "@lezer/*", ...nodeModules],
		format: "cjs",
		target: "es2021",
		logLevel: "warning",
		sourcemap: production ? false : "inline",
		treeShaking: true,
		minify: production,
		outfile,
	});
	if (production) {
		await context.rebuild();
		await context.dispose();
		if (outdirFlag < 0) await esbuild.build(cli);
	} else {
		await context.watch();
	}
}
