import { caseless } from "./fold";
import { headingKey, headingSpans, type HeadingSpan } from "./headings";
import { frontmatterEnd, noteLines, type NoteHeading } from "./note";
import { visitMarkdownLines, type MarkdownLine } from "./markdown-lines";

export interface Section {
	/** The heading's text; empty for text before the first heading. */
	heading: string;
	level: number;
	text: string;
}

/** The line after a note's frontmatter block (0 when there is none). */
export function bodyStartLine(lines: readonly string[]): number {
	return frontmatterEnd(lines) + 1;
}

/**
 * The lines one conversation covers in its note's text: the whole note after its properties, or
 * a section (the lines under its heading), with the headings inside it.
 */
export interface TextSpan {
	lines: readonly string[];
	/** The headings inside the span, each ending within it. */
	headings: HeadingSpan[];
	start: number;
	end: number;
}

/** A note's text split once into lines and sections, for every conversation in it to be cut from. */
export interface PreparedNote {
	lines: readonly string[];
	/** In line order. */
	spans: readonly HeadingSpan[];
}

export function prepareNote(text: string, headings: readonly NoteHeading[]): PreparedNote {
	const lines = noteLines(text);
	return { lines, spans: headingSpans(headings, lines.length) };
}

/** The whole note's span, or a section's: the headings inside a section follow its own, so they are found by a binary search. */
export function spanOf(note: PreparedNote, section: HeadingSpan | null): TextSpan {
	const { lines, spans } = note;
	if (section === null) return { lines, headings: [...spans], start: bodyStartLine(lines), end: lines.length };
	const end = Math.min(section.end, lines.length);
	let low = 0;
	let high = spans.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if ((spans[middle]?.line ?? Infinity) <= section.line) low = middle + 1;
		else high = middle;
	}
	const inside: HeadingSpan[] = [];
	for (let index = low; index < spans.length && (spans[index]?.line ?? Infinity) < end; index++) {
		const heading = spans[index] as HeadingSpan;
		inside.push({ ...heading, end: Math.min(heading.end, end) });
	}
	return { lines, headings: inside, start: Math.min(section.line + 1, end), end };
}

/** The span's text, without blank lines at either end: what read-back shows of one conversation. */
export function spanText(span: TextSpan): string {
	return readBackText(span.lines.slice(span.start, span.end));
}

/** Lines as a conversation is read back: no blank run longer than one line, where a private section or a checklist was left out. */
function readBackText(lines: readonly string[]): string {
	return trimBlankLines(lines).join("\n").replace(/\n{3,}/g, "\n\n");
}

/** The text under a heading, down to the end of its section. */
function sectionUnder(lines: readonly string[], heading: HeadingSpan): string {
	return trimBlankLines(lines.slice(heading.line + 1, heading.end)).join("\n");
}

/** The sections under the wanted headings, in the order wanted; missing headings are simply absent. */
export function sectionsNamed(text: string, headings: readonly NoteHeading[], wanted: readonly string[]): Section[] {
	const lines = noteLines(text);
	const spans = headingSpans(headings, lines.length);
	const sections: Section[] = [];
	for (const name of wanted) {
		const heading = spans.find((span) => headingKey(span.text) === headingKey(name));
		if (!heading) continue;
		sections.push({ heading: heading.text, level: heading.level, text: sectionUnder(lines, heading) });
	}
	return sections;
}

/**
 * A note's lead text: what is written after its properties, and after a title heading that opens
 * it (`# Ana Costa`), before its first other heading. A client note's first lines are often who
 * the person is (a partner's name, a loud cat): not a profile section, but the person all the same.
 * An opening `#` heading is the title when it names the note (`names`: its file name, aliases) or
 * is the note's only one; `# Background` above `# Goals` is a section, and there is no lead text.
 */
export function leadText(text: string, headings: readonly NoteHeading[], names: readonly string[]): string {
	const lines = noteLines(text);
	const start = bodyStartLine(lines);
	const below = [...headings].filter((heading) => heading.line >= start).sort((a, b) => a.line - b.line);
	const [first, second] = below;
	const namesNote = (heading: NoteHeading): boolean => names.some((name) => headingKey(name) === headingKey(heading.heading));
	const opensWithTitle =
		first !== undefined &&
		first.level === 1 &&
		lines.slice(start, first.line).every((line) => line.trim() === "") &&
		(namesNote(first) || below.every((heading) => heading === first || heading.level > 1));
	const from = opensWithTitle ? first.line + 1 : start;
	const to = (opensWithTitle ? second : first)?.line ?? lines.length;
	return trimBlankLines(lines.slice(from, to)).join("\n");
}

