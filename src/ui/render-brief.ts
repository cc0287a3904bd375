import { MarkdownRenderer, setIcon, type App, type Component } from "obsidian";
import type { Brief, BriefSession, Mention } from "../core/brief/brief";
import { earlierThreads, hasChecklist, latestReflections, type BriefText, type Held, type HowIShowedUp, type Quote } from "../core/brief/brief-text";
import { reasonOf } from "../core/reason";
import { commitmentWords, isCarried, type Commitment } from "../core/brief/commitments";
import { daysBetween, type Day } from "../core/notes/dates";
import {
	COPY,
	dayInFormat,
	readBackTitle,
	countOf,
	briefSections,
	dueWords,
	lastSpoke,
	laterBy,
	noConversationFound,
	problemsTitle,
	readingTime,
	relativeDays,
	sessionOn,
	sessionsSoFar,
	unreadableCadence,
	writtenAhead,
	bookedFor,
	type BriefSectionId,
} from "../core/brief/copy";
import { mentionsBetween } from "../core/brief/read-back";
import { headingSubpath } from "../core/notes/headings";
import { noteEmbedsAsLinks } from "../core/notes/embeds";
import type { Section } from "../core/notes/sections";
import { renderSearch, type SearchContext } from "./search-box";

/** What the brief's DOM needs from its view: rendering, opening notes, and reading lazily. */
export interface BriefContext {
	app: App;
	/** Owns the markdown children rendered into the pane; unloaded on the next render. */
	component: Component;
	dateFormat: string;
	/** Calls `load` once the element scrolls into view, so only what is seen is read from disk. */
	whenVisible(element: HTMLElement, load: () => Promise<void>): void;
	excerpt(session: BriefSession): Promise<string[]>;
	/** Where another note names the client: the paragraph that links them. */
	mentionPassage(mention: Mention): Promise<string>;
	/** One conversation's text for read-back: its section alone, or the note without its properties; quiet unless `checklists` is on. */
	body(session: BriefSession): Promise<string>;
	/** Whether read-back shows the coach's checklists too. */
	checklists: boolean;
	onToggleChecklists(): void;
	/** What every conversation held for the next, newest first: read only when the coach opens the fold. */
	heldBefore(): Promise<readonly Held[]>;
	/** How many words reading every conversation back is: read when the coach turns to read-back. */
	readingWords(): Promise<number>;
	/** The client's own words across every conversation, pinned first, then newest: read when the fold opens. */
	quotes(): Promise<readonly Quote[]>;
	/** How the coach showed up in each conversation, newest first: read when the fold opens. */
	howIShowedUp(): Promise<readonly HowIShowedUp[]>;
	/** Sections folded, kept across live updates; the view starts with the quiet ones folded. */
	folded: Set<string>;
	/** Folds read when opened that the coach has opened, kept across live updates. */
	openFolds: Set<string>;
	/** Intentions the coach has ticked, kept across live updates of the same client's brief. */
	ticked: Set<string>;
	onToggleReadBack(): void;
	onStartSessionNote(): void;
	onOpenCaseload(): void;
	/** Screen-share privacy: names and dates only, until the coach turns it off. */
	privacy: boolean;
	onTogglePrivacy(): void;
	onSaveBrief(): void;
	search: SearchContext;
}

export type PaneMode = "brief" | "read-back";

/** Renders the brief into `root` (an element of its own: the view swaps it in when done). */
export async function renderBrief(root: HTMLElement, brief: Brief, text: BriefText, context: BriefContext, mode: PaneMode): Promise<void> {
	root.addClass("coaching-alliance-brief");
	renderHeader(root, brief, text, context, mode);
	if (context.privacy) {
		renderPrivate(root, brief, context);
		return;
	}
	const searchSlot = root.createDiv();
	// What the brief shows below its header: a search with words in it shows its matches instead.
	const body = root.createDiv({ cls: "coaching-alliance-brief-body" });
	await renderBody(body, brief, text, context, mode);
	if (brief.sessions.length > 0) renderSearch(searchSlot, body, context.search);
}

