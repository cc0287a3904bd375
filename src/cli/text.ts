import type { Brief, BriefSession, Mention } from "../core/brief/brief";
import { earlierThreads, hasChecklist, latestReflections, type AcrossConversations, type BriefText, type Held, type HowIShowedUp } from "../core/brief/brief-text";
import { mentionsBetween } from "../core/brief/read-back";
import type { Caseload, CaseloadDetail, CaseloadRow } from "../core/brief/caseload";
import type { ClientLinkToCheck } from "../core/index/link-check";
import { commitmentWords, isCarried, type Commitment } from "../core/brief/commitments";
import type { SearchMatch } from "../core/brief/search";
import { daysBetween, type Day } from "../core/notes/dates";
import {
	COPY,
	readBackTitle,
	aboutWords,
	briefSections,
	countOf,
	dueStateWords,
	dueWords,
	linkCheckWords,
	lastSpoke,
	laterBy,
	longDay,
	noConversationFound,
	recognisedLine,
	problemsTitle,
	readingTime,
	relativeDays,
	sessionOn,
	sessionsSoFar,
	unreadableCadence,
	wordsIn,
	writtenAhead,
	bookedFor,
	type BriefSectionId,
} from "../core/brief/copy";

/** Colours for a terminal; plain text everywhere else (pipes, files, NO_COLOR). */
export interface Style {
	title(text: string): string;
	heading(text: string): string;
	dim(text: string): string;
	accent(text: string): string;
}

export const PLAIN: Style = { title: (t) => t, heading: (t) => t, dim: (t) => t, accent: (t) => t };

export const ANSI: Style = {
	title: (t) => `\u001b[1m${t}\u001b[22m`,
	heading: (t) => `\u001b[1;36m${t}\u001b[22;39m`,
	dim: (t) => `\u001b[2m${t}\u001b[22m`,
	accent: (t) => `\u001b[33m${t}\u001b[39m`,
};

const INDENT = "  ";
/** A date the notes do not give, where the terminal lines dates up. */
const UNKNOWN_DAY = "????-??-??";
const NAME_COLUMN_MAX = 40;

/** `[[Clients/Ana Costa|Ana]]` reads as `Ana` in a terminal, where links cannot be followed. */
function readable(text: string): string {
	return text.replace(/!?\[\[([^[\]|]*)(?:\|([^[\]]*))?\]\]/g, (_whole, target: string, alias?: string) => {
		return alias ?? target.split("#")[0]?.split("/").pop() ?? target;
	});
}

function indent(text: string, depth = 1): string {
	const pad = INDENT.repeat(depth);
	return readable(text)
		.split("\n")
		.map((line) => (line.trim() === "" ? "" : pad + line))
		.join("\n");
}

/** Where a conversation is written: its note, and the heading when it is a section of one. */
function place(session: { path: string; heading: string | null }): string {
	return session.heading === null ? session.path : `${session.path} › ${readable(session.heading)}`;
}

function when(day: Day | null, today: Day): string {
	if (day === null) return COPY.unknownDay;
	return `${longDay(day)}, ${relativeDays(daysBetween(day, today))}`;
}

/**
 * Every conversation in full, oldest first, for reading back in a terminal: quiet unless the
 * checklists were asked for, each opened by its date and number, the time between them said, the
 * notes that named the person in between woven in with their words (`passages`, by path).
 */
