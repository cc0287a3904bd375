/**
 * The index keeps what it worked out (each conversation's clients, each client's summary, the
 * client list) until a change could alter it. A change to one note's body redoes only what that
 * note decides; these are the changes where keeping too much would show a stale caseload.
 */
import { describe, expect, it } from "vitest";
import { computeBrief } from "../../src/core/brief/brief";
import { NotesVault } from "../helpers/notes-vault";

const MAYA = "---\ntype: client\ncadence: weekly\n---\n# Maya Chen\n";
const SAM = "---\ntype: client\n---\n# Sam Okoro\n";

function row(vault: NotesVault, name: string) {
	return vault.caseload().clients.find((client) => client.name === name);
}

describe("what the index keeps between changes", () => {
	it("an edit to the words of a note that mentions a client renews the brief, whose passage shows those words", () => {
		const vault = new NotesVault({
			"Clients/Maya Chen.md": MAYA,
			"Sessions/2026-06-02 Maya.md": '---\nclient: "[[Maya Chen]]"\n---\nTalked.\n',
			"Journal/2026-06-20.md": "[[Maya Chen]] is leaving the company.\n",
		});
		const maya = vault.client("Maya Chen");
		const before = vault.index.remember(maya, "pane", () => ({}));
		vault.write("Journal/2026-06-20.md", "[[Maya Chen]] is staying after all.\n");
		expect(vault.index.remember(vault.client("Maya Chen"), "pane", () => ({}))).not.toBe(before);
	});

	it("a task added to a session note shows in the caseload asked for before", () => {
		const vault = new NotesVault({ "Clients/Maya Chen.md": MAYA, "Sessions/2026-06-02 Maya.md": '---\nclient: "[[Maya Chen]]"\n---\n- [ ] Call Dana\n' });
		expect(row(vault, "Maya Chen")?.openCommitments).toBe(1);
		vault.write("Sessions/2026-06-02 Maya.md", '---\nclient: "[[Maya Chen]]"\n---\n- [ ] Call Dana\n- [ ] Book the offsite\n');
		expect(row(vault, "Maya Chen")?.openCommitments).toBe(2);
	});

	it("a task ticked in one of several sessions shows in the brief asked for before, in a conversation still in its place", () => {
		const vault = new NotesVault({
			"Clients/Maya Chen.md": MAYA,
			"Sessions/2026-06-02 Maya.md": '---\nclient: "[[Maya Chen]]"\n---\n- [ ] Call Dana\n',
			"Sessions/2026-06-16 Maya.md": '---\nclient: "[[Maya Chen]]"\n---\n- [ ] Book the offsite\n',
		});
		const maya = vault.index.clients()[0];
		if (!maya) throw new Error("Maya is a client");
		const brief = () => computeBrief(vault.index, maya, "2026-06-30", vault.settings);
		expect(brief().openCommitments.map((commitment) => commitment.text)).toEqual(["Book the offsite", "Call Dana"]);
		vault.write("Sessions/2026-06-02 Maya.md", '---\nclient: "[[Maya Chen]]"\n---\n- [x] Call Dana\nShe called.\n');
		expect(brief().openCommitments.map((commitment) => commitment.text)).toEqual(["Book the offsite"]);
		expect(vault.index.sessionsOf(maya).map((session) => session.commitments[0]?.open)).toEqual([false, true]);
	});

	it("a session note that changes client moves from one client's row to the other's", () => {
		const vault = new NotesVault({
			"Clients/Maya Chen.md": MAYA,
			"Clients/Sam Okoro.md": SAM,
			"Sessions/2026-06-02.md": '---\nclient: "[[Maya Chen]]"\n---\nNotes.\n',
		});
		expect([row(vault, "Maya Chen")?.sessionCount, row(vault, "Sam Okoro")?.sessionCount]).toEqual([1, 0]);
		vault.write("Sessions/2026-06-02.md", '---\nclient: "[[Sam Okoro]]"\n---\nNotes.\n');
		expect([row(vault, "Maya Chen")?.sessionCount, row(vault, "Sam Okoro")?.sessionCount]).toEqual([0, 1]);
	});

	it("a daily note that gains a client's heading gives the client a conversation; losing it takes it away", () => {
		const vault = new NotesVault({ "Clients/Sam Okoro.md": SAM, "Journal/2026-06-09.md": "---\ndate: 2026-06-09\n---\n## Errands\n- [ ] Buy ink\n" });
		expect(row(vault, "Sam Okoro")?.sessionCount).toBe(0);
		vault.write("Journal/2026-06-09.md", "---\ndate: 2026-06-09\n---\n## Coaching: Sam\n- [ ] Hand over Thursdays\n## Errands\n- [ ] Buy ink\n");
		expect(row(vault, "Sam Okoro")).toMatchObject({ sessionCount: 1, openCommitments: 1 });
		vault.write("Journal/2026-06-09.md", "---\ndate: 2026-06-09\n---\n## Errands\n- [ ] Buy ink\n");
		expect(row(vault, "Sam Okoro")).toMatchObject({ sessionCount: 0, openCommitments: 0 });
	});

	it("a session that links a new name makes a client without a note, and renaming the link renames them", () => {
		const vault = new NotesVault({ "Sessions/2026-06-02.md": "---\ntype: session\n---\nNotes.\n" });
		expect(vault.clientNames()).toEqual([]);
		vault.write("Sessions/2026-06-02.md", '---\nclient: "[[Ruth Mensah]]"\n---\nNotes.\n');
		expect(vault.clientNames()).toEqual(["Ruth Mensah"]);
		vault.write("Sessions/2026-06-02.md", '---\nclient: "[[ruth mensah]]"\n---\nNotes.\n');
		expect(vault.clientNames()).toEqual(["ruth mensah"]);
	});

	it("a client note that gains a dated log entry gains the conversation", () => {
		const vault = new NotesVault({ "Clients/Maya Chen.md": MAYA });
		expect(row(vault, "Maya Chen")?.sessionCount).toBe(0);
		vault.write("Clients/Maya Chen.md", `${MAYA}## Session log\n### 2026-06-02\n- [ ] Call Dana\n`);
		expect(row(vault, "Maya Chen")).toMatchObject({ sessionCount: 1, openCommitments: 1, lastSessionDate: "2026-06-02" });
	});

	it("a client note whose cadence changes is due by the new one", () => {
		const vault = new NotesVault({ "Clients/Maya Chen.md": MAYA, "Sessions/2026-06-25 Maya.md": '---\nclient: "[[Maya Chen]]"\n---\n' });
		expect(row(vault, "Maya Chen")?.due).toBe(false);
		vault.write("Clients/Maya Chen.md", MAYA.replace("weekly", "every 3 days"));
		expect(row(vault, "Maya Chen")).toMatchObject({ due: true, cadence: "every 3 days" });
	});

	it("the caseload of another day is worked out for that day", () => {
		const vault = new NotesVault({ "Clients/Maya Chen.md": MAYA, "Sessions/2026-06-25 Maya.md": '---\nclient: "[[Maya Chen]]"\n---\n' });
		expect(vault.caseload("2026-06-30").clients[0]?.daysSinceLastSession).toBe(5);
		expect(vault.caseload("2026-07-10").clients[0]?.daysSinceLastSession).toBe(15);
	});

	it("a note that starts to link a client is a mention in the brief asked for before, and stops being one when the link goes", () => {
		const vault = new NotesVault({
			"Clients/Maya Chen.md": MAYA,
			"Sessions/2026-06-02 Maya.md": '---\nclient: "[[Maya Chen]]"\n---\nNotes.\n',
			"Journal/2026-06-20.md": "---\ndate: 2026-06-20\n---\nA quiet day.\n",
		});
		expect(vault.brief("Maya Chen").mentionsSinceLastSession).toEqual([]);
		vault.write("Journal/2026-06-20.md", "---\ndate: 2026-06-20\n---\nSaw [[Maya Chen]]'s talk online.\n");
		expect(vault.brief("Maya Chen").mentionsSinceLastSession).toEqual([{ path: "Journal/2026-06-20.md", date: "2026-06-20", dateFrom: "property" }]);
		vault.write("Journal/2026-06-20.md", "---\ndate: 2026-06-20\n---\nA quiet day.\n");
		expect(vault.brief("Maya Chen").mentionsSinceLastSession).toEqual([]);
	});

	it("a problem that appears in a client's note shows in the brief asked for before", () => {
		const vault = new NotesVault({ "Clients/Maya Chen.md": MAYA, "Sessions/2026-06-02 Maya.md": '---\nclient: "[[Maya Chen]]"\n---\n' });
		expect(vault.brief("Maya Chen").problems).toEqual([]);
		vault.write("Clients/Maya Chen.md", MAYA.replace("cadence: weekly\n", "cadence: weekly\ndate: not a date\n"));
		expect(vault.brief("Maya Chen").problems.map((problem) => problem.path)).toEqual(["Clients/Maya Chen.md"]);
	});

	it("the intentions come from the settings of the moment, whatever brief was kept", () => {
		const vault = new NotesVault({ "Clients/Maya Chen.md": MAYA });
		expect(vault.brief("Maya Chen").intentions).toEqual(vault.settings.intentions);
		vault.settings.intentions = ["Be curious"];
		expect(vault.brief("Maya Chen").intentions).toEqual(["Be curious"]);
	});

	it("a heading that stops being nested in another client's section becomes that client's conversation", () => {
		const vault = new NotesVault({
			"Clients/Maya Chen.md": MAYA,
			"Clients/Sam Okoro.md": SAM,
			"Journal/2026-06-09.md": "---\ndate: 2026-06-09\n---\n## Coaching: Maya\nText.\n### Coaching: Sam\nMore.\n",
		});
		expect(row(vault, "Sam Okoro")?.sessionCount).toBe(0);
		vault.write("Journal/2026-06-09.md", "---\ndate: 2026-06-09\n---\n## Coaching: Maya\nText.\n## Coaching: Sam\nMore.\n");
		expect(row(vault, "Sam Okoro")?.sessionCount).toBe(1);
	});

	it("mentions of the same day keep their order by time when a time changes", () => {
		const vault = new NotesVault({
			"Clients/Maya Chen.md": MAYA,
			"Notes/a.md": "---\ndate: 2026-06-20T09:00\n---\nSaw [[Maya Chen]].\n",
			"Notes/b.md": "---\ndate: 2026-06-20T10:00\n---\nCalled [[Maya Chen]].\n",
		});
		expect(vault.brief("Maya Chen").mentionsSinceLastSession.map((mention) => mention.path)).toEqual(["Notes/b.md", "Notes/a.md"]);
		vault.write("Notes/a.md", "---\ndate: 2026-06-20T11:00\n---\nSaw [[Maya Chen]].\n");
		expect(vault.brief("Maya Chen").mentionsSinceLastSession.map((mention) => mention.path)).toEqual(["Notes/a.md", "Notes/b.md"]);
	});

	it("a client held from before their note changed gets the brief of the client as they are now asked", () => {
		const vault = new NotesVault({ "Clients/Maya Chen.md": MAYA, "Sessions/2026-06-25 Maya.md": '---\nclient: "[[Maya Chen]]"\n---\n' });
		const heldBefore = vault.client("Maya Chen");
		vault.write("Clients/Maya Chen.md", MAYA.replace("weekly", "every 3 days"));
		expect(computeBrief(vault.index, heldBefore, "2026-06-30", vault.settings).cadence?.text).toBe("weekly");
		expect(vault.brief("Maya Chen").cadence).toMatchObject({ text: "every 3 days", due: true });
		expect(row(vault, "Maya Chen")).toMatchObject({ cadence: "every 3 days", due: true });
	});

	it("a mention that gains a property with the same day says its date now rests on the property", () => {
		const vault = new NotesVault(
			{ "Clients/Maya Chen.md": "---\ntype: client\n---\n", "Sessions/2026-06-02.md": '---\nclient: "[[Maya Chen]]"\ndate: 2026-06-02\n---\n', "Notes/Idea.md": "For [[Maya Chen]]." },
			{ times: { "Notes/Idea.md": { ctime: 0, mtime: Date.UTC(2026, 5, 20, 8) } } },
		);
		expect(vault.brief("Maya Chen").mentionsSinceLastSession.map(({ dateFrom }) => dateFrom)).toEqual(["file"]);
		vault.write("Notes/Idea.md", "---\ndate: 2026-06-20\n---\nFor [[Maya Chen]].", { ctime: 0, mtime: Date.UTC(2026, 5, 20, 8) });
		expect(vault.brief("Maya Chen").mentionsSinceLastSession.map(({ dateFrom }) => dateFrom)).toEqual(["property"]);
	});
});
