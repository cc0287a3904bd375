import { readFile, stat } from "node:fs/promises";
import { parseArgs } from "node:util";
import { format } from "date-fns";
import { computeBrief, type Brief } from "../core/brief/brief";
import { START_OF_DAY } from "../core/brief/booking";
import { isDay, type Day } from "../core/notes/dates";
import { withLogEntry } from "../core/writing/log-entry";
import { planSessionNote } from "../core/writing/plan-session-note";
import { freePath, templateNotePath } from "../core/writing/session-note";
import { describeFileError } from "../fs/file-errors";
import { openVaultFolder, openVaultFolderForBrief, openVaultFolderForCaseload, type FolderVault } from "../fs/vault-folder";
import { ANSI, PLAIN, withoutControlCharacters } from "./text";
import { briefAnswer, caseloadAnswer, checkAnswer, clientNamed, searchAnswer } from "./answers";
import { VaultWriteError, entryExists, readVaultNote, replaceNoteText, withNewSessionLock, writeNewNote } from "./vault-writer";

const USAGE = `Usage:
  cli brief       --vault DIR --client NAME [--today YYYY-MM-DD] [--json | --read-back [--checklists]]
  cli caseload    --vault DIR              [--today YYYY-MM-DD] [--json]
  cli new-session --vault DIR --client NAME [--today YYYY-MM-DD] [--template FILE] [--dry-run]
  cli check       --vault DIR [--json]     (client links to check; exit 1 when there are some)
  cli search      --vault DIR --client NAME [--today YYYY-MM-DD] [--json] WORDS...`;

/** A problem with what was asked: one clear line on standard error, exit status 2. */
class UsageError extends Error {}

interface Output {
	out(text: string): void;
	err(text: string): void;
	colour: boolean;
	/** Rewrites one status line on a terminal someone watches; absent when standard error goes elsewhere. */
	status?: (line: string) => void;
	/** How long a read goes before its progress shows; a second unless a test says otherwise. */
	statusAfterMs?: number;
}

export async function runCli(argv: readonly string[], output: Output, wallClock: () => Date = () => new Date()): Promise<number> {
	// Standard error carries names and paths from the vault and never colour: no escape sequence gets through.
	const safe: Output = { ...output, err: (text) => output.err(withoutControlCharacters(text)) };
	try {
		return await run(argv, safe, wallClock);
	} catch (error) {
		if (error instanceof UsageError) {
			safe.err(`${error.message}\n`);
			return 2;
		}
		if (error instanceof VaultWriteError) {
			safe.err(`${error.message}\n`);
			return 1;
		}
		throw error;
	}
}