/**
 * A conversation cut at its top-level headings (the shallowest level it uses), without the
 * sections whose headings are left out: what "where we left off" shows of the last conversation.
 * A title over the whole conversation (`# Kwame, session 5` above its `##` sections) is not a
 * section of it: the sections are those under it.
 */
export function topSections(span: TextSpan, leaveOut: readonly string[]): Section[] {
	const skip = new Set(leaveOut.map(headingKey));
	const firstHeadingLine = span.headings[0]?.line ?? span.end;
	const preamble = trimBlankLines(span.lines.slice(span.start, firstHeadingLine)).join("\n");
	let headings = span.headings;
	const shallowest = (among: readonly HeadingSpan[]): number => among.reduce((level, heading) => Math.min(level, heading.level), Infinity);
	const [title, next] = headings;
	const titleLevel = shallowest(headings);
	if (preamble === "" && title && next && title.level === titleLevel && headings.every((heading) => heading === title || heading.level > titleLevel)) {
		const underTitle = trimBlankLines(span.lines.slice(title.line + 1, next.line)).join("\n");
		if (underTitle === "") headings = headings.slice(1);
	}
	const top = shallowest(headings);
	const sections: Section[] = [];
	if (preamble !== "") sections.push({ heading: "", level: 0, text: preamble });
	for (const heading of headings) {
		if (heading.level !== top || skip.has(headingKey(heading.text))) continue;
		sections.push({ heading: heading.text, level: heading.level, text: sectionUnder(span.lines, heading) });
	}
	return sections;
}

/** A task line: its status character and its words. */
const TASK = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[(.)\][ \t]*(.*)$/u;

/**
 * The note's lines as Markdown reads them, by line number: never inside code, math or a comment,
 * blockquote markers taken off (`quoted` says so). What the coach wrote in a code block is not
 * their words, a thread to hold, or a task. Worked out once per note, not once per conversation
 * in it: a client's log of six hundred sections is read once.
 */
const markdownLinesOfNote = new WeakMap<readonly string[], ReadonlyMap<number, MarkdownLine>>();

function readLines(span: TextSpan): ReadonlyMap<number, MarkdownLine> {
	let read = markdownLinesOfNote.get(span.lines);
	if (!read) {
		const lines = new Map<number, MarkdownLine>();
		visitMarkdownLines(span.lines, bodyStartLine(span.lines), (line) => {
			if (!line.structureHidden) lines.set(line.line, line);
		});
		markdownLinesOfNote.set(span.lines, (read = lines));
	}
	return read;
}

/**
 * A conversation to read back quietly: without the coach's own checklists (the intentions, the
 * reflection's ticks), their prose kept. A checklist section with nothing else in it goes whole.
 */
export function quietText(span: TextSpan, checklistHeadings: readonly string[]): string {
	const checklists = new Set(checklistHeadings.map(headingKey));
	const read = readLines(span);
	const hidden = new Set<number>();
	for (const heading of span.headings) {
		if (!checklists.has(headingKey(heading.text))) continue;
		let prose = false;
		for (let line = heading.line + 1; line < heading.end; line++) {
			const markdown = read.get(line);
			if (markdown && !markdown.quoted && TASK.test(markdown.content)) hidden.add(line);
			else if ((span.lines[line] ?? "").trim() !== "") prose = true;
		}
		if (!prose) hidden.add(heading.line);
	}
	return readBackText(span.lines.slice(span.start, span.end).filter((_, at) => !hidden.has(span.start + at)));
}

/** How the coach showed up in one conversation, as they wrote it there. */
export interface ShowingUp {
	/** Each intention of the conversation, as the note words it, in the order written, and whether it was kept. */
	intentions: { text: string; kept: boolean }[];
	/** What the coach wrote under the reflection heading besides its checklist. */
	reflection: string;
}