export function formatReadBack(
	brief: Brief,
	conversations: readonly { session: BriefSession; text: string }[],
	passages: ReadonlyMap<string, string>,
	style: Style,
): string {
	if (conversations.length === 0) return `${style.title(brief.client.name)}\n${style.dim(COPY.nothingToReadBack)}\n`;
	const words = conversations.reduce((total, { text }) => total + wordsIn(text), 0);
	const out = [style.title(brief.client.name), style.dim(readingTime(conversations.length, words))];
	const between = mentionsBetween(
		conversations.map(({ session }) => session),
		brief.mentions,
	);
	const mentionLines = (label: string, mentions: readonly Mention[]): void => {
		if (mentions.length === 0) return;
		out.push("", indent(style.accent(label)));
		for (const mention of mentions) out.push(...mentionLine(mention, passages.get(mention.path) ?? "", style));
	};
	mentionLines(COPY.beforeFirst, between.before);
	let previous: BriefSession | null = null;
	conversations.forEach(({ session, text }, at) => {
		if (previous?.date && session.date) out.push("", indent(style.dim(laterBy(daysBetween(previous.date, session.date)))));
		previous = session;
		out.push("", style.heading(`${session.date ? longDay(session.date) : COPY.unknownDay}${readBackTitle(session.number, readable(session.title), session.date, brief.client.name)}`), "");
		out.push(indent(readable(text) || style.dim("(empty)")));
		mentionLines(at === conversations.length - 1 ? COPY.sinceLastConversation : COPY.betweenSessions, between.after[at] ?? []);
	});
	return `${out.join("\n")}\n`;
}

/** A note that names the client: its date and path, and below it the words that name them. */
function mentionLine(mention: Mention, passage: string, style: Style): string[] {
	const fileDated = mention.dateFrom === "file" ? style.dim(` (${COPY.fileDated})`) : "";
	const lines = [`${INDENT}${mention.date ?? UNKNOWN_DAY}${fileDated}  ${mention.path}`];
	if (passage !== "") lines.push(`${INDENT.repeat(3)}${style.dim(readable(passage))}`);
	return lines;
}

/** How many of a long list the terminal prints before saying how many more `--json` holds. */
const TERMINAL_LIST_LENGTH = 5;

/** The first few of a list, then how many more there are. */
function firstFew<T>(items: readonly T[], line: (item: T) => string[], style: Style, length = TERMINAL_LIST_LENGTH): string[] {
	const lines = items.slice(0, length).flatMap(line);
	if (items.length > length) lines.push(`${INDENT.repeat(2)}${style.dim(COPY.moreInJson(items.length - length))}`);
	return lines;
}

