import { computeBrief } from "../core/brief/brief";
import { briefJson } from "../core/brief/brief-json";
import { BriefReader, type NoteTexts } from "../core/brief/brief-text";
import { caseloadJson, computeCaseload } from "../core/brief/caseload";
import { COPY } from "../core/brief/copy";
import { mentionsBetween } from "../core/brief/read-back";
import type { Client, CoachingIndex } from "../core/index/coaching-index";
import { findClient } from "../core/index/find-client";
import { clientLinksToCheck } from "../core/index/link-check";
import type { Day } from "../core/notes/dates";
import type { CoachingSettings } from "../core/settings/settings";
import { ConversationSearch, searchJson } from "../core/brief/search";
import { forTerminal, formatBrief, formatCaseload, formatLinkCheck, formatReadBack, formatSearch, type Style } from "./text";

// What the command line prints, from an index: one text for our own command line and for Obsidian's.

/** The vault as an answer needs it: its index, settings and notes' words. */
export interface AnsweringVault {
	readonly index: CoachingIndex;
	readonly settings: CoachingSettings;
	readonly notes: NoteTexts;
}

export interface BriefAsked {
	today: Day;
	/** The time of day ("HH:mm"): a session booked for earlier today is over. */
	now: string;
	json: boolean;
	readBack: boolean;
	checklists: boolean;
}

/** The client a name finds, or the one line that says why none: no such client (with the closest names), or several. */
export function clientNamed(index: CoachingIndex, name: string): { client: Client } | { problem: string } {
	const lookup = findClient(index.clients(), name);
	if (lookup.kind === "found") return { client: lookup.client };
	if (lookup.kind === "none") {
		const hint = lookup.suggestions.length > 0 ? ` Closest: ${lookup.suggestions.join(", ")}.` : " No clients were found in this vault.";
		const persons = index.personsNamed(name);
		return { problem: `No client called "${name}".${hint}${persons.length > 0 ? ` ${COPY.personNotClient(persons)}` : ""}` };
	}
	return { problem: `"${name}" matches several clients: ${lookup.clients.map((client) => client.path ?? client.name).join(", ")}. Give the full name or the path instead.` };
}

/** `brief`: the contract's JSON, every conversation read back, or the brief for people. */
export async function briefAnswer(vault: AnsweringVault, client: Client, asked: BriefAsked, style: Style): Promise<string> {
	const brief = computeBrief(vault.index, client, asked.today, vault.settings);
	const reader = new BriefReader(vault.index, vault.notes, vault.settings);
	const text = await reader.briefText(brief, asked.now);
	if (asked.json) return `${JSON.stringify(briefJson(brief, text, await reader.readAcross(brief)), null, 2)}\n`;
	if (asked.readBack) {
		const conversations: { session: (typeof brief.sessions)[number]; text: string }[] = [];
		for (const session of [...brief.sessions].reverse()) conversations.push({ session, text: await reader.conversation(session, { quiet: !asked.checklists }) });
		const woven = mentionsBetween(
			conversations.map(({ session }) => session),
			brief.mentions,
		);
		const passages = await reader.passages(brief, [...woven.before, ...woven.after.flat()]);
		return formatReadBack(forTerminal(brief), forTerminal(conversations), forTerminal(passages), style);
	}
	const excerpts = new Map<string, string[]>();
	// The latest conversation is shown whole under "Where we left off": its excerpt is not read again.
	for (const session of brief.sessions) if (session.id !== brief.lastSession?.id) excerpts.set(session.id, await reader.excerpt(session));
	return formatBrief(forTerminal(brief), forTerminal(text), forTerminal(excerpts), forTerminal(await reader.readAcross(brief)), style);
}

/** `search`: the paragraphs of the client's conversations that hold every word asked, newest first. */
export async function searchAnswer(vault: AnsweringVault, client: Client, query: string, asked: { today: Day; json: boolean }, style: Style): Promise<string> {
	const brief = computeBrief(vault.index, client, asked.today, vault.settings);
	const matches = (await new ConversationSearch(new BriefReader(vault.index, vault.notes, vault.settings)).search(brief, query)) ?? [];
	return asked.json ? `${JSON.stringify(searchJson(client.name, query, matches), null, 2)}\n` : formatSearch(client.name, query, matches, style);
}

export function caseloadAnswer(index: CoachingIndex, today: Day, json: boolean, style: Style): string {
	const caseload = computeCaseload(index, today);
	return json ? `${JSON.stringify(caseloadJson(caseload), null, 2)}\n` : formatCaseload(forTerminal(caseload), style);
}

/** `check`: the client links to check, and whether there are any (the command line exits 1 then). */
export function checkAnswer(index: CoachingIndex, json: boolean, style: Style): { text: string; found: boolean } {
	const links = clientLinksToCheck(index);
	return { text: json ? `${JSON.stringify({ links }, null, 2)}\n` : formatLinkCheck(forTerminal(links), style), found: links.length > 0 };
}
