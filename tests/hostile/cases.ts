import { execFile } from "node:child_process";
import { chmod, mkdir, symlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect } from "vitest";
import { mayaSession, settingsFile } from "./base-vault";
import type { CliRun, Sandbox } from "./harness";

/**
 * The hostile corpus: what an attacker or a careless sync could leave in a vault. Each case
 * names the item of issue 11 it reproduces; the runner checks for every run that nothing
 * outside the vault changed, that read-only commands changed nothing at all, that the process
 * ended by itself with a clear status, and stayed within time and memory bounds.
 */
export interface HostileCase {
	id: string;
	item: string;
	files?: Record<string, string | Buffer>;
	/** Anything files cannot say: links, permissions, pipes. Runs after the files are written. */
	setup?(box: Sandbox): Promise<void>;
	/** Run the runs at the same time (a race) instead of one after another. */
	concurrent?: boolean;
	runs: HostileRun[];
}

export interface HostileRun {
	/** The command and its flags; `--vault` and `--today` are added. */
	args: string[];
	status: number;
	/** Vault-relative paths the run may create (new-session); nothing else may change. */
	creates?: RegExp[];
	/** Vault-relative paths the run may remove (a lock left by a run that died). */
	removes?: RegExp[];
	check?(run: CliRun, box: Sandbox): void | Promise<void>;
}

const brief = (client = "Maya Chen", ...flags: string[]): string[] => ["brief", "--client", client, ...flags];
const caseload = (...flags: string[]): string[] => ["caseload", ...flags];
const newSession = (client = "Maya Chen", ...flags: string[]): string[] => ["new-session", "--client", client, ...flags];
/** Fits a file name as a client note, but not once a date is put before it. */
const LONG_NAME = `${"Maximiliana ".repeat(20)}Rosalind`;
const NEW_MAYA_NOTE = /^Sessions\/2026-11-24 Maya Chen( \(\d+\))?\.md$/;

interface BriefJson {
	sessions: { path: string }[];
	openCommitments: { text: string }[];
	problems: { path: string; problem: string }[];
}
interface CaseloadJson {
	clients: { name: string; path: string | null }[];
	problems: { path: string; problem: string }[];
}

function json<T>(run: CliRun): T {
	return JSON.parse(run.stdout) as T;
}

/** The note is reported, with its path, among the problems. */
function reports(path: string, words: RegExp) {
	return (run: CliRun): void => {
		const problems = json<{ problems: { path: string; problem: string }[] }>(run).problems;
		expect(problems.filter((entry) => entry.path === path).map((entry) => entry.problem)).toContainEqual(expect.stringMatching(words));
	};
}

/** Maya's two sound sessions are still in her brief: one bad note does not stop the rest. */
function mayaStillWhole(run: CliRun): void {
	const paths = json<BriefJson>(run).sessions.map((session) => session.path);
	expect(paths).toContain("Sessions/2026-10-05 Maya Chen.md");
	expect(paths).toContain("Sessions/2026-10-19 Maya Chen.md");
}

function stderrSays(words: RegExp) {
	return (run: CliRun): void => {
		expect(run.stderr).toMatch(words);
		expect(run.stderr).not.toMatch(/Something went wrong/);
	};
}

const sh = promisify(execFile);