export function formatBrief(brief: Brief, text: BriefText, excerpts: Map<string, string[]>, across: AcrossConversations, style: Style): string {
	const out: string[] = [];
	const section = (title: string): void => {
		out.push("", style.heading(title));
	};

	out.push(style.title(brief.client.name) + (brief.client.status === "archived" ? style.dim(`  ${COPY.pastClient.terminal}`) : ""));
	if (brief.lastSession) {
		const days = brief.daysSinceLastSession ?? 0;
		out.push(
			`${lastSpoke(days)} (${brief.lastSession.date ? longDay(brief.lastSession.date) : "date unknown"}) · ` +
				sessionsSoFar(brief.sessionCount, brief.nextSessionNumber),
		);
	} else {
		out.push(`${COPY.noConversationFound}. ${noConversationFound(brief.client.name)}`);
	}
	if (text.booked) out.push(bookedFor(when(text.booked.day, brief.today), text.booked.time));
	for (const planned of brief.plannedSessions) out.push(style.dim(`${writtenAhead(planned.number, when(planned.date, brief.today))} · ${place(planned)}`));
	if (brief.cadence) out.push(cadenceLine(brief, style));
	if (brief.client.path === null) out.push(style.dim(COPY.noClientNote.terminal(brief.client.name)));
	if (brief.maybeMeant.length > 0) out.push(style.accent(COPY.maybeMeant.terminal(brief.client.name, brief.maybeMeant)));
	for (const { name, paths } of brief.maybeTheirs) out.push(style.accent(COPY.maybeTheirs.terminal(name, paths)));
	const heldBefore = earlierThreads(brief, across.held);
	// Earlier threads sit under "To pick up": the heading stands even when the last conversation held nothing.
	if (text.held.length > 0 || heldBefore.length > 0) out.push("", style.title(`${COPY.toPickUp}:`), ...(text.held.length > 0 ? text.held.map((held) => indent(held.text)) : [indent(style.dim(COPY.lastHeldNothing))]));
	if (heldBefore.length > 0) {
		out.push("", `${INDENT}${style.title(COPY.earlierThreads)}`);
		const thread = (held: Held): string[] => [`${INDENT.repeat(2)}${style.dim(held.date ?? UNKNOWN_DAY)}`, indent(held.text, 3)];
		out.push(...firstFew(heldBefore, thread, style, 3));
	}

	const sections: Record<BriefSectionId, () => void> = {
		intention: () => {
			for (const intention of brief.intentions) out.push(`${INDENT}[ ] ${intention}`);
			const withChecklist = across.howIShowedUp.filter(hasChecklist);
			const reflections = latestReflections(across.howIShowedUp);
			if (withChecklist.length + reflections.length > 0) out.push("", `${INDENT}${style.title(COPY.howIShowedUp)}`);
			if (withChecklist.length > 0) {
				out.push(`${INDENT.repeat(2)}${style.dim(COPY.marksLegend)}`);
				const row = (record: HowIShowedUp): string[] => [
					`${INDENT.repeat(2)}${style.dim(`#${record.number} ${record.date ?? UNKNOWN_DAY}`)}  ${record.intentions.map((intention) => (intention.kept ? "●" : "○")).join("")}`,
				];
				out.push(...firstFew(withChecklist, row, style, 10));
			}
			if (reflections.length > 0) out.push(`${INDENT.repeat(2)}${style.title(COPY.reflections)}`);
			for (const record of reflections) out.push(`${INDENT.repeat(2)}${style.dim(`${record.date ?? UNKNOWN_DAY}:`)}`, indent(record.reflection, 3));
		},
		person: () => {
			for (const { name, value } of text.about.properties) out.push(`${INDENT}${style.dim(`${name}:`)} ${value}`);
			if (text.about.text !== "") out.push(indent(text.about.text));
			if (text.profile.length === 0) out.push(indent(style.dim(COPY.noProfile.terminal)));
			for (const part of text.profile) {
				out.push(`${INDENT}${style.title(part.heading)}`, indent(part.text || style.dim("(empty)"), 2));
			}
			if (across.quotes.length > 0) {
				out.push("", `${INDENT}${style.title(COPY.inTheirWords)}`);
				const quote = (said: (typeof across.quotes)[number]): string[] => [
					indent(/^["“‘']/u.test(said.text) ? said.text : `“${said.text}”`, 2),
					`${INDENT.repeat(3)}${style.dim(`${said.pinned ? `${COPY.pinned} · ` : ""}${said.date ?? UNKNOWN_DAY}`)}`,
				];
				out.push(...firstFew(across.quotes, quote, style));
			}
		},
		"left-off": () => {
			if (brief.lastSession) {
				const where = `${sessionOn(brief.sessions[0]?.number, when(brief.lastSession.date, brief.today))} · ${place(brief.lastSession)}`;
				out.push(`${INDENT}${style.dim(where)}`);
				for (const part of text.lastSessionSections) {
					if (part.heading) out.push(`${INDENT}${style.title(part.heading)}`);
					out.push(indent(part.text || style.dim("(empty)"), 2));
				}
			} else {
				out.push(indent(style.dim(COPY.noLastSession.terminal)));
			}
			const commitmentLines = (commitments: readonly Commitment[]): void => {
				for (const commitment of commitments) {
					const carried = isCarried(commitment) ? `, ${COPY.firstOn} ${commitment.firstDate ?? "?"}` : "";
					const through = commitment.sessions > 1 ? `, ${COPY.carriedThrough(commitment.sessions)}` : "";
					const dropped = commitment.dropped ? ` ${COPY.droppedWithoutAWord}` : "";
					out.push(`${INDENT.repeat(2)}[ ] ${readable(commitmentWords(commitment))} ${style.dim(`(${commitment.date ?? "?"}${carried}${through})`)}${dropped}`);
				}
			};
			const coach = brief.openCommitments.filter((commitment) => commitment.owner === "coach");
			const clients = brief.openCommitments.filter((commitment) => commitment.owner === "client");
			out.push("", `${INDENT}${style.title(COPY.openCommitments)}`);
			if (clients.length === 0) out.push(indent(style.dim(COPY.noneOpen), 2));
			commitmentLines(clients);
			if (coach.length > 0) {
				out.push("", `${INDENT}${style.title(COPY.coachCommitments)}`);
				commitmentLines(coach);
			}
		},
		since: () => {
			if (brief.mentionsSinceLastSession.length === 0) out.push(indent(style.dim(COPY.nothingSince)));
			for (const mention of brief.mentionsSinceLastSession) out.push(...mentionLine(mention, across.passages.get(mention.path) ?? "", style));
		},
		themes: () => {
			out.push(
				brief.themes.length === 0
					? indent(style.dim(COPY.noThemes))
					: indent(brief.themes.map((theme) => `#${theme.tag} ${style.dim(`×${theme.count}`)}`).join("   ")),
			);
		},
		conversations: () => {
			if (brief.sessions.length === 0) out.push(indent(style.dim(COPY.noConversations)));
			for (const session of brief.sessions) {
				const inNote = session.heading === null ? "" : ` · ${session.path}`;
				out.push(`${INDENT}${style.accent(`#${session.number}`)} ${style.title(readable(session.title))}  ${style.dim(`${when(session.date, brief.today)}${inNote}`)}`);
				if (session.id === brief.lastSession?.id) out.push(`${INDENT.repeat(3)}${style.dim(COPY.shownAbove)}`);
				else for (const line of excerpts.get(session.id) ?? []) out.push(`${INDENT.repeat(3)}${style.dim(readable(line))}`);
			}
		},
	};
	for (const { id, title } of briefSections(brief.intentionHeading)) {
		section(title);
		sections[id]();
	}

	section(COPY.nextTitle);
	const ahead = brief.plannedSessions[0];
	out.push(indent(ahead ? COPY.openWrittenAhead.terminal(ahead.number, place(ahead)) : COPY.startSessionNote.terminal(brief.nextSessionNumber)));
	return [...out, ...problemLines(brief.problems, style)].join("\n") + "\n";
}

/** The notes that could not be fully read, last, so the rest is read first and nothing is dropped in silence. */
function problemLines(problems: readonly { path: string; problem: string }[], style: Style): string[] {
	if (problems.length === 0) return [];
	return ["", style.heading(problemsTitle()), ...problems.map(({ path, problem }) => style.dim(`${INDENT}${path}: ${problem}.`))];
}

/**
 * Note text made safe for a terminal: escape sequences (colours, cursor moves, window titles)
 * and other control characters written in a note or a file name are removed, never obeyed.
 */
export function withoutControlCharacters(text: string): string {
	/* eslint-disable no-control-regex -- control characters are exactly what these patterns remove */
	return text
		.replace(/\u001b\[[0-?]*[ -/]*[@-~]|\u009b[0-?]*[ -/]*[@-~]/g, "")
		.replace(/\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g, "")
		.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "");
	/* eslint-enable no-control-regex -- only the patterns above need them */
}

/** Every piece of text in a value, as `withoutControlCharacters` leaves it: for what is printed from notes. */
export function forTerminal<T>(value: T): T {
	if (typeof value === "string") return withoutControlCharacters(value) as T;
	if (Array.isArray(value)) return value.map((item: unknown) => forTerminal(item)) as T;
	if (value instanceof Map) return new Map([...value].map(([key, item]) => [key, forTerminal(item)])) as T;
	if (typeof value === "object" && value !== null) {
		return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, forTerminal(item)])) as T;
	}
	return value;
}

