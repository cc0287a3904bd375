import esbuild from "esbuild";
import { builtinModules } from "node:module";

const production = process.argv[2] === "production";
// `--outdir DIR` lets the demo build straight into a vault's plugin folder.
const outdirFlag = process.argv.indexOf("--outdir");
const outfile = outdirFlag > 0 ? `${process.argv[outdirFlag + 1]}/main.js` : "main.js";

const context = await esbuild.context({
	entryPoints: ["src/main.ts"],
	bundle: true,
	external: [
		"obsidian",
		"electron",
		"@codemirror/*",
		"@lezer/*",
		...builtinModules,
		...builtinModules.map((name) => `node:${name}`),
	],
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
} else {
	await context.watch();
}