async function renderBody(root: HTMLElement, brief: Brief, text: BriefText, context: BriefContext, mode: PaneMode): Promise<void> {
	if (mode === "read-back") {
		await renderReadBack(root, brief, context);
		renderProblems(root, brief, context);
		return;
	}
	await renderHeld(root, brief, text, context);
	const renderers: Record<BriefSectionId, (body: HTMLElement) => void | Promise<void>> = {
		intention: (body) => renderIntentions(body, brief, context),
		person: (body) => renderPerson(body, brief, text, context),
		"left-off": (body) => renderLeftOff(body, brief, text, context),
		since: (body) => renderSince(body, brief, context),
		themes: (body) => renderThemes(body, brief),
		conversations: (body) => renderConversations(body, brief, context),
	};
	for (const { id, title } of briefSections(brief.intentionHeading)) await renderers[id](section(root, id, title, context));
	renderProblems(root, brief, context);
}

/**
 * The thread to pick up, first thing: what the last conversation held for this one. The threads
 * earlier conversations held are in a fold, read from their notes only when it is opened.
 */
async function renderHeld(root: HTMLElement, brief: Brief, text: BriefText, context: BriefContext): Promise<void> {
	if (text.held.length === 0 && brief.sessions.length < 2) return;
	const block = root.createDiv({ cls: "coaching-alliance-held" });
	// The label stands over the earlier threads even when the last conversation held nothing, as in the terminal.
	block.createDiv({ cls: "coaching-alliance-held-label", text: COPY.toPickUp });
	if (text.held.length === 0) emptyLine(block, COPY.lastHeldNothing);
	for (const held of text.held) await renderMarkdown(block, held.text, held.path, context);
	if (brief.sessions.length < 2) return;
	foldReadWhenOpened(block, "held-earlier", COPY.earlierThreads, context, async (list) => {
		const before = earlierThreads(brief, await context.heldBefore());
		if (before.length === 0) emptyLine(list, COPY.noneHeld);
		for (const thread of before) {
			const item = list.createDiv({ cls: "coaching-alliance-held-thread" });
			sessionLink(item.createDiv({ cls: "coaching-alliance-muted" }), thread, longDate(thread.date, context));
			await renderMarkdown(item, thread.text, thread.path, context);
		}
	});
}

/**
 * A fold whose contents are read from the notes the first time it is opened, never before. It
 * stays open across live redraws (an edit while the coach reads it) until the coach closes it.
 */
function foldReadWhenOpened(parent: HTMLElement, id: string, title: string, context: BriefContext, fill: (list: HTMLElement) => Promise<void>): void {
	const fold = parent.createEl("details", { cls: `coaching-alliance-fold coaching-alliance-${id}`, attr: { "data-fold": id } });
	fold.createEl("summary", { text: title });
	const list = fold.createDiv();
	let loaded = false;
	const load = (): void => {
		if (loaded) return;
		loaded = true;
		fill(list).catch((error: unknown) => emptyLine(list, COPY.couldNotRead(reasonOf(error))));
	};
	fold.addEventListener("toggle", () => {
		if (fold.open) context.openFolds.add(id);
		else context.openFolds.delete(id);
		if (fold.open) load();
	});
	if (context.openFolds.has(id)) {
		fold.open = true;
		load();
	}
}

/** Notes that could not be fully read: last and folded, so they never crowd the brief, yet none is dropped in silence. */
function renderProblems(root: HTMLElement, brief: Brief, context: BriefContext): void {
	if (brief.problems.length === 0) return;
	const body = section(root, "problems", problemsTitle(brief.problems.length), context);
	const list = body.createEl("ul", { cls: "coaching-alliance-problem-list" });
	for (const { path, problem } of brief.problems) {
		const item = list.createEl("li", { cls: "coaching-alliance-problem" });
		noteLink(item, path, path.replace(/\.md$/, ""));
		item.appendText(`: ${problem}.`);
	}
}

/** What a section says when there is nothing to show yet. */
function emptyLine(parent: HTMLElement, text: string): void {
	parent.createDiv({ cls: "coaching-alliance-empty", text });
}

