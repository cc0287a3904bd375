import { parseDateText, type Day } from "../notes/dates";

// When a session booked in the client note's property (`next_session`) is over: one rule for the
// status bar's "Next up" and the brief's "Next session booked for …", so the two never disagree.

/** The time of day before any hour: a day asked for as a whole counts from here, so nothing booked on it is over yet. */
export const START_OF_DAY = "00:00";

/** A session booked in the client note's property: its day, and its time of day ("HH:mm"), or "" when only a day is booked. */
export interface Booking {
	day: Day;
	time: string;
}

/**
 * The session the property's value books, while it is still ahead: null when the value is no date
 * or the booking is over. `lastSessionDay` is the day of the last session held; `today` and `now`
 * ("HH:mm") are the coach's clock, passed in so that core never reads one.
 */
export function bookingAhead(written: string | null, lastSessionDay: Day | null, today: Day, now: string): Booking | null {
	const booking = written === null ? null : bookingOf(written);
	return booking && !bookingOver(booking, lastSessionDay, today, now) ? booking : null;
}

/**
 * The day and time a property's value books. A zone written after the time (`14:00Z`,
 * `14:00+02:00`) is left aside, and the day and time are read as written, on the coach's own clock:
 * Obsidian's date-and-time property writes no zone, so one comes from another tool, and `now`
 * carries no offset to convert it by.
 */
export function bookingOf(written: string): Booking | null {
	const date = parseDateText(written);
	return date && { day: date.day, time: date.time.slice(0, 5) };
}

/**
 * Whether a booked session is over. One with a time is over once that time has passed: a coach
 * often starts the session note before the call, so a note dated that day ends nothing. One with
 * a day only has no hour to pass, so it is over once its day has passed or a session of that day
 * or later is held.
 */
function bookingOver(booking: Booking, lastSessionDay: Day | null, today: Day, now: string): boolean {
	if (booking.day < today) return true;
	if (booking.time !== "") return booking.day === today && booking.time < now;
	return lastSessionDay !== null && lastSessionDay >= booking.day;
}
