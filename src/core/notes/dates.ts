import { addDays, addMonths, differenceInCalendarDays, format, isValid, parse } from "date-fns";

/** A calendar day as written, `YYYY-MM-DD`: never shifted by a time zone. */
export type Day = string;

export interface NoteDate {
	day: Day;
	/** Orders notes of the same day: the time of day when one was written, else empty. */
	time: string;
	source: "property" | "file name" | "heading" | "created" | "modified";
	/** The property it was read from, as written, when it came from one. */
	property?: string;
}

/**
 * Dates without a time, shared between the notes dated by them: ten years of notes hold a few
 * thousand days, and tens of thousands of notes are dated by them. Shared, so frozen. Emptied
 * when it grows past any real vault's days, so a long session of edits never makes it a leak.
 */
const sharedDates = new Map<string, Map<string, Map<Day, NoteDate>>>();
let sharedCount = 0;

export function dateOn(day: Day, source: NoteDate["source"], property?: string): NoteDate {
	let bySource = sharedDates.get(source);
	if (!bySource) sharedDates.set(source, (bySource = new Map<string, Map<Day, NoteDate>>()));
	let byDay = bySource.get(property ?? "");
	if (!byDay) bySource.set(property ?? "", (byDay = new Map<Day, NoteDate>()));
	let date = byDay.get(day);
	if (!date) {
		if (++sharedCount > 100_000) {
			sharedDates.clear();
			sharedCount = 0;
		}
		date = Object.freeze(property === undefined ? { day, time: "", source } : { day, time: "", source, property });
		byDay.set(day, date);
	}
	return date;
}

const ISO_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
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

/**
 * A heading's characters looked at from each end: the longest date with its weekday, link and
 * brackets is far shorter, and a heading of a whole page costs no more than a short one.
 */
