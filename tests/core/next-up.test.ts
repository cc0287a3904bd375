import { describe, expect, it } from "vitest";
import { bookingAhead, bookingOf } from "../../src/core/brief/booking";
import { nextUp } from "../../src/core/brief/next-up";
import type { Client } from "../../src/core/index/coaching-index";
import { NotesVault } from "../helpers/notes-vault";

// Who to see next, for the status bar: a session booked in the client note, one written ahead, or the cadence.

function client(cadence: string | null, booked: string | null = null): string {
	return `---\ntype: client\n${cadence ? `cadence: ${cadence}\n` : ""}${booked ? `next_session: ${booked}\n` : ""}---\n`;
}

function session(name: string, date: string): string {
	return `---\ntype: session\nclient: "[[${name}]]"\ndate: ${date}\n---\nTalked.\n`;
}

/** Leo's call booked for 14:00 today, its session note (dated today) started before the call. */
const bookedAtTwoWithTodaysNote: Record<string, string> = {
	"Clients/Leo Park.md": client("weekly", "2026-06-30T14:00"),
	"Sessions/a.md": session("Leo Park", "2026-06-24"),
	"Sessions/b.md": session("Leo Park", "2026-06-30"),
};

/** The next up on `today`, with each client's next_session property read as the plugin reads it from Obsidian's cache. */
async function next(files: Record<string, string>, today = "2026-06-30", now = "09:00"): Promise<string | null> {
	const vault = new NotesVault(files);
	const booked = new Map<string, string | null>();
	for (const found of vault.index.clients()) {
		const properties = found.path === null ? null : await vault.properties(found.path);
		const value = properties?.["next_session"];
		booked.set(found.key, value === undefined || value === null ? null : String(value));
	}
	const up = nextUp(vault.index, today, now, (found: Client) => booked.get(found.key) ?? null, (day) => `[${day}]`);
	return up && `${up.client.name}, ${up.when} (${up.from})`;
}