function section(root: HTMLElement, id: string, title: string, context: BriefContext): HTMLElement {
	const details = root.createEl("details", { cls: `coaching-alliance-section coaching-alliance-${id}`, attr: { "data-section": id } });
	details.open = !context.folded.has(id);
	details.addEventListener("toggle", () => {
		if (details.open) context.folded.delete(id);
		else context.folded.add(id);
	});
	details.createEl("summary", { cls: "coaching-alliance-section-title", text: title });
	return details.createDiv({ cls: "coaching-alliance-section-body" });
}

function longDate(day: Day | null, context: BriefContext): string {
	return day === null ? COPY.unknownDay : dayInFormat(day, context.dateFormat);
}

function dateAndDistance(day: Day | null, today: Day, context: BriefContext): string {
	return day === null ? COPY.unknownDay : `${longDate(day, context)} · ${relativeDays(daysBetween(day, today))}`;
}

/** A link that opens a note the Obsidian way: click, modifier-click for a new tab or split, Enter from the keyboard. */
function noteLink(parent: HTMLElement, path: string, text: string, cls = ""): HTMLAnchorElement {
	return parent.createEl("a", { cls: `internal-link ${cls}`.trim(), text, href: path, attr: { "data-href": path } });
}

/** A link that opens the conversation: its note, at its heading when it is a section of one. */
function sessionLink(parent: HTMLElement, session: { path: string; heading: string | null }, text: string, cls = ""): HTMLAnchorElement {
	return noteLink(parent, session.heading === null ? session.path : `${session.path.replace(/\.md$/i, "")}#${headingSubpath(session.heading)}`, text, cls);
}

function renderHeader(root: HTMLElement, brief: Brief, text: BriefText, context: BriefContext, mode: PaneMode): void {
	const header = root.createDiv({ cls: "coaching-alliance-header" });
	const titleRow = header.createDiv({ cls: "coaching-alliance-title-row" });
	const name = titleRow.createEl("h2", { cls: "coaching-alliance-name" });
	if (brief.client.path) noteLink(name, brief.client.path, brief.client.name);
	else name.setText(brief.client.name);
	if (brief.client.status === "archived") titleRow.createSpan({ cls: "coaching-alliance-badge", text: COPY.pastClient.pane });

	const toggle = titleRow.createEl("button", {
		cls: "clickable-icon coaching-alliance-read-back-toggle",
		attr: { "aria-label": mode === "read-back" ? "Back to the brief" : "Read back every conversation", "aria-pressed": String(mode === "read-back") },
	});
	setIcon(toggle, mode === "read-back" ? "list" : "book-open");
	toggle.addEventListener("click", () => context.onToggleReadBack());
	const caseload = titleRow.createEl("button", { cls: "clickable-icon coaching-alliance-caseload-link", attr: { "aria-label": "Open caseload" } });
	setIcon(caseload, "users");
	caseload.addEventListener("click", () => context.onOpenCaseload());
	// Saving opens the whole brief in a tab: not while the screen is shared.
	if (!context.privacy) {
		const save = titleRow.createEl("button", { cls: "clickable-icon coaching-alliance-save-brief", attr: { "aria-label": "Save brief as note" } });
		setIcon(save, "file-down");
		save.addEventListener("click", () => context.onSaveBrief());
	}
	const privacy = titleRow.createEl("button", {
		cls: `clickable-icon coaching-alliance-privacy-toggle${context.privacy ? " is-active" : ""}`,
		attr: { "aria-label": context.privacy ? "Show note text" : "Hide note text for screen sharing", "aria-pressed": String(context.privacy) },
	});
	setIcon(privacy, context.privacy ? "eye-off" : "eye");
	privacy.addEventListener("click", () => context.onTogglePrivacy());

	const facts = header.createDiv({ cls: "coaching-alliance-facts" });
	if (brief.lastSession) {
		facts.createDiv({
			text: `${lastSpoke(brief.daysSinceLastSession ?? 0)} (${longDate(brief.lastSession.date, context)})`,
		});
		facts.createDiv({
			cls: "coaching-alliance-muted",
			text: sessionsSoFar(brief.sessionCount, brief.nextSessionNumber),
		});
	}
	if (text.booked) facts.createDiv({ cls: "coaching-alliance-booked", text: bookedFor(dateAndDistance(text.booked.day, brief.today, context), text.booked.time) });
	for (const planned of brief.plannedSessions) sessionLink(facts.createDiv({ cls: "coaching-alliance-muted" }), planned, writtenAhead(planned.number, dateAndDistance(planned.date, brief.today, context)));
	const cadence = brief.cadence;
	if (cadence) {
		const line = facts.createDiv({ cls: "coaching-alliance-cadence" });
		line.setText(cadence.readable ? COPY.cadence.pane(cadence.text, dueWords(cadence, (day) => longDate(day, context), brief.client.status === "archived")) : unreadableCadence(cadence.text));
		line.toggleClass("is-due", cadence.due && brief.client.status !== "archived");
	}
	if (brief.client.path === null) {
		header.createDiv({
			cls: "coaching-alliance-muted",
			text: COPY.noClientNote.pane(brief.client.name),
		});
		if (brief.maybeMeant.length > 0) header.createDiv({ cls: "coaching-alliance-maybe-theirs", text: COPY.maybeMeant.pane(brief.client.name, brief.maybeMeant) });
	}
	for (const { name, paths } of brief.maybeTheirs) {
		const line = header.createDiv({ cls: "coaching-alliance-maybe-theirs" });
		paths.forEach((path, at) => {
			if (at > 0) line.appendText(", ");
			noteLink(line, path, path.replace(/\.md$/i, ""));
		});
		line.appendText(COPY.maybeTheirs.pane(name, paths.length));
	}
	if (brief.sessions.length === 0) {
		const first = header.createDiv({ cls: "coaching-alliance-first" });
		first.createEl("h3", { text: COPY.noConversationFound });
		first.createEl("p", { text: noConversationFound(brief.client.name) });
	}
	// A note written ahead for the next conversation is the one to write in: never a second one beside it.
	const ahead = brief.plannedSessions[0];
	if (ahead) {
		sessionLink(header.createDiv({ cls: "coaching-alliance-start" }), ahead, COPY.openWrittenAhead.pane(ahead.number));
	} else {
		const start = header.createEl("button", { cls: "mod-cta coaching-alliance-start", text: COPY.startSessionNote.pane(brief.nextSessionNumber) });
		start.addEventListener("click", () => context.onStartSessionNote());
	}
}

