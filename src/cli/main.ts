import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { format } from "date-fns";
import { briefJson, computeBrief, readBriefText, readExcerpt } from "../core/brief";
import { computeCaseload } from "../core/caseload";
import { isDay } from "../core/dates";
import { findClient } from "../core/find-client";
import { freePath, sessionFileName, sessionFolder, sessionNoteContent, templateNotePath } from "../core/session-note";
import { openVaultFolder } from "../fs/vault-folder";
import { ANSI, PLAIN, formatBrief, formatCaseload } from "./text";

const USAGE = `Usage:
  cli brief       --vault DIR --client NAME [--today YYYY-MM-DD] [--json]
  cli caseload    --vault DIR              [--today YYYY-MM-DD] [--json]
  cli new-session --vault DIR --client NAME [--today YYYY-MM-DD] [--template FILE] [--dry-run]`;

/** A problem with what was asked: one clear line on standard error, exit status 2. */
class UsageError extends Error {}

interface Output {
	out(text: string): void;
	err(text: string): void;
	colour: boolean;
}

export async function runCli(argv: readonly string[], output: Output, wallClock: () => Date = () => new Date()): Promise<number> {
	try {
		return await run(argv, output, wallClock);
	} catch (error) {
		if (error instanceof UsageError) {
			output.err(`${error.message}\n`);
			return 2;
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
	if (command !== "brief" && command !== "caseload" && command !== "new-session") {
		throw new UsageError(`Unknown command "${command}": use brief, caseload or new-session (--help shows how).`);
	}

	let values: { vault?: string; client?: string; today?: string; json?: boolean; template?: string; "dry-run"?: boolean };
	try {
		({ values } = parseArgs({
			args: [...rest],
			options: {
				vault: { type: "string" },
				client: { type: "string" },
				today: { type: "string" },
				json: { type: "boolean" },
				template: { type: "string" },
				"dry-run": { type: "boolean" },
			},
			strict: true,
			allowPositionals: false,
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
	if (command !== "caseload" && !values.client) throw new UsageError(`${command} needs --client NAME: a client's name, alias or path.`);
	if (command !== "new-session" && (values.template !== undefined || values["dry-run"] !== undefined)) {
		throw new UsageError("--template and --dry-run go with new-session.");
	}
	if (command === "new-session" && values.json !== undefined) throw new UsageError("new-session prints the note's path; it takes no --json.");
	if (command === "caseload" && values.client !== undefined) throw new UsageError("caseload lists every client and takes no --client.");

	const vault = await openVaultFolder(values.vault);
	const style = output.colour && !values.json ? ANSI : PLAIN;
	for (const warning of vault.warnings) output.err(`Warning: ${warning}\n`);

	if (command === "caseload") {
		const caseload = computeCaseload(vault.index, today);
		output.out(values.json ? `${JSON.stringify(caseload, null, 2)}\n` : formatCaseload(caseload, style));
		return 0;
	}

	const query = values.client ?? "";
	const lookup = findClient(vault.index.clients(), query);
	if (lookup.kind === "none") {
		const hint = lookup.suggestions.length > 0 ? ` Closest: ${lookup.suggestions.join(", ")}.` : " No clients were found in this vault.";
		throw new UsageError(`No client called "${query}".${hint}`);
	}
	if (lookup.kind === "ambiguous") {
		const paths = lookup.clients.map((client) => client.path ?? client.name).join(", ");
		throw new UsageError(`"${query}" matches several clients: ${paths}. Give the path instead.`);
	}
	const brief = computeBrief(vault.index, lookup.client, today, vault.settings);
	if (command === "new-session") return newSession(brief, values.vault, vault, today, format(wallClock(), "HH:mm"), values.template, values["dry-run"] ?? false, output);
	const text = await readBriefText(brief, vault.index, vault.read, vault.settings);
	if (values.json) {
		output.out(`${JSON.stringify(briefJson(brief, text), null, 2)}\n`);
		return 0;
	}
	const excerpts = new Map<string, string[]>();
	for (const session of brief.sessions) {
		const facts = vault.index.get(session.path);
		if (facts) excerpts.set(session.path, await readExcerpt(facts, vault.read, vault.settings));
	}
	output.out(formatBrief(brief, text, excerpts, style));
	return 0;
}

/** Makes the session note the plugin would make, with the same core; never overwrites a note. */
async function newSession(
	brief: ReturnType<typeof computeBrief>,
	root: string,
	vault: Awaited<ReturnType<typeof openVaultFolder>>,
	today: string,
	time: string,
	templateFile: string | undefined,
	dryRun: boolean,
	output: Output,
): Promise<number> {
	let template: string | null = null;
	if (templateFile !== undefined) {
		try {
			template = await readFile(templateFile, "utf8");
		} catch {
			throw new UsageError(`No template file at "${templateFile}".`);
		}
	} else {
		const where = templateNotePath(vault.settings.sessionTemplate, ".obsidian");
		if (where !== null && "problem" in where) output.err(`Warning: ${where.problem} The built-in template is used.\n`);
		else if (where !== null) {
			try {
				template = await readFile(join(root, where.path), "utf8");
			} catch {
				output.err(`Warning: the template "${vault.settings.sessionTemplate}" could not be read; the built-in template is used.\n`);
			}
		}
	}
	const folder = sessionFolder(vault.settings, brief, vault.settings.sessionNoteFolder);
	const clientLinkTarget = vault.index.linkTarget(brief.client, freePath(folder, "new", () => false));
	const input = { brief, settings: vault.settings, today, time, template, clientLinkTarget };
	let content: string;
	try {
		content = sessionNoteContent(input);
	} catch (error) {
		throw new UsageError(`The template cannot be used: ${(error as Error).message}.`);
	}
	const path = freePath(folder, sessionFileName(vault.settings.sessionFileName, input), (candidate) => existsSync(join(root, candidate)));
	if (dryRun) {
		output.out(`${path}\n${content}`);
		return 0;
	}
	await mkdir(join(root, folder), { recursive: true });
	// "wx" refuses to write over a file that appeared since the check: a note is never overwritten.
	await writeFile(join(root, path), content, { encoding: "utf8", flag: "wx" });
	output.out(`${path}\n`);
	return 0;
}

async function isFolder(path: string): Promise<boolean> {
	try {
		return (await stat(path)).isDirectory();
	} catch {
		return false;
	}
}

const invokedDirectly = process.argv[1] !== undefined && /cli[\\/]main\.ts$/.test(process.argv[1]);
if (invokedDirectly) {
	const colour = Boolean(process.stdout.isTTY) && !process.env["NO_COLOR"];
	runCli(process.argv.slice(2), { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), colour }).then(
		(status) => {
			process.exitCode = status;
		},
		(error: unknown) => {
			process.stderr.write(`Something went wrong: ${error instanceof Error ? error.message : String(error)}\n`);
			process.exitCode = 1;
		},
	);
}
