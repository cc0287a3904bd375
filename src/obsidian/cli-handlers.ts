import { requireApiVersion, type CliData, type Plugin } from "obsidian";
import { briefAnswer, caseloadAnswer, checkAnswer, clientNamed, searchAnswer } from "../cli/answers";
import { PLAIN } from "../cli/text";
import type { NoteTexts } from "../core/brief/brief-text";
import { START_OF_DAY } from "../core/brief/booking";
import type { Client, CoachingIndex } from "../core/index/coaching-index";
import { isDay, type Day } from "../core/notes/dates";
import type { CoachingSettings } from "../core/settings/settings";

/** What Obsidian's command line needs of the plugin: the index, once built, and the notes' words. */
export interface CliPort extends NoteTexts {
	readonly index: CoachingIndex;
	indexReady(): boolean;
	readTextFor(client: Client): Promise<void>;
	settings(): CoachingSettings;
	today(): Day;
	/** The time of day, "HH:mm". */
	now(): string;
}

const TODAY = { value: "<YYYY-MM-DD>", description: "The day to count from (default: today)" };
const JSON_FLAG = { description: "Print one JSON document, as the plugin's own command line does" };
const STILL_READING = "Still reading your notes. Try again in a moment.\n";

/** The day asked for, from its start, or today as it is now; or what is wrong with the day asked for. */
function dayOf(params: CliData, port: CliPort): { day: Day; now: string } | { problem: string } {
	const asked = params["today"];
	if (asked === undefined) return { day: port.today(), now: port.now() };
	return isDay(asked) ? { day: asked, now: START_OF_DAY } : { problem: `--today must be a date written YYYY-MM-DD, not "${asked}".\n` };
}

/** The client and day a command about one client asks for, their notes read; or the one line that says why not. */
async function clientAsked(params: CliData, port: CliPort): Promise<{ client: Client; day: Day; now: string } | { answer: string }> {
	if (!port.indexReady()) return { answer: STILL_READING };
	const when = dayOf(params, port);
	if ("problem" in when) return { answer: when.problem };
	const named = clientNamed(port.index, params["client"] ?? "");
	if ("problem" in named) return { answer: `${named.problem}\n` };
	await port.readTextFor(named.client);
	return { client: named.client, day: when.day, now: when.now };
}

/**
 * `coaching-alliance:brief`, `:search`, `:caseload` and `:check` in Obsidian's own command line (1.12.2+): the
 * same text as the plugin's command line, from the running app's index. An older app has no
 * command line and is left alone.
 */
export function registerCliHandlers(plugin: Plugin, port: CliPort): void {
	if (requireApiVersion("1.12.2")) {
		plugin.registerCliHandler(
			"coaching-alliance:brief",
			"The brief before a conversation: the person, where you left off, what is open, what moved since",
			{
				client: { value: "<name>", description: "A client's name, alias or path", required: true },
				today: TODAY,
				json: JSON_FLAG,
				"read-back": { description: "Every conversation in full, oldest first" },
				checklists: { description: "With read-back: your checklists too" },
			},
			async (params) => {
				const asked = await clientAsked(params, port);
				if ("answer" in asked) return asked.answer;
				const how = { today: asked.day, now: asked.now, json: params["json"] === "true", readBack: params["read-back"] === "true", checklists: params["checklists"] === "true" };
				return briefAnswer({ index: port.index, settings: port.settings(), notes: port }, asked.client, how, PLAIN);
			},
		);
		plugin.registerCliHandler(
			"coaching-alliance:search",
			"The paragraphs of a client's conversations that hold every word asked, newest first",
			{
				client: { value: "<name>", description: "A client's name, alias or path", required: true },
				query: { value: "<words>", description: "The words to find, in any case, with or without accents", required: true },
				today: TODAY,
				json: JSON_FLAG,
			},
			async (params) => {
				const asked = await clientAsked(params, port);
				if ("answer" in asked) return asked.answer;
				return searchAnswer({ index: port.index, settings: port.settings(), notes: port }, asked.client, params["query"] ?? "", { today: asked.day, json: params["json"] === "true" }, PLAIN);
			},
		);
		plugin.registerCliHandler("coaching-alliance:caseload", "Every client: due, last session, what is open", { today: TODAY, json: JSON_FLAG }, (params) => {
			if (!port.indexReady()) return STILL_READING;
			const when = dayOf(params, port);
			return "problem" in when ? when.problem : caseloadAnswer(port.index, when.day, params["json"] === "true", PLAIN);
		});
		plugin.registerCliHandler("coaching-alliance:check", "The session notes whose client link needs a second look", { json: JSON_FLAG }, (params) =>
			port.indexReady() ? checkAnswer(port.index, params["json"] === "true", PLAIN).text : STILL_READING,
		);
	}
}
