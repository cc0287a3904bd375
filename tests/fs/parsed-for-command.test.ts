/**
 * The command line parses only the notes a command needs: for a brief, those that can bear on the
 * client; for the caseload, the notes that may be clients', people's or conversations', the rest
 * by their properties alone. It must say exactly what the whole vault says: the same caseload, and
 * for every client of every vault here, looked up by path and by name, the same client, the same
 * brief, the same text; and the same message for a name that finds no one client.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { practiceVault } from "../../bench/practice-vault";
import { computeBrief } from "../../src/core/brief/brief";
import { BriefReader } from "../../src/core/brief/brief-text";
import { computeCaseload } from "../../src/core/brief/caseload";
import { findClient, type ClientLookup } from "../../src/core/index/find-client";
import { openVaultFolder, openVaultFolderForBrief, openVaultFolderForCaseload, type FolderVault } from "../../src/fs/vault-folder";

const TODAY = "2026-06-30";
const REALDATA = join(__dirname, "../../../shared/realdata");
const folders: string[] = [];

afterAll(() => {
	for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function writeVault(files: Record<string, string>): string {
	const root = mkdtempSync(join(tmpdir(), "coaching-prefilter-"));
	folders.push(root);
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(dirname(join(root, path)), { recursive: true });
		writeFileSync(join(root, path), text);
	}
	return root;
}

/** What a person reads for the query: who was found, and their brief and its text. */
async function answer(vault: FolderVault, query: string): Promise<unknown> {
	const lookup: ClientLookup = findClient(vault.index.clients(), query);
	if (lookup.kind !== "found") return lookup;
	const brief = computeBrief(vault.index, lookup.client, TODAY, vault.settings);
	const reader = new BriefReader(vault.index, vault, vault.settings);
	const excerpts = await Promise.all(brief.sessions.map((session) => reader.excerpt(session)));
	return { client: lookup.client, brief, text: await reader.briefText(brief), excerpts };
}

async function expectSameAsWholeVault(root: string, extraQueries: string[] = []): Promise<number> {
	const whole = await openVaultFolder(root);
	expect(computeCaseload((await openVaultFolderForCaseload(root)).index, TODAY)).toEqual(computeCaseload(whole.index, TODAY));
	const clients = whole.index.clients();
	const queries = [...new Set([...clients.flatMap((client) => [client.path ?? client.name, client.name]), ...extraQueries])];
	for (const query of queries) {
		const parsedForBrief = await openVaultFolderForBrief(root, query);
		expect(await answer(parsedForBrief, query), query).toEqual(await answer(whole, query));
	}
	return clients.length;
}

