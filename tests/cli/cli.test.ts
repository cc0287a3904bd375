import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main";

const ROOT = join(__dirname, "../..");
const DEMO = join(ROOT, "examples/demo-vault");

async function cli(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
	let stdout = "";
	let stderr = "";
	const status = await runCli(args, { out: (text) => (stdout += text), err: (text) => (stderr += text), colour: false }, () => new Date("2026-06-30T12:00:00Z"));
	return { status, stdout, stderr };
}

describe("cli brief", () => {
	it("prints the contract's JSON and nothing else on standard output", async () => {
		const { status, stdout, stderr } = await cli(["brief", "--vault", DEMO, "--client", "Ana Costa", "--today", "2026-06-30", "--json"]);
		expect(stderr).toBe("");
		expect(status).toBe(0);
		const brief = JSON.parse(stdout) as Record<string, unknown>;
		expect(Object.keys(brief)).toEqual([
			"client",
			"today",
			"sessionCount",
			"nextSessionNumber",
			"lastSession",
			"daysSinceLastSession",
			"sessions",
			// Beyond the contract: session notes dated after today, which `sessions` leaves out.
			"plannedSessions",
			"openCommitments",
			"closedCommitments",
			"mentionsSinceLastSession",
			"themes",
			"held",
			"quotes",
			"intentionRecord",
			"about",
			"profile",
			"intentions",
			"problems",
		]);
		const held = brief["held"] as { text: string; path: string; heading: string | null; date: string }[];
		expect(held[0]).toEqual({ text: 'The "right moment" with Bea: what is she waiting for?', path: "Coaching/Sessions/2026-06-16 Ana Costa.md", heading: null, date: "2026-06-16" });
		expect(held.map((thread) => thread.date)).toEqual([...held.map((thread) => thread.date)].sort().reverse());
		// Eight of her nine conversations hold something for the next; the leadership circle does not.
		expect(held).toHaveLength(8);
		const quotes = brief["quotes"] as { text: string; date: string; pinned: boolean }[];
		expect(quotes.map((quote) => quote.text)).toContain("because if something breaks it's on me");
		expect(quotes.map((quote) => quote.date)).toEqual([...quotes.map((quote) => quote.date)].sort().reverse());
		expect(brief["about"]).toEqual({
			text: "Referred by Jonas. Leads a team of nine engineers; promoted into the role eighteen months ago\nand still not sure she has earned it. Lives in Lisbon with her partner Rui and a very loud cat\ncalled Feijão.",
			properties: { role: "Engineering lead, logistics start-up", started: "2026-03-03" },
		});
		expect(brief["client"]).toEqual({ name: "Ana Costa", path: "Coaching/Clients/Ana Costa.md", status: "active" });
		expect(brief["lastSession"]).toEqual({ path: "Coaching/Sessions/2026-06-16 Ana Costa.md", heading: null, date: "2026-06-16" });
		expect(brief["daysSinceLastSession"]).toBe(14);
		expect(brief["sessionCount"]).toBe(9);
		expect(brief["mentionsSinceLastSession"]).toEqual([
			{
				path: "Journal/2026-06-18.md",
				date: "2026-06-18",
				dateFrom: "name",
				excerpt: "Saw on LinkedIn that [[Ana Costa]]'s team shipped the warehouse integration. She didn't mention it on Tuesday. Wonder whether it felt like hers.",
			},
		]);
	});

	it.each([["ana"], ["ANA COSTA"], ["Coaching/Clients/Ana Costa.md"], ["Coaching/Clients/Ana Costa"]])("finds the client by %s", async (name) => {
		const { status, stdout } = await cli(["brief", "--vault", DEMO, "--client", name, "--today", "2026-06-30", "--json"]);
		expect(status).toBe(0);
		expect((JSON.parse(stdout) as { client: { name: string } }).client.name).toBe("Ana Costa");
	});

	it("reads a client named only by a link, with a null path", async () => {
		const { stdout } = await cli(["brief", "--vault", DEMO, "--client", "Lena Fischer", "--today", "2026-06-30", "--json"]);
		expect((JSON.parse(stdout) as { client: unknown }).client).toEqual({ name: "Lena Fischer", path: null, status: "active" });
	});

	it("prints a brief for people, in the pane's order, without colour off a terminal", async () => {
		const { status, stdout } = await cli(["brief", "--vault", DEMO, "--client", "Tomás", "--today", "2026-06-30"]);
		expect(status).toBe(0);
		const order = ["Tomás Rivera", "Who do I want to show up as?", "The person", "Where we left off", "Open commitments", "Since last time", "Themes", "Every earlier conversation", "\nNext\n"];
		const positions = order.map((heading) => stdout.indexOf(heading));
		expect(positions.every((position) => position >= 0)).toBe(true);
		expect([...positions].sort((a, b) => a - b)).toEqual(positions);
		expect(stdout).toContain("Cadence monthly: overdue by 9 days");
		expect(stdout).not.toContain("\u001b[");
	});

	it("lists what I promised without the #me that marks it, and a new session note carries the task with its mark", async () => {
		const { stdout } = await cli(["brief", "--vault", DEMO, "--client", "Tomás", "--today", "2026-06-30"]);
		expect(stdout).toContain("What I promised\n    [ ] Find him the name of the family-business mediator Jonas mentioned (2026-05-21)\n");
		const planned = await cli(["new-session", "--vault", DEMO, "--client", "Tomás", "--today", "2026-06-30", "--dry-run"]);
		expect(planned.stdout).toContain("- [ ] Find him the name of the family-business mediator Jonas mentioned #me\n");
	});

	it("takes today from the clock when --today is not given", async () => {
		const { stdout } = await cli(["brief", "--vault", DEMO, "--client", "Ana", "--json"]);
		expect((JSON.parse(stdout) as { today: string }).today).toBe("2026-06-30");
	});
});

