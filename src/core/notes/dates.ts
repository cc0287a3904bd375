import { addDays, addMonths, differenceInCalendarDays, format, isValid, parse } from "date-fns";

/** A calendar day as written, `YYYY-MM-DD`: never shifted by a time zone. */
export type Day = string;

export interface NoteDate {
	day: Day;
	/** Orders notes of the same day: the time of day when one was written, else empty. */
	time: string;
	source: "property" | "file name" | "created" | "modified";
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/** Spellings coaches and other plugins write dates in, besides ISO; day-first is the European habit for dots. */
const OTHER_FORMATS = [
	"yyyy/MM/dd",
	"MM/dd/yyyy",
	"dd.MM.yyyy",
	"EEEE, MMMM do yyyy",
	"EEEE, MMMM do, yyyy",
	"MMMM do yyyy",
	"MMMM do, yyyy",
	"MMMM d, yyyy",
	"MMMM d yyyy",
	"MMM d, yyyy",
	"d MMMM yyyy",
	"d MMM yyyy",
	"yyyyMMdd",
];

/** Reads a property value as a calendar day (and time of day), or null when it is not a date. */
export function parseDateText(text: string): { day: Day; time: string } | null {
	const trimmed = text.trim();
	// The longest spelling ("Wednesday, September 30th, 2026") is far shorter; a page of text is no date.
	if (trimmed.length > 64) return null;
	const iso = ISO_DAY.exec(trimmed);
	if (iso) {
		const [, y, m, d, hh, mm, ss] = iso;
		const day = `${y}-${m}-${d}`;
		if (!isDay(day)) return null;
		if (hh !== undefined && (Number(hh) > 23 || Number(mm) > 59 || Number(ss ?? 0) > 59)) return null;
		return { day, time: hh ? `${hh}:${mm}:${ss ?? "00"}` : "" };
	}
	for (const pattern of OTHER_FORMATS) {
		const parsed = parse(trimmed, pattern, new Date(2000, 0, 1));
		if (isValid(parsed) && inCalendarRange(parsed)) return { day: format(parsed, "yyyy-MM-dd"), time: "" };
	}
	return null;
}

/** Years a coach's notes can be dated in: four digits, so every day is written `YYYY-MM-DD`. */
function inCalendarRange(date: Date): boolean {
	const year = date.getFullYear();
	return year >= 1000 && year <= 9999;
}

/** A `YYYY-MM-DD` at the start or the end of a file's name: `2026-03-04 Maya Chen`, `Maya Chen 2026-03-04`. */
export function dayInFileName(basename: string): Day | null {
	const match = /^(\d{4}-\d{2}-\d{2})(?!\d)|(?:^|[^\d])(\d{4}-\d{2}-\d{2})$/.exec(basename.trim());
	const day = match?.[1] ?? match?.[2];
	if (!day) return null;
	return parseDateText(day)?.day ?? null;
}

/** The local calendar day of a timestamp (file times are the machine's own); null for a time no calendar holds. */
export function dayOfTimestamp(ms: number): Day | null {
	const date = new Date(ms);
	return isValid(date) && inCalendarRange(date) ? format(date, "yyyy-MM-dd") : null;
}

export function toDate(day: Day): Date {
	return parse(day, "yyyy-MM-dd", new Date(2000, 0, 1));
}

export function daysBetween(from: Day, to: Day): number {
	return differenceInCalendarDays(toDate(to), toDate(from));
}

export function addDaysTo(day: Day, days: number): Day {
	return format(addDays(toDate(day), days), "yyyy-MM-dd");
}

export function addMonthsTo(day: Day, months: number): Day {
	return format(addMonths(toDate(day), months), "yyyy-MM-dd");
}

export function isDay(text: string): boolean {
	return /^\d{4}-\d{2}-\d{2}$/.test(text) && isValid(toDate(text)) && inCalendarRange(toDate(text));
}
