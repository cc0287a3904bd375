/**
 * How fast the plugin and the command line are on a ten-year practice, measured in one run against
 * baselines taken in the same run: a bare loop over the same metadata, a naive scan of every note,
 * and `grep` over the same folder. Absolute times depend on the machine; the ratios much less.
 *
 * The plugin's own rebuild runs over the test runtime of Obsidian's API (`bench/tsconfig.json` maps
 * `obsidian` to it, as vitest does).
 *
 *   npm run bench                  a table
 *   npm run --silent bench -- --json   one JSON document, one object per vault size
 *   npm run bench -- --sizes 1000,10000   other sizes (the CLI rows run at 10,000 notes only)
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { computeBrief } from "../src/core/brief/brief";
import { caseloadRows } from "../src/core/brief/caseload";
import { BriefReader } from "../src/core/brief/brief-text";
import { ConversationSearch, foldForSearch, queryWords } from "../src/core/brief/search";
import { dueOrder } from "../src/core/brief/due-order";
import { findClient } from "../src/core/index/find-client";
import { VaultIndexer, type VaultSource } from "../src/core/index/vault-indexer";
import { VaultPaths } from "../src/core/notes/links";
import type { NoteSource } from "../src/core/notes/note";
import { DEFAULT_SETTINGS } from "../src/core/settings/settings";
import { noteFromMarkdown, parseMarkdown } from "../src/markdown/note-from-markdown";
import { VaultIndex } from "../src/obsidian/vault-index";
import { App, Vault } from "../obsidian-runtime";
import { heapBytes, round, time, timing, type Timing } from "./measure";
import { practiceVault, type PracticeNote } from "./practice-vault";

const TODAY = "2026-11-24";
const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

interface Row {
	notes: number;
	buildMs: number;
	bareLoopMs: number;
	buildOverBare: number;
	updateUsMedian: number;
	briefMs: number;
	naiveBriefMs: number;
	briefSpeedup: number;
	caseloadMs: number;
	indexMB: number;
	rebuildNoteReads: number;
	/**
	 * The floors the targets stand on, in the same run: the least any index of these notes does
	 * (`leastIndex`) over the bare loop, and Node reading every note of the folder over `grep`.
	 */
	leastIndexOverBare: number;
	readOverGrep?: number;
	cliSeconds10k?: number;
	cliOverGrep?: number;
	caseloadOverGrep?: number;
	/** Searching every conversation of a client with 300 once their notes are read, and a scan that folds their texts anew at each search. */
	searchMs300?: number;
	searchSpeedup?: number;
	/** Every timing behind the figures: median, fastest and slowest run. */
	spread: Record<string, Timing>;
}

/** What Obsidian's metadata cache holds for each note, made once: the index is measured, not the parser. */
function metadataOf(notes: readonly PracticeNote[]): NoteSource[] {
	return notes.map((note) => noteFromMarkdown(note.path, note.text, note, () => Promise.resolve(note.text)));
}

/**
 * How many notes the plugin reads while it builds its index at layout ready: the plugin itself,
 * over the test runtime of Obsidian's API (its metadata cache already warm, as after a restart).
 */
async function pluginRebuildReads(notes: readonly PracticeNote[]): Promise<number> {
	const vault = new Vault();
	for (const note of notes) vault.seed(note.path, note.text, note);
	const app = new App(vault);
	await app.metadataCache.initialise();
	let reads = 0;
	const read = vault.read.bind(vault);
	const cachedRead = vault.cachedRead.bind(vault);
	vault.read = (file) => {
		reads++;
		return read(file);
	};
	vault.cachedRead = (file) => {
		reads++;
		return cachedRead(file);
	};
	// The plugin's timers are the window's, as in the app.
	(globalThis as { window?: unknown }).window ??= globalThis;
	const vaultIndex = new VaultIndex(app as never, () => DEFAULT_SETTINGS);
	vaultIndex.load();
	await vaultIndex.rebuild();
	// Counted at the end of the build; the reading after it would only compete with what is measured next.
	const counted = reads;
	vaultIndex.unload();
	return counted;
}

