/** Small user-interface helpers: the platform, icons, tooltips and the keymap. */
import * as lucide from "lucide-static";
import type { PaneType } from "./workspace";

export const Platform = { isDesktop: true, isMobile: false, isDesktopApp: true, isMobileApp: false, isPhone: false, isTablet: false };

/** `trash-2` as Lucide's exports name it: `Trash2`. */
function exportName(iconId: string): string {
	return iconId.replace(/(^|-)([a-z0-9])/g, (_whole, _dash: string, letter: string) => letter.toUpperCase());
}

/**
 * Draws the Lucide icon of this name, from Lucide's package on npm, so screenshots show what a
 * coach sees. A name Lucide does not have is refused, where the app would draw nothing, silently.
 * The package is newer than the app's own copy of Lucide: a name only it has passes here.
 */
export function setIcon(parent: HTMLElement, iconId: string): void {
	const svg = (lucide as Record<string, unknown>)[exportName(iconId.replace(/^lucide-/, ""))];
	if (typeof svg !== "string") throw new Error(`setIcon: Obsidian has no icon named "${iconId}"`);
	parent.empty();
	parent.setAttr("data-icon", iconId);
	const drawn = new DOMParser().parseFromString(svg, "image/svg+xml").documentElement;
	drawn.setAttribute("class", `svg-icon lucide-${iconId}`);
	drawn.setAttribute("aria-hidden", "true");
	parent.appendChild(parent.doc.importNode(drawn, true));
}

export function setTooltip(element: HTMLElement, tooltip: string): void {
	element.setAttr("aria-label", tooltip);
}

export class Keymap {
	/** Mod opens a new tab, Mod+Alt a split, Mod+Alt+Shift a window; a middle click a new tab. */
	static isModEvent(event?: MouseEvent | KeyboardEvent | null): PaneType | boolean {
		if (!event) return false;
		const mod = event.ctrlKey || event.metaKey;
		if (mod && event.altKey && event.shiftKey) return "window";
		if (mod && event.altKey) return "split";
		if (mod) return "tab";
		if ("button" in event && event.button === 1) return "tab";
		return false;
	}
}