describe("next up", () => {
	it("is the client whose cadence falls due first: overdue or due today before due later", async () => {
		expect(
			await next({
				"Clients/Maya Chen.md": client("fortnightly"),
				"Clients/Leo Park.md": client("weekly"),
				"Sessions/a.md": session("Maya Chen", "2026-06-16"),
				"Sessions/b.md": session("Leo Park", "2026-06-26"),
			}),
		).toBe("Maya Chen, due today (cadence)");
		expect(await next({ "Clients/Leo Park.md": client("weekly"), "Sessions/b.md": session("Leo Park", "2026-06-20") })).toBe("Leo Park, overdue by 3 days (cadence)");
		// Both due by now: the one waiting longer first, whatever their names.
		expect(
			await next({
				"Clients/Ana Costa.md": client("fortnightly"),
				"Clients/Tomás Rivera.md": client("weekly"),
				"Sessions/a.md": session("Ana Costa", "2026-06-16"),
				"Sessions/b.md": session("Tomás Rivera", "2026-06-16"),
			}),
		).toBe("Tomás Rivera, overdue by 7 days (cadence)");
		expect(await next({ "Clients/Leo Park.md": client("monthly"), "Sessions/b.md": session("Leo Park", "2026-06-20") })).toBe("Leo Park, due [2026-07-20] (cadence)");
	});

	it("takes a session booked in the client note's property before the cadence, with its time", async () => {
		const files = {
			"Clients/Maya Chen.md": client("weekly"),
			"Clients/Tomás Rivera.md": client("weekly", "2026-06-30T14:00"),
			"Sessions/a.md": session("Maya Chen", "2026-06-16"),
			"Sessions/b.md": session("Tomás Rivera", "2026-06-25"),
		};
		// Maya is overdue by the cadence, yet Tomás is booked for this afternoon: the booked call is next.
		expect(await next(files)).toBe("Tomás Rivera, today at 14:00 (property)");
		expect(await next({ ...files, "Clients/Tomás Rivera.md": client("weekly", "2026-07-02") })).toBe("Maya Chen, overdue by 7 days (cadence)");
	});

	it("says a booked day in words near it and as a date further off", async () => {
		const booked = (value: string): Record<string, string> => ({ "Clients/Ana Costa.md": client(null, value) });
		expect(await next(booked("2026-07-01"))).toBe("Ana Costa, tomorrow (property)");
		expect(await next(booked("2026-07-03T09:30"))).toBe("Ana Costa, in 3 days at 09:30 (property)");
		expect(await next(booked("2026-07-20"))).toBe("Ana Costa, [2026-07-20] (property)");
	});

	it("leaves a session booked for earlier today to the cadence once its time has passed, whatever notes that day has", async () => {
		const files = { "Clients/Leo Park.md": client("weekly", "2026-06-30T10:00"), "Sessions/b.md": session("Leo Park", "2026-06-24") };
		expect(await next(files, "2026-06-30", "09:59")).toBe("Leo Park, today at 10:00 (property)");
		expect(await next(files, "2026-06-30", "10:00")).toBe("Leo Park, today at 10:00 (property)");
		expect(await next(files, "2026-06-30", "10:01")).toBe("Leo Park, due tomorrow (cadence)");
		// The session note of the day, started before the call, ends nothing: the time does.
		const preparing = { ...files, "Sessions/c.md": session("Leo Park", "2026-06-30") };
		expect(await next(preparing, "2026-06-30", "09:00")).toBe("Leo Park, today at 10:00 (property)");
		expect(await next(preparing, "2026-06-30", "10:01")).toBe("Leo Park, due [2026-07-07] (cadence)");
	});

	it("keeps a call booked at 14:00 next up at 10:00 though the session note dated today is already written", async () => {
		expect(await next(bookedAtTwoWithTodaysNote, "2026-06-30", "10:00")).toBe("Leo Park, today at 14:00 (property)");
	});

	it("moves on from a call booked at 14:00 at 15:00", async () => {
		expect(await next(bookedAtTwoWithTodaysNote, "2026-06-30", "15:00")).toBe("Leo Park, due [2026-07-07] (cadence)");
	});

	it("ends a booking of a day only once a session dated that day is written", async () => {
		const files = { "Clients/Leo Park.md": client("weekly", "2026-06-30"), "Sessions/b.md": session("Leo Park", "2026-06-24") };
		expect(await next(files, "2026-06-30", "09:00")).toBe("Leo Park, today (property)");
		// No hour to pass: the day's whole, until the session of that day is written.
		expect(await next(files, "2026-06-30", "23:59")).toBe("Leo Park, today (property)");
		expect(await next({ ...files, "Sessions/c.md": session("Leo Park", "2026-06-30") }, "2026-06-30", "09:00")).toBe("Leo Park, due [2026-07-07] (cadence)");
	});

	it("reads a time with a zone after it as written, on the coach's own clock", async () => {
		const booked = (value: string): Record<string, string> => ({ "Clients/Leo Park.md": client("weekly", value), "Sessions/b.md": session("Leo Park", "2026-06-24") });
		expect(await next(booked("2026-06-30T14:00Z"), "2026-06-30", "13:59")).toBe("Leo Park, today at 14:00 (property)");
		expect(await next(booked("2026-06-30T14:00+02:00"), "2026-06-30", "13:59")).toBe("Leo Park, today at 14:00 (property)");
		expect(await next(booked("2026-06-30T14:00+02:00"), "2026-06-30", "14:01")).toBe("Leo Park, due tomorrow (cadence)");
	});

	it("leaves a booked day already past to the cadence", async () => {
		expect(await next({ "Clients/Leo Park.md": client("weekly", "2026-06-01"), "Sessions/b.md": session("Leo Park", "2026-06-26") })).toBe("Leo Park, due in 3 days (cadence)");
	});

	it("takes a session note written ahead as booked", async () => {
		expect(await next({ "Clients/Leo Park.md": client("weekly"), "Sessions/a.md": session("Leo Park", "2026-06-26"), "Sessions/b.md": session("Leo Park", "2026-07-01") })).toBe("Leo Park, tomorrow (written ahead)");
	});

	it("is no one when no client has a cadence or a booked session, and never a past client", async () => {
		expect(await next({ "Clients/Ana Costa.md": client(null) })).toBeNull();
		expect(await next({ "Clients/Archive/Ruth Okafor.md": client("weekly"), "Sessions/a.md": session("Ruth Okafor", "2026-01-01") })).toBeNull();
	});
});