/** A note as a front end hands it over: fresh lists, as the plugin copies them out of the cache. */
function handedOver(note: NoteSource): NoteSource {
	return {
		...note,
		frontmatterLinks: [...note.frontmatterLinks],
		links: [...note.links],
		embeds: [...note.embeds],
		tags: [...note.tags],
		inlineTags: [...note.inlineTags],
		tasks: [...note.tasks],
		headings: [...note.headings],
	};
}

/** The floor: one pass that touches every fact the index reads, and keeps nothing. */
function bareLoop(notes: readonly NoteSource[]): number {
	let touched = 0;
	for (const note of notes) {
		const copy = handedOver(note);
		touched += copy.path.length;
		for (const [key, value] of Object.entries(copy.frontmatter ?? {})) touched += key.length + (typeof value === "string" ? value.length : 1);
		for (const link of copy.links) touched += link.link.length;
		for (const link of copy.frontmatterLinks) touched += link.link.length;
		for (const tag of copy.tags) touched += tag.length;
		for (const heading of copy.headings) touched += heading.heading.length;
		for (const task of copy.tasks) touched += task.text.length;
	}
	return touched;
}

/**
 * The least any index of these notes does, however it is written: each note loaded as the index
 * loads it, its kind from its type property, its date, its links by name so the notes linking a
 * client are found, its tasks. No tags, folders, sections, names, client resolution or problems.
 */
async function leastIndex(paths: readonly string[], source: VaultSource): Promise<number> {
	const notes = new Map<string, { kind: string; date: string | null; links: string[]; tasks: { line: number; text: string; open: boolean }[] }>();
	const linkedBy = new Map<string, string[]>();
	for (const path of paths) {
		const loaded = await source.load(path);
		if (loaded === null || "problem" in loaded) continue;
		const note = loaded.note();
		const type = note.frontmatter?.["type"];
		const date = note.frontmatter?.["date"];
		const links = [...note.links, ...note.embeds, ...note.frontmatterLinks].map((link) => link.link);
		notes.set(path, {
			kind: typeof type === "string" ? type.toLowerCase() : "other",
			date: typeof date === "string" ? date.slice(0, 10) : null,
			links,
			tasks: note.tasks.map((task) => ({ line: task.line, text: task.text.trim(), open: task.status === " " })),
		});
		for (const link of links) {
			const name = link.toLowerCase();
			const linking = linkedBy.get(name);
			if (linking) linking.push(path);
			else linkedBy.set(name, [path]);
		}
	}
	return notes.size + linkedBy.size;
}

/** What a plugin without an index does each time it shows a brief: search every note's text, then read the ones that name the client. */
function naiveBrief(notes: readonly PracticeNote[], client: string): number {
	const found: { path: string; date: unknown; open: number }[] = [];
	for (const note of notes) {
		if (!note.text.includes(`[[${client}`)) continue;
		const parsed = parseMarkdown(note.text);
		found.push({ path: note.path, date: parsed.frontmatter?.["date"], open: parsed.listItems.filter((item) => item.task === " ").length });
	}
	found.sort((a, b) => String(b.date).localeCompare(String(a.date)));
	return found.length;
}

