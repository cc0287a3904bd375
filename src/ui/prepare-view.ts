import { Component, ItemView, Keymap, type EventRef, type PaneType, type ViewStateResult, type WorkspaceLeaf } from "obsidian";
import { computeBrief } from "../core/brief/brief";
import type { Booking } from "../core/brief/booking";
import { BriefReader, type NoteTexts } from "../core/brief/brief-text";
import type { Client, CoachingIndex } from "../core/index/coaching-index";
import type { Day } from "../core/notes/dates";
import type { CoachingSettings } from "../core/settings/settings";
import { ConversationSearch } from "../core/brief/search";
import { renderBrief, type PaneMode } from "./render-brief";
import type { SearchContext } from "./search-box";

export const PREPARE_VIEW = "coaching-alliance-prepare";

/** What the pane needs of the rest of the plugin, and no more: the notes' own words among it. */
export interface PreparePort extends NoteTexts {
	readonly index: CoachingIndex;
	/** False while the vault is still being read. */
	indexReady(): boolean;
	/** Calls `listener` whenever the index has changed; the view registers the reference, so closing it stops the calls. */
	onIndexChanged(listener: () => void): EventRef;
	/** Reads, at once, the client's notes the index has not read the words of yet (after a build, they are read in the background). */
	readTextFor(client: Client): Promise<void>;
	settings(): CoachingSettings;
	today(): Day;
	/** The time of day, "HH:mm": a session booked for earlier today is over. */
	now(): string;
	/** The session the client note books while it is still ahead (`bookingAhead`); null when none. */
	bookedAhead(client: Client, lastSessionDay: Day | null, now: string): Booking | null;
	/** Lets the coach choose a client, then calls `onChoose`. */
	chooseClient(onChoose: (client: Client) => void): void;
	startSessionNote(client: Client): Promise<unknown>;
	openCaseload(): Promise<void>;
	privacyOn(): boolean;
	togglePrivacy(): Promise<void>;
	saveBrief(client: Client): Promise<void>;
	/** Opens the note with its line (0-based) in view, where a modifier-click asks. */
	openAtLine(path: string, line: number, newLeaf: PaneType | boolean): void;
}

interface PrepareState {
	client?: string;
	mode?: PaneMode;
}

/**
 * The pane a coach reads before the call. It holds only the client's key and the mode; the brief
 * itself is recomputed from the index whenever the index changes, so it is never stale, and it
 * survives restarts through its view state.
 */
export class PrepareView extends ItemView {
	private clientKey: string | null = null;
	private mode: PaneMode = "brief";
	/** Read-back is quiet; the coach may ask to see their checklists too, for as long as the pane is open. */
	private checklists = false;
	/** What the pane shows was worked out from; the same again means nothing it shows has changed. */
	private shownFrom: unknown = null;
	/** A redraw put off while the pane is hidden (a background tab, a collapsed sidebar): done when it shows. */
	private redrawWhenShown = false;
	/** Whether what the pane holds now was drawn with screen-share privacy on. */
	private drawnPrivate = false;
	/** Counts renders: one that finishes after a newer one started is dropped, never mixed in. */
	private renderCount = 0;
	private rendering: Component | null = null;
	private observer: IntersectionObserver | null = null;
	/** Problems with notes start folded: worth knowing, not worth reading first. */
	private readonly folded = new Set<string>(["problems"]);
	/** The folds read when opened (threads held before, how I showed up, their words) that the coach has opened. */
	private readonly openFolds = new Set<string>();
	/** The intentions ticked, for one client on one day: ticking is for this moment only. */
	private readonly ticked = new Set<string>();
	private tickedFor = "";
	/**
	 * How many words reading back is, worked out once a client's read-back is opened: reading every
	 * conversation again at each redraw (an edit, a tick) would cost a long history dearly, and
	 * "about 12 minutes" does not change with one edit.
	 */
	private readingWords: { clientKey: string; words: Promise<number> } | null = null;
	private readonly lazyLoads = new Map<Element, () => Promise<void>>();
	/** The reader of the brief shown now: searches read the notes through it. */
	private reader: BriefReader | null = null;
	/** Keeps each conversation's paragraphs while it is unchanged, so a search after the first reads nothing. */
	private readonly search = new ConversationSearch({ paragraphs: async (session) => (this.reader ? this.reader.paragraphs(session) : []) });
	/** What the search field holds, and whether it has the keyboard, for the client shown: kept across live redraws. */
	private readonly searchState = { query: "", focused: false };

	constructor(
		leaf: WorkspaceLeaf,
		private readonly port: PreparePort,
	) {
		super(leaf);
	}

	getViewType(): string {
		return PREPARE_VIEW;
	}

	getDisplayText(): string {
		const client = this.client();
		return client ? `Prepare: ${client.name}` : "Prepare session";
	}

	getIcon(): string {
		return "messages-square";
	}

	getState(): Record<string, unknown> {
		return { ...super.getState(), client: this.clientKey ?? undefined, mode: this.mode };
	}

