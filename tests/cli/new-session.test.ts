import { cp, mkdir, mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main";
import { computeBrief } from "../../src/core/brief/brief";
import { findClient } from "../../src/core/index/find-client";
import { openVaultFolder } from "../../src/fs/vault-folder";

const DEMO = join(__dirname, "../../examples/demo-vault");

async function copyOfDemo(): Promise<string> {
	const vault = await mkdtemp(join(tmpdir(), "coaching-new-session-"));
	await cp(DEMO, vault, { recursive: true });
	return vault;
}

async function cli(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
	let stdout = "";
	let stderr = "";
	const status = await runCli(args, { out: (text) => (stdout += text), err: (text) => (stderr += text), colour: false }, () => new Date("2026-06-30T09:30:00"));
	return { status, stdout, stderr };
}

async function briefOf(vault: string, name: string) {
	const folder = await openVaultFolder(vault);
	const lookup = findClient(folder.index.clients(), name);
	if (lookup.kind !== "found") throw new Error(name);
	return computeBrief(folder.index, lookup.client, "2026-06-30", folder.settings);
}

describe("cli new-session", () => {
	it("--dry-run prints the path, then the whole note, and writes nothing", async () => {
		const vault = await copyOfDemo();
		const before = await readdir(join(vault, "Coaching/Sessions"));
		const { status, stdout } = await cli(["new-session", "--vault", vault, "--client", "Ana", "--today", "2026-06-30", "--dry-run"]);
		expect(status).toBe(0);
		const [path, ...content] = stdout.split("\n");
		expect(path).toBe("Coaching/Sessions/2026-06-30 Ana Costa.md");
		await expect(content.join("\n")).toMatchFileSnapshot("../core/__golden__/built-in-ana-costa.md");
		expect(await readdir(join(vault, "Coaching/Sessions"))).toEqual(before);
	});

	it("writes the note, prints its path as the last line, and the note reads back as session N+1 with the same open commitments", async () => {
		const vault = await copyOfDemo();
		const before = await briefOf(vault, "Ana Costa");
		const { status, stdout } = await cli(["new-session", "--vault", vault, "--client", "Ana Costa", "--today", "2026-06-30"]);
		expect(status).toBe(0);
		const path = stdout.trimEnd().split("\n").pop();
		expect(path).toBe("Coaching/Sessions/2026-06-30 Ana Costa.md");
		const after = await briefOf(vault, "Ana Costa");
		expect(after.sessionCount).toBe(before.sessionCount + 1);
		expect(after.lastSession).toMatchObject({ path, heading: null, date: "2026-06-30" });
		expect(after.sessions[0]?.number).toBe(10);
		expect(after.openCommitments.map((commitment) => commitment.text)).toEqual(before.openCommitments.map((commitment) => commitment.text));
	});

	it("with custom intention and reflection headings in the settings, the note uses them and the brief shows them", async () => {
		const vault = await copyOfDemo();
		const settings = { intentionHeading: "My intentions", reflectionHeading: "Looking back" };
		await mkdir(join(vault, ".obsidian/plugins/coaching-alliance"), { recursive: true });
		await writeFile(join(vault, ".obsidian/plugins/coaching-alliance/data.json"), JSON.stringify(settings));
		const before = await cli(["brief", "--vault", vault, "--client", "Ana Costa", "--today", "2026-06-30", "--json"]);
		const { status, stdout } = await cli(["new-session", "--vault", vault, "--client", "Ana Costa", "--today", "2026-06-30"]);
		expect(status).toBe(0);
		const note = await readFile(join(vault, stdout.trim()), "utf8");
		expect(note).toContain("## My intentions\n");
		expect(note).toContain("## Looking back\n");
		const after = await cli(["brief", "--vault", vault, "--client", "Ana Costa", "--today", "2026-06-30", "--json"]);
		const texts = (output: string) => (JSON.parse(output) as { openCommitments: { text: string }[] }).openCommitments.map((commitment) => commitment.text);
		expect(texts(after.stdout)).toEqual(texts(before.stdout));
		expect(texts(after.stdout)).not.toContain("Someone who cares");
		const text = await cli(["brief", "--vault", vault, "--client", "Ana Costa", "--today", "2026-06-30"]);
		expect(text.stdout).toContain("\nMy intentions\n  [ ] The person who listens");
	});

	it("never overwrites: a second note the same day is (2)", async () => {
		const vault = await copyOfDemo();
		await cli(["new-session", "--vault", vault, "--client", "Jonas", "--today", "2026-06-30"]);
		const note = join(vault, "Notes/2026-06-30 Jonas Weber.md");
		await writeFile(note, "My own words, written during the call.\n");
		const { stdout } = await cli(["new-session", "--vault", vault, "--client", "Jonas Weber", "--today", "2026-06-30"]);
		expect(stdout.trim()).toBe("Notes/2026-06-30 Jonas Weber (2).md");
		expect(await readFile(note, "utf8")).toBe("My own words, written during the call.\n");
	});

	it("uses a custom template given with --template", async () => {
		const vault = await copyOfDemo();
		const template = join(vault, "my-template.md");
		await writeFile(template, "---\nlocation: Zoom\n---\n# {{client}} · {{date:d MMMM}}\n{{open_commitments}}\n");
		const { stdout } = await cli(["new-session", "--vault", vault, "--client", "Tomás", "--today", "2026-06-30", "--template", template, "--dry-run"]);
		expect(stdout).toContain("location: Zoom\n");
		expect(stdout).toContain("# Tomás Rivera · 30 June\n- [ ] Make the Iván shifts permanent");
	});

	it("a missing --template file is an error; a missing template in the settings falls back to the built-in one", async () => {
		const vault = await copyOfDemo();
		const missing = await cli(["new-session", "--vault", vault, "--client", "Ana", "--template", join(vault, "nope.md"), "--dry-run"]);
		expect(missing.status).toBe(2);
		expect(missing.stderr).toMatch(/^No template file at /);
		await mkdir(join(vault, ".obsidian/plugins/coaching-alliance"), { recursive: true });
		await writeFile(join(vault, ".obsidian/plugins/coaching-alliance/data.json"), JSON.stringify({ sessionTemplate: "Templates/Gone.md" }));
		const fallback = await cli(["new-session", "--vault", vault, "--client", "Ana", "--dry-run"]);
		expect(fallback.status).toBe(0);
		expect(fallback.stderr).toBe('Warning: the template "Templates/Gone.md" could not be read (it does not exist); the built-in template is used.\n');
		expect(fallback.stdout).toContain("## What they brought");
	});

	it("for a client whose log lives in their note, adds a dated section there, changing nothing that was there", async () => {
		const vault = await copyOfDemo();
		const note = join(vault, "Coaching/Clients/Marta Silva.md");
		const original = await readFile(note, "utf8");
		const before = await briefOf(vault, "Marta");

		const dry = await cli(["new-session", "--vault", vault, "--client", "Marta", "--today", "2026-06-30", "--dry-run"]);
		expect(dry.status).toBe(0);
		expect(dry.stdout.split("\n")[0]).toBe("Coaching/Clients/Marta Silva.md");
		expect(await readFile(note, "utf8")).toBe(original);

		const { status, stdout } = await cli(["new-session", "--vault", vault, "--client", "Marta", "--today", "2026-06-30"]);
		expect(status).toBe(0);
		expect(stdout.trimEnd().split("\n").pop()).toBe("Coaching/Clients/Marta Silva.md");
		const written = await readFile(note, "utf8");
		expect(written).toBe(dry.stdout.slice(dry.stdout.indexOf("\n") + 1));
		const entry = written.slice(written.indexOf("### 2026-06-30"), written.indexOf("### 2026-06-24"));
		expect(written.replace(entry, "")).toBe(original);
		const after = await briefOf(vault, "Marta");
		expect(after.sessionCount).toBe(before.sessionCount + 1);
		expect(after.lastSession).toMatchObject({ path: "Coaching/Clients/Marta Silva.md", heading: "2026-06-30" });
		expect(after.openCommitments.map((commitment) => commitment.text).sort()).toEqual(before.openCommitments.map((commitment) => commitment.text).sort());
	});

	it("for a client seen in daily notes, makes a session note of its own: a day's section does not decide the shape", async () => {
		const vault = await copyOfDemo();
		const { status, stdout } = await cli(["new-session", "--vault", vault, "--client", "Sam", "--today", "2026-06-30", "--dry-run"]);
		expect(status).toBe(0);
		// Never into the daily notes' folder: a client with no session note yet gets one where most session notes are.
		expect(stdout.split("\n")[0]).toBe("Coaching/Sessions/2026-06-30 Sam Okoro.md");
		// The last conversation was a section of a daily note: the link opens that section.
		expect(stdout).toContain("Last time: [[2026-06-23#Coaching Sam]], 7 days ago.");
	});
});