async function measureSize(size: number, cli: boolean): Promise<Row> {
	const vault = practiceVault(size);
	const metadata = metadataOf(vault.notes);
	const byPath = new Map(metadata.map((note) => [note.path, note]));
	const paths = metadata.map((note) => note.path);
	const source: VaultSource = {
		list: () => Promise.resolve({ paths, unreadable: [] }),
		load: (path) => {
			const note = byPath.get(path);
			return Promise.resolve(note ? { note: () => handedOver(note) } : { problem: "missing" });
		},
		readConfig: () => Promise.resolve(undefined),
	};
	const newIndexer = (): VaultIndexer => new VaultIndexer(new VaultPaths(paths), () => DEFAULT_SETTINGS, source);

	const runs = size >= 50_000 ? 5 : 7;
	const bare = await time(runs, () => bareLoop(metadata));
	const build = await time(runs, () => newIndexer().rebuild());
	const least = await time(runs, () => leastIndex(paths, source));
	const rebuildNoteReads = await pluginRebuildReads(vault.notes);

	// The plugin resolves links through Obsidian's metadata cache: the index's memory is the index's alone. Each note is
	// parsed from a text of its own, as the command line reads it and the plugin reads a note's tasks, so whatever the
	// index keeps of a text it has read is counted.
	const resolver = new VaultPaths(paths);
	const textByPath = new Map(vault.notes.map((note) => [note.path, note]));
	const readFromText: VaultSource = {
		...source,
		load: (path) => {
			const note = textByPath.get(path);
			if (!note) return Promise.resolve({ problem: "missing" });
			const text = Buffer.from(note.text).toString();
			return Promise.resolve({ note: () => noteFromMarkdown(path, text, note, () => Promise.resolve(note.text)) });
		},
	};
	const before = heapBytes();
	const indexer = new VaultIndexer(resolver, () => DEFAULT_SETTINGS, readFromText);
	await indexer.rebuild();
	const indexMB = (heapBytes() - before) / 1_048_576;

	const index = indexer.index;
	const lookup = findClient(index.clients(), vault.busiestClient);
	if (lookup.kind !== "found") throw new Error(`The busiest client ${vault.busiestClient} was not indexed.`);
	const client = lookup.client;
	const [latest] = computeBrief(index, client, TODAY, DEFAULT_SETTINGS).sessions;
	const changedPath = latest?.path ?? "";
	const changedNote = byPath.get(changedPath);
	if (!changedNote) throw new Error("The busiest client's latest session is not in the vault.");
	// The same note edited again and again, as a coach types: each edit one more task.
	const edit = (run: number) =>
		indexer.upsert(changedPath, () =>
			Promise.resolve({ note: () => ({ ...handedOver(changedNote), tasks: [...changedNote.tasks, { line: 9_000 + (run & 1), status: " ", text: `Edit ${run}` }] }) }),
		);
	// Timed once the code is warm, as in a coach's session of any length: the first edits after start-up run unoptimised code.
	for (let run = 0; run < 2_000; run++) await edit(30_000 + run);
	const update = await time(500, (run) => edit(run));
	// Each brief follows an edit of one of the client's own sessions, so it is worked out anew, never a kept one.
	const brief = await time(runs * 20, () => computeBrief(index, client, TODAY, DEFAULT_SETTINGS), (run) => edit(20_000 + run));
	const naive = await time(runs, () => naiveBrief(vault.notes, vault.busiestClient));
	// The picker opens after the coach has changed something, so nothing from before is reused.
	const caseload = await time(runs, () => dueOrder(caseloadRows(index, TODAY)), (run) => edit(10_000 + run));

	const row: Row = {
		notes: vault.notes.length,
		buildMs: round(build.median),
		bareLoopMs: round(bare.median),
		buildOverBare: round(build.median / bare.median, 1),
		leastIndexOverBare: round(least.median / bare.median, 1),
		updateUsMedian: round(update.median * 1000, 1),
		briefMs: round(brief.median, 3),
		naiveBriefMs: round(naive.median),
		briefSpeedup: round(naive.median / brief.median, 1),
		caseloadMs: round(caseload.median),
		indexMB: round(indexMB, 1),
		rebuildNoteReads,
		spread: { build, bareLoop: bare, leastIndex: least, update, brief, naiveBrief: naive, caseload },
	};
	if (cli) Object.assign(row, measureCli(vault.notes, vault.busiestClient, row.spread), await measureSearch(row.spread));
	return row;
}

/**
 * "The CFO thing": a client with 300 conversations searched as the pane searches, after the first
 * search has read their notes, against a scan that folds every conversation's text again at each
 * search (what a search without the kept paragraphs would do). The pane answers within a frame.
 */