describe("cli caseload", () => {
	it("lists every client, no session first, then longest since the last session", async () => {
		const { status, stdout } = await cli(["caseload", "--vault", DEMO, "--today", "2026-06-30", "--json"]);
		expect(status).toBe(0);
		const caseload = JSON.parse(stdout) as { today: string; clients: { name: string; status: string; due: boolean }[] };
		expect(caseload.today).toBe("2026-06-30");
		expect(caseload.clients.map((client) => [client.name, client.status, client.due])).toEqual([
			["Ruth Okafor", "archived", false],
			["Tomás Rivera", "active", true],
			["Jonas Weber", "active", false],
			["Ana Costa", "active", true],
			["Sam Okoro", "active", false],
			["Marta Silva", "active", false],
			["Priya Nair", "active", false],
			["Lena Fischer", "active", false],
			["Leo Park", "active", false],
		]);
	});
});

describe("cli caseload, what was recognised", () => {
	it("ends the text form with one line counting clients and conversations of each shape", async () => {
		const { status, stdout } = await cli(["caseload", "--vault", DEMO, "--today", "2026-06-30"]);
		expect(status).toBe(0);
		expect(stdout.trimEnd().split("\n").pop()).toBe(
			"9 clients; 33 conversations: 28 session notes, 3 sections of client notes, 2 sections of dated notes; 1 client folder.",
		);
	});
});

describe("progress while the vault is read", () => {
	async function watched(args: string[]) {
		const lines: string[] = [];
		let stdout = "";
		const output = { out: (text: string) => (stdout += text), err: () => {}, colour: false, status: (line: string) => lines.push(line), statusAfterMs: 0 };
		const status = await runCli(args, output, () => new Date("2026-06-30T12:00:00Z"));
		return { status, lines, stdout };
	}

	it("on a terminal, counts the notes read on one status line, and erases it before the answer", async () => {
		const { status, lines, stdout } = await watched(["caseload", "--vault", DEMO, "--today", "2026-06-30"]);
		expect(status).toBe(0);
		expect(lines.at(-1)).toBe("");
		expect(lines.slice(0, -1).every((line) => /^Reading the vault: [\d,]+ of [\d,]+ notes$/.test(line))).toBe(true);
		expect(lines.length).toBeGreaterThan(1);
		expect(stdout).not.toContain("Reading the vault");
	});

	it("never with --json, whose output a program reads", async () => {
		const { lines } = await watched(["caseload", "--vault", DEMO, "--today", "2026-06-30", "--json"]);
		expect(lines).toEqual([]);
	});
});