export const HOSTILE_CASES: HostileCase[] = [
	// 1. A write outside the vault through the folder setting.
	...["../elsewhere", "Sessions/../../elsewhere", "C:\\Users\\coach\\Sessions", "~/elsewhere"].map(
		(folder): HostileCase => ({
			id: `session folder setting ${folder}`,
			item: "1",
			files: settingsFile({ sessionNoteFolder: folder }),
			runs: [
				{
					args: newSession(),
					status: 0,
					creates: [NEW_MAYA_NOTE],
					check: stderrSays(/sessionNoteFolder.*inside your vault/i),
				},
			],
		}),
	),
	{
		// Obsidian reads a leading slash in its own folder settings as the vault's top; so does the plugin.
		id: "session folder setting /tmp/coaching-hostile-absolute",
		item: "1",
		files: settingsFile({ sessionNoteFolder: "/tmp/coaching-hostile-absolute" }),
		runs: [{ args: newSession(), status: 0, creates: [/^tmp$/, /^tmp\/coaching-hostile-absolute$/, /^tmp\/coaching-hostile-absolute\/2026-11-24 Maya Chen\.md$/] }],
	},
	{
		id: "file name setting that climbs out",
		item: "1",
		files: settingsFile({ sessionFileName: "../../{{client}}" }),
		runs: [{ args: newSession(), status: 0, creates: [/^Sessions\/[^/]*Maya Chen\.md$/] }],
	},

	// 2. Writing and reading through symbolic links.
	{
		id: "session folder that is a link to elsewhere",
		item: "2",
		files: settingsFile({ sessionNoteFolder: "Linked" }),
		setup: async (box) => symlink(box.outside, join(box.vault, "Linked")),
		runs: [{ args: newSession(), status: 1, check: stderrSays(/Linked.*link/i) }],
	},
	{
		id: "a folder on the way that is a link",
		item: "2",
		files: settingsFile({ sessionNoteFolder: "Notes/Linked/2026" }),
		setup: async (box) => {
			await mkdir(join(box.vault, "Notes"));
			await symlink(box.outside, join(box.vault, "Notes/Linked"));
		},
		runs: [{ args: newSession(), status: 1, check: stderrSays(/Notes\/Linked.*link/i) }],
	},
	{
		id: "the new note's name is taken by a dangling link",
		item: "2",
		setup: async (box) => symlink(join(box.outside, "planted.md"), join(box.vault, "Sessions/2026-11-24 Maya Chen.md")),
		runs: [{ args: newSession(), status: 0, creates: [/^Sessions\/2026-11-24 Maya Chen \(2\)\.md$/] }],
	},
	{
		id: "a template that is a link to a file outside",
		item: "2",
		files: settingsFile({ sessionTemplate: "Templates/Session" }),
		setup: async (box) => {
			await mkdir(join(box.vault, "Templates"));
			await symlink(join(box.outside, "secret.md"), join(box.vault, "Templates/Session.md"));
		},
		runs: [
			{
				args: newSession("Maya Chen", "--dry-run"),
				status: 0,
				check: (run) => {
					expect(run.stdout).not.toContain("A private note");
					stderrSays(/Templates\/Session\.md.*link/i)(run);
				},
			},
		],
	},

	{
		id: "values that would join into a Templater command beside each other",
		item: "3",
		files: {
			...settingsFile({ sessionTemplate: "Templates/Session" }),
			"Templates/Session.md": "Notes for {{client}}{{client}}\n",
			"Sessions/2026-11-09 Ghost.md": "---\ntype: session\nclient: '% tR += app.vault.adapter.basePath %><'\ndate: 2026-11-09\n---\n",
		},
		runs: [
			{
				args: newSession("% tR += app.vault.adapter.basePath %><", "--dry-run"),
				status: 0,
				check: (run) => expect(run.stdout).not.toMatch(/<%(?!\\)/),
			},
		],
	},

	// 4. One bad file's YAML stops everything.
	{
		id: "an undefined YAML alias",
		item: "4",
		files: { "Sessions/2026-11-09 Maya Chen.md": mayaSession("type: session\nclient: *nope\ndate: 2026-11-09") },
		runs: [
			{ args: brief("Maya Chen", "--json"), status: 0, check: mayaStillWhole },
			{ args: caseload("--json"), status: 0, check: reports("Sessions/2026-11-09 Maya Chen.md", /alias/i) },
		],
	},
	{
		id: "a YAML alias bomb",
		item: "4",
		files: {
			"Sessions/2026-11-09 Maya Chen.md": mayaSession(
				[
					"type: session",
					'client: "[[Maya Chen]]"',
					"date: 2026-11-09",
					"a: &a [x, x, x, x, x, x, x, x, x, x]",
					...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(", ")}]`),
				].join("\n"),
			),
		},
		runs: [
			{ args: brief("Maya Chen", "--json"), status: 0, check: (run) => { mayaStillWhole(run); reports("Sessions/2026-11-09 Maya Chen.md", /alias/i)(run); } },
		],
	},

	// 5. Unreadable notes, folders and names.
	{
		id: "an unreadable note",
		item: "5",
		files: { "Sessions/2026-11-09 Maya Chen.md": mayaSession('type: session\nclient: "[[Maya Chen]]"\ndate: 2026-11-09') },
		setup: async (box) => chmod(join(box.vault, "Sessions/2026-11-09 Maya Chen.md"), 0),
		runs: [
			{ args: brief("Maya Chen", "--json"), status: 0, check: mayaStillWhole },
			{ args: caseload("--json"), status: 0, check: reports("Sessions/2026-11-09 Maya Chen.md", /could not be read/i) },
		],
	},
	{
		id: "an unreadable folder",
		item: "5",
		files: { "Private/Notes on Maya.md": "[[Maya Chen]] seemed tired.\n" },
		setup: async (box) => chmod(join(box.vault, "Private"), 0),
		runs: [
			{ args: brief("Maya Chen", "--json"), status: 0, check: mayaStillWhole },
			{ args: caseload("--json"), status: 0, check: reports("Private", /could not be read/i) },
		],
	},
	{
		id: "a file name that is not UTF-8",
		item: "5",
		setup: async (box) => writeFile(Buffer.from(join(box.vault, "Sessions/caf\xe9.md"), "latin1"), mayaSession('type: session\nclient: "[[Maya Chen]]"')),
		runs: [
			{ args: brief("Maya Chen", "--json"), status: 0, check: mayaStillWhole },
			{ args: caseload("--json"), status: 0, check: (run) => expect(json<CaseloadJson>(run).problems.map((p) => p.problem)).toContainEqual(expect.stringMatching(/UTF-8/)) },
		],
	},

	// 6. Cadences too large for a calendar.
	{
		id: "cadences beyond any calendar",
		item: "6",
		files: {
			"Clients/Maya Chen.md": "---\ntype: client\ncadence: 100000000\n---\n## Goals\nLead the team.\n",
			"Clients/Sam Okoro.md": "---\ntype: client\ncadence: every 99999999999 weeks\n---\n",
		},
		runs: [
			{ args: brief("Maya Chen"), status: 0, check: (run) => expect(run.stdout).toMatch(/Cadence "100000000" is not one I can read/) },
			{ args: caseload("--json"), status: 0 },
			{ args: caseload(), status: 0 },
		],
	},

	// 7. Deep nesting in one frontmatter.
	{
		id: "20,000 nested brackets",
		item: "7",
		files: { "Sessions/2026-11-09 Maya Chen.md": mayaSession(`type: session\nclient: "[[Maya Chen]]"\ndate: 2026-11-09\ntags: ${"[".repeat(20_000)}`) },
		runs: [
			{ args: brief("Maya Chen", "--json"), status: 0, check: (run) => { mayaStillWhole(run); reports("Sessions/2026-11-09 Maya Chen.md", /deep/i)(run); } },
		],
	},

	// 8. Sessions that vanished without a word.
	...[
		["an unclosed quote on the client line", 'type: session\nclient: "[[Maya Chen]]\ndate: 2026-11-09'],
		["a tab before the client line", 'type: session\n\tclient: "[[Maya Chen]]"\ndate: 2026-11-09'],
	].map(
		([id, frontmatter]): HostileCase => ({
			id: id ?? "",
			item: "8",
			files: { "Sessions/2026-11-09 Maya Chen.md": mayaSession(frontmatter ?? "") },
			runs: [
				{
					args: brief("Maya Chen", "--json"),
					status: 0,
					check: (run) => {
						const parsed = json<BriefJson>(run);
						expect(parsed.sessions.map((session) => session.path)).toContain("Sessions/2026-11-09 Maya Chen.md");
						expect(parsed.openCommitments.map((commitment) => commitment.text)).toContain("Call the bank before Friday");
						expect(parsed.problems.map((problem) => problem.path)).toContain("Sessions/2026-11-09 Maya Chen.md");
					},
				},
				{ args: brief("Maya Chen"), status: 0, check: (run) => expect(run.stdout).toMatch(/Sessions\/2026-11-09 Maya Chen\.md: its frontmatter/) },
			],
		}),
	),
	{
		id: "a byte order mark before the frontmatter",
		item: "8",
		// Outside a session folder and with a plain-text client, only the properties make it Maya's session.
		files: { "Notes/2026-11-09 Maya.md": `\uFEFF${mayaSession("type: session\nclient: Maya Chen\ndate: 2026-11-09")}` },
		runs: [
			{
				args: brief("Maya Chen", "--json"),
				status: 0,
				check: (run) => {
					const parsed = json<BriefJson>(run);
					expect(parsed.sessions.map((session) => session.path)).toContain("Notes/2026-11-09 Maya.md");
					expect(parsed.openCommitments.map((commitment) => commitment.text)).toContain("Call the bank before Friday");
				},
			},
		],
	},

	// 9. Quadratic paths.
	...[40_000, 120_000].map(
		(count): HostileCase => ({
			id: `${count} frontmatter keys`,
			item: "9",
			files: {
				"Sessions/2026-11-09 Maya Chen.md": mayaSession(
					`type: session\nclient: "[[Maya Chen]]"\ndate: 2026-11-09\n${Array.from({ length: count }, (_, i) => `key${i}: ${i}`).join("\n")}`,
				),
			},
			runs: [
				{
					args: brief("Maya Chen", "--json"),
					status: 0,
					check: (run) => {
						mayaStillWhole(run);
						reports("Sessions/2026-11-09 Maya Chen.md", /over 256 KB.*only its first part was read: type, client, date, key0/)(run);
						expect(json<BriefJson>(run).openCommitments.map((c) => c.text)).toContain("Call the bank before Friday");
					},
				},
			],
		}),
	),
	{
		id: "a heading line of 100,000 spaces",
		item: "9",
		files: {
			"Sessions/2026-11-09 Maya Chen.md": mayaSession('type: session\nclient: "[[Maya Chen]]"\ndate: 2026-11-09', `# a${" ".repeat(100_000)}b\n\n## x${" ".repeat(100_000)}#x\n`),
		},
		runs: [{ args: brief("Maya Chen", "--json"), status: 0, check: mayaStillWhole }],
	},
	{
		id: "a line of backtick runs of every length, and a line of 100,000 >",
		item: "9",
		files: {
			"Sessions/2026-11-09 Maya Chen.md": mayaSession(
				'type: session\nclient: "[[Maya Chen]]"\ndate: 2026-11-09',
				`${Array.from({ length: 700 }, (_, i) => `${"`".repeat(i + 1)}a`).join("")}\n${">".repeat(100_000)} [[Maya Chen]]\n- [ ] Call the bank before Friday\n`,
			),
		},
		runs: [{ args: brief("Maya Chen", "--json"), status: 0, check: (run) => expect(json<BriefJson>(run).openCommitments.map((c) => c.text)).toContain("Call the bank before Friday") }],
	},
	{
		id: "a last session of 300,000 headings, and a line of 40,000 [a](<",
		item: "9",
		files: {
			"Sessions/2026-11-20 Maya Chen.md": mayaSession('type: session\nclient: "[[Maya Chen]]"\ndate: 2026-11-20', `${"# a\n".repeat(300_000)}${"[a](<".repeat(40_000)}\n`),
		},
		runs: [{ args: brief("Maya Chen"), status: 0, check: (run) => expect(run.stdout).toContain("Where we left off") }],
	},
	{
		id: "a template with {{date: and 100,000 spaces",
		item: "9",
		files: { ...settingsFile({ sessionTemplate: "Templates/Session" }), "Templates/Session.md": `# {{date:${" ".repeat(100_000)}\n{{${"{".repeat(50_000)}\n` },
		runs: [{ args: newSession("Maya Chen", "--dry-run"), status: 0 }],
	},

	// 10. new-session under pressure.
	{
		id: "two new-session runs at once",
		item: "10",
		concurrent: true,
		runs: [0, 1, 2].map(() => ({ args: newSession(), status: 0, creates: [NEW_MAYA_NOTE] })),
	},
	{
		id: "a client name longer than a file name may be",
		item: "10",
		files: { [`Clients/${LONG_NAME}.md`]: "---\ntype: client\n---\n" },
		runs: [
			{
				args: newSession(LONG_NAME, "--dry-run"),
				status: 0,
				check: (run) => {
					const path = run.stdout.split("\n")[0] ?? "";
					expect(Buffer.byteLength(path.slice(path.lastIndexOf("/") + 1))).toBeLessThanOrEqual(255);
					expect(path).toMatch(/^Sessions\/2026-11-24 Maximiliana/);
				},
			},
			{ args: newSession(LONG_NAME), status: 0, creates: [/^Sessions\/2026-11-24 Maximiliana[^/]*\.md$/] },
		],
	},
	{
		id: "a lock left behind by a run that died",
		item: "10",
		setup: async (box) => writeFile(join(box.vault, ".coaching-alliance-new-session.lock"), `${hostname()} 2147483646`),
		runs: [{ args: newSession(), status: 0, creates: [NEW_MAYA_NOTE], removes: [/^\.coaching-alliance-new-session\.lock$/] }],
	},
	{
		id: "a session folder that cannot be written to",
		item: "10",
		setup: async (box) => chmod(join(box.vault, "Sessions"), 0o555),
		runs: [{ args: newSession(), status: 1, check: stderrSays(/permission/i) }],
	},

	// Also noticed.
	{
		id: "clients whose paths differ only in case",
		item: "also",
		files: { "Clients/ana.md": "---\ntype: client\n---\n", "Clients/Ana.md": "---\ntype: client\n---\n" },
		runs: [
			{ args: brief("Clients/ana.md", "--json"), status: 0, check: (run) => expect(json<{ client: { path: string } }>(run).client.path).toBe("Clients/ana.md") },
			{ args: brief("Clients/Ana.md", "--json"), status: 0, check: (run) => expect(json<{ client: { path: string } }>(run).client.path).toBe("Clients/Ana.md") },
		],
	},
	{
		id: "terminal escape sequences in names and notes",
		item: "also",
		files: {
			"Clients/\u001b[31mRed\u001b[0m Rose.md": "---\ntype: client\n---\n## Goals\nSleep \u001b]0;pwned\u0007 better.\u009b2J\n",
			"Sessions/2026-11-09 Rose.md": 'type: session\n'.replace(/^/, '---\n') + 'client: "[[\u001b[31mRed\u001b[0m Rose]]"\ndate: 2026-11-09\n---\n- [ ] Rest \u001b[2J now\n',
		},
		runs: [
			{ args: brief("\u001b[31mRed\u001b[0m Rose"), status: 0, check: (run) => expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/) },
			{ args: caseload(), status: 0, check: (run) => expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/) },
		],
	},
	{
		id: "an unreadable data.json",
		item: "also",
		files: settingsFile({ intentions: ["Curious"] }),
		setup: async (box) => chmod(join(box.vault, ".obsidian/plugins/coaching-alliance/data.json"), 0),
		runs: [{ args: caseload(), status: 0, check: stderrSays(/data\.json.*could not be read/i) }],
	},
	{
		id: "a 10 MB note on one line",
		item: "also",
		files: { "Sessions/2026-10-01 Maya Chen.md": mayaSession('type: session\nclient: "[[Maya Chen]]"\ndate: 2026-10-01', `${"All work and no play. ".repeat(480_000)}\n`) },
		runs: [{ args: brief("Maya Chen"), status: 0, check: (run) => expect(run.stdout.length).toBeLessThan(20_000) }],
	},

	// Found by a second attacker, after the first fixes.
	...[".obsidian/plugins/coaching-alliance/data.json", ".obsidian/templates.json", ".obsidian/plugins/templater-obsidian/data.json"].map(
		(path): HostileCase => ({
			id: `a named pipe where ${path} should be`,
			item: "later",
			setup: async (box) => {
				await mkdir(join(box.vault, path, ".."), { recursive: true });
				await sh("mkfifo", [join(box.vault, path)]);
			},
			runs: [{ args: caseload(), status: 0, check: stderrSays(/not a plain file/) }],
		}),
	),
	{
		id: "a settings file that is a link to an endless device",
		item: "later",
		setup: async (box) => {
			await mkdir(join(box.vault, ".obsidian/plugins/coaching-alliance"), { recursive: true });
			await symlink("/dev/zero", join(box.vault, ".obsidian/plugins/coaching-alliance/data.json"));
		},
		runs: [{ args: caseload(), status: 0, check: stderrSays(/data\.json could not be read/) }],
	},
	{
		id: "a template that is a named pipe",
		item: "later",
		files: settingsFile({ sessionTemplate: "Templates/Session" }),
		setup: async (box) => {
			await mkdir(join(box.vault, "Templates"));
			await sh("mkfifo", [join(box.vault, "Templates/Session.md")]);
		},
		runs: [{ args: newSession("Maya Chen", "--dry-run"), status: 0, check: stderrSays(/Templates\/Session\.md.*not a plain file/) }],
	},
	...(
		[
			["a named pipe", (lock: string) => sh("mkfifo", [lock])],
			["a link to an endless device", (lock: string) => symlink("/dev/zero", lock)],
			["a folder", (lock: string) => mkdir(lock)],
		] as const
	).map(
		([what, make]): HostileCase => ({
			id: `the new-session lock is ${what}`,
			item: "later",
			setup: async (box) => {
				await make(join(box.vault, ".coaching-alliance-new-session.lock"));
			},
			runs: [{ args: newSession(), status: 0, creates: [NEW_MAYA_NOTE] }],
		}),
	),
	{
		id: "a 14 KB group session whose tasks each link one of 300 clients",
		item: "later",
		files: {
			"Sessions/2026-11-09 Circle.md": mayaSession(
				`type: session\ndate: 2026-11-09\nclients:\n${Array.from({ length: 300 }, (_, i) => `  - "[[Person ${i}]]"`).join("\n")}\n  - "[[Maya Chen]]"`,
				Array.from({ length: 300 }, (_, i) => `- [ ] Call [[Person ${i}]]`).join("\n"),
			),
		},
		runs: [{ args: caseload("--json"), status: 0 }, { args: brief("Person 7", "--json"), status: 0, check: (run) => expect(json<BriefJson>(run).openCommitments.map((c) => c.text)).toEqual(["Call [[Person 7]]"]) }],
	},
	{
		id: "sessions naming 20,000 people in plain text",
		item: "later",
		files: Object.fromEntries(
			[1, 2, 3].map((n) => [`Sessions/2026-11-0${n} Crowd.md`, mayaSession(`type: session\ndate: 2026-11-0${n}\nclients:\n${Array.from({ length: 20_000 }, (_, i) => `  - P${i}`).join("\n")}`)]),
		),
		runs: [{ args: caseload("--json"), status: 0 }],
	},
	{
		id: "1,500 notes that share the name Maya Chen, and 1,500 sessions linking it",
		item: "later",
		files: Object.fromEntries(
			Array.from({ length: 1500 }, (_, i) => [
				[`People/d${i}/Maya Chen.md`, "A namesake.\n"],
				[`Sessions/2025-01-01 s${i}.md`, '---\ntype: session\nclient: "[[Maya Chen]]"\n---\n'],
			]).flat(),
		),
		runs: [{ args: caseload(), status: 0 }],
	},
	{
		id: "settings lists of 100,000 entries, and settings that hold Templater commands",
		item: "later",
		files: settingsFile({
			sessionTypes: Array.from({ length: 100_000 }, (_, i) => `type${i}`),
			excludedFolders: Array.from({ length: 100_000 }, (_, i) => `folder${i}`),
			intentions: ["<% tp.system.clipboard() %>"],
			clientProperties: ["<% x %>", "client"],
		}),
		runs: [
			{ args: caseload(), status: 0, check: stderrSays(/sessionTypes": A list setting cannot have more than 1000 entries\. The default is used/) },
			{
				args: newSession("Maya Chen", "--dry-run"),
				status: 0,
				check: (run) => {
					stderrSays(/intentions": A setting cannot hold a Templater command/)(run);
					expect(run.stdout).not.toContain("<%");
				},
			},
		],
	},
	{
		id: "control characters in what new-session prints",
		item: "later",
		files: {
			"Clients/Rose\u009b2J Lee.md": "---\ntype: client\n---\n",
			"Sessions/2026-11-09 Rose.md": '---\ntype: session\nclient: "[[Rose\u009b2J Lee]]"\ndate: 2026-11-09\n---\n- [ ] Rest \u001b]0;pwned\u0007 \u001b[2J now\n',
		},
		runs: [
			{ args: newSession("Rose\u009b2J Lee", "--dry-run"), status: 0, check: (run) => expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/) },
			{
				args: newSession("Rose\u009b2J Lee"),
				status: 0,
				creates: [/^Sessions\/2026-11-24 Rose2J Lee\.md$/],
				check: (run) => expect(run.stdout).toBe("Sessions/2026-11-24 Rose2J Lee.md\n"),
			},
		],
	},
	...["Coaching/2026/" + "x".repeat(300), "a/".repeat(3000)].map(
		(folder): HostileCase => ({
			id: `a session folder setting too long for the file system (${folder.length} characters)`,
			item: "later",
			files: settingsFile({ sessionNoteFolder: folder }),
			runs: [{ args: newSession(), status: 0, creates: [NEW_MAYA_NOTE], check: stderrSays(/sessionNoteFolder.*longer than/) }],
		}),
	),

	// The rest of the corpus.
	{
		id: "binary and UTF-16 files named .md",
		item: "corpus",
		files: {
			"Sessions/scan.md": Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
			"Sessions/2026-11-10 Maya Chen.md": Buffer.from(mayaSession('type: session\nclient: "[[Maya Chen]]"'), "utf16le"),
			"Sessions/2026-11-09 Maya Chen.md": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(mayaSession('type: session\nclient: "[[Maya Chen]]"'), "utf16le")]),
		},
		runs: [
			{ args: brief("Maya Chen", "--json"), status: 0, check: mayaStillWhole },
			{
				args: caseload("--json"),
				status: 0,
				check: (run) => {
					reports("Sessions/scan.md", /not text/i)(run);
					reports("Sessions/2026-11-09 Maya Chen.md", /UTF-16/)(run);
					reports("Sessions/2026-11-10 Maya Chen.md", /UTF-16/)(run);
				},
			},
		],
	},
	{
		id: "CRLF and CR-only line ends",
		item: "corpus",
		files: {
			"Sessions/2026-11-09 Maya Chen.md": mayaSession('type: session\nclient: "[[Maya Chen]]"\ndate: 2026-11-09').replace(/\n/g, "\r\n"),
			"Sessions/2026-11-16 Maya Chen.md": mayaSession('type: session\nclient: "[[Maya Chen]]"\ndate: 2026-11-16', "- [ ] Write to the board\n").replace(/\n/g, "\r"),
		},
		runs: [
			{
				args: brief("Maya Chen", "--json"),
				status: 0,
				check: (run) => {
					const parsed = json<BriefJson>(run);
					expect(parsed.sessions.map((session) => session.path)).toEqual(expect.arrayContaining(["Sessions/2026-11-09 Maya Chen.md", "Sessions/2026-11-16 Maya Chen.md"]));
					expect(parsed.openCommitments.map((commitment) => commitment.text)).toEqual(expect.arrayContaining(["Call the bank before Friday", "Write to the board"]));
				},
			},
		],
	},
	{
		id: "deep folders and link loops",
		item: "corpus",
		files: { [`${Array.from({ length: 120 }, (_, i) => `d${i}`).join("/")}/2026-11-09 Maya Chen.md`]: mayaSession('type: session\nclient: "[[Maya Chen]]"\ndate: 2026-11-09') },
		setup: async (box) => {
			await symlink(".", join(box.vault, "loop"));
			await symlink("../Sessions", join(box.vault, "Sessions/again"));
			await sh("mkfifo", [join(box.vault, "Sessions/pipe.md")]);
		},
		runs: [{ args: brief("Maya Chen", "--json"), status: 0, check: (run) => expect(json<BriefJson>(run).openCommitments.map((c) => c.text)).toContain("Call the bank before Friday") }],
	},
	{
		id: "names with every character Obsidian allows, right-to-left and combining",
		item: "corpus",
		files: {
			"Clients/Zoë O'Brien-Núñez, ½ & co. 🌱 (née) {x} ~ @ $ % + = ;.md": "---\ntype: client\n---\n",
			"Clients/مريم الحسن.md": "---\ntype: client\n---\n",
			"Clients/Zoe\u0308 Ng.md": "---\ntype: client\n---\n",
			"Sessions/2026-11-09 Zoë.md": "---\ntype: session\nclient: \"[[Zoë O'Brien-Núñez, ½ & co. 🌱 (née) {x} ~ @ $ % + = ;]]\"\n---\n",
			"Sessions/2026-11-10 مريم.md": '---\ntype: session\nclient: "[[مريم الحسن]]"\n---\n- [ ] اتصل بالبنك\n',
		},
		runs: [
			{ args: brief("Zoë O'Brien-Núñez, ½ & co. 🌱 (née) {x} ~ @ $ % + = ;", "--json"), status: 0, check: (run) => expect(json<BriefJson>(run).sessions).toHaveLength(1) },
			{ args: brief("مريم الحسن", "--json"), status: 0, check: (run) => expect(json<BriefJson>(run).openCommitments.map((c) => c.text)).toEqual(["اتصل بالبنك"]) },
			{ args: brief("Zo\u00eb Ng", "--json"), status: 0 },
			{ args: caseload(), status: 0 },
		],
	},
	{
		id: "impossible dates",
		item: "corpus",
		files: {
			"Sessions/a.md": mayaSession('type: session\nclient: "[[Maya Chen]]"\ndate: 2026-02-30'),
			"Sessions/b.md": mayaSession('type: session\nclient: "[[Maya Chen]]"\ndate: 0000-00-00'),
			"Sessions/c.md": mayaSession('type: session\nclient: "[[Maya Chen]]"\ndate: 99999-12-31T99:99'),
			"Sessions/d.md": mayaSession('type: session\nclient: "[[Maya Chen]]"\ndate: 1 Jan 275760'),
		},
		runs: [
			{ args: brief("Maya Chen", "--json"), status: 0, check: reports("Sessions/a.md", /not a date/i) },
			{ args: brief("Maya Chen"), status: 0 },
			{ args: caseload(), status: 0 },
		],
	},
	{
		id: "client properties that are numbers, objects or thousands of links",
		item: "corpus",
		files: {
			"Sessions/2026-11-01 number.md": mayaSession("type: session\nclient: 42\ndate: 2026-11-01"),
			"Sessions/2026-11-02 object.md": mayaSession("type: session\nclient: {name: Maya Chen, since: 2026}\ndate: 2026-11-02", "[[Maya Chen]] brought the list.\n"),
			"Sessions/2026-11-03 crowd.md": mayaSession(
				`type: session\ndate: 2026-11-03\nclients:\n${Array.from({ length: 5000 }, (_, i) => `  - "[[Person ${i}]]"`).join("\n")}\n  - "[[Maya Chen]]"`,
			),
		},
		runs: [
			{ args: brief("Maya Chen", "--json"), status: 0, check: (run) => expect(json<BriefJson>(run).sessions.map((s) => s.path)).toContain("Sessions/2026-11-03 crowd.md") },
			{ args: caseload("--json"), status: 0, check: reports("Sessions/2026-11-02 object.md", /client/i) },
		],
	},
];
