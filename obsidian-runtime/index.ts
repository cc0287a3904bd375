/**
 * A small, faithful runtime of the Obsidian API for tests: the `obsidian` package on npm holds
 * types only. It keeps a vault in memory (loaded from a real folder or given files), builds the
 * metadata cache with the project's markdown reader (itself checked against recorded Obsidian
 * output), and fires events in Obsidian's order: vault event, then metadata `changed`, then
 * `resolved`. Only what the plugin uses is here; each piece behaves as Obsidian documents it.
 * Tests, the bench and the preview tool reach it as `obsidian`; one module an area.
 */
export * from "./events";
export * from "./vault";
export * from "./metadata-cache";
export * from "./workspace";
export * from "./app";
export * from "./file-manager";
export * from "./functions";
export * from "./ui";
export * from "./menu";
export * from "./bases";
export * from "./markdown-renderer";
export * from "./modals";
export * from "./settings";
import { installWindow } from "./dom";

if (typeof window !== "undefined" && typeof document !== "undefined") installWindow(window as Window & typeof globalThis);