/**
 * The brief while the screen is shared: the header's names and dates, and each conversation's
 * number and date; no word written in a note.
 */
function renderPrivate(root: HTMLElement, brief: Brief, context: BriefContext): void {
	const notice = root.createDiv({ cls: "coaching-alliance-privacy-notice", attr: { role: "status" } });
	setIcon(notice.createSpan({ cls: "coaching-alliance-privacy-icon" }), "eye-off");
	notice.createSpan({ text: COPY.privacyOn });
	const show = notice.createEl("button", { text: "Show note text" });
	show.addEventListener("click", () => context.onTogglePrivacy());
	if (brief.sessions.length === 0) return;
	const list = root.createEl("ul", { cls: "coaching-alliance-private-sessions" });
	for (const session of brief.sessions) list.createEl("li", { text: sessionOn(session.number, longDate(session.date, context)) });
}

function renderIntentions(body: HTMLElement, brief: Brief, context: BriefContext): void {
	const list = body.createEl("ul", { cls: "contains-task-list coaching-alliance-intentions" });
	brief.intentions.forEach((intention, index) => {
		const item = list.createEl("li", { cls: "task-list-item" });
		const label = item.createEl("label");
		// Ticking is for this moment only, never written to a note; the session note keeps its own copy.
		const box = label.createEl("input", { type: "checkbox", cls: "task-list-item-checkbox", attr: { id: `coaching-alliance-intention-${index}` } });
		box.checked = context.ticked.has(intention);
		box.addEventListener("change", () => {
			if (box.checked) context.ticked.add(intention);
			else context.ticked.delete(intention);
		});
		label.appendText(` ${intention}`);
	});
	if (brief.sessions.length > 0) renderHowIShowedUp(body, context);
}

/**
 * Each conversation's intentions as a row of marks in the order written, filled when kept, and
 * the coach's latest reflections in their own words: in a fold, read only when it is opened.
 */
