import { describe, expect, it } from "vitest";
import { VaultPaths, linkInPropertyValue, nameKey } from "../../src/core/notes/links";
import { NotesVault } from "../helpers/notes-vault";

describe("link resolution, as Obsidian resolves links", () => {
	const paths = new VaultPaths([
		"Clients/Maya Chen.md",
		"Old practice/Clients/Maya Chen.md",
		"Old practice/Notes/Maya Chen.md",
		"Clients/Sam Ortiz.md",
		"Attachments/intake form.pdf",
		"v1.2 plan.md",
	]);

	it("is case-insensitive", () => {
		expect(paths.resolve("maya CHEN", "Clients/Sam Ortiz.md")).toBe("Clients/Maya Chen.md");
	});

	it("prefers the exact path, then the linking note's own folder, then the shortest path", () => {
		expect(paths.resolve("Old practice/Clients/Maya Chen", "Clients/Sam Ortiz.md")).toBe("Old practice/Clients/Maya Chen.md");
		expect(paths.resolve("Maya Chen", "Old practice/Notes/2026-01-05.md")).toBe("Old practice/Notes/Maya Chen.md");
		expect(paths.resolve("Maya Chen", "Sessions/2026-06-02.md")).toBe("Clients/Maya Chen.md");
	});

	it("matches a path-qualified link against the end of the path", () => {
		expect(paths.resolve("Clients/Maya Chen", "Old practice/Notes/x.md")).toBe("Clients/Maya Chen.md");
		expect(paths.resolve("Notes/Maya Chen", "Sessions/x.md")).toBe("Old practice/Notes/Maya Chen.md");
		expect(paths.resolve("/Old practice/Clients/Maya Chen", "x.md")).toBe("Old practice/Clients/Maya Chen.md");
		expect(paths.resolve("Coaching/Maya Chen", "x.md")).toBeNull();
	});

	it("follows relative paths, extensions, headings and blocks", () => {
		expect(paths.resolve("../Clients/Maya Chen.md", "Old practice/Notes/x.md")).toBe("Old practice/Clients/Maya Chen.md");
		expect(paths.resolve("intake form.pdf", "x.md")).toBe("Attachments/intake form.pdf");
		expect(paths.resolve("Maya Chen#Goals", "x.md")).toBe("Clients/Maya Chen.md");
		expect(paths.resolve("#Goals", "Clients/Sam Ortiz.md")).toBe("Clients/Sam Ortiz.md");
		expect(paths.resolve("v1.2 plan", "x.md")).toBe("v1.2 plan.md");
	});

	it("leaves a link to no file unresolved, and follows files as they come and go", () => {
		const changing = new VaultPaths(["Clients/Maya Chen.md"]);
		expect(changing.resolve("New Person", "x.md")).toBeNull();
		changing.add("People/New Person.md");
		expect(changing.resolve("New Person", "x.md")).toBe("People/New Person.md");
		changing.remove("People/New Person.md");
		expect(changing.resolve("New Person", "x.md")).toBeNull();
	});
});

describe("names and property links", () => {
	it("a name key ignores folders, extension, case and spacing", () => {
		expect(["Clients/Maya Chen", "maya  chen.md", "Maya Chen#Goals"].map(nameKey)).toEqual(["maya chen", "maya chen", "maya chen"]);
	});

	it.each([
		['[[Maya Chen]]', { link: "Maya Chen", display: "Maya Chen" }],
		['[[Clients/Maya Chen|Maya]]', { link: "Clients/Maya Chen", display: "Maya" }],
		["[Maya](Clients/Maya%20Chen.md)", { link: "Clients/Maya Chen.md", display: "Maya" }],
		["Maya Chen", null],
		["[site](https://example.com)", null],
	])("%s", (value, expected) => {
		expect(linkInPropertyValue(value)).toEqual(expected);
	});
});

describe("a mention", () => {
	it("may be another client's session that links to this client", () => {
		const vault = new NotesVault({
			"Clients/Maya Chen.md": "---\ntype: client\n---\n",
			"Clients/Sam Ortiz.md": "---\ntype: client\n---\n",
			"Sessions/2026-06-02 Maya.md": '---\nclient: "[[Maya Chen]]"\n---\n',
			"Sessions/2026-06-09 Sam.md": '---\nclient: "[[Sam Ortiz]]"\n---\nSam wants to introduce me to [[Maya Chen]]\'s team.',
		});
		expect(vault.brief("Maya Chen").mentionsSinceLastSession).toEqual([{ path: "Sessions/2026-06-09 Sam.md", date: "2026-06-09", dateFrom: "name" }]);
		expect(vault.brief("Sam Ortiz").mentionsSinceLastSession).toEqual([]);
	});
});
