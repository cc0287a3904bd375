import { addDaysTo, addMonthsTo, daysBetween, type Day } from "../notes/dates";

export type Cadence = { days: number } | { months: number };

const MAX_CADENCE_DAYS = 3660;

/** `weekly`, `fortnightly`, `monthly`, `every 3 weeks`, `10` (days), `10 days`; null when unreadable. */
export function parseCadence(text: string): Cadence | null {
	const value = text.trim().toLowerCase().replace(/\s+/g, " ");
	if (value === "weekly") return { days: 7 };
	if (value === "fortnightly" || value === "biweekly") return { days: 14 };
	if (value === "monthly") return { months: 1 };
	const match = /^(?:every )?(\d+) ?(days?|weeks?|months?)?$/.exec(value);
	if (!match) return null;
	const count = Number(match[1]);
	if (!Number.isInteger(count) || count <= 0) return null;
	const unit = match[2] ?? "days";
	const cadence: Cadence = unit.startsWith("week") ? { days: count * 7 } : unit.startsWith("month") ? { months: count } : { days: count };
	// Past ten years a cadence is a typo, and past the calendar's end it cannot be counted at all.
	const tooLong = "days" in cadence ? cadence.days > MAX_CADENCE_DAYS : cadence.months > MAX_CADENCE_DAYS / 28;
	return tooLong ? null : cadence;
}

export interface Due {
	/** The day the next conversation falls due, null before the first session. */
	dueDate: Day | null;
	due: boolean;
	/** Days past the due date; 0 when due today or not yet due. */
	overdueDays: number;
}

/** A client with a cadence is due once today reaches the last session plus the cadence; with no session yet, at once. */
export function dueBy(cadence: Cadence, lastSession: Day | null, today: Day): Due {
	if (lastSession === null) return { dueDate: null, due: true, overdueDays: 0 };
	const dueDate = "days" in cadence ? addDaysTo(lastSession, cadence.days) : addMonthsTo(lastSession, cadence.months);
	const late = daysBetween(dueDate, today);
	return { dueDate, due: late >= 0, overdueDays: Math.max(0, late) };
}