/**
 * The intentions a conversation's coach kept (spec/brief.md, `intentionRecord`): ticked under the
 * reflection heading ("How did I show up?"), or, in a conversation with no reflection section,
 * under the intention heading. The intentions are the intention heading's checklist, then any the
 * reflection's adds; the texts are the note's own, so intentions reworded in the settings since
 * keep their old words. Null when the conversation has neither a checklist nor reflection prose.
 */
export function showingUpIn(span: TextSpan, intentionHeading: string, reflectionHeading: string): ShowingUp | null {
	const read = readLines(span);
	const under = (name: string): { found: boolean; tasks: { text: string; ticked: boolean }[]; prose: string[] } => {
		const section = { found: false, tasks: [] as { text: string; ticked: boolean }[], prose: [] as string[] };
		for (const heading of span.headings) {
			if (headingKey(heading.text) !== headingKey(name)) continue;
			section.found = true;
			for (let line = heading.line + 1; line < heading.end; line++) {
				const markdown = read.get(line);
				const task = markdown && !markdown.quoted ? TASK.exec(markdown.content) : null;
				const text = (task?.[2] ?? "").trim();
				if (task && text !== "") section.tasks.push({ text, ticked: task[1] === "x" || task[1] === "X" });
				else if (markdown && !task) section.prose.push(span.lines[line] ?? "");
			}
		}
		return section;
	};
	const intention = under(intentionHeading);
	const reflection = under(reflectionHeading);
	const ticks = reflection.found ? reflection.tasks : intention.tasks;
	const kept = new Set(ticks.filter((task) => task.ticked).map((task) => caseless(task.text)));
	const intentions: { text: string; kept: boolean }[] = [];
	const seen = new Set<string>();
	for (const { text } of [...intention.tasks, ...reflection.tasks]) {
		const key = caseless(text);
		if (seen.has(key)) continue;
		seen.add(key);
		intentions.push({ text, kept: kept.has(key) });
	}
	const prose = trimBlankLines(reflection.prose).join("\n");
	return intentions.length === 0 && prose === "" ? null : { intentions, reflection: prose };
}

/**
 * A quoted sentence worth keeping: five words or more between straight or curly double quotes.
 * A straight quote opens only where a word cannot end (not `5"` for inches) and closes only where
 * a word cannot go on, so one stray mark does not pair the rest of the line the wrong way round
 * (without a lookbehind, which older iOS cannot run: the character before is matched instead).
 */
const QUOTED = /(?:^|[^\p{L}\p{N}])"([^"\n]+)"(?![\p{L}\p{N}])|“([^”\n]+)”/gu;
const PIN = /(?:^|\s)#pin(?=$|[\s.,;:!?)])/iu;
/** Every `#pin` on a quote's lines, taken out with the space before it, the line breaks kept. */
const PIN_TAGS = /(^|[ \t])#pin(?=$|[\s.,;:!?)])/gimu;

/**
 * The client's own words in a conversation, in the order written: each blockquote (without its
 * markers and any `#pin`), and each quoted sentence of five words or more elsewhere. A quote whose
 * lines carry `#pin` is pinned. Callouts (`> [!note]`) are the coach's boxes, not anyone's words.
 */