describe("the booked session in the brief", () => {
	async function booked(value: string, sessions: Record<string, string> = {}, now?: string) {
		const { BriefReader } = await import("../../src/core/brief/brief-text");
		const vault = new NotesVault({ "Clients/Leo Park.md": client("weekly", value), "Sessions/a.md": session("Leo Park", "2026-06-24"), ...sessions });
		const brief = vault.brief("Leo");
		return (await new BriefReader(vault.index, vault, vault.settings).briefText(brief, now)).booked;
	}

	it("is the client note's next session, with its time, while it is still to come", async () => {
		expect(await booked("2026-07-02T09:30")).toEqual({ day: "2026-07-02", time: "09:30" });
		expect(await booked("2026-06-20")).toBeNull();
		expect(await booked("2026-06-30", { "Sessions/b.md": session("Leo Park", "2026-06-30") })).toBeNull();
	});

	it("keeps a call booked at 14:00 at 10:00 though the session note dated today is already written", async () => {
		expect(await booked("2026-06-30T14:00", { "Sessions/b.md": session("Leo Park", "2026-06-30") }, "10:00")).toEqual({ day: "2026-06-30", time: "14:00" });
	});

	it("drops a call booked at 14:00 at 15:00, as the status bar moves on", async () => {
		expect(await booked("2026-06-30T14:00", { "Sessions/b.md": session("Leo Park", "2026-06-30") }, "15:00")).toBeNull();
		expect(await booked("2026-06-30T09:30", {}, "15:00")).toBeNull();
	});

	it("drops a booking of a day only once a session dated that day is written", async () => {
		expect(await booked("2026-06-30", {}, "23:59")).toEqual({ day: "2026-06-30", time: "" });
		expect(await booked("2026-06-30", { "Sessions/b.md": session("Leo Park", "2026-06-30") }, "09:00")).toBeNull();
	});

	it("reads a time with a zone after it as written, on the coach's own clock", async () => {
		expect(await booked("2026-06-30T14:00+02:00", {}, "13:59")).toEqual({ day: "2026-06-30", time: "14:00" });
		expect(await booked("2026-06-30T14:00Z", {}, "14:01")).toBeNull();
	});
});

describe("when a booked session is over", () => {
	const today = "2026-06-30";

	it("is once its time has passed, when it has one: a session note of that day written before the call ends nothing", () => {
		expect(bookingAhead("2026-06-30T14:00", today, today, "10:00")).toEqual({ day: today, time: "14:00" });
		expect(bookingAhead("2026-06-30T14:00", today, today, "14:00")).toEqual({ day: today, time: "14:00" });
		expect(bookingAhead("2026-06-30T14:00", "2026-06-24", today, "14:01")).toBeNull();
	});

	it("is once its day has passed or a session of that day is held, when it has a day only", () => {
		expect(bookingAhead("2026-06-30", "2026-06-24", today, "23:59")).toEqual({ day: today, time: "" });
		expect(bookingAhead("2026-06-30", today, today, "00:00")).toBeNull();
		expect(bookingAhead("2026-07-02", "2026-06-24", today, "09:00")).toEqual({ day: "2026-07-02", time: "" });
	});

	it("is always, for a day already past, with or without a time", () => {
		expect(bookingAhead("2026-06-29", null, today, "00:00")).toBeNull();
		expect(bookingAhead("2026-06-29T23:00", null, today, "00:00")).toBeNull();
	});

	it("reads a zone after the time as written: the day and time on the coach's own clock, never shifted", () => {
		expect(bookingOf("2026-07-02T14:00Z")).toEqual({ day: "2026-07-02", time: "14:00" });
		expect(bookingOf("2026-07-02T23:30-05:00")).toEqual({ day: "2026-07-02", time: "23:30" });
		expect(bookingOf("2026-07-02T14:00:45+0200")).toEqual({ day: "2026-07-02", time: "14:00" });
	});

	it("is no booking when the value is no date", () => {
		expect(bookingAhead("next Tuesday", null, today, "09:00")).toBeNull();
		expect(bookingAhead(null, null, today, "09:00")).toBeNull();
	});
});