describe("cli errors: one clear line on standard error, exit status 2", () => {
	it.each([
		[["brief", "--vault", DEMO, "--client", "Anna Costa"], /^No client called "Anna Costa"\. Closest: Ana Costa/],
		[["brief", "--vault", "/no/such/vault", "--client", "Ana"], /^No vault folder at "\/no\/such\/vault"\.$/],
		[["brief", "--vault", DEMO, "--client", "Ana", "--colour"], /^Unknown option '--colour'\. Run with --help for usage\.$/],
		[["brief", "--vault", DEMO, "--client", "Ana", "--today", "30/06/2026"], /^--today must be a date written YYYY-MM-DD/],
		[["brief", "--vault", DEMO], /^brief needs --client NAME/],
		[["caseload"], /^--vault DIR is required/],
		[["summarise", "--vault", DEMO], /^Unknown command "summarise"/],
	])("%j", async (args, message) => {
		const { status, stdout, stderr } = await cli(args);
		expect(status).toBe(2);
		expect(stdout).toBe("");
		expect(stderr.trimEnd().split("\n")).toHaveLength(1);
		expect(stderr.trimEnd()).toMatch(message);
	});
});

describe("the real command", () => {
	const run = promisify(execFile);

	it("runs as `npm run --silent cli` and never writes to the vault", async () => {
		const before = await fingerprint(DEMO);
		const { stdout } = await run("npm", ["run", "--silent", "cli", "--", "brief", "--vault", DEMO, "--client", "Priya Nair", "--today", "2026-06-30", "--json"], { cwd: ROOT });
		expect((JSON.parse(stdout) as { sessionCount: number }).sessionCount).toBe(6);
		await run("npm", ["run", "--silent", "cli", "--", "caseload", "--vault", DEMO, "--today", "2026-06-30"], { cwd: ROOT });
		expect(await fingerprint(DEMO)).toEqual(before);
	});

	it("--read-back prints every conversation in full, oldest first, quietly, with the time between them", async () => {
		const { status, stdout, stderr } = await cli(["brief", "--vault", DEMO, "--client", "Ana Costa", "--today", "2026-06-30", "--read-back"]);
		expect(stderr).toBe("");
		expect(status).toBe(0);
		const lines = stdout.split("\n");
		expect(lines.slice(0, 2)).toEqual(["Ana Costa", expect.stringMatching(/^9 conversations, about \d+ minutes?$/)]);
		expect(lines.filter((line) => / · session \d+/.test(line))[0]).toBe("Tuesday, 3 March 2026 · session 1");
		expect(lines.filter((line) => line.trim() === "2 weeks later").length).toBeGreaterThan(3);
		expect(stdout).toContain("Rushed the ending");
		expect(stdout).not.toContain("The person who listens to them better");
		// The journal note of 18 June, after the last conversation, with its words.
		const between = lines.lastIndexOf("  Since the last conversation");
		expect(between).toBeGreaterThan(lines.findIndex((line) => line.includes("session 9")));
		expect(lines.slice(between + 1, between + 3).join("\n")).toContain("2026-06-18  Journal/2026-06-18.md\n      Saw on LinkedIn that Ana Costa's team shipped");
	});

	it("--read-back --checklists shows the coach's checklists too", async () => {
		const { stdout } = await cli(["brief", "--vault", DEMO, "--client", "Ana Costa", "--today", "2026-06-30", "--read-back", "--checklists"]);
		expect(stdout).toContain("- [x] The person who listens to them better");
		const alone = await cli(["brief", "--vault", DEMO, "--client", "Ana Costa", "--checklists"]);
		expect(alone.status).toBe(2);
		expect(alone.stderr).toContain("--checklists goes with brief --read-back");
	});

	it("prints the threads held before, how I showed up, their own words and what each mention says", async () => {
		const { stdout } = await cli(["brief", "--vault", DEMO, "--client", "Ana Costa", "--today", "2026-06-30"]);
		expect(stdout).toContain("  Threads held before\n    2026-06-02\n      The August holiday.");
		expect(stdout).toContain("  How I showed up\n    (● kept, ○ missed, in the order written)\n    #9 2026-06-16  ●●\n    #8 2026-06-02  ●○");
		expect(stdout).toContain("  In their words\n");
		expect(stdout).toContain("…and 9 more (brief --json lists every one)");
		expect(stdout).toContain("  2026-06-18  Journal/2026-06-18.md\n      Saw on LinkedIn that Ana Costa's team");
	});

	it("--read-back goes with brief alone, and not with --json", async () => {
		const withJson = await cli(["brief", "--vault", DEMO, "--client", "Ana Costa", "--read-back", "--json"]);
		expect(withJson.status).toBe(2);
		expect(withJson.stderr).toContain("--read-back goes with brief");
	});

	it("exits 2 for an unknown client", async () => {
		const failure = await run("npm", ["run", "--silent", "cli", "--", "brief", "--vault", DEMO, "--client", "Nobody"], { cwd: ROOT }).then(
			() => null,
			(error: { code: number; stderr: string }) => error,
		);
		expect(failure?.code).toBe(2);
		expect(failure?.stderr).toMatch(/^No client called "Nobody"\./);
	});

	it("reads the plugin's settings from the vault's data.json, so both front ends agree", async () => {
		const vault = await mkdtemp(join(tmpdir(), "coaching-cli-"));
		await mkdir(join(vault, ".obsidian/plugins/coaching-alliance"), { recursive: true });
		await mkdir(join(vault, "Kunden"), { recursive: true });
		await writeFile(join(vault, ".obsidian/plugins/coaching-alliance/data.json"), JSON.stringify({ clientFolders: ["Kunden"], intentions: ["Ganz da sein"] }));
		await writeFile(join(vault, "Kunden/Jana Vogel.md"), "# Jana\n");
		const { stdout } = await run("npm", ["run", "--silent", "cli", "--", "brief", "--vault", vault, "--client", "jana vogel", "--json"], { cwd: ROOT });
		expect((JSON.parse(stdout) as { intentions: string[] }).intentions).toEqual(["Ganz da sein"]);
	});
});

