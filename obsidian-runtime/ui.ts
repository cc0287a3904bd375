/** Small user-interface helpers: the platform, icons, tooltips and the keymap. */
import type { PaneType } from "./workspace";

export const Platform = { isDesktop: true, isMobile: false, isDesktopApp: true, isMobileApp: false, isPhone: false, isTablet: false };

/** Icons are named, not drawn: tests and screenshots only need to know which one. */
export function setIcon(parent: HTMLElement, iconId: string): void {
	parent.empty();
	parent.setAttr("data-icon", iconId);
	parent.createSpan({ cls: `svg-icon lucide-${iconId}`, attr: { "aria-hidden": "true" } });
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
