/** Every real vault in ../shared/realdata is indexed without an error, and each brief can be read. */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { computeBrief } from "../../src/core/brief/brief";
import { BriefReader } from "../../src/core/brief/brief-text";
import { computeCaseload } from "../../src/core/brief/caseload";
import { openVaultFolder } from "../../src/fs/vault-folder";

const REALDATA = join(__dirname, "../../../shared/realdata");
const VAULTS = readdirSync(REALDATA, { withFileTypes: true })
	.filter((entry) => entry.isDirectory())
	.map((entry) => entry.name);

describe("real vaults written by others", () => {
	it("are all here", () => {
		expect(VAULTS).toEqual(expect.arrayContaining(["bramses-vault-2023", "educentr-manager-pack", "kepano-obsidian", "obsidian-tasks-metadata-oracle", "ttrpg-share-community"]));
	});

	it.each(VAULTS)("%s is indexed without an error, and every client's brief is computed", async (name) => {
		const vault = await openVaultFolder(join(REALDATA, name));
		expect(vault.index.size).toBeGreaterThan(0);
		const caseload = computeCaseload(vault.index, "2026-06-30");
		for (const client of vault.index.clients()) {
			const brief = computeBrief(vault.index, client, "2026-06-30", vault.settings);
			await new BriefReader(vault.index, vault, vault.settings).briefText(brief);
		}
		expect(caseload.clients.length).toBe(vault.index.clients().length);
	});

	it("kepano's vault: a person in People becomes a client through a meeting's people property", async () => {
		const vault = await openVaultFolder(join(REALDATA, "kepano-obsidian"));
		const caseload = computeCaseload(vault.index, "2026-06-30");
		expect(caseload.clients.map((client) => [client.name, client.sessionCount, client.lastSessionDate])).toEqual([["Steph Ango", 1, "2023-09-12"]]);
		expect(vault.index.get("Templates/Meeting Template.md")).toBeUndefined();
	});

	it("bramses' vault: non-ISO dates are read as the calendar day written", async () => {
		const vault = await openVaultFolder(join(REALDATA, "bramses-vault-2023"));
		const dated = vault.index.problems().filter(({ problem }) => problem.includes("is not a date I can read"));
		expect(dated).toEqual([]);
	});
});