function renderHowIShowedUp(body: HTMLElement, context: BriefContext): void {
	foldReadWhenOpened(body, "intention-record", COPY.howIShowedUp, context, async (list) => {
		const records = await context.howIShowedUp();
		const withChecklist = records.filter(hasChecklist);
		if (withChecklist.length === 0) emptyLine(list, COPY.noIntentionChecklist);
		else {
			const rows = list.createEl("ul", { cls: "coaching-alliance-intention-rows" });
			for (const record of withChecklist) {
				const row = rows.createEl("li");
				sessionLink(row, record, `#${record.number} · ${longDate(record.date, context)}`, "coaching-alliance-muted");
				const marks = row.createSpan({ cls: "coaching-alliance-marks" });
				for (const { text, kept } of record.intentions) {
					marks.createSpan({ cls: `coaching-alliance-mark ${kept ? "is-kept" : "is-missed"}`, attr: { role: "img", "aria-label": `${kept ? COPY.kept : COPY.missed}: ${text}` } });
				}
			}
		}
		for (const record of latestReflections(records)) {
			const reflection = list.createDiv({ cls: "coaching-alliance-reflection" });
			sessionLink(reflection.createDiv({ cls: "coaching-alliance-muted" }), record, longDate(record.date, context));
			await renderMarkdown(reflection, record.reflection, record.path, context);
		}
	});
}

async function renderMarkdown(parent: HTMLElement, markdown: string, sourcePath: string, context: BriefContext): Promise<void> {
	const target = parent.createDiv({ cls: "coaching-alliance-markdown", attr: { "data-source-path": sourcePath } });
	await MarkdownRenderer.render(context.app, noteEmbedsAsLinks(markdown), target, sourcePath, context.component);
	// The pane says all the hints in notes would (how long since, what is open): none inside it, however the app hands its post-processors the text.
	for (const hint of target.querySelectorAll(".coaching-alliance-hint")) hint.remove();
}

async function renderSections(parent: HTMLElement, sections: readonly Section[], sourcePath: string, context: BriefContext): Promise<void> {
	for (const part of sections) {
		const block = parent.createDiv({ cls: "coaching-alliance-note-section" });
		if (part.heading) block.createEl("h4", { text: part.heading });
		await renderMarkdown(block, part.text, sourcePath, context);
	}
}

async function renderPerson(body: HTMLElement, brief: Brief, text: BriefText, context: BriefContext): Promise<void> {
	if (brief.aliases.length > 0) body.createDiv({ cls: "coaching-alliance-muted", text: `Also called ${brief.aliases.join(", ")}` });
	const { about } = text;
	if (about.properties.length > 0) {
		const properties = body.createEl("dl", { cls: "coaching-alliance-about-properties" });
		for (const { name, value } of about.properties) {
			properties.createEl("dt", { text: name });
			await renderMarkdown(properties.createEl("dd"), value, brief.client.path ?? "", context);
		}
	}
	if (about.text !== "") await renderMarkdown(body.createDiv({ cls: "coaching-alliance-about" }), about.text, brief.client.path ?? "", context);
	if (text.profile.length === 0) emptyLine(body, COPY.noProfile.pane);
	else await renderSections(body, text.profile, brief.client.path ?? "", context);
	renderQuotes(body, brief, context);
}

/** Their own words, across every conversation, in a fold: read from the notes only when it is opened. */
function renderQuotes(body: HTMLElement, brief: Brief, context: BriefContext): void {
	if (brief.sessions.length === 0) return;
	foldReadWhenOpened(body, "quotes", COPY.inTheirWords, context, async (list) => {
		const quotes = await context.quotes();
		if (quotes.length === 0) emptyLine(list, COPY.noQuotes);
		for (const quote of quotes) {
			const item = list.createEl("blockquote", { cls: "coaching-alliance-quote" });
			await renderMarkdown(item, quote.text, quote.path, context);
			const source = item.createDiv({ cls: "coaching-alliance-muted" });
			if (quote.pinned) source.appendText(`${COPY.pinned} · `);
			sessionLink(source, quote, longDate(quote.date, context));
		}
	});
}

