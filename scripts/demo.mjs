// Builds the plugin into the demo vault, so the folder opens in Obsidian with the plugin enabled,
// then prints the brief a coach would read before the next call with Ana Costa.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const vault = join(root, "examples", "demo-vault");
const pluginFolder = join(vault, ".obsidian", "plugins", "coaching-alliance");
// The demo practice's notes run to the end of June 2026; reading it "on" 30 June keeps the brief as written.
const demoToday = "2026-06-30";

mkdirSync(pluginFolder, { recursive: true });
execFileSync(process.execPath, [join(root, "esbuild.config.mjs"), "production", "--outdir", pluginFolder], { cwd: root, stdio: "inherit" });
for (const file of ["manifest.json", "styles.css"]) copyFileSync(join(root, file), join(pluginFolder, file));
console.log(`Built the plugin into ${pluginFolder}`);
console.log(`Open ${vault} as a vault in Obsidian (turn off restricted mode to enable the plugin).\n`);

execFileSync(process.execPath, [join(root, "esbuild.config.mjs"), "cli"], { cwd: root, stdio: "inherit" });
execFileSync(process.execPath, [join(root, "bin", "coaching-alliance.cjs"), "brief", "--vault", vault, "--client", "Ana Costa", "--today", demoToday], {
	cwd: root,
	stdio: "inherit",
});
