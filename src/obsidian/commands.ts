import { Menu, type Plugin } from "obsidian";
import { intentionChecklist } from "../core/writing/session-note";
import type { CoachingActions } from "./coaching-actions";

/** The ribbon icon and the command palette's commands: sentence case, no default hotkeys. */
export function registerCommands(plugin: Plugin, actions: CoachingActions): void {
	const prepare = (): void => actions.chooseClient((client) => void actions.openPrepare(client));
	// One icon in the ribbon, as reviewers ask: its menu holds both ways in.
	plugin.addRibbonIcon("messages-square", "Prepare session or open caseload", (event) => {
		new Menu()
			.addItem((item) => item.setTitle("Prepare session").setIcon("messages-square").onClick(prepare))
			.addItem((item) => item.setTitle("Open caseload").setIcon("users").onClick(() => void actions.openCaseload()))
			.showAtMouseEvent(event);
	});
	plugin.addCommand({ id: "prepare-session", name: "Prepare session", callback: prepare });
	plugin.addCommand({ id: "open-caseload", name: "Open caseload", callback: () => void actions.openCaseload() });
	plugin.addCommand({
		id: "prepare-session-for-this-client",
		name: "Prepare session for this client",
		checkCallback: (checking) => {
			const clients = actions.clientsOfActiveNote();
			if (clients.length === 0) return false;
			if (!checking) {
				if (clients.length === 1 && clients[0]) void actions.openPrepare(clients[0]);
				else actions.chooseClient((client) => void actions.openPrepare(client), clients);
			}
			return true;
		},
	});
	plugin.addCommand({
		id: "new-session-note",
		name: "New session note",
		callback: () => {
			const clients = actions.clientsOfActiveNote();
			if (clients.length === 1 && clients[0]) void actions.startSessionNote(clients[0]);
			else actions.chooseClient((client) => void actions.startSessionNote(client), clients.length > 1 ? clients : undefined);
		},
	});
	plugin.addCommand({ id: "new-client", name: "New client", callback: () => actions.newClient() });
	plugin.addCommand({ id: "check-client-links", name: "Check client links", callback: () => actions.checkClientLinks() });
	plugin.addCommand({
		id: "open-client-graph",
		name: "Open client graph",
		callback: () => {
			const clients = actions.clientsOfActiveNote();
			if (clients.length === 1 && clients[0]) void actions.openClientGraph(clients[0]);
			else {
				// The graph is drawn around a note: only clients who have one are offered.
				const withNotes = (clients.length > 1 ? clients : actions.index.clients()).filter((client) => client.path !== null);
				actions.chooseClient((client) => void actions.openClientGraph(client), withNotes, { placeholder: "Whose graph?", purpose: "to open their graph" });
			}
		},
	});
	plugin.addCommand({
		id: "save-brief-as-note",
		name: "Save brief as note",
		callback: () => {
			const shown = actions.clientInPane();
			if (shown) void actions.saveBrief(shown);
			else actions.chooseClient((client) => void actions.saveBrief(client), undefined, { placeholder: "Whose brief?", purpose: "to save their brief" });
		},
	});
	plugin.addCommand({ id: "toggle-screen-share-privacy", name: "Toggle screen-share privacy", callback: () => void actions.togglePrivacy() });
	plugin.addCommand({
		id: "insert-intention-checklist",
		name: "Insert intention checklist",
		editorCallback: (editor) => editor.replaceSelection(intentionChecklist(actions.settings())),
	});
}