async function fingerprint(root: string): Promise<Record<string, string>> {
	const prints: Record<string, string> = {};
	const walk = async (folder: string): Promise<void> => {
		for (const entry of await readdir(folder, { withFileTypes: true })) {
			const full = join(folder, entry.name);
			if (entry.isDirectory()) await walk(full);
			else prints[full] = createHash("sha256").update(await readFile(full)).digest("hex");
		}
	};
	await walk(root);
	return prints;
}

/** A vault folder of these notes, written for one test. */
async function vaultOf(files: Record<string, string>): Promise<string> {
	const root = await mkdtemp(join(tmpdir(), "coaching-cli-"));
	for (const [path, text] of Object.entries(files)) {
		await mkdir(join(root, path, ".."), { recursive: true });
		await writeFile(join(root, path), text);
	}
	return root;
}

describe("cli check", () => {

	it("lists each session note whose client link needs a second look, with the closest clients, and exits 1", async () => {
		const root = await vaultOf({
			"Clients/Ana Costa.md": "---\ntype: client\n---\n",
			"Sessions/2026-06-02 Ana.md": '---\nclient: "[[Ana Costaa]]"\ndate: 2026-06-02\n---\n',
			"Sessions/2026-06-16 Ana.md": '---\nclient: "[[Ana Costa]]"\ndate: 2026-06-16\n---\n',
		});
		const text = await cli(["check", "--vault", root]);
		expect(text.status).toBe(1);
		expect(text.stdout).toBe(
			"1 client link to check\n\n  Sessions/2026-06-02 Ana.md\n    The client link [[Ana Costaa]] reaches no note: not written yet, a typo, or a client note renamed or merged?\n    Closest clients: Ana Costa\n",
		);
		const json = await cli(["check", "--vault", root, "--json"]);
		expect(json.status).toBe(1);
		expect(JSON.parse(json.stdout)).toEqual({ links: [{ path: "Sessions/2026-06-02 Ana.md", link: "Ana Costaa", why: "no-note", target: null, closest: ["Ana Costa"] }] });
	});

	it("exits 0 when every link reaches a client, writes nothing, and takes no --client", async () => {
		const root = await vaultOf({ "Clients/Ana Costa.md": "---\ntype: client\n---\n", "Sessions/2026-06-16 Ana.md": '---\nclient: "[[Ana Costa]]"\ndate: 2026-06-16\n---\n' });
		const before = await readFile(join(root, "Sessions/2026-06-16 Ana.md"), "utf8");
		const { status, stdout } = await cli(["check", "--vault", root]);
		expect(status).toBe(0);
		expect(stdout).toBe("Every session note's client link reaches a client.\n");
		expect(await readFile(join(root, "Sessions/2026-06-16 Ana.md"), "utf8")).toBe(before);
		expect((await cli(["check", "--vault", root, "--client", "Ana"])).status).toBe(2);
	});
});

