import { describe, expect, it } from "vitest";
import { dayInHeading } from "../../src/core/notes/dates";

describe("the day a heading is dated by", () => {
	it("is the heading itself when it is a date", () => {
		expect(dayInHeading("2026-10-26")).toBe("2026-10-26");
		expect(dayInHeading("12 Oct 2026")).toBe("2026-10-12");
		expect(dayInHeading("October 12, 2026")).toBe("2026-10-12");
		expect(dayInHeading("12.10.2026")).toBe("2026-10-12");
	});

	it("is a date at the start, before a separator and a title", () => {
		expect(dayInHeading("2026-10-12 · The CPO offer")).toBe("2026-10-12");
		expect(dayInHeading("12 October 2026 – first call after the offsite")).toBe("2026-10-12");
		expect(dayInHeading("2026-10-12: the offer")).toBe("2026-10-12");
		expect(dayInHeading("2026-10-12—the offer")).toBe("2026-10-12");
		expect(dayInHeading("October 12, 2026 - the offer")).toBe("2026-10-12");
	});

	it("is a date at the end, after a separator or in brackets", () => {
		expect(dayInHeading("Session 4 (2026-10-12)")).toBe("2026-10-12");
		expect(dayInHeading("Session 4 [12 Oct 2026]")).toBe("2026-10-12");
		expect(dayInHeading("Call – 2026-10-12")).toBe("2026-10-12");
		expect(dayInHeading("Call with Maya, October 12, 2026")).toBe("2026-10-12");
	});

	it("is a link to a daily note named by a date", () => {
		expect(dayInHeading("[[2026-10-12]]")).toBe("2026-10-12");
		expect(dayInHeading("[[2026-10-12]] Maya")).toBe("2026-10-12");
		expect(dayInHeading("[[Daily/2026-10-12|Monday]]")).toBe("2026-10-12");
		expect(dayInHeading("[[2026-10-12#Coaching|the call]] with Maya")).toBe("2026-10-12");
		expect(dayInHeading("Session 4 ([[2026-10-12]])")).toBe("2026-10-12");
	});

	it("skips a leading weekday without checking it: the day as written wins", () => {
		expect(dayInHeading("Tuesday, 13 October 2026")).toBe("2026-10-13");
		// 12 October 2026 is a Monday; the coach's slip over the weekday does not move the day.
		expect(dayInHeading("Tue 12 Oct 2026")).toBe("2026-10-12");
		expect(dayInHeading("Mon, 2026-10-12 · check-in")).toBe("2026-10-12");
		expect(dayInHeading("Call – Tue 12 Oct 2026")).toBe("2026-10-12");
	});

	it("is the first of two dates", () => {
		expect(dayInHeading("2026-10-12 follow-up of 2026-10-05")).toBe("2026-10-12");
	});

	it("is not read from headings that are no dates", () => {
		for (const heading of ["Goals", "What makes them happy", "Session 4", "2026 goals", "Q3 2026", "12", "", "   ", "[[Maya Chen]]"]) {
			expect({ heading, day: dayInHeading(heading) }).toEqual({ heading, day: null });
		}
	});

	it("needs a year", () => {
		expect(dayInHeading("Tuesday 20 October")).toBeNull();
		expect(dayInHeading("20 October – call")).toBeNull();
	});

	it("needs a day some calendar has", () => {
		expect(dayInHeading("2026-13-40")).toBeNull();
		expect(dayInHeading("Session 4 (2026-02-30)")).toBeNull();
	});

	it("is not a date in the middle of a heading", () => {
		expect(dayInHeading("Notes from 2026-10-12 about the offer")).toBeNull();
	});

	it("stays fast on a heading of a whole page, and still finds a date at either end", () => {
		const page = "word ".repeat(20_000);
		const started = performance.now();
		expect(dayInHeading("x".repeat(100_000))).toBeNull();
		expect(dayInHeading("[[".repeat(50_000))).toBeNull();
		expect(dayInHeading("-".repeat(100_000))).toBeNull();
		expect(dayInHeading(page)).toBeNull();
		expect(dayInHeading(`2026-10-12 ${page}`)).toBe("2026-10-12");
		expect(dayInHeading(`${page}(12 Oct 2026)`)).toBe("2026-10-12");
		expect(performance.now() - started).toBeLessThan(500);
	});

	it("does not take half a word cut off a long heading for a date", () => {
		// The last 100 characters are `12`, spaces, `Oct 2026`: the window starts inside `112`.
		const tail = `${"x".repeat(200)}112${" ".repeat(90)}Oct 2026`;
		expect(tail.slice(-100).startsWith("12 ")).toBe(true);
		expect(dayInHeading(tail)).toBeNull();
		// The first 100 characters end inside `20261`: the year 2026 is half of another number.
		const head = `12 Oct${" ".repeat(90)}20261${"x".repeat(200)}`;
		expect(head.slice(0, 100).endsWith(" 2026")).toBe(true);
		expect(dayInHeading(head)).toBeNull();
		expect(dayInHeading(`${"word ".repeat(30)}12 Oct 2026`)).toBe("2026-10-12");
	});
});
