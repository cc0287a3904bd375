import { Notice, Plugin, type TFile, type WorkspaceLeaf } from "obsidian";
import { format } from "date-fns";
import { computeBrief } from "./core/brief/brief";
import { caseloadRows } from "./core/brief/caseload";
import type { Client } from "./core/index/coaching-index";
import { dueOrder } from "./core/brief/due-order";
import { folderOf } from "./core/notes/note";
import { intentionChecklist } from "./core/writing/session-note";
import { migrateSettings, storedSettings, type CoachingSettings } from "./core/settings/settings";
import { createClientNote, createSessionNote } from "./obsidian/session-notes";
import { VaultIndex } from "./obsidian/vault-index";
import { ClientPicker } from "./ui/client-picker";
import { NamePrompt } from "./ui/name-prompt";
import { PREPARE_VIEW, PrepareView } from "./ui/prepare-view";
import { CoachingSettingTab } from "./ui/settings-tab";

/** Wiring only: settings, the index, the pane, the commands and the settings tab. */
export default class CoachingAlliancePlugin extends Plugin {
	settings!: CoachingSettings;
	vaultIndex!: VaultIndex;

	async onload(): Promise<void> {
		await this.loadSettings();
		this.vaultIndex = this.addChild(new VaultIndex(this.app, () => this.settings));
		this.registerView(PREPARE_VIEW, (leaf) => new PrepareView(leaf, this));

		this.addRibbonIcon("messages-square", "Prepare session", () => this.pickClient((client) => void this.openPrepare(client)));
		this.addCommand({
			id: "prepare-session",
			name: "Prepare session",
			callback: () => this.pickClient((client) => void this.openPrepare(client)),
		});
		this.addCommand({
			id: "prepare-session-for-this-client",
			name: "Prepare session for this client",
			checkCallback: (checking) => {
				const clients = this.clientsOfActiveNote();
				if (clients.length === 0) return false;
				if (!checking) {
					if (clients.length === 1 && clients[0]) void this.openPrepare(clients[0]);
					else this.pickClient((client) => void this.openPrepare(client), clients);
				}
				return true;
			},
		});
		this.addCommand({
			id: "new-session-note",
			name: "New session note",
			callback: () => {
				const clients = this.clientsOfActiveNote();
				if (clients.length === 1 && clients[0]) void this.startSessionNote(clients[0]);
				else this.pickClient((client) => void this.startSessionNote(client), clients.length > 1 ? clients : undefined);
			},
		});
		this.addCommand({
			id: "new-client",
			name: "New client",
			callback: () => new NamePrompt(this.app, (name) => void this.newClient(name)).open(),
		});
		this.addCommand({
			id: "insert-intention-checklist",
			name: "Insert intention checklist",
			editorCallback: (editor) => editor.replaceSelection(intentionChecklist(this.settings)),
		});
		this.addSettingTab(new CoachingSettingTab(this.app, this));
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

	private sessionNoteQueue: Promise<unknown> = Promise.resolve();

	private async makeSessionNote(client: Client): Promise<TFile | null> {
		if (!this.indexReady()) return null;
		const index = this.vaultIndex.index;
		const brief = computeBrief(index, client, this.today(), this.settings);
		try {
			const file = await createSessionNote(this.app, brief, this.settings, new Date(), (sourcePath) => index.linkTarget(client, sourcePath));
			if (file) await this.vaultIndex.whenIndexed(file.path);
			return file;
		} catch (error) {
			new Notice(`The session note could not be made: ${error instanceof Error ? error.message : String(error)}`);
			return null;
		}
	}

	private async newClient(name: string): Promise<void> {
		await createClientNote(this.app, name, this.settings, this.newClientFolder(), new Date());
	}

	/** The folder setting, else where most client notes already live, else the first client folder name. */
	private newClientFolder(): string {
		if (this.settings.clientNoteFolder.trim() !== "") return this.settings.clientNoteFolder;
		const counts = new Map<string, number>();
		for (const client of this.vaultIndex.index.clients()) {
			if (client.path !== null) counts.set(folderOf(client.path), (counts.get(folderOf(client.path)) ?? 0) + 1);
		}
		const [busiest] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
		return busiest?.[0] ?? this.settings.clientFolders[0] ?? "Clients";
	}

	/** Whether the index is built; if not, tells the coach to wait a moment. */
	private indexReady(): boolean {
		if (this.vaultIndex.state === "warm") return true;
		new Notice("Still reading your notes. Try again in a moment.");
		return false;
	}

	/** The only place the plugin reads the wall clock: the core is always told what day it is. */
	today(): string {
		return format(new Date(), "yyyy-MM-dd");
	}

	/** Opens the client picker, the client due next at the top; `only` narrows it (a group session's clients). */
	pickClient(onChoose: (client: Client) => void, only?: Client[]): void {
		if (!this.indexReady()) return;
		const wanted = only ? new Set(only.map((client) => client.key)) : null;
		const rows = dueOrder(caseloadRows(this.vaultIndex.index, this.today())).filter((row) => !wanted || wanted.has(row.client.key));
		new ClientPicker(this.app, rows, onChoose).open();
	}

	pickClientFor(view: PrepareView): void {
		this.pickClient((client) => void view.showClient(client));
	}

	/** Shows the client's brief in the prepare pane, reusing an open one. */
	async openPrepare(client: Client): Promise<void> {
		const { workspace } = this.app;
		let leaf: WorkspaceLeaf | undefined = workspace.getLeavesOfType(PREPARE_VIEW)[0];
		if (!leaf) {
			leaf = this.settings.paneLocation === "tab" ? workspace.getLeaf("tab") : await workspace.ensureSideLeaf(PREPARE_VIEW, "right", { active: true, reveal: true });
		}
		await leaf.setViewState({ type: PREPARE_VIEW, active: true, state: { client: client.key, mode: "brief" } });
		await workspace.revealLeaf(leaf);
	}

	/** The client of the active note: the client note itself, or a session's clients. */
	clientsOfActiveNote(): Client[] {
		const file = this.app.workspace.getActiveFile();
		if (!file || this.vaultIndex.state !== "warm") return [];
		const index = this.vaultIndex.index;
		const facts = index.get(file.path);
		if (!facts) return [];
		if (facts.kind === "session") return [...index.sessionClients(facts)];
		const client = index.client(file.path);
		return client ? [client] : [];
	}

	async loadSettings(): Promise<void> {
		let stored: unknown;
		try {
			stored = await this.loadData();
		} catch {
			// A data.json that is not JSON at all (a bad sync, a hand edit) must not stop the plugin.
			stored = "unreadable";
		}
		const { settings, problems } = migrateSettings(stored);
		this.settings = settings;
		if (problems.length > 0) {
			new Notice(`Some saved settings could not be read and were reset.\n${problems.join("\n")}`);
		}
	}

	async saveSettings(): Promise<void> {
		await this.saveData(storedSettings(this.settings));
		await this.vaultIndex.settingsChanged();
	}

	/** Another device synced data.json: take its settings, and re-read the vault if they change what notes are. */
	async onExternalSettingsChange(): Promise<void> {
		await this.loadSettings();
		await this.vaultIndex.settingsChanged();
	}
}
