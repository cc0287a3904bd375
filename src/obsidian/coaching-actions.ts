import { Notice, type App, type EventRef, type PaneType, type TFile, type WorkspaceLeaf } from "obsidian";
import { format } from "date-fns";
import { computeBrief } from "../core/brief/brief";
import { caseloadRows } from "../core/brief/caseload";
import { dueOrder } from "../core/brief/due-order";
import type { Client, CoachingIndex } from "../core/index/coaching-index";
import { mostCommonFolder } from "../core/notes/note";
import type { CoachingSettings } from "../core/settings/settings";
import { ClientPicker } from "../ui/client-picker";
import { NamePrompt } from "../ui/name-prompt";
import { CASELOAD_VIEW, type CaseloadPort } from "../ui/caseload-view";
import { LinkCheckModal, type LinkCheckPort } from "../ui/link-check-modal";
import type { HintsPort } from "./editor-hints";
import type { StatusBarPort } from "./status-bar";
import { clientLinksToCheck, replaceClientLink, type ClientLinkToCheck } from "../core/index/link-check";
import { PREPARE_VIEW, type PreparePort } from "../ui/prepare-view";
import { createBriefNote, createClientNote, createSessionNote } from "./session-notes";
import { BriefReader } from "../core/brief/brief-text";
import { briefMarkdown, briefNoteName } from "../core/brief/brief-markdown";
import { INDEX_CHANGED, type VaultIndex } from "./vault-index";
import { reasonOf } from "../core/reason";
import { readProperty } from "../core/notes/properties";
import { dayInFormat } from "../core/brief/copy";
import { bookingAhead, type Booking } from "../core/brief/booking";
import type { Day } from "../core/notes/dates";

/**
 * What a coach can do, whichever way they ask (a command, the ribbon, the pane): choose a client,
 * open their brief, start a session note, add a client. The pane reaches these through
 * `PreparePort`, never the plugin class.
 */
export class CoachingActions implements PreparePort, CaseloadPort, LinkCheckPort, HintsPort, StatusBarPort {
	private sessionNoteQueue: Promise<unknown> = Promise.resolve();

	constructor(
		private readonly app: App,
		private readonly vaultIndex: VaultIndex,
		private readonly currentSettings: () => CoachingSettings,
		/** Writes the settings after the actions changed one (screen-share privacy), and tells every view. */
		private readonly settingsChanged: () => Promise<void>,
	) {}

	get index(): CoachingIndex {
		return this.vaultIndex.index;
	}

	indexReady(): boolean {
		return this.vaultIndex.state === "warm";
	}

	onIndexChanged(listener: () => void): EventRef {
		return this.app.workspace.on(INDEX_CHANGED, listener);
	}

	read(path: string): Promise<string> {
		return this.vaultIndex.read(path);
	}

	properties(path: string): Promise<Record<string, unknown> | null> {
		return this.vaultIndex.properties(path);
	}

	readTextFor(client: Client): Promise<void> {
		return this.vaultIndex.readTextFor(client);
	}

	settings(): CoachingSettings {
		return this.currentSettings();
	}

	/** The only place the plugin reads the wall clock: the core is always told what day it is. */
	today(): string {
		return format(new Date(), "yyyy-MM-dd");
	}

	now(): string {
		return format(new Date(), "HH:mm");
	}

	dateFormat(): string {
		return this.currentSettings().dateFormat;
	}

	hintsShown(): boolean {
		return this.indexReady() && this.hintsWanted();
	}

	/** Whether the settings ask for hints: a shared screen shows none, since how long since a session and what is open is the client's business. */
	hintsWanted(): boolean {
		const settings = this.currentSettings();
		return settings.editorHints && !settings.privacyMode;
	}

	privacyOn(): boolean {
		return this.currentSettings().privacyMode;
	}

	/** Screen-share privacy on or off, remembered across restarts: every view follows at once. */
	async togglePrivacy(): Promise<void> {
		const settings = this.currentSettings();
		settings.privacyMode = !settings.privacyMode;
		// Every view redraws at once, before the settings are written: no word stays on a shared screen a moment longer.
		this.app.workspace.trigger(INDEX_CHANGED);
		await this.settingsChanged();
		new Notice(settings.privacyMode ? "Note text is hidden: names and dates only, until you turn it off." : "Note text shows again.");
	}

	/** Opens the note with its line in view: the editor scrolls there, as a search result in Obsidian's own search does. */
	openAtLine(path: string, line: number, newLeaf: PaneType | boolean): void {
		void this.app.workspace.openLinkText(path, "", newLeaf, { eState: { line } });
	}

