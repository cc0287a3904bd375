import type { Brief } from "./brief";
import type { AcrossConversations, BriefText } from "./brief-text";
import { commitmentWords, isCarried, type Commitment } from "./commitments";
import { COPY, bookedFor, taskMark, briefSections, dueWords, lastSpoke, sessionOn, sessionsSoFar, unreadableCadence, writtenAhead } from "./copy";
import type { Day } from "../notes/dates";
import { headingSubpath } from "../notes/headings";
import { SAVED_BRIEF_TYPE } from "../notes/facts";
import { noteEmbedsAsLinks } from "../notes/embeds";

// "Save brief as note": the brief as Markdown, with links, to keep beside the notes or to print.

/** What the saved brief is made of: the brief, the words it reads from the notes, and how days are written. */
export interface BriefNoteInput {
	brief: Brief;
	text: BriefText;
	across: Pick<AcrossConversations, "passages">;
	formatDay: (day: Day) => string;
}

/** The CSS class a saved brief's note carries (`cssclasses`), for its print style. */
export const BRIEF_NOTE_CLASS = "coaching-alliance-brief-note";

/**
 * The brief as a note: the same parts in the same order as the pane, every conversation, note and
 * commitment linked. Copied words are made inert where they would act in a note of their own: a
 * task becomes a plain item (the Tasks plugin would list it twice), a heading sits one level below
 * the part it is in. Private sections are blank in what the brief reads, so never in here.
 */
export function briefMarkdown({ brief, text, across, formatDay }: BriefNoteInput): string {
	const day = (value: Day | null): string => (value === null ? COPY.unknownDay : formatDay(value));
	const out: string[] = [];
	const clientLink = brief.client.path === null ? brief.client.name : link(brief.client.path, null, brief.client.name);
	out.push("---", `type: ${SAVED_BRIEF_TYPE}`, `brief_for: ${yamlString(clientLink)}`, `date: ${brief.today}`, `cssclasses: [${BRIEF_NOTE_CLASS}]`, "---");
	out.push(`# ${brief.client.name}: before session ${brief.nextSessionNumber}`, "");
	if (brief.lastSession) out.push(`${lastSpoke(brief.daysSinceLastSession ?? 0)} (${day(brief.lastSession.date)}) · ${sessionsSoFar(brief.sessionCount, brief.nextSessionNumber)}  `);
	else out.push(`${COPY.noConversationFound}.  `);
	if (text.booked) out.push(`${bookedFor(day(text.booked.day), text.booked.time)}  `);
	for (const planned of brief.plannedSessions) out.push(`${link(planned.path, planned.heading, writtenAhead(planned.number, day(planned.date)))}  `);
	if (brief.cadence) out.push(`${brief.cadence.readable ? COPY.cadence.pane(brief.cadence.text, dueWords(brief.cadence, day, brief.client.status === "archived")) : unreadableCadence(brief.cadence.text)}  `);
	out.push(`Prepared ${day(brief.today)}, from ${clientLink}.`);

	if (text.held.length > 0) out.push("", `## ${COPY.toPickUp}`, ...text.held.flatMap((held) => ["", inert(held.text, 2)]));
	const titles = new Map(briefSections(brief.intentionHeading).map(({ id, title }) => [id, title]));
	out.push("", `## ${titles.get("intention") ?? ""}`, "", ...brief.intentions.map((intention) => `- ☐ ${intention}`));

	out.push("", `## ${titles.get("person") ?? ""}`);
	if (text.about.text !== "") out.push("", inert(text.about.text, 2));
	if (text.about.properties.length > 0) out.push("", ...text.about.properties.map(({ name, value }) => `- ${name}: ${value}`));
	for (const section of text.profile) out.push("", `### ${section.heading}`, "", inert(section.text, 3));
	if (text.about.text === "" && text.about.properties.length === 0 && text.profile.length === 0) out.push("", COPY.noProfile.terminal);

	out.push("", `## ${titles.get("left-off") ?? ""}`, "");
	const last = brief.lastSession;
	if (last) {
		out.push(link(last.path, last.heading, sessionOn(brief.sessions[0]?.number, day(last.date))));
		for (const section of text.lastSessionSections) out.push("", `### ${section.heading}`, "", inert(section.text, 3));
	} else out.push(COPY.noLastSession.pane);
	const theirs = brief.openCommitments.filter((commitment) => commitment.owner === "client");
	const mine = brief.openCommitments.filter((commitment) => commitment.owner === "coach");
	out.push("", `### ${COPY.openCommitments}`, "", ...(theirs.length === 0 ? [COPY.noneOpen] : theirs.map((commitment) => commitmentLine(commitment, day))));
	if (mine.length > 0) out.push("", `### ${COPY.coachCommitments}`, "", ...mine.map((commitment) => commitmentLine(commitment, day)));

	out.push("", `## ${titles.get("since") ?? ""}`, "");
	if (brief.mentionsSinceLastSession.length === 0) out.push(COPY.nothingSince);
	for (const mention of brief.mentionsSinceLastSession) {
		const passage = across.passages.get(mention.path) ?? "";
		const fileDated = mention.dateFrom === "file" ? ` (${COPY.fileDated})` : "";
		out.push(`- ${day(mention.date)}${fileDated} · ${link(mention.path, null, mention.path.replace(/\.md$/i, ""))}${passage === "" ? "" : `: ${inert(oneLine(passage), 0)}`}`);
	}

	out.push("", `## ${titles.get("themes") ?? ""}`, "");
	// Without `#`: a saved brief adds no tag to the vault.
	out.push(brief.themes.length === 0 ? COPY.noThemes : brief.themes.map(({ tag, count }) => `${tag} (${count})`).join(" · "));

	out.push("", `## ${titles.get("conversations") ?? ""}`, "");
	if (brief.sessions.length === 0) out.push(COPY.noConversations);
	// Bullets, not a numbered list: Markdown would count on from the first number, whatever the others say.
	for (const session of brief.sessions) out.push(`- ${link(session.path, session.heading, `${sessionOn(session.number, day(session.date))} · ${session.title}`)}`);
	return `${out.join("\n")}\n`;
}