function cadenceLine(brief: Brief, style: Style): string {
	const cadence = brief.cadence;
	if (!cadence) return "";
	if (!cadence.readable) return style.dim(unreadableCadence(cadence.text));
	const archived = brief.client.status === "archived";
	const words = dueWords(cadence, longDay, archived);
	return COPY.cadence.terminal(cadence.text, cadence.due && !archived ? style.accent(words) : words, cadence.dueDate === null && !archived);
}

export function formatCaseload(caseload: Caseload, style: Style): string {
	const active = caseload.rows.filter(({ entry }) => entry.status === "active");
	const archived = caseload.rows.filter(({ entry }) => entry.status === "archived");
	// Names are padded into a column, but one very long name must not pad every other row to its length.
	const width = Math.min(NAME_COLUMN_MAX, caseload.rows.reduce((widest, { entry }) => Math.max(widest, entry.name.length), 8));
	const stateWidth = caseload.rows.reduce((widest, { detail }) => Math.max(widest, dueStateWords(detail.dueState).length), 0);
	const row = ({ entry, detail }: CaseloadRow): string => {
		const last =
			entry.lastSessionDate === null
				? "no session yet"
				: `last ${entry.lastSessionDate} (${relativeDays(entry.daysSinceLastSession ?? 0)})`;
		const facts = [
			countOf(entry.sessionCount, "session"),
			last,
			...(entry.openCommitments > 0 ? [openWords(detail)] : []),
			...(detail.mentionsSince > 0 ? [`${countOf(detail.mentionsSince, "mention")} since`] : []),
			aboutWords(detail.depthWords),
			...(detail.maybeMeant.length > 0 ? [COPY.typoOf(detail.maybeMeant)] : []),
		];
		const state = dueStateWords(detail.dueState).padEnd(stateWidth);
		const due = detail.dueState.kind === "overdue" || detail.dueState.kind === "today" || detail.dueState.kind === "no-session";
		return `${INDENT}${entry.name.padEnd(width)}  ${due ? style.accent(state) : style.dim(state)}  ${style.dim(facts.join(" · "))}`;
	};
	return [
		style.title(`Caseload on ${longDay(caseload.today)}`),
		"",
		...(active.length === 0 ? [indent(style.dim("No active clients found."))] : active.map(row)),
		...(archived.length > 0 ? ["", style.heading("Past clients"), ...archived.map(row)] : []),
		...problemLines(caseload.problems, style),
		"",
		style.dim(recognisedLine(caseload.recognised)),
	].join("\n") + "\n";
}

