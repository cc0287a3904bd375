import { performance } from "node:perf_hooks";

/** A figure from repeated runs: the median, and the fastest and slowest run around it. */
export interface Timing {
	median: number;
	min: number;
	max: number;
	runs: number;
}

/** Milliseconds per run of `task`, after one warm-up run; `between` runs untimed before each run. */
export async function time(runs: number, task: (run: number) => unknown, between?: (run: number) => unknown): Promise<Timing> {
	await between?.(-1);
	await task(-1);
	const times: number[] = [];
	for (let run = 0; run < runs; run++) {
		await between?.(run);
		const start = performance.now();
		await task(run);
		times.push(performance.now() - start);
	}
	return timing(times);
}

export function timing(times: readonly number[]): Timing {
	const sorted = [...times].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	const median = sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
	return { median: round(median, 3), min: round(sorted[0] ?? 0, 3), max: round(sorted[sorted.length - 1] ?? 0, 3), runs: sorted.length };
}

/** The heap in use once the garbage collector has run: the bench runs with `--expose-gc`. */
export function heapBytes(): number {
	const collect = (globalThis as { gc?: () => void }).gc;
	if (!collect) throw new Error("Run the bench with node --expose-gc (npm run bench does).");
	collect();
	collect();
	return process.memoryUsage().heapUsed;
}

export function round(value: number, digits = 2): number {
	const scale = 10 ** digits;
	return Math.round(value * scale) / scale;
}