	async setState(state: unknown, result: ViewStateResult): Promise<void> {
		const next = (state ?? {}) as PrepareState;
		const clientKey = typeof next.client === "string" ? next.client : null;
		if (clientKey !== this.clientKey) this.searchState.query = "";
		this.clientKey = clientKey;
		this.mode = next.mode === "read-back" ? "read-back" : "brief";
		this.shownFrom = null;
		await super.setState(state, result);
		await this.render();
	}

	async onOpen(): Promise<void> {
		this.contentEl.addClass("coaching-alliance-pane");
		this.registerEvent(this.port.onIndexChanged(() => void this.render()));
		// A hidden pane is redrawn when it shows again (a tab brought forward, a sidebar opened).
		this.registerEvent(this.app.workspace.on("layout-change", () => this.redrawIfShown()));
		this.registerEvent(this.app.workspace.on("active-leaf-change", () => this.redrawIfShown()));
		this.registerDomEvent(this.contentEl, "click", (event) => this.openLink(event));
		this.registerDomEvent(this.contentEl, "auxclick", (event) => this.openLink(event));
		// "2 weeks ago" changes at midnight, and a session booked for 14:00 is over at 14:01, whether or not a note does.
		this.registerInterval(this.contentEl.win.setInterval(() => void this.render(), 60_000));
		await this.render();
	}

	async onClose(): Promise<void> {
		this.observer?.disconnect();
		this.lazyLoads.clear();
		if (this.rendering) this.removeChild(this.rendering);
		this.rendering = null;
	}

	/** Shows a client's brief (from the commands and the picker). */
	async showClient(client: Client, mode: PaneMode = "brief"): Promise<void> {
		await this.leaf.setViewState({ type: PREPARE_VIEW, active: true, state: { client: client.key, mode } });
	}

	private client(): Client | null {
		return this.clientKey === null ? null : this.port.index.client(this.clientKey);
	}

	onResize(): void {
		this.redrawIfShown();
	}

	private redrawIfShown(): void {
		if (this.redrawWhenShown && this.contentEl.isShown()) void this.render();
	}

	/**
	 * What the pane would show is worked out from: the client's conversations as the index holds
	 * them (kept by the index until one of them, the client's note or how notes are read changes),
	 * the day and the mode. An edit to anyone else's notes leaves it as it was.
	 */
	private showing(): unknown {
		if (!this.port.indexReady()) return "reading";
		const client = this.client();
		if (!client) return `no client ${this.clientKey ?? ""}`;
		// Whether a booked session is still ahead changes with the clock alone; a session held ends it by changing her notes.
		const booked = this.port.bookedAhead(client, null, this.port.now()) ? " booked" : "";
		return this.port.index.remember(client, `pane ${this.port.today()} ${this.mode}${this.checklists ? " checklists" : ""}${this.port.privacyOn() ? " private" : ""}${booked}`, () => ({}));
	}