async function run(argv: readonly string[], output: Output, wallClock: () => Date): Promise<number> {
	const [command, ...rest] = argv;
	if (command === undefined || command === "--help" || command === "-h" || command === "help") {
		output.out(`${USAGE}\n`);
		return command === undefined ? 2 : 0;
	}
	if (command !== "brief" && command !== "caseload" && command !== "new-session" && command !== "check" && command !== "search") {
		throw new UsageError(`Unknown command "${command}": use brief, caseload, new-session, check or search (--help shows how).`);
	}

	let values: {
		vault?: string;
		client?: string;
		today?: string;
		json?: boolean;
		"read-back"?: boolean;
		checklists?: boolean;
		template?: string;
		"dry-run"?: boolean;
	};
	let positionals: string[];
	try {
		({ values, positionals } = parseArgs({
			args: [...rest],
			options: {
				vault: { type: "string" },
				client: { type: "string" },
				today: { type: "string" },
				json: { type: "boolean" },
				"read-back": { type: "boolean" },
				checklists: { type: "boolean" },
				template: { type: "string" },
				"dry-run": { type: "boolean" },
			},
			strict: true,
			allowPositionals: command === "search",
		}));
	} catch (error) {
		throw new UsageError(`${(error as Error).message.split("\n")[0] ?? "Bad flag"}. Run with --help for usage.`);
	}

	if (!values.vault) throw new UsageError("--vault DIR is required: the folder of the vault to read.");
	if (!(await isFolder(values.vault))) throw new UsageError(`No vault folder at "${values.vault}".`);
	if (values.today !== undefined && !isDay(values.today)) {
		throw new UsageError(`--today must be a date written YYYY-MM-DD, not "${values.today}".`);
	}
	const today = values.today ?? format(wallClock(), "yyyy-MM-dd");
	if (command === "check" && (values.client !== undefined || values.today !== undefined)) throw new UsageError("check reads every session note's client links and takes no --client or --today.");
	if (command !== "caseload" && command !== "check" && !values.client) throw new UsageError(`${command} needs --client NAME: a client's name, alias or path.`);
	if (command !== "new-session" && (values.template !== undefined || values["dry-run"] !== undefined)) {
		throw new UsageError("--template and --dry-run go with new-session.");
	}
	if (command === "new-session" && values.json !== undefined) throw new UsageError("new-session prints the note's path; it takes no --json.");
	if (command === "caseload" && values.client !== undefined) throw new UsageError("caseload lists every client and takes no --client.");
	const query = positionals.join(" ").trim();
	if (command === "search" && query === "") throw new UsageError('search needs the words to find, after the flags: search --vault DIR --client NAME "the CFO thing".');
	if (values["read-back"] !== undefined && (command !== "brief" || values.json !== undefined)) {
		throw new UsageError("--read-back goes with brief, for reading in a terminal; it takes no --json.");
	}
	if (values.checklists !== undefined && values["read-back"] === undefined) {
		throw new UsageError("--checklists goes with brief --read-back: read-back leaves the intention and reflection checklists out unless asked.");
	}

	const time = format(wallClock(), "HH:mm");
	const request: CliRequest = {
		command,
		root: values.vault,
		client: values.client ?? "",
		query,
		today,
		time,
		now: values.today === undefined ? time : START_OF_DAY,
		json: values.json ?? false,
		readBack: values["read-back"] ?? false,
		checklists: values.checklists ?? false,
		template: values.template,
		dryRun: values["dry-run"] ?? false,
	};
	// A new note is numbered from the vault as it is when the note is written, so a run that
	// writes waits for any other one to finish, then reads the vault.
	if (command === "new-session" && !request.dryRun) return withNewSessionLock(request.root, () => runCommand(request, output));
	return runCommand(request, output);
}

/** Shows how far the vault is read once it has taken a second: no one should wonder whether it hangs. */
function readingProgress(output: Output): { update: (read: number, of: number) => void; end: () => void } | null {
	const status = output.status;
	if (!status) return null;
	const started = performance.now();
	const after = output.statusAfterMs ?? 1000;
	let shown = false;
	return {
		update: (read, of) => {
			if (performance.now() - started < after) return;
			shown = true;
			status(`Reading the vault: ${read.toLocaleString("en")} of ${of.toLocaleString("en")} notes`);
		},
		end: () => {
			if (shown) status("");
		},
	};
}

interface CliRequest {
	command: "brief" | "caseload" | "new-session" | "check" | "search";
	root: string;
	client: string;
	/** The words `search` looks for. */
	query: string;
	today: Day;
	time: string;
	/** The time of day the brief counts from: the clock's, or the start of a day asked for with --today. */
	now: string;
	json: boolean;
	/** Every conversation in full, oldest first, for reading back in a terminal. */
	readBack: boolean;
	/** With read-back: the coach's checklists shown too. */
	checklists: boolean;
	template: string | undefined;
	dryRun: boolean;
}