/** A link to a note or its section that shows `text`, whatever the text holds. */
function link(path: string, heading: string | null, text: string): string {
	const target = path.replace(/\.md$/i, "") + (heading === null ? "" : `#${headingSubpath(heading)}`);
	return `[[${target}|${text.replace(/[[\]|]/g, " ").replace(/\s+/g, " ").trim()}]]`;
}

function commitmentLine(commitment: Commitment, day: (value: Day | null) => string): string {
	const carried = isCarried(commitment) ? ` · ${COPY.firstOn} ${link(commitment.firstPath, commitment.firstHeading, day(commitment.firstDate))}` : "";
	return `- ${inert(oneLine(commitmentWords(commitment)), 0)} · ${link(commitment.path, commitment.heading, day(commitment.date))}${carried}`;
}

/**
 * Copied note text as it reads inside a part at `level`, doing nothing a note of its own would:
 * its tasks plain items, its headings below the part's, its tags words (no tag added to the vault),
 * its block ids gone (no second target for a block link), and a note embedded in it a link (see
 * `noteEmbedsAsLinks`).
 */
function inert(text: string, level: number): string {
	return noteEmbedsAsLinks(text)
		.split("\n")
		.map((line) =>
			line
				.replace(/^([ \t]*(?:>[ \t]?)*[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)\[(.)\](?=[ \t]|$)/u, (_whole, marker: string, state: string) => `${marker}${taskMark(state)}`)
				.replace(/^(#{1,6})(?=[ \t])/, (marks: string) => "#".repeat(Math.min(6, marks.length + level)))
				.replace(/(^|[\s(])#([^\s#!"$%&'()*+,.:;<=>?@[\\\]^`{|}~]+)/gu, "$1$2")
				.replace(/[ \t]+\^[\w-]+[ \t]*$/u, ""),
		)
		.join("\n");
}

function oneLine(text: string): string {
	return text.replace(/\s*\n\s*/g, " ").trim();
}

function yamlString(text: string): string {
	return JSON.stringify(text);
}

/** The saved brief's file name: the client and the day, never a path. */
export function briefNoteName(brief: Pick<Brief, "client" | "today">): string {
	return `${brief.client.name} brief ${brief.today}`;
}