	/** "Save brief as note": the brief as it is now, with links, in the saved briefs' folder, private sections left out. */
	async saveBrief(client: Client): Promise<void> {
		if (!this.readyOrSayWait()) return;
		const settings = this.currentSettings();
		await this.readTextFor(client);
		const brief = computeBrief(this.vaultIndex.index, client, this.today(), settings);
		const reader = new BriefReader(this.vaultIndex.index, this, settings);
		const content = briefMarkdown({
			brief,
			text: await reader.briefText(brief, this.now()),
			across: { passages: await reader.passages(brief, brief.mentionsSinceLastSession) },
			formatDay: (day) => dayInFormat(day, settings.dateFormat),
		});
		// While the screen is shared, the brief is saved but not opened.
		const file = await createBriefNote(this.app, settings, briefNoteName(brief), content, { open: !settings.privacyMode });
		if (file) new Notice(`The brief for ${client.name} is saved as ${file.path}.`);
	}

	/** The session the client note books while it is still ahead at `now` ("HH:mm"), today: the pane's, the caseload's and next up's rule. */
	bookedAhead(client: Client, lastSessionDay: Day | null, now: string): Booking | null {
		return bookingAhead(this.bookedSession(client), lastSessionDay, this.today(), now);
	}

	/** The client note's next session property as written (the first value), or null: read from Obsidian's cache, never the file. */
	bookedSession(client: Client): string | null {
		const file = client.path === null ? null : this.app.vault.getFileByPath(client.path);
		const frontmatter = file ? (this.app.metadataCache.getFileCache(file)?.frontmatter ?? null) : null;
		return readProperty(frontmatter, [this.currentSettings().nextSessionProperty])?.values[0] ?? null;
	}

	openLink(linktext: string, sourcePath: string): void {
		void this.app.workspace.openLinkText(linktext, sourcePath, false);
	}

	/** Whether the index is built; if not, tells the coach to wait a moment. */
	private readyOrSayWait(): boolean {
		if (this.indexReady()) return true;
		new Notice("Still reading your notes. Try again in a moment.");
		return false;
	}

	/** Opens the client picker, the client due next at the top; `only` narrows it (a group session's clients); `words` says what choosing does. */
	chooseClient(onChoose: (client: Client) => void, only?: Client[], words?: { placeholder: string; purpose: string }): void {
		if (!this.readyOrSayWait()) return;
		const wanted = only ? new Set(only.map((client) => client.key)) : null;
		const rows = dueOrder(caseloadRows(this.vaultIndex.index, this.today())).filter((row) => !wanted || wanted.has(row.client.key));
		new ClientPicker(this.app, rows, onChoose, words).open();
	}

	/** Shows the client's brief in the prepare pane, reusing an open one; says so when the pane cannot be opened. */
	async openPrepare(client: Client): Promise<void> {
		const { workspace } = this.app;
		try {
			let leaf: WorkspaceLeaf | undefined = workspace.getLeavesOfType(PREPARE_VIEW)[0];
			if (!leaf) {
				leaf =
					this.settings().paneLocation === "tab"
						? workspace.getLeaf("tab")
						: await workspace.ensureSideLeaf(PREPARE_VIEW, "right", { active: true, reveal: true });
			}
			await leaf.setViewState({ type: PREPARE_VIEW, active: true, state: { client: client.key, mode: "brief" } });
			await workspace.revealLeaf(leaf);
		} catch (error) {
			new Notice(`The brief for ${client.name} could not be opened: ${reasonOf(error)}`);
		}
	}

	/** Opens the caseload in a tab of its own, or brings forward the one already open. */
	async openCaseload(): Promise<void> {
		const { workspace } = this.app;
		try {
			const leaf = workspace.getLeavesOfType(CASELOAD_VIEW)[0] ?? workspace.getLeaf("tab");
			if (leaf.view.getViewType() !== CASELOAD_VIEW) await leaf.setViewState({ type: CASELOAD_VIEW, active: true });
			await workspace.revealLeaf(leaf);
		} catch (error) {
			new Notice(`The caseload could not be opened: ${reasonOf(error)}`);
		}
	}

	/** Opens the client's note, in the tab in focus as a link would. */
	async openClientNote(client: Client): Promise<void> {
		if (client.path === null) {
			new Notice(`There is no note for ${client.name} yet.`);
			return;
		}
		await this.app.workspace.openLinkText(client.path, "", false);
	}

	/** "Check client links": the session notes whose client link needs a second look, each with a fix. */
	checkClientLinks(): void {
		if (!this.readyOrSayWait()) return;
		new LinkCheckModal(this.app, this).open();
	}

	linksToCheck(): ClientLinkToCheck[] {
		return clientLinksToCheck(this.vaultIndex.index);
	}

	openNote(path: string): void {
		void this.app.workspace.openLinkText(path, "", false);
	}

	/**
	 * Lets the coach choose the client a link meant, the closest names first, then rewrites that one
	 * link in the note's client property through `processFrontMatter`: nothing else in the note changes.
	 */
	chooseAndFix(link: ClientLinkToCheck, fixed: () => void): void {
		const index = this.vaultIndex.index;
		const rows = caseloadRows(index, this.today()).filter(({ client }) => client.path !== null && client.path !== link.target && index.get(client.path)?.kind === "client");
		const rank = (name: string): number => (link.closest.includes(name) ? link.closest.indexOf(name) : link.closest.length);
		rows.sort((a, b) => rank(a.client.name) - rank(b.client.name) || a.client.name.localeCompare(b.client.name));
		const placeholder = `Which client did [[${link.link}]] mean?`;
		new ClientPicker(this.app, rows, (client) => void this.fixClientLink(link, client).then(fixed), { placeholder, purpose: "to link" }).open();
	}