describe("cli brief with a session note written ahead", () => {
	it("says which session is written ahead and for when, and keeps where we left off on the last one held", async () => {
		const root = await vaultOf({
			"Clients/Lena Fischer.md": "---\ntype: client\n---\n",
			"Sessions/2026-06-16 Lena.md": '---\nclient: "[[Lena Fischer]]"\ndate: 2026-06-16\n---\n## What she brought\nThe offer.\n',
			"Sessions/2026-07-07 Lena.md": '---\nclient: "[[Lena Fischer]]"\ndate: 2026-07-07\n---\n## Agenda\n',
		});
		const { stdout } = await cli(["brief", "--vault", root, "--client", "Lena"]);
		expect(stdout).toContain("Last spoke 2 weeks ago (Tuesday, 16 June 2026) · 1 session so far · next is session 2\n");
		expect(stdout).toContain("Session 2 is written ahead, for Tuesday, 7 July 2026, in 7 days · Sessions/2026-07-07 Lena.md\n");
		expect(stdout).toContain("Session 2's note is written ahead: Sessions/2026-07-07 Lena.md. Write in it after the call.\n");
		expect(stdout).not.toContain("Start the session note");
	});
});

describe("cli brief with a session booked in the client note", () => {
	it("lets one booked for earlier today go by the clock, and counts a day asked for with --today from its start", async () => {
		const root = await vaultOf({
			"Clients/Lena Fischer.md": "---\ntype: client\nnext_session: 2026-06-30T09:30\n---\n",
			"Sessions/2026-06-16 Lena.md": '---\nclient: "[[Lena Fischer]]"\ndate: 2026-06-16\n---\n## What she brought\nThe offer.\n',
		});
		// The clock says 12:00 on 30 June.
		expect((await cli(["brief", "--vault", root, "--client", "Lena"])).stdout).not.toContain("booked");
		expect((await cli(["brief", "--vault", root, "--client", "Lena", "--today", "2026-06-30"])).stdout).toContain("Next session booked for Tuesday, 30 June 2026, today at 09:30\n");
	});
});

describe("cli brief for a name that finds a person, not a client", () => {
	it("says the person note is there and how a person becomes a client", async () => {
		const root = await vaultOf({
			"Clients/Maya Chen.md": "---\ntype: client\n---\n",
			"People/Tom Becker.md": "---\ntype: person\n---\nA colleague from the old firm.\n",
			"Daily/2026-06-20.md": "---\ndate: 2026-06-20\n---\n## Coaching: Tom\nWe talked about the move.\n",
		});
		const { status, stderr } = await cli(["brief", "--vault", root, "--client", "Tom"]);
		expect(status).toBe(2);
		expect(stderr).toBe(
			'No client called "Tom". Closest: Maya Chen. People/Tom Becker.md is a person note: a person becomes a client once a session note names them in its client property (or links them, when it has none); or mark the note type: client.\n',
		);
	});
});

describe("cli with a client link a letter off", () => {
	it("says in the brief which session note may be theirs, and in the caseload which client the name without a note may mean", async () => {
		const root = await vaultOf({
			"Clients/Priya Nair.md": "---\ntype: client\n---\n",
			"Sessions/2026-06-02 Priya.md": '---\nclient: "[[Priya Nair]]"\ndate: 2026-06-02\n---\n## What she brought\nThe move.\n',
			"Sessions/2026-06-16 Priya.md": '---\nclient: "[[Priya Nayr]]"\ndate: 2026-06-16\n---\n## What she brought\nThe new flat.\n',
		});
		expect((await cli(["brief", "--vault", root, "--client", "Priya Nair"])).stdout).toContain('\nMaybe theirs: Sessions/2026-06-16 Priya.md links "Priya Nayr", a name with no note (check lists it to fix).\n');
		expect((await cli(["brief", "--vault", root, "--client", "Priya Nayr"])).stdout).toContain("\nNo note is named Priya Nayr: did the session note mean Priya Nair? (check lists it to fix)\n");
		expect((await cli(["caseload", "--vault", root])).stdout).toMatch(/Priya Nayr .* · no note: a typo of Priya Nair\?\n/);
	});
});

describe("cli brief for a past client", () => {
	it("never says they are overdue: the cadence was theirs while you met", async () => {
		const root = await vaultOf({
			"Clients/Hannah Okafor.md": "---\ntype: client\nstatus: archived\ncadence: monthly\n---\n",
			"Sessions/2026-02-20 Hannah.md": '---\nclient: "[[Hannah Okafor]]"\ndate: 2026-02-20\n---\n## What she brought\nThe last review.\n',
		});
		const { stdout } = await cli(["brief", "--vault", root, "--client", "Hannah"]);
		expect(stdout).toContain("Cadence monthly: past client, not due\n");
		expect(stdout).not.toContain("overdue");
	});
});

