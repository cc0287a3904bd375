import { format } from "date-fns";
import type { Due } from "./cadence";
import type { DueState } from "./caseload";
import type { ClientLinkToCheck } from "../index/link-check";
import type { Recognised, RecognisedShape } from "../index/coaching-index";
import type { SettingKey } from "../settings/settings";
import { toDate, withoutDay, type Day } from "../notes/dates";

// The brief's words and section order, one copy for the pane and the terminal so the two cannot drift apart.
// Where they word a thing differently, both wordings sit side by side, so they are changed together.

/** "1 session", "3 sessions", "1 day", "14 days". */
export function countOf(count: number, noun: string): string {
	return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** A day as the coach asked to read dates (the "Date format" setting, date-fns tokens): every view of the plugin writes days so. */
export function dayInFormat(day: Day, dateFormat: string): string {
	return format(toDate(day), dateFormat);
}

/** "Tuesday, 16 June 2026": the long form a coach reads in the brief. */
export function longDay(day: Day): string {
	return dayInFormat(day, "EEEE, d MMMM yyyy");
}

/** "today", "yesterday", "5 days ago", "3 weeks ago", "4 months ago", "2 years ago"; the future likewise. */
export function relativeDays(days: number): string {
	if (days === 0) return "today";
	if (days === 1) return "yesterday";
	if (days === -1) return "tomorrow";
	const phrase = howLong(Math.abs(days));
	return days > 0 ? `${phrase} ago` : `in ${phrase}`;
}

/** "5 days", "3 weeks", "4 months", "2 years": a length of time as one would say it. */
function howLong(days: number): string {
	const [count, unit] =
		days < 14 ? [days, "day"] : days < 60 ? [Math.floor(days / 7), "week"] : days < 730 ? [Math.floor(days / 30.44), "month"] : [Math.floor(days / 365.25), "year"];
	return countOf(count, unit);
}

/** Between two conversations read back: "2 weeks later", or "the same day". */
export function laterBy(days: number): string {
	return days <= 0 ? "the same day" : `${howLong(days)} later`;
}

/** Words a minute read slowly, as a coach reads back before a call. */
const READING_WORDS_PER_MINUTE = 200;

/** How many words a text is, as reading time counts them. */
export function wordsIn(text: string): number {
	return text.split(/\s+/u).filter((word) => word !== "").length;
}

/** "9 conversations, about 12 minutes": how long reading them all back takes. */
export function readingTime(conversations: number, words: number): string {
	const minutes = Math.max(1, Math.round(words / READING_WORDS_PER_MINUTE));
	return `${countOf(conversations, "conversation")}, about ${countOf(minutes, "minute")}`;
}

export type BriefSectionId = "intention" | "person" | "left-off" | "since" | "themes" | "conversations";

export interface BriefSection {
	id: BriefSectionId;
	title: string;
}

/** The brief's sections in the order they are shown; the intention checklist is headed as the coach set it. */
export function briefSections(intentionHeading: string): BriefSection[] {
	return [
		{ id: "intention", title: intentionHeading },
		{ id: "person", title: "The person" },
		{ id: "left-off", title: "Where we left off" },
		{ id: "since", title: "Since last time" },
		{ id: "themes", title: "Themes" },
		{ id: "conversations", title: "Every earlier conversation" },
	];
}

/** The brief's fixed words; a `pane`/`terminal` pair where the pane, with room to spare, says more. */
export const COPY = {
	pastClient: { pane: "Past client", terminal: "(archived)" },
	/** A name that finds only person notes: friends and colleagues live there too, so a person is a client once a session names them. */
	personNotClient: (paths: readonly string[]): string =>
		`${paths.join(", ")} ${paths.length === 1 ? "is a person note" : "are person notes"}: a person becomes a client once a session note names them in its client property (or links them, when it has none); or mark the note type: client.`,
	/** Session notes whose client link, a name with no note, is a letter or two from this client's. */
	maybeTheirs: {
		/** Said after the notes' links. */
		pane: (name: string, count: number): string => ` ${count === 1 ? "links" : "link"} "${name}", a name with no note: ${count === 1 ? "is it" : "are they"} theirs? Check client links fixes the link.`,
		terminal: (name: string, paths: readonly string[]): string => `Maybe theirs: ${paths.join(", ")} ${paths.length === 1 ? "links" : "link"} "${name}", a name with no note (check lists it to fix).`,
	},
	/** The caseload's word beside the cadence for a session booked in the client note. */
	bookedOn: (day: string, time: string): string => `booked ${day}${time === "" ? "" : ` at ${time}`}`,
	/** The caseload's word on a client without a note whose name is a letter or two from a client's. */
	typoOf: (meant: readonly string[]): string => `no note: a typo of ${meant.join(" or ")}?`,
	/** A client without a note whose name is a letter or two from a client's: most likely a typo in a session note. */
	maybeMeant: {
		pane: (name: string, meant: readonly string[]): string => `No note is named ${name}: did the session note mean ${meant.join(" or ")}? Check client links fixes the link.`,
		terminal: (name: string, meant: readonly string[]): string => `No note is named ${name}: did the session note mean ${meant.join(" or ")}? (check lists it to fix)`,
	},
	noClientNote: {
		pane: (name: string): string => `There is no note for ${name} yet: a session links to them. Create "${name}.md" to keep their profile.`,
		terminal: (name: string): string => `No note for ${name} yet: a session links to them. Create "${name}.md" to keep their profile.`,
	},
	noConversationFound: "No conversation found yet",
	cadence: {
		pane: (cadence: string, due: string): string => `Meets ${cadence} · ${due}`,
		terminal: (cadence: string, due: string, noSessionYet: boolean): string => `Cadence ${cadence}: ${due}${noSessionYet ? " (no session yet)" : ""}`,
	},
	noProfile: {
		pane: "Nothing under the profile headings yet. What makes them happy, what keeps them awake at night, their goals: the client note is the place for them.",
		terminal: "Nothing written under the profile headings yet.",
	},
	noLastSession: { pane: "No earlier conversation to pick up from.", terminal: "No earlier conversation." },
	/** The client's own words across their conversations: how the person has moved. */
	inTheirWords: "In their words",
	noQuotes: "No quotes yet: a blockquote, or a sentence in quotation marks, in a session.",
	pinned: "pinned",
	/** What the last conversation held for this one: the thread to pick up, first thing. */
	toPickUp: "To pick up",
	earlierThreads: "Threads held before",
	noneHeld: "No earlier conversation held anything for the next.",
	lastHeldNothing: "The last conversation held nothing for this one.",
	openCommitments: "Open commitments",
	coachCommitments: "What I promised",
	noneOpen: "None open.",
	/** How a commitment has fared: carried through several sessions, or left out of the latest without a word. */
	carriedThrough: (sessions: number): string => `in ${sessions} sessions`,
	droppedWithoutAWord: "dropped without a word",
	firstOn: "first on",
	nothingSince: "Nothing in other notes since the last conversation.",
	/** A note written between two conversations that names the person, woven into read-back. */
	betweenSessions: "Between sessions",
	sinceLastConversation: "Since the last conversation",
	beforeFirst: "Before the first conversation",
	/** The intentions kept and missed in each conversation, and what the coach wrote of it. */
	howIShowedUp: "How I showed up",
	noIntentionChecklist: "No conversation has the intention checklist yet.",
	couldNotRead: (reason: string): string => `Could not read the notes for this (${reason}).`,
	/** What the terminal's row of marks means: it cannot show which is which on hover. */
	marksLegend: "(● kept, ○ missed, in the order written)",
	kept: "kept",
	missed: "missed",
	reflections: "Reflections",
	/** The terminal prints the first few of a long list; `brief --json` holds them all. */
	moreInJson: (more: number): string => `…and ${more} more (brief --json lists every one)`,
	noLinksToCheck: "Every session note's client link reaches a client.",
	linksToCheck: (count: number): string => `${countOf(count, "client link")} to check`,
	closestClients: "Closest clients",
	searchFoundNothing: "No paragraph holds all these words.",
	privacyOn: "Note text is hidden while you share your screen: names and dates only.",
	hidden: "hidden",
	nothingFound: (client: string, query: string): string => `No paragraph of ${client}'s conversations holds "${query}".`,
	matchesFound: (count: number, client: string, query: string): string => `${countOf(count, "paragraph")} of ${client}'s conversations ${count === 1 ? "holds" : "hold"} "${query}"`,
	/** Read-back is quiet: the coach's own checklists are shown only when asked for. */
	showChecklists: "Show checklists",
	/** A mention dated only by its file's times: a sync or a fresh copy can set them to any day. */
	fileDated: "file date",
	noThemes: "No tags on the sessions yet.",
	noConversations: "None yet.",
	nothingToReadBack: "No conversations to read back yet.",
	/** The latest conversation's card, whose words "Where we left off" shows already. */
	shownAbove: "Shown above, under Where we left off.",
	unknownDay: "an unknown day",
	// The pane offers this as a button in its header; the terminal, which cannot, ends the brief with it.
	nextTitle: "Next",
	startSessionNote: {
		pane: (next: number): string => `Start the session note (session ${next})`,
		terminal: (next: number): string => `Start the session note for session ${next} after the call.`,
	},
	/** When the next conversation's note is already written ahead: that note, not a second one. */
	openWrittenAhead: {
		pane: (next: number): string => `Open the note written ahead (session ${next})`,
		terminal: (next: number, path: string): string => `Session ${next}'s note is written ahead: ${path}. Write in it after the call.`,
	},
} as const;

/**
 * What the brief says before the first conversation it finds: never that the relationship is new,
 * since the vault may hold conversations in a shape not recognised; what was looked for, and how
 * to mark one. The pane and the terminal say the same.
 */
export function noConversationFound(name: string): string {
	return (
		`I looked for session notes that name ${name}, dated sections in their note (## 2026-10-12), ` +
		`their sections in dated notes such as a daily note (## Coaching: ${name}) and dated notes in a folder of their own, and found none. ` +
		`If you have spoken before, write one of those, or give a note the property client: "[[${name}]]".`
	);
}

/** "9 clients; 35 conversations: 28 session notes, 3 sections of client notes, 2 sections of dated notes; 1 client folder." */
export function recognisedLine(found: Recognised): string {
	const kinds = [
		countOf(found.sessionNotes, "session note"),
		...(found.sessionNoteSections > 0 ? [countOf(found.sessionNoteSections, "dated section") + " of session notes"] : []),
		`${countOf(found.clientNoteSections, "section")} of client notes`,
		`${countOf(found.datedNoteSections, "section")} of dated notes`,
	];
	const total = found.sessionNotes + found.sessionNoteSections + found.clientNoteSections + found.datedNoteSections;
	return `${countOf(found.clients, "client")}; ${countOf(total, "conversation")}: ${kinds.join(", ")}; ${countOf(found.clientFolders, "client folder")}.`;
}

/** Each shape the index recognises, as the settings tab names it, with the settings that govern it. */
export const RECOGNISED_SHAPES: readonly { shape: RecognisedShape; title: string; governedBy: readonly SettingKey[] }[] = [
	{ shape: "sessionNotes", title: "Session notes", governedBy: ["sessionFolders", "sessionTypes", "sessionTags", "clientProperties"] },
	{ shape: "sessionNoteSections", title: "Dated sections of session notes", governedBy: ["sessionFolders", "sessionTypes"] },
	{ shape: "clientNoteSections", title: "Sections of client notes", governedBy: ["readClientNoteLogs"] },
	{ shape: "datedNoteSections", title: "Sections of dated notes", governedBy: ["dayNoteSessionWords"] },
	{ shape: "clientFolders", title: "Client folders", governedBy: ["readClientFolders", "clientFolders"] },
];

/** Where a client stands against their cadence, as the caseload says it: "overdue by 9 days", "due today", "due in 2 days", "not due". */
export function dueStateWords(state: DueState): string {
	switch (state.kind) {
		case "past":
			return "past client";
		case "none":
			return "no cadence";
		case "unreadable":
			return "cadence unreadable";
		case "no-session":
			return "due now: no session yet";
		case "overdue":
			return `overdue by ${countOf(state.days, "day")}`;
		case "today":
			return "due today";
		case "soon":
			return state.days === 1 ? "due tomorrow" : `due in ${countOf(state.days, "day")}`;
		case "not-due":
			return "not due";
	}
}

/** "about 4,200 words": depth is an estimate from how long the notes are, and says so. */
export function aboutWords(words: number): string {
	const rounded = words >= 1000 ? Math.round(words / 100) * 100 : words >= 100 ? Math.round(words / 10) * 10 : words;
	return `about ${countOf(rounded, "word").replace(/^\d+/, rounded.toLocaleString("en"))}`;
}

/** What the link check says of one client link, the same in the terminal and in Obsidian. */
export function linkCheckWords(link: ClientLinkToCheck): string {
	const written = `[[${link.link}]]`;
	return link.why === "no-note"
		? `The client link ${written} reaches no note: not written yet, a typo, or a client note renamed or merged?`
		: `The client link ${written} reaches ${link.target ?? "a note"}, which no other session names: is this the client you meant?`;
}

/** "Last spoke 2 weeks ago". */
export function lastSpoke(days: number): string {
	return `Last spoke ${relativeDays(days)}`;
}

/** "9 sessions so far · next is session 10". */
export function sessionsSoFar(count: number, next: number): string {
	return `${countOf(count, "session")} so far · next is session ${next}`;
}

/** "Next session booked for Tue 1 Dec 2026 at 09:30": from the client note's property. */
export function bookedFor(when: string, time: string): string {
	return `Next session booked for ${when}${time === "" ? "" : ` at ${time}`}`;
}

/** "Session 10 is written ahead for" and the day as the front end writes it: a session note dated after today. */
export function writtenAhead(number: number, when: string): string {
	return `Session ${number} is written ahead, for ${when}`;
}

/** "Session 9 · " and the day as the renderer writes it. */
export function sessionOn(number: number | undefined, when: string): string {
	return `Session ${number ?? "?"} · ${when}`;
}

/** What the brief says of a cadence it cannot read. */
export function unreadableCadence(text: string): string {
	return `Cadence "${text}" is not one I can read (try weekly, fortnightly, monthly or every 3 weeks).`;
}

/** How a readable cadence stands today: "due now", "overdue by 3 days", "due today" or "next due …". */
export function dueWords(cadence: Due, formatDay: (day: Day) => string, archived: boolean): string {
	// The cadence was theirs while you met: a past client is never "overdue".
	if (archived) return "past client, not due";
	if (cadence.dueDate === null) return "due now";
	if (cadence.overdueDays > 0) return `overdue by ${countOf(cadence.overdueDays, "day")}`;
	if (cadence.due) return "due today";
	return `next due ${formatDay(cadence.dueDate)}`;
}

/** The pane counts the notes in the heading of a folded section; the terminal lists them all below it. */
export function problemsTitle(count?: number): string {
	return count === undefined ? "Notes I could not fully read" : `Notes I could not fully read (${count})`;
}

/**
 * What a read-back heading says after "Tuesday, 14 April 2026 · session 1": " · " and the
 * conversation's title, without the date the heading already gives (`### 2026-04-14`, a note named
 * `2026-06-02 Maya`); nothing when the title was only that date, or that date and the client's
 * name or first name, which the page already says.
 */
export function readBackTitle(number: number, title: string, date: Day | null, clientName: string): string {
	const rest = date === null ? title : withoutDay(title, date);
	const names = [clientName, clientName.split(/\s+/)[0] ?? ""].map((name) => name.toLocaleLowerCase());
	return ` · session ${number}${rest === "" || (rest !== title && names.includes(rest.toLocaleLowerCase())) ? "" : ` · ${rest}`}`;
}

/** How a task's state reads as plain text: open, done, cancelled, in progress, or any other mark as written. */
const TASK_MARKS: Record<string, string> = { " ": "☐", x: "☑", X: "☑", "-": "☒", "/": "◐" };

export function taskMark(state: string): string {
	return TASK_MARKS[state] ?? `(${state})`;
}
