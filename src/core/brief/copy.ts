import { format } from "date-fns";
import { toDate, type Day } from "../notes/dates";

/** "1 session", "3 sessions", "1 day", "14 days". */
export function countOf(count: number, noun: string): string {
	return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** "Tuesday, 16 June 2026": the long form a coach reads in the brief. */
export function longDay(day: Day): string {
	return format(toDate(day), "EEEE, d MMMM yyyy");
}

/** "today", "yesterday", "5 days ago", "3 weeks ago", "4 months ago", "2 years ago"; the future likewise. */
export function relativeDays(days: number): string {
	if (days === 0) return "today";
	if (days === 1) return "yesterday";
	if (days === -1) return "tomorrow";
	const size = Math.abs(days);
	const [count, unit] =
		size < 14 ? [size, "day"] : size < 60 ? [Math.floor(size / 7), "week"] : size < 730 ? [Math.floor(size / 30.44), "month"] : [Math.floor(size / 365.25), "year"];
	const phrase = countOf(count, unit);
	return days > 0 ? `${phrase} ago` : `in ${phrase}`;
}
