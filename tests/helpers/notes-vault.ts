import { computeBrief } from "../../src/core/brief/brief";
import { briefJson } from "../../src/core/brief/brief-json";
import { BriefReader } from "../../src/core/brief/brief-text";
import { computeCaseload } from "../../src/core/brief/caseload";
import { findClient } from "../../src/core/index/find-client";
import { VaultIndexer } from "../../src/core/index/vault-indexer";
import { VaultPaths } from "../../src/core/notes/links";
import { DEFAULT_SETTINGS, type CoachingSettings } from "../../src/core/settings/settings";
import { noteFromMarkdown, parseMarkdown } from "../../src/markdown/note-from-markdown";

export interface Times {
	ctime: number;
	mtime: number;
}

/** 1 June 2026, noon UTC: the creation time of every test note unless a test says otherwise. */
export const DEFAULT_TIMES: Times = { ctime: Date.UTC(2026, 5, 1, 12), mtime: Date.UTC(2026, 5, 1, 12) };

/**
 * A vault of notes written in the test, indexed through the same reader and core as the CLI,
 * and kept current one change at a time, as the plugin keeps its index.
 */
export class NotesVault {
	readonly files = new Map<string, { text: string; times: Times }>();
	readonly paths = new VaultPaths();
	readonly settings: CoachingSettings;
	private readonly indexer = new VaultIndexer(this.paths, () => this.settings);
	readonly index = this.indexer.index;

	constructor(files: Record<string, string>, options: { settings?: Partial<CoachingSettings>; times?: Record<string, Times> } = {}) {
		this.settings = { ...structuredClone(DEFAULT_SETTINGS), ...options.settings };
		this.indexer.useTemplateConfig(
			parseJson(files[".obsidian/templates.json"]),
			parseJson(files[".obsidian/plugins/templater-obsidian/data.json"]),
		);
		for (const [path, text] of Object.entries(files)) this.write(path, text, options.times?.[path]);
	}

	write(path: string, text: string, times: Times = DEFAULT_TIMES): void {
		if (path.startsWith(".obsidian/")) return;
		this.files.set(path, { text, times });
		this.paths.add(path);
		// Synchronous, so a test can ask the index right after writing.
		this.indexer.put(path, { note: () => noteFromMarkdown(path, text, times, () => this.read(path)) });
		// A new file can change what links resolve to, as the plugin hears from the vault's create event.
		if (!this.indexer.isIndexable(path)) this.index.touch();
	}

	delete(path: string): void {
		this.files.delete(path);
		this.paths.remove(path);
		this.indexer.remove(path);
		this.index.touch();
	}

	rename(from: string, to: string): void {
		const file = this.files.get(from);
		if (!file) return;
		this.delete(from);
		this.write(to, file.text, file.times);
	}

	async read(path: string): Promise<string> {
		const file = this.files.get(path);
		if (!file) throw new Error(`No note at ${path}`);
		return file.text;
	}

	/** A note's properties, read as the command line reads them. */
	async properties(path: string): Promise<Record<string, unknown> | null> {
		return parseMarkdown(await this.read(path)).frontmatter;
	}

	client(name: string) {
		const lookup = findClient(this.index.clients(), name);
		if (lookup.kind !== "found") throw new Error(`No single client "${name}": ${JSON.stringify(lookup)}`);
		return lookup.client;
	}

	brief(name: string, today = "2026-06-30") {
		return computeBrief(this.index, this.client(name), today, this.settings);
	}

	async briefJson(name: string, today = "2026-06-30") {
		const brief = this.brief(name, today);
		const reader = new BriefReader(this.index, this, this.settings);
		return briefJson(brief, await reader.briefText(brief), await reader.readAcross(brief)) as ReturnType<
			typeof jsonShape
		>;
	}

	caseload(today = "2026-06-30") {
		return computeCaseload(this.index, today);
	}

	clientNames(): string[] {
		return this.index.clients().map((client) => client.name);
	}
}

/** The JSON contract's shape, for typed assertions in tests. */
function jsonShape() {
	return {} as {
		client: { name: string; path: string | null; status: string };
		today: string;
		sessionCount: number;
		nextSessionNumber: number;
		lastSession: { path: string; heading: string | null; date: string | null } | null;
		daysSinceLastSession: number | null;
		sessions: { path: string; heading: string | null; date: string | null; number: number; title: string; clients: string[] }[];
		plannedSessions: { path: string; heading: string | null; date: string | null; number: number; title: string; clients: string[] }[];
		openCommitments: {
			text: string;
			path: string;
			heading: string | null;
			date: string | null;
			firstPath: string;
			firstHeading: string | null;
			firstDate: string | null;
			owner: "client" | "coach";
			sessions: number;
			dropped: boolean;
		}[];
		closedCommitments: { text: string; owner: "client" | "coach"; closedPath: string; closedHeading: string | null; closedDate: string | null; firstDate: string | null }[];
		mentionsSinceLastSession: { path: string; date: string | null; dateFrom: "property" | "name" | "file"; excerpt: string }[];
		themes: { tag: string; count: number }[];
		held: { text: string; path: string; heading: string | null; date: string | null }[];
		quotes: { text: string; path: string; heading: string | null; date: string | null; pinned: boolean }[];
		intentionRecord: { path: string; heading: string | null; date: string | null; kept: string[]; missed: string[] }[];
		about: { text: string; properties: Record<string, string> };
		profile: { heading: string; text: string }[];
		intentions: string[];
		problems: { path: string; problem: string }[];
	};
}

function parseJson(text: string | undefined): unknown {
	return text === undefined ? undefined : (JSON.parse(text) as unknown);
}