async function renderLeftOff(body: HTMLElement, brief: Brief, text: BriefText, context: BriefContext): Promise<void> {
	const last = brief.lastSession;
	if (last) {
		const from = body.createDiv({ cls: "coaching-alliance-muted" });
		from.appendText(`${sessionOn(brief.sessions[0]?.number, dateAndDistance(last.date, brief.today, context))} · `);
		sessionLink(from, last, "open note");
		await renderSections(body, text.lastSessionSections, last.path, context);
	} else {
		emptyLine(body, COPY.noLastSession.pane);
	}
	const clients = brief.openCommitments.filter((commitment) => commitment.owner === "client");
	const coach = brief.openCommitments.filter((commitment) => commitment.owner === "coach");
	body.createEl("h4", { text: COPY.openCommitments });
	if (clients.length === 0) emptyLine(body, COPY.noneOpen);
	else await renderCommitments(body, clients, context);
	if (coach.length === 0) return;
	body.createEl("h4", { text: COPY.coachCommitments });
	await renderCommitments(body, coach, context);
}

async function renderCommitments(body: HTMLElement, commitments: readonly Commitment[], context: BriefContext): Promise<void> {
	const list = body.createEl("ul", { cls: "coaching-alliance-commitments" });
	for (const commitment of commitments) {
		const item = list.createEl("li");
		await renderMarkdown(item, commitmentWords(commitment), commitment.path, context);
		const source = item.createDiv({ cls: "coaching-alliance-muted" });
		sessionLink(source, commitment, longDate(commitment.date, context));
		if (isCarried(commitment)) {
			source.appendText(` · ${COPY.firstOn} `);
			sessionLink(source, { path: commitment.firstPath, heading: commitment.firstHeading }, longDate(commitment.firstDate, context));
		}
		if (commitment.sessions > 1) source.appendText(` · ${COPY.carriedThrough(commitment.sessions)}`);
		if (commitment.dropped) item.createDiv({ cls: "coaching-alliance-dropped", text: COPY.droppedWithoutAWord });
	}
}

function renderSince(body: HTMLElement, brief: Brief, context: BriefContext): void {
	if (brief.mentionsSinceLastSession.length === 0) {
		emptyLine(body, COPY.nothingSince);
		return;
	}
	const list = body.createEl("ul", { cls: "coaching-alliance-mentions" });
	for (const mention of brief.mentionsSinceLastSession) renderMention(list.createEl("li"), mention, context);
}

/** A note that names the client: its date, a link to it, and, once it scrolls into view, the words that name them. */
function renderMention(item: HTMLElement, mention: Mention, context: BriefContext): void {
	const fileDated = mention.dateFrom === "file" ? ` (${COPY.fileDated})` : "";
	item.createSpan({ cls: "coaching-alliance-muted", text: `${longDate(mention.date, context)}${fileDated} · ` });
	noteLink(item, mention.path, mention.path.replace(/\.md$/, ""));
	const passage = item.createDiv({ cls: "coaching-alliance-passage is-loading" });
	context.whenVisible(passage, async () => {
		const words = await context.mentionPassage(mention);
		passage.removeClass("is-loading");
		if (words !== "") await renderMarkdown(passage, words, mention.path, context);
	});
}

function renderThemes(body: HTMLElement, brief: Brief): void {
	if (brief.themes.length === 0) {
		emptyLine(body, COPY.noThemes);
		return;
	}
	const list = body.createDiv({ cls: "coaching-alliance-theme-list" });
	for (const theme of brief.themes) {
		const pill = list.createSpan({ cls: "coaching-alliance-theme" });
		pill.createSpan({ cls: "tag", text: `#${theme.tag}` });
		pill.createSpan({ cls: "coaching-alliance-count", text: String(theme.count), attr: { "aria-label": countOf(theme.count, "session") } });
	}
}

function renderConversations(body: HTMLElement, brief: Brief, context: BriefContext): void {
	if (brief.sessions.length === 0) {
		emptyLine(body, COPY.noConversations);
		return;
	}
	const list = body.createEl("ol", { cls: "coaching-alliance-sessions", attr: { reversed: "" } });
	for (const session of brief.sessions) renderSessionCard(list, session, brief, context);
}