async function runCommand(request: CliRequest, output: Output): Promise<number> {
	const progress = request.json ? null : readingProgress(output);
	// A brief and the caseload parse only the notes that can bear on them; a new session note is placed by every session note in the vault.
	const vault =
		request.command === "brief" || request.command === "search"
			? await openVaultFolderForBrief(request.root, request.client, { progress: progress?.update })
			: request.command === "caseload"
				? await openVaultFolderForCaseload(request.root, { progress: progress?.update })
				: await openVaultFolder(request.root, { progress: progress?.update });
	progress?.end();
	const style = output.colour && !request.json ? ANSI : PLAIN;
	for (const warning of vault.warnings) output.err(`Warning: ${warning}\n`);

	if (request.command === "caseload") {
		output.out(caseloadAnswer(vault.index, request.today, request.json, style));
		return 0;
	}
	if (request.command === "check") {
		const { text, found } = checkAnswer(vault.index, request.json, style);
		output.out(text);
		return found ? 1 : 0;
	}

	const named = clientNamed(vault.index, request.client);
	if ("problem" in named) throw new UsageError(named.problem);
	if (request.command === "search") {
		output.out(await searchAnswer({ index: vault.index, settings: vault.settings, notes: vault }, named.client, request.query, request, style));
		return 0;
	}
	if (request.command === "new-session") return newSession(computeBrief(vault.index, named.client, request.today, vault.settings), vault, request, output);
	output.out(await briefAnswer({ index: vault.index, settings: vault.settings, notes: vault }, named.client, request, style));
	return 0;
}

/** Makes the session note the plugin would make, with the same core; never overwrites a note, never writes outside the vault. */
async function newSession(brief: Brief, vault: FolderVault, request: CliRequest, output: Output): Promise<number> {
	let template: string | null = null;
	if (request.template !== undefined) {
		// A template named on the command line is the coach's own choice of file, wherever it is.
		try {
			template = await readFile(request.template, "utf8");
		} catch {
			throw new UsageError(`No template file at "${request.template}".`);
		}
	} else {
		const where = templateNotePath(vault.settings.sessionTemplate);
		if (where !== null && "problem" in where) output.err(`Warning: ${where.problem} The built-in template is used.\n`);
		else if (where !== null) {
			try {
				template = await readVaultNote(vault.root, where.path, "The template");
			} catch (error) {
				const reason = error instanceof VaultWriteError ? error.message : describeFileError(error);
				output.err(`Warning: the template "${where.path}" could not be read (${reason}); the built-in template is used.\n`);
			}
		}
	}
	const ahead = brief.plannedSessions[0];
	if (ahead) output.err(`Warning: session ${ahead.number}'s note is written ahead (${ahead.path}); this makes another note beside it.\n`);
	const plan = planSessionNote({ brief, index: vault.index, settings: vault.settings, today: request.today, time: request.time, template });
	if ("problem" in plan) throw new VaultWriteError(plan.problem);
	if (plan.kind === "log-entry") {
		const before = await readVaultNote(vault.root, plan.path, "The client note");
		const after = withLogEntry(before, plan);
		if (after === null) throw new VaultWriteError(`The session log in "${plan.path}" changed while it was read; run new-session again.`);
		if (request.dryRun) output.out(withoutControlCharacters(`${plan.path}\n${after.text}`));
		else output.out(`${withoutControlCharacters(await replaceNoteText(vault.root, plan.path, before, after.text))}\n`);
		return 0;
	}
	// A template named or configured for the command line is the coach's explicit choice: one that cannot be used is a mistake to fix.
	if (plan.templateProblem !== null) throw new UsageError(`The template cannot be used: ${plan.templateProblem}.`);
	if (request.dryRun) {
		const path = freePath(plan.folder, plan.fileName, (candidate) => entryExists(vault.root, candidate));
		output.out(withoutControlCharacters(`${path}\n${plan.content}`));
		return 0;
	}
	output.out(`${withoutControlCharacters(await writeNewNote(vault.root, plan.folder, plan.fileName, plan.content))}\n`);
	return 0;
}

async function isFolder(path: string): Promise<boolean> {
	try {
		return (await stat(path)).isDirectory();
	} catch {
		return false;
	}
}
