import { join } from "node:path";
import type CoachingAlliancePlugin from "../../src/main";
import type { App } from "../../obsidian-runtime";
import { appFromFolder, loadPlugin } from "../../obsidian-runtime/test-app";

export const DEMO = join(__dirname, "../../examples/demo-vault");

/** The demo vault in the test runtime, with the plugin loaded and every note's words read. */
export async function demo(): Promise<{ app: App; plugin: CoachingAlliancePlugin }> {
	const app = await appFromFolder(DEMO);
	const plugin = await loadPlugin(app);
	return { app, plugin };
}
