/**
 * The compiler holds the runtime to Obsidian's own types (`obsidian.d.ts`) wherever a piece
 * stands on its own: each function, and each class's methods whose arguments and results are
 * plain values. A signature that drifts from the app's fails the type check, before any test runs.
 * (Classes that hand each other whole vaults and workspaces are partial here by design.)
 */
import type * as Obsidian from "obsidian";
import { getAllTags } from "./metadata-cache";
import { debounce, Notice } from "./functions";
import { requireApiVersion, Setting } from "./settings";
import { Keymap, setIcon, setTooltip } from "./ui";
import { normalizePath, TFile, Vault } from "./vault";
import { Events, Component } from "./events";
import { Editor } from "./workspace";
import { fuzzyMatch } from "./modals";

type Methods<T, K extends keyof T> = { [P in K]: T[P] };

export const heldToObsidian = {
	normalizePath: normalizePath satisfies typeof Obsidian.normalizePath,
	debounce: debounce satisfies typeof Obsidian.debounce,
	setIcon: setIcon satisfies typeof Obsidian.setIcon,
	setTooltip: setTooltip satisfies (element: HTMLElement, tooltip: string) => void,
	getAllTags: getAllTags satisfies typeof Obsidian.getAllTags,
	requireApiVersion: requireApiVersion satisfies typeof Obsidian.requireApiVersion,
	isModEvent: Keymap.isModEvent satisfies typeof Obsidian.Keymap.isModEvent,
	fuzzyMatch: fuzzyMatch satisfies (query: string, text: string) => { score: number; matches: [number, number][] } | null,
	notice: ((message: string | DocumentFragment) => new Notice(message)) satisfies (message: string | DocumentFragment) => Pick<Obsidian.Notice, "hide">,
	events: (events: Events) => events satisfies Methods<Obsidian.Events, "off" | "offref" | "trigger" | "tryTrigger">,
	component: (component: Component) => component satisfies Methods<Obsidian.Component, "load" | "unload" | "onload" | "onunload" | "register" | "registerInterval">,
	file: (file: TFile) => file satisfies Pick<Obsidian.TFile, "path" | "name" | "basename" | "extension" | "stat">,
	vault: (vault: Vault) => vault satisfies Methods<Obsidian.Vault, "getName">,
	editor: (editor: Editor) => editor satisfies Methods<Obsidian.Editor, "getValue" | "setValue" | "lineCount" | "getLine" | "getCursor" | "setCursor" | "posToOffset" | "offsetToPos" | "replaceRange" | "replaceSelection" | "focus">,
	// A setting's methods hand back the setting itself, partial here: their arguments are held.
	setting: (setting: Setting) => ({ setName: (name: string | DocumentFragment) => setting.setName(name), setDesc: (desc: string | DocumentFragment) => setting.setDesc(desc) }) satisfies { [P in "setName" | "setDesc"]: (...args: Parameters<Obsidian.Setting[P]>) => unknown },
};