async function measureSearch(spread: Record<string, Timing>): Promise<Pick<Row, "searchMs300" | "searchSpeedup">> {
	const words = ["team", "board", "budget", "sleep", "father", "promotion", "offsite", "deputy", "silence", "boundaries", "weekend", "feedback", "hiring", "roadmap", "walk", "doubt"];
	let seed = 7;
	const word = (): string => {
		seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
		return words[seed % words.length] ?? "team";
	};
	const paragraph = (): string => Array.from({ length: 40 }, word).join(" ");
	const texts = new Map<string, string>([["Clients/Maya Chen.md", "---\ntype: client\ncadence: weekly\n---\n# Maya Chen\n"]]);
	for (let at = 0; at < 300; at++) {
		const day = new Date(Date.UTC(2020, 0, 1) + at * 7 * 86_400_000).toISOString().slice(0, 10);
		const cfo = at % 60 === 0 ? "The CFO thing came up: Renée wants the budget cut.\n\n" : "";
		texts.set(`Sessions/${day} Maya.md`, `---\ntype: session\nclient: "[[Maya Chen]]"\ndate: ${day}\n---\n## What she brought\n${paragraph()}\n\n${cfo}${paragraph()}\n\n- [ ] ${paragraph()}\n## What I noticed\n${paragraph()}\n`);
	}
	const paths = [...texts.keys()];
	const read = (path: string): Promise<string> => Promise.resolve(texts.get(path) ?? "");
	const indexer = new VaultIndexer(new VaultPaths(paths), () => DEFAULT_SETTINGS, {
		list: () => Promise.resolve({ paths, unreadable: [] }),
		load: (path) => Promise.resolve({ note: () => noteFromMarkdown(path, texts.get(path) ?? "", { ctime: 0, mtime: 0 }, () => read(path)) }),
		readConfig: () => Promise.resolve(undefined),
	});
	await indexer.rebuild();
	const index = indexer.index;
	const lookup = findClient(index.clients(), "Maya Chen");
	if (lookup.kind !== "found") throw new Error("The searched client was not indexed.");
	const brief = computeBrief(index, lookup.client, TODAY, DEFAULT_SETTINGS);
	if (brief.sessions.length !== 300) throw new Error(`The searched client has ${brief.sessions.length} conversations, not 300.`);
	const search = new ConversationSearch(new BriefReader(index, { read, properties: () => Promise.resolve(null) }, DEFAULT_SETTINGS));
	await search.search(brief, "renee cfo");
	const kept = await time(50, () => search.search(brief, "renee cfo"));
	const asked = queryWords("renee cfo");
	const naive = await time(10, async () => {
		let found = 0;
		for (const session of brief.sessions) {
			const key = foldForSearch(await read(session.path)).key;
			if (asked.every((term) => key.includes(term))) found++;
		}
		return found;
	});
	Object.assign(spread, { search300: kept, naiveSearch300: naive });
	return { searchMs300: round(kept.median, 2), searchSpeedup: round(naive.median / kept.median, 1) };
}

/** Node reading every file below a folder, one after another, and nothing else: the fastest way it reads many small files. */
const READ_EVERY_FILE = `
const { readdirSync, readFileSync } = require("node:fs");
const { join } = require("node:path");
const walk = (folder) => readdirSync(folder, { withFileTypes: true }).reduce((read, entry) =>
	read + (entry.isDirectory() ? walk(join(folder, entry.name)) : readFileSync(join(folder, entry.name), "utf8").length), 0);
walk(process.argv[1]);
`;

