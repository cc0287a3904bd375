import { MarkdownView, Notice, TFile, TFolder, normalizePath, type App } from "obsidian";
import { format } from "date-fns";
import type { Brief } from "../core/brief/brief";
import type { CoachingSettings } from "../core/settings/settings";
import { pathInVault } from "../core/writing/vault-path";
import type { CoachingIndex } from "../core/index/coaching-index";
import { withLogEntry, type LogEntryPlan } from "../core/writing/log-entry";
import { planSessionNote } from "../core/writing/plan-session-note";
import { clientNoteContent, firstWritingLine, freePath, safeFileName, templateNotePath } from "../core/writing/session-note";
import { reasonOf } from "../core/reason";
import { enabledTemplater, runTemplater } from "./templater";

/** The coach's template note, or null for the built-in one; a missing or refused template says so and falls back. */
async function readTemplate(app: App, settings: CoachingSettings): Promise<string | null> {
	const where = templateNotePath(settings.sessionTemplate);
	if (where === null) return null;
	if ("problem" in where) {
		new Notice(`${where.problem} The built-in session template is used.`);
		return null;
	}
	const path = normalizePath(where.path);
	const file = app.vault.getFileByPath(path);
	if (!file) {
		new Notice(`The session template "${path}" was not found. The built-in template is used.`);
		return null;
	}
	try {
		return await app.vault.read(file);
	} catch {
		new Notice(`The session template "${path}" could not be read. The built-in template is used.`);
		return null;
	}
}

/**
 * Whether a path is taken, in any case: the file systems of macOS, Windows, iOS and Android hold
 * `Maya Chen.md` and `maya chen.md` as one file, so a new note must differ by more than case.
 */
function isTaken(app: App): (path: string) => boolean {
	const taken = new Set(app.vault.getAllLoadedFiles().map((file) => file.path.toLowerCase()));
	return (candidate) => taken.has(normalizePath(candidate).toLowerCase());
}

/**
 * The folder as it is in the vault, each of its folders in whatever case the vault writes it (the
 * one written exactly first); made when there is none. On a file system where case does not
 * count, `coaching/clients` is the vault's `Coaching/Clients`, never a second folder beside it.
 */
async function ensureFolder(app: App, folder: string): Promise<string> {
	if (folder === "") return folder;
	let path = "";
	for (const segment of normalizePath(folder).split("/")) {
		const wanted = path === "" ? segment : `${path}/${segment}`;
		const parent = path === "" ? app.vault.getRoot() : app.vault.getFolderByPath(path);
		const sameButCase = parent?.children.find((child): child is TFolder => child instanceof TFolder && child.name.toLowerCase() === segment.toLowerCase());
		path = (app.vault.getFolderByPath(wanted) ?? sameButCase)?.path ?? wanted;
	}
	if (!app.vault.getFolderByPath(path)) await app.vault.createFolder(path);
	return path;
}

/**
 * Starts the next conversation's notes, as the core plans it: a new dated section of the client's
 * note when their log lives there, else a session note, never over an existing one. Opens it with
 * the cursor where the writing starts.
 */
export async function createSessionNote(
	app: App,
	brief: Brief,
	settings: CoachingSettings,
	now: Date,
	index: CoachingIndex,
): Promise<TFile | null> {
	const template = await readTemplate(app, settings);
	const plan = planSessionNote({ brief, index, settings, today: format(now, "yyyy-MM-dd"), time: format(now, "HH:mm"), template });
	if ("problem" in plan) {
		new Notice(`${plan.problem} No session note was made; change the folder in the settings.`);
		return null;
	}
	if (plan.kind === "log-entry") return addLogEntry(app, plan);
	const folder = await ensureFolder(app, plan.folder);
	const path = normalizePath(freePath(folder, plan.fileName, isTaken(app)));
	const templater = enabledTemplater(app);
	const templaterTemplate = plan.templaterTemplate;
	if (templater && templaterTemplate !== null) {
		const file = await app.vault.create(path, templaterTemplate);
		await finish(file, async () => {
			await runTemplater(app, templater, file, templaterTemplate);
			await app.vault.process(file, (ran) => {
				const filled = plan.fillAfterTemplater(ran);
				if (filled.problem !== null) {
					new Notice(`After Templater ran, the note's properties could not be read (${filled.problem}); it is left as Templater wrote it.`);
				}
				return filled.content;
			});
		});
		// The note is whatever Templater and the filling left, even if one failed: the cursor goes by that.
		const written = await app.vault.read(file).catch(() => "");
		await openAtLine(app, file, firstWritingLine(written, settings));
		return file;
	}
	if (plan.templateProblem !== null) new Notice(`The session template cannot be used (${plan.templateProblem}). The built-in template is used.`);
	const file = await app.vault.create(path, plan.content);
	await openAtLine(app, file, plan.cursorLine);
	return file;
}

/**
 * Adds the entry to the client's note in one insertion that leaves every other character as it
 * was, and opens it there. When the note is open for editing, the insertion goes through that
 * editor, so the coach's unsaved typing, cursor history and folds stay, and one undo takes it back.
 */
