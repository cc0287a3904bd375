import { bookingAhead } from "./booking";
import { dueStateOf } from "./caseload";
import { dueStateWords, relativeDays } from "./copy";
import { summarise } from "./summary";
import type { Client, CoachingIndex } from "../index/coaching-index";
import { daysBetween, type Day } from "../notes/dates";

/** The client to see next, and the words that say when: "due today", "overdue by 9 days", "today at 14:00". */
export interface NextUp {
	client: Client;
	when: string;
	/** What says when: the client note's next session property, a session note written ahead, or the cadence. */
	from: "property" | "written ahead" | "cadence";
}

interface Candidate extends NextUp {
	/** The day it is for; a cadence already due counts as today. */
	day: Day;
	/** A booked session's time of day ("" when none), before a cadence's on the same day. */
	time: string;
	/** Days past the cadence's due date: of two clients due today, the one waiting longer first. */
	overdue: number;
}

/**
 * The client to see next among the active ones: a session booked in the client note's property
 * (`next_session`, settable) or written ahead as a note, else the day their cadence falls due. The
 * soonest day first; a cadence already due counts as today, after the sessions booked for today,
 * the longest overdue first.
 * `bookedOf` gives the property's value for a client, as the front end reads their note; when a
 * booked session is over (`now` is the time of day, "HH:mm") is `bookingAhead`'s rule, the brief's too.
 */
export function nextUp(index: CoachingIndex, today: Day, now: string, bookedOf: (client: Client) => string | null, formatDay: (day: Day) => string): NextUp | null {
	let best: Candidate | null = null;
	for (const client of index.clients()) {
		if (client.archived) continue;
		const candidate = candidateFor(index, client, { today, now }, bookedOf(client), formatDay);
		if (candidate && (!best || sooner(candidate, best))) best = candidate;
	}
	return best && { client: best.client, when: best.when, from: best.from };
}

function candidateFor(index: CoachingIndex, client: Client, { today, now }: { today: Day; now: string }, booked: string | null, formatDay: (day: Day) => string): Candidate | null {
	const summary = summarise(index, client, today);
	const property = bookingAhead(booked, summary.lastDay, today, now);
	if (property) return { client, day: property.day, time: property.time, overdue: 0, from: "property", when: bookedWords(property.day, property.time, today, formatDay) };
	const ahead = summary.planned[0]?.session.date;
	if (ahead) return { client, day: ahead.day, time: ahead.time.slice(0, 5), overdue: 0, from: "written ahead", when: bookedWords(ahead.day, ahead.time.slice(0, 5), today, formatDay) };
	const cadence = summary.cadence;
	if (!cadence?.readable) return null;
	const state = dueStateOf(cadence, summary.lastDay, today);
	const day = cadence.dueDate === null || cadence.dueDate < today ? today : cadence.dueDate;
	const when = state.kind === "not-due" ? `due ${formatDay(state.dueDate)}` : dueStateWords(state);
	return { client, day, time: "", overdue: cadence.overdueDays, from: "cadence", when };
}

function sooner(a: Candidate, b: Candidate): boolean {
	if (a.day !== b.day) return a.day < b.day;
	// The same day: a booked session before a cadence, the earlier time first.
	const timeA = a.from === "cadence" ? "~" : a.time;
	const timeB = b.from === "cadence" ? "~" : b.time;
	if (timeA !== timeB) return timeA < timeB;
	if (a.overdue !== b.overdue) return a.overdue > b.overdue;
	return a.client.name.localeCompare(b.client.name) < 0;
}

/** Days ahead a booked session is said in words ("in 3 days"); from a week on, the day itself is plainer. */
const DAYS_SAID_IN_WORDS = 7;

/** "today at 14:00", "tomorrow", "in 3 days", or the day itself when further: the near days as the brief words them. */
function bookedWords(day: Day, time: string, today: Day, formatDay: (day: Day) => string): string {
	const days = daysBetween(today, day);
	const when = days < DAYS_SAID_IN_WORDS ? relativeDays(-days) : formatDay(day);
	return time === "" ? when : `${when} at ${time}`;
}