const TRICKY = {
	"Clients/Ana Costa.md": "---\ntype: client\naliases: [Annie]\ncadence: weekly\n---\n# Ana Costa\n## Goals\nRun a marathon.\n",
	"Clients/Ana Silva.md": "---\ntype: client\n---\n# Ana Silva\n",
	"People/Ben Weber.md": "---\ntype: person\n---\nBen's manager is kind.\n",
	// A client by a tag in the text, known by an alias that names nobody else.
	"Notes/Deirdre Fox.md": "---\naliases: [Dee]\n---\nMet through work. #client\n",
	"Clients/Zoë Lind.md": "---\ntype: client\n---\n# Zoë\n",
	"Clients/Example-Corp/overview.md": "# Example Corp\n",
	"Clients/Example-Corp/2026-05-02.md": "---\ndate: 2026-05-02\n---\n- [ ] Send the offer [[Ben Weber]]\n",
	"Sessions/2026-05-01 group.md": '---\nclient: ["[[Ana Costa]]", "[[Ben Weber]]"]\ndate: 2026-05-01\n---\n- [ ] Ana books the room [[Ana Costa]]\n- [ ] Everyone reads the brief\n',
	"Sessions/2026-05-08.md": "---\nclient: Annie\ndate: 2026-05-08\n---\n- [ ] Call the landlord\n",
	"Sessions/2026-05-09.md": "---\nclient: Example Corp\ndate: 2026-05-09\n---\nThe board said yes.\n",
	"Daily/2026-05-10.md": "---\ndate: 2026-05-10\n---\n# 2026-05-10\n## Call with Dee and Ana Costa\n- [ ] Dee sends the plan\n## Errands\n- [ ] Buy ink\n",
	"Daily/2026-05-11.md": "---\ndate: 2026-05-11\n---\n## Coaching: [[Zoë Lind]]\nShe laughed a lot.\n",
	// A mention by a Markdown link, its name percent-encoded; another written in decomposed accents.
	"Notes/Reading list.md": "Lend [the book](Clients/Zo%C3%AB%20Lind.md) next time.\n",
	"Notes/Walk.md": "Thought of [[Zoe\u0308 Lind]] on the walk.\n",
	"Notes/Broken.md": "---\nclient: [[[Ana Costa\n---\nBroken properties.\n",
	// A session by a tag in its text only, and a note whose properties cannot be read.
	"Notes/Walk and talk.md": "---\nclient: \"[[Ana Costa]]\"\n---\nBy the river. #session\n- [ ] Ana writes the letter\n",
	"Notes/Bad date.md": "---\ndate: someday\n---\nA note about [[Ana Costa]].\n",
	// Found by review: a capital letter percent-encoded, a name with no letters, a client without a note first named with a
	// folder, a note made a client by a session (its alias found by the query, its profile read), a final sigma, a YAML escape.
	"Clients/Élodie Martin.md": "---\ntype: client\n---\n",
	"Sessions/2026-05-20.md": "---\ntype: session\n---\nWith [her](../Clients/%C3%89lodie%20Martin.md) at the salon.\n",
	"Notes/Salon.md": "[Mme Martin](Clients/%C3%89lodie%20Martin.md) recommended it.\n",
	"Clients/🦊.md": "---\ntype: client\n---\n",
	"Sessions/2026-05-21.md": "---\ntype: session\n---\nThe fox again: [[🦊]].\n",
	"Sessions/2026-04-01.md": "---\ntype: session\nclient: Old/Rui Sousa\n---\n",
	"Sessions/2026-04-15.md": "---\ntype: session\nclient: Rui Sousa\n---\n",
	"Orgs/Northwind.md": "---\naliases: [NW]\n---\n# Northwind\n## Goals\nOpen a second shop.\n",
	"Sessions/2026-03-01.md": '---\ntype: session\nclient: "[[Northwind]]"\n---\n',
	"Clients/Nw Smith.md": "---\ntype: client\n---\n",
	"Clients/Νικος.md": "---\ntype: client\n---\n",
	"Sessions/2026-05-22.md": "---\ntype: session\n---\nMet [[ΝΙΚΟΣ.md]] again.\n",
	"Clients/Maya Chen.md": "---\ntype: client\n---\n",
	"Sessions/2026-05-23.md": '---\ntype: session\nclient: "\\x4Daya Chen"\n---\n',
	"Clients/Log/Marta Nowak.md": "---\ntype: client\n---\n## Session log\n### 2026-05-12\n- [ ] Rest on Sundays\n### 2026-04-28\nFirst talk.\n",
};

describe("the command line, parsing only the notes a command needs", () => {
	it("says what the whole vault says, for every client of a vault written to catch it out", async () => {
		const root = writeVault(TRICKY);
		expect(await expectSameAsWholeVault(root, ["Ana", "annie", "Dee", "zoe", "Zoë", "Example Corp", "Nobody", "Clients/Ana Costa", "??", "Old", "NW", "élodie", "🦊", "Maya Chen", "Northwind"])).toBeGreaterThan(6);
	});

	it("reads the profile of a note that a session's client property makes a client, though it is of no kind of its own", async () => {
		const vault = await openVaultFolder(writeVault(TRICKY));
		const lookup = findClient(vault.index.clients(), "Northwind");
		if (lookup.kind !== "found") throw new Error("Northwind is a client");
		const text = await new BriefReader(vault.index, vault, vault.settings).briefText(computeBrief(vault.index, lookup.client, TODAY, vault.settings));
		expect(JSON.stringify(text.profile)).toContain("Open a second shop.");
	});

	it("says what the whole vault says, for every client of the demo vault", async () => {
		expect(await expectSameAsWholeVault(join(__dirname, "../../examples/demo-vault"))).toBeGreaterThan(3);
	});

	it("says what the whole vault says, for every client of a made-up practice in every shape", async () => {
		const vault = practiceVault(600, 3);
		const root = writeVault(Object.fromEntries(vault.notes.map((note) => [note.path, note.text])));
		expect(await expectSameAsWholeVault(root)).toBeGreaterThan(10);
	});

	it.each(readdirSync(REALDATA, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name))(
		"says what the whole vault says, for every client of %s",
		async (name) => {
			await expectSameAsWholeVault(join(REALDATA, name));
		},
	);
});
