import type { EventRef } from "obsidian";

// The plugin's own workspace event, typed where Obsidian's events are.
declare module "obsidian" {
	interface Workspace {
		on(name: "coaching-alliance:index-changed", callback: () => unknown, ctx?: unknown): EventRef;
		trigger(name: "coaching-alliance:index-changed"): void;
	}
}