async function addLogEntry(app: App, plan: LogEntryPlan): Promise<TFile | null> {
	const file = app.vault.getFileByPath(normalizePath(plan.path));
	if (!file) {
		new Notice(`The client note ${plan.path} was not found. No session was added.`);
		return null;
	}
	const views = openViewsOf(app, file);
	const editing = views.find((view) => view.getMode() === "source");
	if (editing) return addLogEntryInEditor(app, editing, plan);
	// Typing saved two seconds after the keystroke may still wait in a view switched to reading.
	for (const view of views) await view.save();
	const at: { line: number | null } = { line: null };
	await app.vault.process(file, (text) => {
		const added = withLogEntry(text, plan);
		if (added === null) return text;
		at.line = added.line;
		return added.text;
	});
	if (at.line === null) return logChanged(plan);
	await openAtLine(app, file, at.line + plan.cursorLine);
	return file;
}

async function addLogEntryInEditor(app: App, view: MarkdownView, plan: LogEntryPlan): Promise<TFile | null> {
	const file = view.file;
	if (!file) return logChanged(plan);
	const added = withLogEntry(view.editor.getValue(), plan);
	if (added === null) return logChanged(plan);
	view.editor.replaceRange(added.insert, view.editor.offsetToPos(added.offset));
	await finish(file, async () => {
		// The tab comes forward first: a hidden editor cannot scroll.
		await app.workspace.revealLeaf(view.leaf);
		app.workspace.setActiveLeaf(view.leaf, { focus: true });
		const cursor = { line: added.line + plan.cursorLine, ch: 0 };
		view.editor.setCursor(cursor);
		view.editor.scrollIntoView({ from: cursor, to: cursor }, true);
		view.editor.focus();
		// Saved now rather than in two seconds, so the pane and the index count the new conversation at once.
		await view.save();
	});
	return file;
}

function logChanged(plan: LogEntryPlan): null {
	new Notice(`The session log in ${plan.path} changed while it was read. No session was added; try again.`);
	return null;
}

/** The views the note is open in, in any window, the active one first: the coach's typing may wait in any of them. */
function openViewsOf(app: App, file: TFile): MarkdownView[] {
	const views: MarkdownView[] = [];
	app.workspace.iterateAllLeaves((leaf) => {
		if (leaf.view instanceof MarkdownView && leaf.view.file?.path === file.path) views.push(leaf.view);
	});
	const active = app.workspace.getActiveViewOfType(MarkdownView);
	return views.sort((a, b) => Number(b === active) - Number(a === active));
}

/** Steps after the note exists: if one fails, the coach hears that the note is there but unfinished, and why. */
async function finish(file: TFile, steps: () => Promise<unknown>, what = "session note"): Promise<void> {
	try {
		await steps();
	} catch (error) {
		new Notice(`The ${what} ${file.path} was made, but could not be finished: ${reasonOf(error)}`);
	}
}

async function openAtLine(app: App, file: TFile, line: number): Promise<void> {
	await finish(file, async () => {
		const leaf = app.workspace.getLeaf(false);
		await leaf.openFile(file);
		const view = leaf.view;
		if (view instanceof MarkdownView) {
			view.editor.setCursor({ line, ch: 0 });
			view.editor.focus();
		}
	});
}

/** "New client": a client note named as typed (illegal characters replaced, the exact name kept as an alias). */
export async function createClientNote(app: App, name: string, settings: CoachingSettings, folder: string, now: Date): Promise<TFile | null> {
	const fileName = safeFileName(name.trim());
	const target = pathInVault(folder, "The client note folder");
	if ("problem" in target) {
		new Notice(`${target.problem} No client note was made; change the folder in the settings.`);
		return null;
	}
	let file: TFile;
	try {
		const folder = await ensureFolder(app, target.path);
		const path = freePath(folder, fileName, isTaken(app));
		file = await app.vault.create(normalizePath(path), clientNoteContent(name.trim(), fileName, format(now, "yyyy-MM-dd"), settings));
	} catch (error) {
		new Notice(`The client note could not be made: ${reasonOf(error)}`);
		return null;
	}
	await finish(file, () => app.workspace.getLeaf(false).openFile(file), "client note");
	return file;
}

/** "Save brief as note": a new note in the saved briefs' folder, never over another, opened in a tab of its own unless `open` is false. */
export async function createBriefNote(app: App, settings: CoachingSettings, name: string, content: string, { open = true }: { open?: boolean } = {}): Promise<TFile | null> {
	const target = pathInVault(settings.briefFolder, "The folder for saved briefs");
	if ("problem" in target) {
		new Notice(`${target.problem} No brief was saved; change the folder in the settings.`);
		return null;
	}
	let file: TFile;
	try {
		const folder = await ensureFolder(app, target.path);
		file = await app.vault.create(normalizePath(freePath(folder, safeFileName(name), isTaken(app))), content);
	} catch (error) {
		new Notice(`The brief could not be saved: ${reasonOf(error)}`);
		return null;
	}
	if (open) await finish(file, () => app.workspace.getLeaf("tab").openFile(file), "saved brief");
	return file;
}
