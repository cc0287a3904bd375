import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASE_VAULT, TODAY, writeFiles } from "./base-vault";
import { HOSTILE_CASES, type HostileRun } from "./cases";
import { bundleCli, changes, fingerprint, newSandbox, openUp, runCli, type CliRun, type Sandbox } from "./harness";

/** Far above what any case takes once fixed, far below what the quadratic paths took. */
const TIME_BOUND_MS = 8_000;
const MEMORY_BOUND_MB = 400;

let cli = "";
const sandboxes: string[] = [];

beforeAll(async () => {
	cli = await bundleCli();
});

afterAll(async () => {
	for (const root of sandboxes) {
		await openUp(root).catch(() => undefined);
		await rm(root, { recursive: true, force: true });
	}
});

async function prepare(id: string, files: Record<string, string | Buffer> | undefined, setup?: (box: Sandbox) => Promise<void>): Promise<Sandbox> {
	const box = await newSandbox(id);
	sandboxes.push(box.root);
	await writeFiles(box.vault, { ...BASE_VAULT, ...files });
	await openUp(box.root);
	await setup?.(box);
	return box;
}

function invoke(box: Sandbox, run: HostileRun): Promise<CliRun> {
	return runCli(cli, [...run.args, "--vault", box.vault, "--today", TODAY]);
}

/** What every run must show, whatever the case: a clear end, bounded cost, nothing written but what it may write. */
function expectContained(run: CliRun, expected: HostileRun, changed: string[]): void {
	expect({ signal: run.signal, status: run.status, stderr: run.stderr.slice(0, 2000) }).toMatchObject({ signal: null, status: expected.status });
	expect(run.stderr).not.toMatch(/Something went wrong/);
	expect(run.ms).toBeLessThan(TIME_BOUND_MS);
	if (run.peakMB !== null) expect(run.peakMB).toBeLessThan(MEMORY_BOUND_MB);
	if (expected.args.includes("--json") && run.status === 0) expect(() => JSON.parse(run.stdout) as unknown).not.toThrow();
	for (const change of changed) {
		const removed = change.startsWith("-");
		const path = removed ? change.slice(1) : change;
		expect(path.startsWith("vault/"), `${path} was written outside the vault`).toBe(true);
		if (removed) {
			expect((expected.removes ?? []).some((allowed) => allowed.test(path.slice("vault/".length))), `${path} was removed`).toBe(true);
			continue;
		}
		const inVault = path.slice("vault/".length);
		expect(
			(expected.creates ?? []).some((allowed) => allowed.test(inVault)),
			`${inVault} changed, and this run may not change it`,
		).toBe(true);
	}
}

describe("the CLI on a hostile corpus", () => {
	for (const hostile of HOSTILE_CASES) {
		it(`[${hostile.item}] ${hostile.id}`, async () => {
			const box = await prepare(hostile.id, hostile.files, hostile.setup);
			if (hostile.concurrent) {
				const before = await fingerprint(box.root);
				const runs = await Promise.all(hostile.runs.map((run) => invoke(box, run)));
				const created = changes(before, await fingerprint(box.root));
				runs.forEach((run, position) => expectContained(run, hostile.runs[position] as HostileRun, created));
				const paths = runs.map((run) => run.stdout.trim());
				expect(new Set(paths).size).toBe(runs.length);
				expect(created).toHaveLength(runs.length);
				const numbers = await Promise.all(paths.map(async (path) => sessionNumberOf(box, path)));
				expect(new Set(numbers).size).toBe(runs.length);
				return;
			}
			for (const expected of hostile.runs) {
				const before = await fingerprint(box.root);
				const run = await invoke(box, expected);
				expectContained(run, expected, changes(before, await fingerprint(box.root)));
				await expected.check?.(run, box);
			}
		});
	}
});

async function sessionNumberOf(box: Sandbox, path: string): Promise<string> {
	const { readFile } = await import("node:fs/promises");
	const text = await readFile(`${box.vault}/${path}`, "utf8");
	return /^session: (\d+)$/m.exec(text)?.[1] ?? "none";
}