function renderSessionCard(list: HTMLElement, session: BriefSession, brief: Brief, context: BriefContext): void {
	const item = list.createEl("li", { cls: "coaching-alliance-session", attr: { value: String(session.number) } });
	const head = item.createDiv({ cls: "coaching-alliance-session-head" });
	head.createSpan({ cls: "coaching-alliance-session-number", text: `#${session.number}` });
	sessionLink(head, session, session.title, "coaching-alliance-session-title");
	item.createDiv({ cls: "coaching-alliance-muted", text: dateAndDistance(session.date, brief.today, context) });
	if (session.id === brief.lastSession?.id) {
		item.createDiv({ cls: "coaching-alliance-excerpt coaching-alliance-muted", text: COPY.shownAbove });
		return;
	}
	const excerpt = item.createDiv({ cls: "coaching-alliance-excerpt is-loading" });
	context.whenVisible(excerpt, async () => {
		const lines = await context.excerpt(session);
		excerpt.removeClass("is-loading");
		if (lines.length > 0) await renderMarkdown(excerpt, lines.join("\n"), session.path, context);
	});
}

/**
 * Every conversation, oldest first, as one quiet read: each opened by its date and number, the time
 * between them said ("2 weeks later"), the notes that named the person in between woven in by
 * date, the coach's checklists left out unless asked for, and how long it all takes.
 */
async function renderReadBack(root: HTMLElement, brief: Brief, context: BriefContext): Promise<void> {
	const stream = root.createDiv({ cls: "coaching-alliance-read-back" });
	if (brief.sessions.length === 0) {
		emptyLine(stream, COPY.nothingToReadBack);
		return;
	}
	const top = stream.createDiv({ cls: "coaching-alliance-read-back-top" });
	const length = top.createDiv({ cls: "coaching-alliance-muted coaching-alliance-reading-time", text: countOf(brief.sessions.length, "conversation") });
	void context.readingWords().then((words) => length.setText(readingTime(brief.sessions.length, words)));
	const toggle = top.createEl("label", { cls: "coaching-alliance-muted coaching-alliance-checklists-toggle" });
	const box = toggle.createEl("input", { type: "checkbox" });
	box.checked = context.checklists;
	box.addEventListener("change", () => context.onToggleChecklists());
	toggle.appendText(` ${COPY.showChecklists}`);

	const sessions = [...brief.sessions].reverse();
	const between = mentionsBetween(sessions, brief.mentions);
	renderBetween(stream, COPY.beforeFirst, between.before, context);
	const last = sessions.length - 1;
	let previous: BriefSession | null = null;
	sessions.forEach((session, at) => {
		if (previous?.date && session.date) stream.createDiv({ cls: "coaching-alliance-read-back-gap", text: laterBy(daysBetween(previous.date, session.date)) });
		previous = session;
		const article = stream.createEl("article", { cls: "coaching-alliance-read-back-entry" });
		const heading = article.createEl("h2", { cls: "coaching-alliance-read-back-date" });
		sessionLink(heading, session, longDate(session.date, context));
		heading.createSpan({ cls: "coaching-alliance-muted", text: readBackTitle(session.number, session.title, session.date, brief.client.name) });
		const body = article.createDiv({ cls: "coaching-alliance-read-back-body is-loading" });
		context.whenVisible(body, async () => {
			const text = await context.body(session);
			body.removeClass("is-loading");
			await renderMarkdown(body, text, session.path, context);
		});
		renderBetween(stream, at === last ? COPY.sinceLastConversation : COPY.betweenSessions, between.after[at] ?? [], context);
	});
}

/** The notes that named the person between two conversations, set apart from the conversations' own words. */
function renderBetween(stream: HTMLElement, label: string, mentions: readonly Mention[], context: BriefContext): void {
	if (mentions.length === 0) return;
	const block = stream.createDiv({ cls: "coaching-alliance-between" });
	block.createDiv({ cls: "coaching-alliance-between-label", text: label });
	const list = block.createEl("ul", { cls: "coaching-alliance-mentions" });
	for (const mention of mentions) renderMention(list.createEl("li"), mention, context);
}