	/** Renders when what the pane shows has changed since the last render, and only while it can be seen, keeping the reader's place. */
	async render(): Promise<void> {
		const index = this.port.index;
		const privacy = this.port.privacyOn();
		// Privacy turned on: the note text goes at once, the pane seen or not (a background tab, a
		// collapsed sidebar), and before any note is read for the private page.
		if (privacy && !this.drawnPrivate) {
			// A render already under way would put its page back: it is dropped.
			this.renderCount++;
			this.contentEl.empty();
			this.drawnPrivate = true;
		}
		const showing = this.showing();
		if (showing === this.shownFrom && this.rendering) return;
		if (!this.contentEl.isShown()) {
			this.redrawWhenShown = true;
			return;
		}
		this.redrawWhenShown = false;
		const thisRender = ++this.renderCount;
		const scroll = this.contentEl.scrollTop;
		const root = this.contentEl;

		if (!this.port.indexReady()) {
			this.shownFrom = showing;
			this.replaceRendering();
			root.empty();
			root.createDiv({ cls: "coaching-alliance-empty", text: "Reading your notes…" });
			return;
		}
		const waitingFor = this.client();
		if (waitingFor && index.awaitingTextFor(waitingFor).length > 0) {
			// Never a brief with commitments missing as if it were whole: the client's notes are read first.
			root.empty();
			root.createDiv({ cls: "coaching-alliance-empty", text: `Reading ${waitingFor.name}'s notes…` });
			await this.port.readTextFor(waitingFor);
			if (thisRender !== this.renderCount) return;
		}
		// The client as the notes now say: reading them may have changed their cadence or names.
		const client = this.client();
		this.shownFrom = this.showing();
		const rendering = this.replaceRendering();
		if (!client) {
			this.renderNoClient(root);
			return;
		}
		const settings = this.port.settings();
		const moment = `${client.key} ${this.port.today()}`;
		if (moment !== this.tickedFor) {
			this.ticked.clear();
			this.tickedFor = moment;
		}
		const brief = computeBrief(index, client, this.port.today(), settings);
		const reader = new BriefReader(index, this.port, settings);
		this.reader = reader;
		const text = await reader.briefText(brief, this.port.now());
		const search: SearchContext = {
			state: this.searchState,
			clientName: client.name,
			dateFormat: settings.dateFormat,
			run: (query) => this.search.search(brief, query),
			open: (match, newLeaf) => this.port.openAtLine(match.session.path, match.line, newLeaf),
		};
		// Made by the pane's own document (in a pop-out, not the main window's), and drawn apart until it is whole.
		const page = this.contentEl.createDiv();
		page.detach();
		await renderBrief(
			page,
			brief,
			text,
			{
				app: this.app,
				component: rendering,
				dateFormat: settings.dateFormat,
				folded: this.folded,
				openFolds: this.openFolds,
				ticked: this.ticked,
				whenVisible: (element, load) => this.whenVisible(element, load),
				excerpt: (session) => reader.excerpt(session),
				mentionPassage: (mention) => reader.mentionPassage(client, mention),
				body: (session) => reader.conversation(session, { quiet: !this.checklists }),
				checklists: this.checklists,
				onToggleChecklists: () => {
					this.checklists = !this.checklists;
					// The box is drawn anew: a keyboard user's focus stays on it.
					void this.render().then(() => this.contentEl.querySelector<HTMLInputElement>(".coaching-alliance-checklists-toggle input")?.focus());
				},
				heldBefore: () => reader.heldBefore(brief),
				readingWords: () => {
					if (this.readingWords?.clientKey !== client.key) this.readingWords = { clientKey: client.key, words: reader.readingWords(brief) };
					return this.readingWords.words;
				},
				quotes: () => reader.quotes(brief),
				howIShowedUp: () => reader.howIShowedUp(brief),
				onToggleReadBack: () => void this.showClient(client, this.mode === "brief" ? "read-back" : "brief"),
				onStartSessionNote: () => void this.port.startSessionNote(client),
				onOpenCaseload: () => void this.port.openCaseload(),
				privacy,
				onTogglePrivacy: () => void this.port.togglePrivacy(),
				onSaveBrief: () => void this.port.saveBrief(client),
				search,
			},
			this.mode,
		);
		if (thisRender !== this.renderCount) return;
		root.empty();
		root.appendChild(page);
		this.drawnPrivate = privacy;
		this.contentEl.scrollTop = scroll;
		// A redraw while the coach types a search gives the field back, the caret at the end.
		const field = this.searchState.focused ? root.querySelector<HTMLInputElement>(".coaching-alliance-search-input") : null;
		if (field) {
			field.focus();
			field.setSelectionRange(field.value.length, field.value.length);
		}
	}

	/** A render starts afresh: what the last one loaded (links, lazy excerpts) is let go. */
	private replaceRendering(): Component {
		// Each render watches with an observer of the window the pane is in now: a tab can move to a pop-out and back.
		this.observer?.disconnect();
		this.observer = null;
		this.lazyLoads.clear();
		if (this.rendering) this.removeChild(this.rendering);
		this.rendering = this.addChild(new Component());
		return this.rendering;
	}

	private renderNoClient(root: HTMLElement): void {
		root.empty();
		const empty = root.createDiv({ cls: "coaching-alliance-empty-state" });
		empty.createEl("p", {
			text: this.clientKey === null ? "Choose who you are preparing for." : "This client is no longer in your notes: the note may have been renamed or deleted.",
		});
		const choose = empty.createEl("button", { cls: "mod-cta", text: "Choose a client" });
		choose.addEventListener("click", () => this.port.chooseClient((client) => void this.showClient(client)));
	}

	/** Excerpts and read-back entries load as they scroll into view: a long history costs nothing until read. */
	private whenVisible(element: HTMLElement, load: () => Promise<void>): void {
		if (!this.observer) {
			// The observer of the pane's own window: in a pop-out, that window sees what scrolls into view.
			const paneWindow = this.contentEl.win as Window & { IntersectionObserver: typeof IntersectionObserver };
			this.observer = new paneWindow.IntersectionObserver(
				(entries) => {
					for (const entry of entries) {
						if (!entry.isIntersecting) continue;
						const pending = this.lazyLoads.get(entry.target);
						this.lazyLoads.delete(entry.target);
						this.observer?.unobserve(entry.target);
						if (pending) void pending();
					}
				},
				{ root: this.contentEl, rootMargin: "200px 0px" },
			);
		}
		this.lazyLoads.set(element, load);
		this.observer.observe(element);
	}

	/** Opens the note behind an internal link; Ctrl/Cmd opens a new tab, with Alt a split, as elsewhere in Obsidian. */
	private openLink(event: MouseEvent): void {
		// `instanceOf`, not `instanceof`: in a pop-out window the pane's elements are that window's.
		const target = event.target as Node | null;
		if (!target?.instanceOf(HTMLElement)) return;
		const link = target.closest("a.internal-link");
		if (!link?.instanceOf(HTMLAnchorElement)) return;
		if (event.type === "auxclick" && event.button !== 1) return;
		event.preventDefault();
		const href = link.getAttribute("data-href") ?? link.getAttribute("href") ?? "";
		const source = link.closest("[data-source-path]")?.getAttribute("data-source-path") ?? "";
		void this.app.workspace.openLinkText(href, source, event.type === "auxclick" ? "tab" : Keymap.isModEvent(event));
	}
}