	private async fixClientLink(link: ClientLinkToCheck, client: Client): Promise<void> {
		const file = this.app.vault.getFileByPath(link.path);
		if (!file) {
			new Notice(`${link.path} is no longer in the vault.`);
			return;
		}
		const replacement = `[[${this.vaultIndex.index.linkTarget(client, link.path)}]]`;
		const before = this.vaultIndex.index.get(link.path);
		const notThere = new Error("link not in the properties");
		try {
			await this.app.fileManager.processFrontMatter(file, (frontmatter: Record<string, unknown>) => {
				// Thrown, the note is not written back at all: nothing of it changes, not even how its properties are laid out.
				if (!replaceClientLink(frontmatter, this.settings().clientProperties, link.link, replacement)) throw notThere;
			});
		} catch (error) {
			new Notice(error === notThere ? `[[${link.link}]] is no longer in the properties of ${link.path}: nothing was changed.` : `${link.path} could not be changed: ${reasonOf(error)}`);
			return;
		}
		await this.vaultIndex.whenIndexed(file.path, { replacing: before });
		new Notice(`${link.path} now links ${client.name}.`);
	}

	/** Obsidian's local graph for the client note: the client's sessions, and every note that names them, around it. */
	async openClientGraph(client: Client): Promise<void> {
		if (client.path === null) {
			new Notice(`There is no note for ${client.name} yet: the graph is drawn around a note.`);
			return;
		}
		const leaf = this.app.workspace.getLeaf("split");
		try {
			await leaf.setViewState({ type: "localgraph", active: true, state: { file: client.path } });
		} catch {
			// Checked below: with the Graph view core plugin off there is no local graph to open.
		}
		if (leaf.view.getViewType() !== "localgraph") {
			leaf.detach();
			new Notice("The graph could not be opened: is the graph view core plugin turned on?");
			return;
		}
		await this.app.workspace.revealLeaf(leaf);
	}

	/** The client whose brief the prepare pane shows, when it is open with one. */
	clientInPane(): Client | null {
		if (!this.indexReady()) return null;
		const key = this.app.workspace.getLeavesOfType(PREPARE_VIEW)[0]?.view.getState()["client"];
		return typeof key === "string" ? this.vaultIndex.index.client(key) : null;
	}

	/** The client of the active note: the client note itself, else the clients of the conversations written in it. */
	clientsOfActiveNote(): Client[] {
		const file = this.app.workspace.getActiveFile();
		if (!file || !this.indexReady()) return [];
		const index = this.vaultIndex.index;
		const client = index.client(file.path);
		if (client) return [client];
		const clients = new Map<string, Client>();
		for (const session of index.sessionsIn(file.path)) for (const owner of index.sessionClients(session)) clients.set(owner.key, owner);
		return [...clients.values()];
	}

	/**
	 * After the call: the session note for this client's next conversation. Notes are made one at
	 * a time, each numbered from an index that already holds the one made before it, so two quick
	 * clicks never give two notes the same session number.
	 */
	startSessionNote(client: Client): Promise<TFile | null> {
		const made = this.sessionNoteQueue.then(() => this.makeSessionNote(client));
		this.sessionNoteQueue = made.catch(() => null);
		return made;
	}

	private async makeSessionNote(asked: Client): Promise<TFile | null> {
		if (!this.readyOrSayWait()) return null;
		try {
			// The open commitments the new note carries are the words of tasks: read before they are copied.
			await this.readTextFor(asked);
			const index = this.vaultIndex.index;
			const client = index.client(asked.key) ?? asked;
			const settings = this.settings();
			const brief = computeBrief(index, client, this.today(), settings);
			const clientNote = client.path === null ? undefined : index.get(client.path);
			const file = await createSessionNote(this.app, brief, settings, new Date(), index);
			if (file) await this.vaultIndex.whenIndexed(file.path, { replacing: file.path === client.path ? clientNote : undefined });
			return file;
		} catch (error) {
			new Notice(`The session note could not be made: ${reasonOf(error)}`);
			return null;
		}
	}

	/** Asks for the new client's name, then makes their note. */
	newClient(): void {
		new NamePrompt(this.app, (name) => void this.createClient(name)).open();
	}

	createClient(name: string): Promise<TFile | null> {
		return createClientNote(this.app, name, this.settings(), this.newClientFolder(), new Date());
	}

	/** The folder setting, else where most client notes already live, else the first client folder name. */
	private newClientFolder(): string {
		const settings = this.settings();
		if (settings.clientNoteFolder.trim() !== "") return settings.clientNoteFolder;
		const clientNotes = this.vaultIndex.index.clients().flatMap((client) => (client.path === null ? [] : [client.path]));
		return mostCommonFolder(clientNotes) ?? settings.clientFolders[0] ?? "Clients";
	}
}