const HEADING_WINDOW = 100;
/** Words a date can span: `Wednesday, September 30th, 2026` is four. */
const MOST_DATE_WORDS = 5;
/** Separators between a date and the rest of a heading: they part words even without spaces (`4—2026-10-12`). */
const HEADING_SEPARATORS = /[\s·•–—]+/u;
/** What may stand around a date in a heading and is not part of it: brackets, separators, emphasis. */
const AROUND_DATE = /^[\s()[\]{}<>·•–—\-:;,.|*_~"'“”‘’]+|[\s()[\]{}<>·•–—\-:;,.|*_~"'“”‘’]+$/gu;
const WEEKDAYS = new Set(["monday", "mon", "tuesday", "tue", "tues", "wednesday", "wed", "thursday", "thu", "thur", "thurs", "friday", "fri", "saturday", "sat", "sunday", "sun"]);
/** `[[Daily/2026-10-12#Notes|Monday]]` stands for its note's name: a link to a daily note dates what it sits in. */
const WIKILINK = /\[\[([^[\]|#]*)(?:[|#][^[\]]*)?\]\]/g;

/**
 * The day a heading is dated by: its text is a date, or starts or ends with one (`2026-10-12 · The
 * CPO offer`, `Session 4 (2026-10-12)`, `[[2026-10-12]] Maya`, `Tue 12 Oct 2026`), in any spelling
 * parseDateText reads. A date at the start wins over one at the end. A leading weekday is
 * skipped, never checked: the day as written is what the coach meant, even when the weekday
 * is wrong. A date without a year (`Tuesday 20 October`) dates nothing.
 */
export function dayInHeading(text: string): Day | null {
	if (!YEAR.test(text.slice(0, HEADING_WINDOW)) && !YEAR.test(text.slice(-HEADING_WINDOW))) return null;
	const head = headingWords(text.slice(0, HEADING_WINDOW));
	const tail = headingWords(text.slice(-HEADING_WINDOW));
	// Half a word where a window cuts a long heading can look like a date (`…112 Oct 2026`).
	if (cutsWord(text, HEADING_WINDOW)) head.pop();
	if (cutsWord(text, text.length - HEADING_WINDOW)) tail.shift();
	if (head.length > 0 && WEEKDAYS.has(head[0]?.replace(AROUND_DATE, "").toLowerCase() ?? "")) head.shift();
	for (let count = Math.min(MOST_DATE_WORDS, head.length); count > 0; count--) {
		const day = dayOfWords(head.slice(0, count));
		if (day) return day;
	}
	for (let count = Math.min(MOST_DATE_WORDS, tail.length); count > 0; count--) {
		const day = dayOfWords(tail.slice(-count));
		if (day) return day;
	}
	return null;
}

/**
 * A title without the day it is dated by, at its start (a weekday before it too) or its end, when
 * that day is `day`: what is left to say beside a date already shown (`### Tue 2 Jun 2026`,
 * `2026-06-09 · The VP conversation`, `Session 4 (2026-10-12)`, `[[2026-06-02|Tue 2 Jun]] · Offsite`).
 * Read as `dayInHeading` reads a heading: a link to a daily note by its name, each end in a window.
 */
export function withoutDay(text: string, day: Day): string {
	// Each link stands for its note's name as one word as long as the link (brackets, which a date's
	// reading sets aside, fill it out), so every word keeps its place in the title.
	const unlinked = text.replace(WIKILINK, (whole: string, target: string) => linkedName(target).padEnd(whole.length, "]"));
	const isWeekday = (word: RegExpMatchArray | undefined): boolean => WEEKDAYS.has(word?.[0].replace(AROUND_DATE, "").toLowerCase() ?? "");
	const isTheDay = (words: readonly RegExpMatchArray[]): boolean => dayOfWords(words.map((word) => word[0])) === day;
	const head = [...unlinked.slice(0, HEADING_WINDOW).matchAll(HEADING_WORD)];
	if (cutsWord(text, HEADING_WINDOW)) head.pop();
	const first = isWeekday(head[0]) ? 1 : 0;
	for (let count = Math.min(MOST_DATE_WORDS, head.length - first); count > 0; count--) {
		const last = head[first + count - 1];
		if (last && isTheDay(head.slice(first, first + count))) return text.slice((last.index ?? 0) + last[0].length).replace(AROUND_DATE, "");
	}
	const offset = Math.max(0, text.length - HEADING_WINDOW);
	const tail = [...unlinked.slice(offset).matchAll(HEADING_WORD)];
	if (cutsWord(text, offset)) tail.shift();
	for (let count = Math.min(MOST_DATE_WORDS, tail.length); count > 0; count--) {
		const from = tail.length - count;
		if (!isTheDay(tail.slice(from))) continue;
		const start = isWeekday(tail[from - 1]) ? tail[from - 1] : tail[from];
		return text.slice(0, offset + (start?.index ?? 0)).replace(AROUND_DATE, "");
	}
	return text;
}

/** A word of a heading, as `HEADING_SEPARATORS` part them. */
const HEADING_WORD = /[^\s·•–—]+/gu;

function headingWords(text: string): string[] {
	const unlinked = text.replace(WIKILINK, (_whole, target: string) => ` ${linkedName(target)} `);
	return unlinked.split(HEADING_SEPARATORS).filter((word) => word.length > 0);
}

function cutsWord(text: string, at: number): boolean {
	return at > 0 && at < text.length && !HEADING_SEPARATORS.test(text.charAt(at - 1)) && !HEADING_SEPARATORS.test(text.charAt(at));
}

function linkedName(target: string): string {
	const name = target.slice(target.lastIndexOf("/") + 1).trim();
	return name.toLowerCase().endsWith(".md") ? name.slice(0, -3) : name;
}

/** Every spelling read holds a four-digit year: a candidate without one is not tried, so a note of many headings costs little. */
function dayOfWords(words: string[]): Day | null {
	const candidate = words.join(" ").replace(AROUND_DATE, "");
	return YEAR.test(candidate) ? (parseDateText(candidate)?.day ?? null) : null;
}

const YEAR = /\d{4}/;

/** The local calendar day of a timestamp (file times are the machine's own); null for a time no calendar holds. */
export function dayOfTimestamp(ms: number): Day | null {
	const date = new Date(ms);
	return isValid(date) && inCalendarRange(date) ? dayOfDate(date) : null;
}

/** The local calendar day of a date, written by hand: it is written for every note without a date of its own. */
function dayOfDate(date: Date): Day {
	const two = (value: number): string => String(value).padStart(2, "0");
	return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

/** Local midnight of a `YYYY-MM-DD` day, or an invalid date; read by hand, as it is read for every note. */
export function toDate(day: Day): Date {
	const match = ISO_ONLY.exec(day);
	if (!match) return new Date(Number.NaN);
	const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const midnight = new Date(2000, 0, 1);
	midnight.setFullYear(year, month - 1, date);
	return midnight.getFullYear() === year && midnight.getMonth() === month - 1 && midnight.getDate() === date ? midnight : new Date(Number.NaN);
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

/** A `YYYY-MM-DD` that names a day of the calendar (years 1000 to 9999), checked without making a Date: every note's date passes here. */
export function isDay(text: string): boolean {
	const match = ISO_ONLY.exec(text);
	if (!match) return false;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
	if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
	return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
