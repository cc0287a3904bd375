import type { EventRef, TFile } from "obsidian";

// Workspace events the plugin hears or says that Obsidian's types do not list: its own, and Templater's.
declare module "obsidian" {
	interface Workspace {
		on(name: "coaching-alliance:index-changed", callback: () => unknown, ctx?: unknown): EventRef;
		trigger(name: "coaching-alliance:index-changed"): void;
		on(name: "templater:overwrite-file", callback: (run: { file?: TFile; content?: string } | undefined) => unknown, ctx?: unknown): EventRef;
		on(name: "templater:all-templates-executed", callback: () => unknown, ctx?: unknown): EventRef;
	}
}
