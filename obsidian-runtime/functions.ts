/** Notices and `debounce`. */

export class Notice {
	static readonly shown: string[] = [];
	constructor(readonly message: string | DocumentFragment) {
		Notice.shown.push(typeof message === "string" ? message : (message.textContent ?? ""));
	}
	hide(): void {}
}

export interface Debouncer<T extends unknown[]> {
	(...args: T): Debouncer<T>;
	cancel(): Debouncer<T>;
	run(): void;
}

export function debounce<T extends unknown[]>(callback: (...args: T) => unknown, timeout = 0, resetTimer = false): Debouncer<T> {
	let timer: ReturnType<typeof setTimeout> | null = null;
	let lastArgs: T | null = null;
	const fire = (): void => {
		timer = null;
		if (lastArgs) callback(...lastArgs);
		lastArgs = null;
	};
	const debounced = ((...args: T) => {
		lastArgs = args;
		if (timer !== null && resetTimer) {
			clearTimeout(timer);
			timer = null;
		}
		if (timer === null) timer = setTimeout(fire, timeout);
		return debounced;
	}) as Debouncer<T>;
	debounced.cancel = () => {
		if (timer !== null) clearTimeout(timer);
		timer = null;
		lastArgs = null;
		return debounced;
	};
	debounced.run = () => {
		if (timer !== null) clearTimeout(timer);
		fire();
	};
	return debounced;
}
