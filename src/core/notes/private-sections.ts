import { headingKey } from "./headings";
import type { NoteHeading, NoteSource } from "./note";

// Sections under a heading the coach keeps private ("Private", "Supervision"): never shown in the
// pane, the terminal, a saved brief or a search, in any mode. They are left out where notes are
// read, so no view can show them by mistake: their tasks are no one's commitments, their links no
// mentions, their tags no themes, and their lines are blank wherever a note's text is shown.

/** Lines of a note, 0-based, `to` not included. */
export interface LineRange {
	from: number;
	to: number;
}

const NONE: readonly LineRange[] = [];

/** The headings' keys, made once per list of names (settings are changed in place, so the list's contents are compared). */
let namesKept: { names: string[]; keys: ReadonlySet<string> } | null = null;

function keysOf(names: readonly string[]): ReadonlySet<string> {
	if (namesKept && namesKept.names.length === names.length && namesKept.names.every((name, at) => name === names[at])) return namesKept.keys;
	namesKept = { names: [...names], keys: new Set(names.map(headingKey).filter((key) => key !== "")) };
	return namesKept.keys;
}

/**
 * Whether a heading is private: it holds one of the names as whole words, anywhere ("Private notes",
 * "3. Private", "Notes (private)", "Supervision with Helen", "Questions for supervision"). Hiding a
 * section too many costs a look at the note; showing one too many cannot be undone on a shared screen.
 */
function isPrivateHeading(heading: string, keys: ReadonlySet<string>): boolean {
	const key = ` ${headingKey(heading)} `;
	for (const name of keys) if (key.includes(` ${name} `)) return true;
	return false;
}

/** Each private section's lines: from its heading to the next heading of its level or above (the end of the note for the last). */
export function privateRanges(headings: readonly NoteHeading[], names: readonly string[]): readonly LineRange[] {
	if (headings.length === 0 || names.length === 0) return NONE;
	const keys = keysOf(names);
	let ranges: LineRange[] | null = null;
	for (let at = 0; at < headings.length; at++) {
		const heading = headings[at] as NoteHeading;
		if (!isPrivateHeading(heading.heading, keys)) continue;
		let end = at + 1;
		while (end < headings.length && (headings[end] as NoteHeading).level > heading.level) end++;
		const to = headings[end]?.line ?? Infinity;
		const last = ranges?.[ranges.length - 1];
		// A private heading inside another is already covered.
		if (last && heading.line < last.to) continue;
		(ranges ??= []).push({ from: heading.line, to });
		at = end - 1;
	}
	return ranges ?? NONE;
}

export function isPrivateLine(ranges: readonly LineRange[], line: number): boolean {
	for (const range of ranges) if (line >= range.from && line < range.to) return true;
	return false;
}

/**
 * The note as the index may know it: without the links, tags and tasks of its private sections.
 * Its headings stay, so the sections around a private one still end where it starts; no heading
 * in `ranges` may start a conversation (see `isPrivateLine`).
 */
export function withoutPrivateParts(note: NoteSource, ranges: readonly LineRange[]): NoteSource {
	if (ranges.length === 0) return note;
	const visible = <T extends { line: number }>(items: T[]): T[] => items.filter((item) => !isPrivateLine(ranges, item.line));
	const hiddenTags = note.inlineTags.filter((tag) => isPrivateLine(ranges, tag.line)).map((tag) => tag.tag);
	const tags = [...note.tags];
	for (const tag of hiddenTags) {
		const at = tags.lastIndexOf(tag);
		if (at >= 0) tags.splice(at, 1);
	}
	return { ...note, links: visible(note.links), embeds: visible(note.embeds), inlineTags: visible(note.inlineTags), tasks: visible(note.tasks), tags, read: () => note.read() };
}

/**
 * A note's lines and headings as views may show them: each private section's lines blank (so
 * every other line keeps its number) and its headings gone.
 */
export function withoutPrivateLines(lines: readonly string[], headings: readonly NoteHeading[], names: readonly string[]): { lines: string[]; headings: NoteHeading[] } {
	const ranges = privateRanges(headings, names);
	if (ranges.length === 0) return { lines: lines as string[], headings: headings as NoteHeading[] };
	return {
		lines: lines.map((line, at) => (isPrivateLine(ranges, at) ? "" : line)),
		headings: headings.filter((heading) => !isPrivateLine(ranges, heading.line)),
	};
}