describe("cli search", () => {
	const practice = (): Promise<string> =>
		vaultOf({
			"Clients/Maya Chen.md": "---\ntype: client\n---\n",
			"Sessions/2026-06-02 Maya.md": '---\nclient: "[[Maya Chen]]"\ndate: 2026-06-02\n---\n## What she brought\nThe CFO thing: Renée\nwants the budget cut.\n## Supervision\nThe CFO reminds me of my own boss.\n',
			"Sessions/2026-06-16 Maya.md": '---\nclient: "[[Maya Chen]]"\ndate: 2026-06-16\n---\n## What she brought\nShe met the cfo. Renee listened.\n',
		});

	it("prints each paragraph holding every word, newest first, under its note and line, never a private section's", async () => {
		const { status, stdout } = await cli(["search", "--vault", await practice(), "--client", "Maya", "renee", "CFO"]);
		expect(status).toBe(0);
		expect(stdout).toBe(
			'2 paragraphs of Maya Chen\'s conversations hold "renee CFO"\n\n' +
				"Session 2 · Tuesday, 16 June 2026 · Sessions/2026-06-16 Maya.md:6\n  She met the cfo. Renee listened.\n\n" +
				"Session 1 · Tuesday, 2 June 2026 · Sessions/2026-06-02 Maya.md:6\n  The CFO thing: Renée\n  wants the budget cut.\n",
		);
	});

	it("leaves what is under a private heading out of the brief's text, read-back and JSON too", async () => {
		const root = await practice();
		for (const args of [[], ["--read-back"], ["--read-back", "--checklists"], ["--json"]]) {
			const { stdout } = await cli(["brief", "--vault", root, "--client", "Maya", ...args]);
			// The JSON carries no conversation's text; the rest show the conversation around the private section.
			if (!args.includes("--json")) expect(stdout).toContain("budget");
			expect(stdout).not.toContain("boss");
			expect(stdout).not.toContain("Supervision");
		}
	});

	it("prints the contract's JSON with --json", async () => {
		const { stdout } = await cli(["search", "--vault", await practice(), "--client", "Maya", "--json", "boss"]);
		expect(JSON.parse(stdout)).toEqual({ client: "Maya Chen", query: "boss", matches: [] });
		const found = JSON.parse((await cli(["search", "--vault", await practice(), "--client", "Maya", "--json", "budget"])).stdout) as unknown;
		expect(found).toEqual({ client: "Maya Chen", query: "budget", matches: [{ path: "Sessions/2026-06-02 Maya.md", heading: null, date: "2026-06-02", line: 7, text: "The CFO thing: Renée\nwants the budget cut." }] });
	});

	it("says so when nothing is found, and asks for words when none are given", async () => {
		const root = await practice();
		expect((await cli(["search", "--vault", root, "--client", "Maya", "sailing"])).stdout).toBe('No paragraph of Maya Chen\'s conversations holds "sailing".\n');
		const none = await cli(["search", "--vault", root, "--client", "Maya"]);
		expect(none.status).toBe(2);
		expect(none.stderr).toMatch(/^search needs the words to find/);
		expect((await cli(["brief", "--vault", root, "--client", "Maya", "stray"])).status).toBe(2);
	});
});

describe("cli brief's threads to pick up", () => {
	it("keeps the heading when the last conversation held nothing but an earlier one did", async () => {
		const root = await vaultOf({
			"Clients/Priya Nair.md": "---\ntype: client\n---\n",
			"Sessions/2026-06-02 Priya.md": '---\nclient: "[[Priya Nair]]"\ndate: 2026-06-02\n---\n## What she brought\nThe move.\n## To hold for next time\nHer sister\'s visit.\n',
			"Sessions/2026-06-16 Priya.md": '---\nclient: "[[Priya Nair]]"\ndate: 2026-06-16\n---\n## What she brought\nThe new flat.\n',
		});
		const { stdout } = await cli(["brief", "--vault", root, "--client", "Priya"]);
		expect(stdout).toContain("\nTo pick up:\n  The last conversation held nothing for this one.\n\n  Threads held before\n");
	});
});
