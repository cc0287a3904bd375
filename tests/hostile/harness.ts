import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { chmod, lstat, mkdir, mkdtemp, readFile, readdir, readlink, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";

const ROOT = join(__dirname, "../..");

/** Where a hostile case lives: the vault, and a folder beside it that nothing may ever write to. */
export interface Sandbox {
	root: string;
	vault: string;
	outside: string;
}

export interface CliRun {
	status: number | null;
	signal: string | null;
	stdout: string;
	stderr: string;
	ms: number;
	/** Peak resident memory of the CLI process, in MB. */
	peakMB: number | null;
}

/** The CLI bundled once, as it ships: a plain Node script that starts in milliseconds. */
export async function bundleCli(): Promise<string> {
	const folder = await mkdtemp(join(tmpdir(), "coaching-hostile-cli-"));
	const outfile = join(folder, "cli.cjs");
	await build({
		entryPoints: [join(ROOT, "src/cli/bin.ts")],
		bundle: true,
		platform: "node",
		format: "cjs",
		target: "node20",
		outfile,
		logLevel: "error",
	});
	// Records peak memory at exit, so a case can bound it; a process that aborts writes nothing.
	await writeFile(
		join(folder, "measure.mjs"),
		`import { writeFileSync } from "node:fs";\nprocess.on("exit", () => { try { writeFileSync(process.env.HOSTILE_RSS_FILE, String(process.resourceUsage().maxRSS)); } catch {} });\n`,
	);
	await openUp(folder);
	return outfile;
}

export async function newSandbox(name: string): Promise<Sandbox> {
	const root = await mkdtemp(join(tmpdir(), `coaching-hostile-${name.replace(/[^a-z0-9]+/gi, "-").slice(0, 40)}-`));
	const sandbox = { root, vault: join(root, "vault"), outside: join(root, "outside") };
	await mkdir(sandbox.vault);
	await mkdir(sandbox.outside);
	await writeFile(join(sandbox.outside, "secret.md"), "---\nclient: \"[[Maya Chen]]\"\n---\nA private note that lives outside the vault.\n");
	return sandbox;
}

/**
 * As root, permissions are not checked, so the CLI runs as `nobody` there: then an unreadable
 * note is really unreadable. Everything the case did not lock stays readable and writable.
 */
export const runAsUid = process.getuid?.() === 0 ? 65534 : undefined;

export async function openUp(path: string): Promise<void> {
	const info = await lstat(path);
	if (info.isSymbolicLink()) return;
	await chmod(path, info.isDirectory() ? 0o777 : 0o666);
	if (info.isDirectory()) for (const entry of await readdir(path)) await openUp(join(path, entry));
}

export async function runCli(cli: string, args: readonly string[], timeoutMs = 20_000): Promise<CliRun> {
	const rssFile = join(await mkdtemp(join(tmpdir(), "coaching-hostile-rss-")), "rss");
	await openUp(join(rssFile, ".."));
	const measure = join(cli, "..", "measure.mjs");
	const started = performance.now();
	return new Promise((resolve) => {
		execFile(
			process.execPath,
			["--import", measure, cli, ...args],
			{
				timeout: timeoutMs,
				killSignal: "SIGKILL",
				maxBuffer: 64 * 1024 * 1024,
				encoding: "utf8",
				env: { PATH: process.env["PATH"] ?? "", HOSTILE_RSS_FILE: rssFile, TZ: "UTC" },
				...(runAsUid === undefined ? {} : { uid: runAsUid, gid: runAsUid }),
			},
			(error, stdout, stderr) => {
				const ms = performance.now() - started;
				void readFile(rssFile, "utf8").then(
					(kb) => finish(Number(kb) / 1024),
					() => finish(null),
				);
				function finish(peakMB: number | null): void {
					const status = error ? (typeof error.code === "number" ? error.code : null) : 0;
					resolve({ status, signal: error?.signal ?? null, stdout, stderr, ms, peakMB });
					void rm(join(rssFile, ".."), { recursive: true, force: true });
				}
			},
		);
	});
}

/** A fingerprint of every file, folder and link under a folder, links never followed; names kept as bytes. */
export async function fingerprint(root: string): Promise<Map<string, string>> {
	const prints = new Map<string, string>();
	const walk = async (relative: Buffer): Promise<void> => {
		const full = relative.length === 0 ? Buffer.from(root) : Buffer.concat([Buffer.from(`${root}/`), relative]);
		const name = relative.toString("latin1");
		const info = await lstat(full);
		if (info.isSymbolicLink()) prints.set(name, `link ${await readlink(full, "utf8")}`);
		else if (info.isDirectory()) {
			prints.set(name, "folder");
			let entries: Buffer[] = [];
			try {
				entries = (await readdir(full, { encoding: "buffer" })).sort(Buffer.compare);
			} catch {
				return;
			}
			for (const entry of entries) await walk(relative.length === 0 ? entry : Buffer.concat([relative, Buffer.from("/"), entry]));
		} else if (!info.isFile()) {
			prints.set(name, "special file");
		} else {
			try {
				prints.set(name, createHash("sha256").update(await readFile(full)).digest("hex"));
			} catch {
				prints.set(name, `unreadable ${info.size} ${info.mtimeMs}`);
			}
		}
	};
	await walk(Buffer.alloc(0));
	return prints;
}

/** What changed between two fingerprints: paths added, removed or changed. */
export function changes(before: Map<string, string>, after: Map<string, string>): string[] {
	const changed: string[] = [];
	for (const [path, print] of after) if (before.get(path) !== print) changed.push(path);
	for (const path of before.keys()) if (!after.has(path)) changed.push(`-${path}`);
	return changed.sort();
}
