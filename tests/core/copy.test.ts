import { describe, expect, it } from "vitest";
import { briefSections, countOf, dueWords, problemsTitle, readBackTitle, relativeDays } from "../../src/core/brief/copy";

describe("the brief's sections", () => {
	it("come in one order, the intention checklist first under the heading the coach set", () => {
		expect(briefSections("Before we begin")).toEqual([
			{ id: "intention", title: "Before we begin" },
			{ id: "person", title: "The person" },
			{ id: "left-off", title: "Where we left off" },
			{ id: "since", title: "Since last time" },
			{ id: "themes", title: "Themes" },
			{ id: "conversations", title: "Every earlier conversation" },
		]);
	});

	it("end with the notes that could not be read, counted where the pane folds them", () => {
		expect(problemsTitle()).toBe("Notes I could not fully read");
		expect(problemsTitle(3)).toBe("Notes I could not fully read (3)");
	});
});

describe("counts and days", () => {
	it("name one thing in the singular and any other number in the plural", () => {
		expect(countOf(1, "session")).toBe("1 session");
		expect(countOf(0, "session")).toBe("0 sessions");
		expect(countOf(14, "day")).toBe("14 days");
	});

	it("read days as days, then weeks, months and years, into the past and the future", () => {
		expect([0, 1, -1, 5, 13, 14, 59, 60, 729, 730].map(relativeDays)).toEqual([
			"today",
			"yesterday",
			"tomorrow",
			"5 days ago",
			"13 days ago",
			"2 weeks ago",
			"8 weeks ago",
			"1 month ago",
			"23 months ago",
			"1 year ago",
		]);
		expect(relativeDays(-21)).toBe("in 3 weeks");
	});
});

describe("a cadence", () => {
	const day = (date: string): string => `on ${date}`;

	it("is due now before the first session, and overdue by the days past its due date", () => {
		expect(dueWords({ dueDate: null, due: true, overdueDays: 0 }, day, false)).toBe("due now");
		expect(dueWords({ dueDate: "2026-06-20", due: true, overdueDays: 1 }, day, false)).toBe("overdue by 1 day");
		expect(dueWords({ dueDate: "2026-06-20", due: true, overdueDays: 10 }, day, false)).toBe("overdue by 10 days");
	});

	it("is due today on its due date, and otherwise names the day it falls due as the renderer writes days", () => {
		expect(dueWords({ dueDate: "2026-06-30", due: true, overdueDays: 0 }, day, false)).toBe("due today");
		expect(dueWords({ dueDate: "2026-07-14", due: false, overdueDays: 0 }, day, false)).toBe("next due on 2026-07-14");
	});

	it("is never due for a past client, however long ago the last session was", () => {
		expect(dueWords({ dueDate: "2026-02-20", due: true, overdueDays: 130 }, day, true)).toBe("past client, not due");
	});
});

describe("a read-back heading", () => {
	it("says the title without the date the heading already gives", () => {
		expect(readBackTitle(1, "2026-04-14", "2026-04-14", "Maya Chen")).toBe(" · session 1");
		expect(readBackTitle(3, "2026-06-09 · The VP conversation", "2026-06-09", "Maya Chen")).toBe(" · session 3 · The VP conversation");
		expect(readBackTitle(2, "2026-06-02 Offsite", "2026-06-02", "Maya Chen")).toBe(" · session 2 · Offsite");
		expect(readBackTitle(4, "Session 4 (2026-10-12)", "2026-10-12", "Maya Chen")).toBe(" · session 4 · Session 4");
		expect(readBackTitle(5, "[[2026-10-12]]", "2026-10-12", "Maya Chen")).toBe(" · session 5");
	});

	it("says nothing more when the rest is only the client's name, which the page already says", () => {
		expect(readBackTitle(1, "2026-03-03 Maya Chen", "2026-03-03", "Maya Chen")).toBe(" · session 1");
		expect(readBackTitle(2, "2026-03-17 maya", "2026-03-17", "Maya Chen")).toBe(" · session 2");
		// A title that is the name alone, with no date to drop, is how the coach named the note: it stays.
		expect(readBackTitle(3, "Maya Chen", "2026-03-31", "Maya Chen")).toBe(" · session 3 · Maya Chen");
	});

	it("leaves out the day however the heading spells it, a weekday before it too", () => {
		expect(readBackTitle(1, "Tue 2026-06-02", "2026-06-02", "Maya Chen")).toBe(" · session 1");
		expect(readBackTitle(2, "Tue 2 Jun 2026 · The offsite", "2026-06-02", "Maya Chen")).toBe(" · session 2 · The offsite");
		expect(readBackTitle(3, "The offsite, Tuesday 2 June 2026", "2026-06-02", "Maya Chen")).toBe(" · session 3 · The offsite");
		expect(readBackTitle(4, "The offsite · part 2 · 2026-06-02", "2026-06-02", "Maya Chen")).toBe(" · session 4 · The offsite · part 2");
		expect(readBackTitle(5, "[[2026-06-02|Tue 2 Jun]] · The offsite", "2026-06-02", "Maya Chen")).toBe(" · session 5 · The offsite");
		const long = `The offsite, ${"and what she said about the board ".repeat(8).trim()}`;
		expect(readBackTitle(6, `${long} · 2026-06-02`, "2026-06-02", "Maya Chen")).toBe(` · session 6 · ${long}`);
		expect(readBackTitle(7, `${long} on 2026-06-02 and more`, "2026-06-02", "Maya Chen")).toBe(` · session 7 · ${long} on 2026-06-02 and more`);
	});

	it("keeps a date that is not the conversation's, and a title with no date", () => {
		expect(readBackTitle(1, "2026-04-14 Plan for 2026-05-01", "2026-04-15", "Maya Chen")).toBe(" · session 1 · 2026-04-14 Plan for 2026-05-01");
		expect(readBackTitle(2, "The CPO offer", "2026-06-02", "Maya Chen")).toBe(" · session 2 · The CPO offer");
		expect(readBackTitle(3, "The CPO offer", null, "Maya Chen")).toBe(" · session 3 · The CPO offer");
	});
});