export function quotesIn(span: TextSpan): { text: string; pinned: boolean }[] {
	const quotes: { text: string; pinned: boolean }[] = [];
	let block: string[] = [];
	let callout = false;
	const endBlock = (): void => {
		const text = block.join("\n").replace(PIN_TAGS, "$1").replace(/[ \t]+$/gmu, "").trim();
		if (!callout && text !== "") quotes.push({ text, pinned: block.some((line) => PIN.test(line)) });
		block = [];
		callout = false;
	};
	const read = readLines(span);
	for (let line = span.start; line < span.end; line++) {
		const markdown = read.get(line);
		if (markdown?.quoted) {
			if (block.length === 0) callout = /^[ \t]*\[!/u.test(markdown.content);
			block.push(markdown.content);
			continue;
		}
		if (block.length > 0) endBlock();
		const content = markdown?.content ?? "";
		for (const match of content.matchAll(QUOTED)) {
			const text = (match[1] ?? match[2] ?? "").trim();
			if (text.split(/\s+/u).length >= 5) quotes.push({ text, pinned: PIN.test(content) });
		}
	}
	if (block.length > 0) endBlock();
	return quotes;
}

/** `Next time: ask about the move`, as a line or a list item (never a task): its label, in words alone, and the words after the colon. */
const LABELLED_LINE = /^(?:[-*+][ \t]+)?(\p{L}[\p{L} \t'’]{0,39}):[ \t]*(\S.*)$/u;

/** What labels a line held for next time: `Next time:`, and a hold heading that says "next time" (`To hold for next time:`), never `Next session: Tue 16 Jun`, which books a day. */
const NEXT_TIME = headingKey("Next time");

/**
 * What a conversation holds for the next one, in the order written: the text under each of its
 * hold headings, and the words of each line elsewhere in it labelled `Next time:` or with a hold
 * heading that says it (`To hold for next time: did he tell Lucía?`).
 */
export function heldIn(span: TextSpan, holdHeadings: readonly string[]): string[] {
	const hold = new Set(holdHeadings.map(headingKey));
	const labels = new Set([NEXT_TIME, ...[...hold].filter((key) => ` ${key} `.includes(` ${NEXT_TIME} `))]);
	const held: { text: string; line: number }[] = [];
	const inHoldSection = new Set<number>();
	for (const heading of span.headings) {
		if (!hold.has(headingKey(heading.text))) continue;
		for (let line = heading.line; line < heading.end; line++) inHoldSection.add(line);
		const text = sectionUnder(span.lines, heading);
		if (text !== "") held.push({ text, line: heading.line });
	}
	const read = readLines(span);
	for (let line = span.start; line < span.end; line++) {
		const markdown = read.get(line);
		const labelled = markdown && !inHoldSection.has(line) ? LABELLED_LINE.exec(markdown.content.trim()) : null;
		if (labelled?.[2] && labels.has(headingKey(labelled[1] ?? ""))) held.push({ text: labelled[2].trim(), line });
	}
	return held.sort((a, b) => a.line - b.line).map(({ text }) => text);
}

/** An excerpt's line is a glimpse: a note written on one long line (10 MB, once) still shows a few sentences. */
const EXCERPT_LINE_LENGTH = 300;

/** A line cut to at most `max` characters, at a word boundary where there is one, with an ellipsis. */
export function clipLine(text: string, max: number): string {
	if (text.length <= max) return text;
	let cut = text.lastIndexOf(" ", max);
	if (cut < max * 0.6) cut = max;
	// Never between the two halves of a character outside the basic plane (an emoji, say).
	const code = text.charCodeAt(cut - 1);
	if (code >= 0xd800 && code <= 0xdbff) cut--;
	return `${text.slice(0, cut).trimEnd()}…`;
}

/**
 * The first lines of a conversation worth reading: no properties, headings, blank lines, or
 * left-out sections. Lines that were apart in the note stay apart (an empty line between them), so
 * a paragraph below a task is not read as part of the task.
 */
export function excerpt(span: TextSpan, leaveOut: readonly string[], count: number): string[] {
	const skip = new Set(leaveOut.map(headingKey));
	const hidden = new Set<number>();
	for (const heading of span.headings) {
		hidden.add(heading.line);
		if (!skip.has(headingKey(heading.text))) continue;
		for (let line = heading.line; line < heading.end; line++) hidden.add(line);
	}
	const picked: string[] = [];
	let taken = 0;
	let apart = false;
	for (let line = span.start; line < span.end; line++) {
		const content = span.lines[line]?.trim() ?? "";
		if (content === "" || hidden.has(line)) {
			apart = picked.length > 0;
			continue;
		}
		if (taken === count) {
			// There is more to read: the last line says so, as a clipped one does.
			const last = picked.length - 1;
			if (last >= 0 && !(picked[last] ?? "").endsWith("…")) picked[last] = `${picked[last] ?? ""} …`;
			break;
		}
		if (apart) picked.push("");
		apart = false;
		picked.push(clipLine(content, EXCERPT_LINE_LENGTH));
		taken++;
	}
	return picked;
}

function trimBlankLines(lines: readonly string[]): readonly string[] {
	let start = 0;
	let end = lines.length;
	while (start < end && (lines[start]?.trim() ?? "") === "") start++;
	while (end > start && (lines[end - 1]?.trim() ?? "") === "") end--;
	return lines.slice(start, end);
}