/** The command line as a coach runs it, on the vault written to disk, against `grep` over the same folder. */
function measureCli(notes: readonly PracticeNote[], client: string, spread: Record<string, Timing>): Pick<Row, "cliSeconds10k" | "cliOverGrep" | "caseloadOverGrep" | "readOverGrep"> {
	const folder = mkdtempSync(join(tmpdir(), "coaching-bench-"));
	try {
		for (const note of notes) {
			const file = join(folder, note.path);
			mkdirSync(dirname(file), { recursive: true });
			writeFileSync(file, note.text);
		}
		const cli = join(folder, ".bench-cli.cjs");
		execFileSync(join(ROOT, "node_modules", ".bin", "esbuild"), [join(ROOT, "src/cli/bin.ts"), "--bundle", "--platform=node", "--format=cjs", "--log-level=warning", `--outfile=${cli}`]);
		const wall = (command: string, args: string[]): Timing => {
			const times: number[] = [];
			for (let run = 0; run < 4; run++) {
				const start = performance.now();
				const result = spawnSync(command, args, { stdio: ["ignore", "ignore", "ignore"] });
				if (result.status !== 0 && !(command === "grep" && result.status === 1)) throw new Error(`${command} ${args.join(" ")} exited ${String(result.status)}`);
				if (run > 0) times.push(performance.now() - start);
			}
			return timing(times);
		};
		const caseload = wall(process.execPath, [cli, "caseload", "--vault", folder, "--today", TODAY]);
		const brief = wall(process.execPath, [cli, "brief", "--vault", folder, "--client", client, "--today", TODAY]);
		const grepClient = wall("grep", ["-rlF", `[[${client}`, folder]);
		const grepLinks = wall("grep", ["-rlF", "[[", folder]);
		const readEveryFile = wall(process.execPath, ["-e", READ_EVERY_FILE, folder]);
		Object.assign(spread, { cliCaseload: caseload, cliBrief: brief, grepClient, grepLinks, readEveryFile });
		return {
			cliSeconds10k: round(caseload.median / 1000, 2),
			cliOverGrep: round(brief.median / grepClient.median, 1),
			caseloadOverGrep: round(caseload.median / grepLinks.median, 1),
			readOverGrep: round(readEveryFile.median / grepLinks.median, 1),
		};
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}

const TARGETS: [keyof Row, string, (value: number) => boolean][] = [
	["buildOverBare", "≤ 3", (value) => value <= 3],
	["updateUsMedian", "≤ 50", (value) => value <= 50],
	["briefMs", "≤ 2", (value) => value <= 2],
	["briefSpeedup", "≥ 100", (value) => value >= 100],
	["caseloadMs", "≤ 20", (value) => value <= 20],
	["indexMB", "≤ 25", (value) => value <= 25],
	["rebuildNoteReads", "0", (value) => value === 0],
	["cliSeconds10k", "≤ 1.5", (value) => value <= 1.5],
	["cliOverGrep", "≤ 5", (value) => value <= 5],
	["caseloadOverGrep", "≤ 10", (value) => value <= 10],
	["searchMs300", "≤ 16", (value) => value <= 16],
];

function table(rows: readonly Row[]): string {
	const figures: (keyof Row)[] = ["buildMs", "bareLoopMs", "buildOverBare", "leastIndexOverBare", "updateUsMedian", "briefMs", "naiveBriefMs", "briefSpeedup", "caseloadMs", "indexMB", "rebuildNoteReads", "cliSeconds10k", "cliOverGrep", "caseloadOverGrep", "readOverGrep", "searchMs300", "searchSpeedup"];
	const target = (figure: keyof Row): string => TARGETS.find(([name]) => name === figure)?.[1] ?? "";
	const lines = [["", ...rows.map((row) => `${row.notes.toLocaleString("en")} notes`), "target"]];
	for (const figure of figures) {
		lines.push([figure, ...rows.map((row) => (row[figure] === undefined ? "" : String(row[figure]))), target(figure)]);
	}
	const widths = lines[0]?.map((_, column) => Math.max(...lines.map((line) => (line[column] ?? "").length))) ?? [];
	return lines.map((line) => line.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join("  ")).join("\n");
}

const { values } = parseArgs({ options: { json: { type: "boolean", default: false }, sizes: { type: "string", default: "1000,10000,50000" } } });
const sizes = (values.sizes ?? "").split(",").map((size) => Number.parseInt(size, 10)).filter((size) => size > 0);
const rows: Row[] = [];
for (const size of sizes) {
	if (!values.json) process.stderr.write(`Measuring ${size.toLocaleString("en")} notes…\n`);
	rows.push(await measureSize(size, size === 10_000));
}
if (values.json) {
	process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
} else {
	console.log(`Coaching Alliance benchmark, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}\n`);
	console.log(table(rows));
	const largest = rows[rows.length - 1];
	const cliRow = rows.find((row) => row.cliSeconds10k !== undefined);
	const missed = TARGETS.filter(([figure, , met]) => {
		const row = figure === "cliSeconds10k" || figure === "cliOverGrep" || figure === "caseloadOverGrep" || figure === "searchMs300" ? cliRow : largest;
		const value = row?.[figure];
		return typeof value === "number" && !met(value);
	}).map(([figure]) => figure);
	console.log(missed.length === 0 ? "\nEvery target is met." : `\nTargets not met yet: ${missed.join(", ")}.`);
}
