import { afterEach, beforeEach, vi } from "vitest";
import { Modal } from "../../obsidian-runtime";

/**
 * Every test of the file runs at this moment (only `Date` is faked: the plugin's timers run), on an
 * empty page with no modal open, as a coach's Obsidian would be at the start of each test.
 */
export function atMoment(iso: string): void {
	beforeEach(() => {
		vi.useFakeTimers({ toFake: ["Date"] });
		vi.setSystemTime(new Date(iso));
		document.body.empty();
		Modal.open.clear();
	});
	afterEach(() => {
		vi.useRealTimers();
	});
}
