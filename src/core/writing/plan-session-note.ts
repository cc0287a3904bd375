import type { Brief } from "../brief/brief";
import type { Day } from "../notes/dates";
import type { CoachingIndex } from "../index/coaching-index";
import type { CoachingSettings } from "../settings/settings";
import { hasTemplaterSyntax } from "../notes/properties";
import { placeLogEntry, type LogEntryPlan } from "./log-entry";
import { candidatePath, firstWritingLine, logEntryBody, sessionFileName, sessionFolder, sessionNoteContent, type SessionNoteInput } from "./session-note";

export interface SessionNoteRequest {
	brief: Brief;
	/** The index the brief came from: how to link the client, their note's log, where session notes live. */
	index: CoachingIndex;
	settings: CoachingSettings;
	/** "Now" for the note, passed in: the core never reads a clock. */
	today: Day;
	time: string;
	/** The coach's template as read, or null for the built-in one. */
	template: string | null;
}

/** The session note for the next conversation, decided whole; a front end only finds a free name and writes it. */
export interface SessionNotePlan {
	kind: "note";
	/** The vault folder the note goes in ("" for the vault's top). */
	folder: string;
	/** The file name without `.md`, fitted and numbered by the front end when taken. */
	fileName: string;
	content: string;
	/** The line where the coach starts writing: under the first heading after the intentions. */
	cursorLine: number;
	/** Why the coach's template was not used (its properties cannot be read); the built-in one was, instead. */
	templateProblem: string | null;
	/**
	 * The coach's template when Templater must run it first: Templater runs code, so it is handed
	 * the template alone, and `fillAfterTemplater` fills in values from notes after it has run.
	 */
	templaterTemplate: string | null;
	fillAfterTemplater(ran: string): { content: string; problem: string | null };
}

/**
 * Plans the session note that follows `brief`, for the plugin and the command line alike: where it
 * goes, its name, its text from the template, and where writing starts. A folder outside the
 * vault is refused, never written to.
 */
export function planSessionNote(request: SessionNoteRequest): SessionNotePlan | (LogEntryPlan & { kind: "log-entry" }) | { problem: string } {
	const { brief, settings, template } = request;
	const { index } = request;
	const logEntry = placeLogEntry(brief, brief.client.path === null ? undefined : index.get(brief.client.path), settings, request.today);
	if (logEntry) {
		const input: SessionNoteInput = { brief, settings, today: request.today, time: request.time, template: null, clientLinkTarget: brief.client.name };
		const body = logEntryBody(input, logEntry.level);
		// The entry's heading and a blank line, then the body's own first place to write.
		return { kind: "log-entry", ...logEntry, entry: `${logEntry.heading}\n\n${body}\n`, cursorLine: 2 + firstWritingLine(body, settings) };
	}
	const folder = sessionFolder(settings, brief, index.usualSessionFolder());
	if ("problem" in folder) return folder;
	const input: SessionNoteInput = {
		brief,
		settings,
		today: request.today,
		time: request.time,
		template,
		// The link is written as Obsidian would from a note in that folder; any name there reads the same.
		clientLinkTarget: index.linkTarget(brief.client, candidatePath(folder.path, "new", 1)),
	};
	let content: string;
	let templateProblem: string | null = null;
	try {
		content = sessionNoteContent(input);
	} catch (error) {
		// Only the coach's template can fail to be read; the built-in one failing is a bug, and says so.
		if (template === null) throw error;
		templateProblem = (error as Error).message;
		content = sessionNoteContent({ ...input, template: null });
	}
	return {
		kind: "note",
		folder: folder.path,
		fileName: sessionFileName(settings.sessionFileName, input),
		content,
		cursorLine: firstWritingLine(content, settings),
		templateProblem,
		templaterTemplate: template !== null && hasTemplaterSyntax(template) ? template : null,
		fillAfterTemplater: (ran) => {
			try {
				return { content: sessionNoteContent({ ...input, template: propertiesFirst(ran) }), problem: null };
			} catch (error) {
				// Templater's output is kept as it is, never replaced: the coach's code made it.
				return { content: ran, problem: (error as Error).message };
			}
		},
	};
}

/**
 * Templater's output with the template's properties first: code written above them (`<%* … %>`)
 * leaves blank lines there once it has run, and the block under them is still what the coach
 * meant as the note's properties.
 */
function propertiesFirst(ran: string): string {
	const blankAbove = /^(?:[ \t]*\r?\n)+(?=---[ \t]*\r?\n)/.exec(ran);
	return blankAbove ? ran.slice(blankAbove[0].length) : ran;
}
