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

/**
 * Every note read through `cachedRead` from now on, by path, in the order read: how the plugin reads
 * notes it shows. With `includingRead`, `read` too, for tests that no note is read at all.
 */
export function readsOf(app: App, { includingRead = false }: { includingRead?: boolean } = {}): string[] {
	const reads: string[] = [];
	const cachedRead = app.vault.cachedRead.bind(app.vault);
	app.vault.cachedRead = async (file) => {
		reads.push(file.path);
		return cachedRead(file);
	};
	if (includingRead) {
		const read = app.vault.read.bind(app.vault);
		app.vault.read = async (file) => {
			reads.push(file.path);
			return read(file);
		};
	}
	return reads;
}