/** "3 open (2 theirs, 1 mine)", or "2 open" when all are theirs. */
function openWords(detail: CaseloadDetail): string {
	const open = detail.openTheirs + detail.openMine;
	return detail.openMine === 0 ? `${open} open` : `${open} open (${detail.openTheirs} theirs, ${detail.openMine} mine)`;
}

/** Each paragraph found, newest conversation first, under its note and line (`path:line`), the words asked marked in colour. */
export function formatSearch(client: string, query: string, matches: readonly SearchMatch[], style: Style): string {
	const safeQuery = withoutControlCharacters(query);
	if (matches.length === 0) return `${style.title(COPY.nothingFound(withoutControlCharacters(client), safeQuery))}
`;
	const lines = [style.title(COPY.matchesFound(matches.length, withoutControlCharacters(client), safeQuery))];
	for (const { session, line, text, marks } of matches) {
		const where = `${session.path}:${line + 1}${session.heading === null ? "" : ` › ${readable(session.heading)}`}`;
		lines.push("", withoutControlCharacters(`${sessionOn(session.number, session.date ? longDay(session.date) : COPY.unknownDay)} · ${where}`));
		let marked = "";
		let at = 0;
		for (const [start, end] of marks) {
			marked += withoutControlCharacters(text.slice(at, start)) + style.accent(withoutControlCharacters(text.slice(start, end)));
			at = end;
		}
		marked += withoutControlCharacters(text.slice(at));
		lines.push(...marked.split("\n").map((paragraphLine) => `${INDENT}${paragraphLine}`));
	}
	return `${lines.join("\n")}\n`;
}

/** The client links to check, each with its note and the clients it most likely meant; or that there are none. */
export function formatLinkCheck(links: readonly ClientLinkToCheck[], style: Style): string {
	if (links.length === 0) return `${style.title(COPY.noLinksToCheck)}\n`;
	const lines = [style.title(COPY.linksToCheck(links.length)), ""];
	for (const link of links) {
		lines.push(`${INDENT}${link.path}`, `${INDENT.repeat(2)}${linkCheckWords(link)}`);
		if (link.closest.length > 0) lines.push(`${INDENT.repeat(2)}${style.dim(`${COPY.closestClients}: ${link.closest.join(", ")}`)}`);
	}
	return `${lines.join("\n")}\n`;
}
