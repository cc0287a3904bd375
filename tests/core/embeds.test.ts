import { describe, expect, it } from "vitest";
import { noteEmbedsAsLinks } from "../../src/core/notes/embeds";

describe("a note embedded in what the brief shows", () => {
	it("becomes a link, so no other note (or its private section) is drawn inside the brief", () => {
		expect(noteEmbedsAsLinks("Background: ![[Kofi Mensah#Private]] and ![[Intake form|the form]].")).toBe("Background: [[Kofi Mensah#Private]] and [[Intake form|the form]].");
		expect(noteEmbedsAsLinks("![[Plan.canvas]] ![[Caseload.base]] ![notes](Other%20note.md)")).toBe("[[Plan.canvas]] [[Caseload.base]] [notes](Other%20note.md)");
	});

	it("leaves images, sound, video and PDFs embedded", () => {
		const media = "![[whiteboard.jpg]] ![[voice memo.m4a]] ![[contract.pdf#page=2]] ![photo](photo%20of%20board.png) ![logo](https://example.org/logo.png)";
		expect(noteEmbedsAsLinks(media)).toBe(media);
	});
});

describe("an embed whose address holds a stray %", () => {
	it("is read as the name it spells, never breaking the brief", () => {
		expect(noteEmbedsAsLinks("![chart](100%.png) ![growth](https://example.org/50%.png)")).toBe("![chart](100%.png) ![growth](https://example.org/50%.png)");
		expect(noteEmbedsAsLinks("![plan](Plan%20100%.md)")).toBe("[plan](Plan%20100%.md)");
	});
});
