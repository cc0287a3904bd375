/**
 * How the index's cost scales, as ratios against a baseline measured in the same run (absolute
 * times depend on the machine; ratios do not). Baseline: indexing a whole real vault from scratch.
 * A changed note must cost a tiny fraction of that, whatever the vault's size.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { computeBrief } from "../src/core/brief/brief";
import { VaultIndexer, type VaultSource } from "../src/core/index/vault-indexer";
import { VaultPaths } from "../src/core/notes/links";
import { DEFAULT_SETTINGS } from "../src/core/settings/settings";
import { noteFromMarkdown } from "../src/markdown/note-from-markdown";

const VAULT = fileURLToPath(new URL("../../shared/realdata/ttrpg-share-community", import.meta.url));
const TIMES = { ctime: Date.UTC(2026, 0, 1), mtime: Date.UTC(2026, 0, 1) };
const read = (): Promise<string> => Promise.resolve("");

function listMarkdown(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
		if (entry.name.startsWith(".")) return [];
		const full = join(folder, entry.name);
		if (entry.isDirectory()) return listMarkdown(full);
		return entry.name.endsWith(".md") ? [full] : [];
	});
}

/** A practice grafted onto the real vault: 40 clients, one of them with 300 sessions. */
function practiceNotes(): [string, string][] {
	const notes: [string, string][] = [];
	for (let client = 0; client < 40; client++) {
		notes.push([`Coaching/Clients/Client ${client}.md`, "---\ntype: client\ncadence: fortnightly\n---\n## Goals\nGrow.\n"]);
		const sessions = client === 0 ? 300 : 3;
		for (let n = 0; n < sessions; n++) {
			const day = new Date(Date.UTC(2020, 0, 1) + n * 7 * 86_400_000).toISOString().slice(0, 10);
			notes.push([
				`Coaching/Sessions/${day} Client ${client}.md`,
				`---\nclient: "[[Client ${client}]]"\ndate: ${day}\ntags: [theme-${n % 7}]\n---\n## Commitments\n- [${n % 3 === 0 ? "x" : " "}] Commitment ${n % 11}\n`,
			]);
		}
	}
	return notes;
}

const notes: [string, string][] = [
	...listMarkdown(VAULT).map((file): [string, string] => [relative(VAULT, file).split("\\").join("/"), readFileSync(file, "utf8")]),
	...practiceNotes(),
];

const texts = new Map(notes);
/** The notes in memory, so the baseline measures indexing, not the disk. */
const source: VaultSource = {
	list: () => Promise.resolve({ paths: notes.map(([path]) => path), unreadable: [] }),
	load: (path) => Promise.resolve({ note: () => noteFromMarkdown(path, texts.get(path) ?? "", TIMES, read) }),
	readConfig: () => Promise.resolve(undefined),
};

/** The index as every front end builds it, through the core's indexer. */
async function buildIndex(): Promise<VaultIndexer> {
	const indexer = new VaultIndexer(new VaultPaths(notes.map(([path]) => path)), () => DEFAULT_SETTINGS, source);
	await indexer.rebuild();
	return indexer;
}

/** Median milliseconds of `runs` runs, after one warm-up. */
async function median(runs: number, task: (run: number) => unknown): Promise<number> {
	await task(-1);
	const times: number[] = [];
	for (let run = 0; run < runs; run++) {
		const start = performance.now();
		await task(run);
		times.push(performance.now() - start);
	}
	times.sort((a, b) => a - b);
	return times[Math.floor(times.length / 2)] ?? 0;
}

const indexer = await buildIndex();
const index = indexer.index;
const changed = "Coaching/Sessions/2020-01-01 Client 1.md";
const full = await median(5, () => buildIndex());
// As the plugin hears a change: one note read again, the rest of the index untouched.
const oneNote = await median(200, (run) =>
	indexer.upsert(changed, () =>
		Promise.resolve({ note: () => noteFromMarkdown(changed, `---\nclient: "[[Client 1]]"\n---\n- [ ] Edit ${run}\n`, TIMES, read) }),
	),
);
const clientOf = (name: string) => index.clients().find((client) => client.name === name);
const big = clientOf("Client 0");
const small = clientOf("Client 7");
if (!big || !small) throw new Error("practice clients missing");
const brief300 = await median(50, () => computeBrief(index, big, "2026-06-30", DEFAULT_SETTINGS));
const brief3 = await median(50, () => computeBrief(index, small, "2026-06-30", DEFAULT_SETTINGS));

const row = (label: string, ms: number, ratio: string): string => `${label.padEnd(52)} ${ms.toFixed(3).padStart(10)} ms   ${ratio}`;
console.log(`Index benchmark over ${notes.length} notes (${listMarkdown(VAULT).length} real, the rest a synthetic practice)\n`);
console.log(row("baseline: index the whole vault from scratch", full, "1"));
console.log(row("one changed note", oneNote, `${(oneNote / full).toExponential(2)} of the baseline`));
console.log(row("brief for a client with 3 sessions", brief3, `${(brief3 / full).toExponential(2)} of the baseline`));
console.log(row("brief for a client with 300 sessions", brief300, `${(brief300 / brief3).toFixed(1)} × the 3-session brief`));
