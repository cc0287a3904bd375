import { lstatSync } from "node:fs";
import { lstat, mkdir, rename, rmdir, stat, unlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { candidatePath } from "../core/writing/session-note";
import { pathInVault } from "../core/writing/vault-path";
import { describeFileError, errorCode } from "../fs/file-errors";
import { readPlainFile } from "../fs/plain-file";

/** A write the command line will not or could not make: one clear line for the coach, exit status 1. */
export class VaultWriteError extends Error {}

/** A vault-relative path through the vault's one path gate, or the gate's reason as an error. */
function inVault(path: string, what: string): string {
	const check = pathInVault(path, what);
	if ("problem" in check) throw new VaultWriteError(check.problem);
	return check.path;
}

/**
 * Walks the existing part of `path` from the vault's top and refuses a symbolic link anywhere on
 * the way (a synced or cloned vault may hold one that points out of it), or a file where a folder
 * should be. The reader never follows links either: what is written is what the vault shows.
 */
async function refuseLinksOnTheWay(root: string, path: string, lastIsFile: boolean): Promise<void> {
	const segments = path === "" ? [] : path.split("/");
	for (let depth = 1; depth <= segments.length; depth++) {
		const step = segments.slice(0, depth).join("/");
		let info;
		try {
			info = await lstat(join(root, step));
		} catch (error) {
			if (errorCode(error) === "ENOENT") return;
			throw new VaultWriteError(`"${step}" could not be checked: ${describeFileError(error)}.`);
		}
		if (info.isSymbolicLink()) throw new VaultWriteError(`"${step}" is a symbolic link to somewhere else; nothing is written or read through it.`);
		const isLast = depth === segments.length;
		if (!(isLast && lastIsFile) && !info.isDirectory()) throw new VaultWriteError(`"${step}" is a file, not a folder.`);
	}
}

/** Makes the folder inside the vault, one step at a time, each step checked; returns the steps it made. */
async function makeFolder(root: string, folder: string): Promise<string[]> {
	await refuseLinksOnTheWay(root, folder, false);
	const made: string[] = [];
	const segments = folder === "" ? [] : folder.split("/");
	try {
		for (let depth = 1; depth <= segments.length; depth++) {
			const step = segments.slice(0, depth).join("/");
			try {
				await mkdir(join(root, step));
				made.push(step);
			} catch (error) {
				if (errorCode(error) !== "EEXIST") throw new VaultWriteError(`The folder "${step}" could not be made: ${describeFileError(error)}.`);
			}
		}
		// Checked again after making it: a link that appeared meanwhile is still refused.
		await refuseLinksOnTheWay(root, folder, false);
	} catch (error) {
		await removeEmptyFolders(root, made);
		throw error;
	}
	return made;
}

/** Takes back folders this run made, deepest first, and only while they are still empty. */
async function removeEmptyFolders(root: string, made: readonly string[]): Promise<void> {
	for (const step of [...made].reverse()) await rmdir(join(root, step)).catch(() => undefined);
}

/**
 * Writes a new note named `name` in `folder` and returns its vault-relative path. The name is
 * claimed with an exclusive create, so a note (or a link) already there is never overwritten:
 * when it is taken, even by a run that got there a moment before, the next free name is used.
 * A write that fails leaves nothing behind, not even the folders made for it.
 */
export async function writeNewNote(root: string, folder: string, name: string, content: string): Promise<string> {
	const target = inVault(folder, "The session note folder");
	const made = await makeFolder(root, target);
	try {
		for (let copy = 1; copy < 1000; copy++) {
			const path = inVault(candidatePath(target, name, copy), "The new note");
			try {
				await writeFile(join(root, path), content, { encoding: "utf8", flag: "wx" });
				return path;
			} catch (error) {
				if (errorCode(error) === "EEXIST") continue;
				// These fail after the exclusive create made the file, so it is ours: no half-written note stays.
				if (["ENOSPC", "EDQUOT", "EIO"].includes(errorCode(error) ?? "")) await unlink(join(root, path)).catch(() => undefined);
				throw new VaultWriteError(`The note "${path}" could not be written: ${describeFileError(error)}.`);
			}
		}
		throw new VaultWriteError(`Every name for the new note in "${target}" is taken.`);
	} catch (error) {
		await removeEmptyFolders(root, made);
		throw error;
	}
}

/** Whether anything (a note, a folder, even a link to nowhere) already holds this vault path. */
export function entryExists(root: string, path: string): boolean {
	try {
		lstatSync(join(root, path));
		return true;
	} catch {
		return false;
	}
}

/** A template or a client's note is a few pages; a larger file is not one to read whole or rewrite. */
const MAX_NOTE_BYTES = 8 * 1024 * 1024;

/** Reads a note of the vault (a template, a client's note) without following a symbolic link on the way. */
export async function readVaultNote(root: string, path: string, what: string): Promise<string> {
	const target = inVault(path, what);
	await refuseLinksOnTheWay(root, target, true);
	return (await readPlainFile(join(root, target), MAX_NOTE_BYTES)).bytes.toString("utf8");
}

/**
 * Replaces a note's text, and only if it is still `expected`: written beside it (with the note's
 * permissions) and renamed over it, so the note is never half written; the note is read again
 * just before the rename, so an edit saved meanwhile is kept and the run says so. What remains is
 * the instant between that read and the rename.
 */
export async function replaceNoteText(root: string, path: string, expected: string, text: string): Promise<string> {
	const target = inVault(path, "The client note");
	const full = join(root, target);
	const unchanged = async (): Promise<void> => {
		if ((await readVaultNote(root, target, "The client note")) !== expected) throw new VaultWriteError(`"${target}" changed while the session was being added; nothing was written. Run new-session again.`);
	};
	await unchanged();
	const beside = `${full}.coaching-alliance-${process.pid}.tmp`;
	try {
		await writeFile(beside, text, { encoding: "utf8", flag: "wx", mode: (await stat(full)).mode & 0o777 });
		await unchanged();
		await rename(beside, full);
	} catch (error) {
		await unlink(beside).catch(() => undefined);
		if (error instanceof VaultWriteError) throw error;
		throw new VaultWriteError(`The note "${target}" could not be written: ${describeFileError(error)}.`);
	}
	return target;
}

/** A lock from another machine (a synced vault) is trusted this long; one from this machine, while its process lives. */
const FOREIGN_LOCK_MS = 10 * 60_000;
const LOCK_WAIT_MS = 15_000;

/**
 * Runs `work` while holding the vault's new-session lock, a hidden file at the vault's top that
 * Obsidian never shows: two runs at once then read the vault one after the other, so each sees
 * the other's note and numbers its own after it. The lock names its machine and process, so a
 * lock left by a run that died is recognised and taken over; it is removed when the work ends.
 */
export async function withNewSessionLock<T>(root: string, work: () => Promise<T>): Promise<T> {
	const lock = join(root, ".coaching-alliance-new-session.lock");
	const mine = `${hostname()} ${process.pid}`;
	const started = Date.now();
	for (;;) {
		try {
			await writeFile(lock, mine, { flag: "wx" });
			break;
		} catch (error) {
			// A vault whose top cannot be written to cannot hold a lock; the note is still claimed safely.
			if (errorCode(error) !== "EEXIST") return work();
			const holder = await readLock(lock);
			// Something else stands where the lock goes (a folder, a pipe, a link): this run does without.
			if (holder === "not a lock") return work();
			if (holder !== null && (await isAbandoned(lock, holder))) {
				// Taken over only if it is still the abandoned one, not a lock another waiter just made.
				if ((await readLock(lock)) === holder) await unlink(lock).catch(() => undefined);
			} else if (Date.now() - started > LOCK_WAIT_MS) {
				throw new VaultWriteError("Another new-session run is still writing to this vault; try again in a moment.");
			} else {
				await new Promise((resolve) => setTimeout(resolve, 20));
			}
		}
	}
	try {
		return await work();
	} finally {
		await unlink(lock).catch(() => undefined);
	}
}

/** What the lock says (its machine and process), null when it has just gone, or "not a lock" for anything but a small plain file. */
async function readLock(lock: string): Promise<string | null> {
	try {
		return (await readPlainFile(lock, 1024)).bytes.toString("utf8");
	} catch (error) {
		return errorCode(error) === "ENOENT" ? null : "not a lock";
	}
}

/** A lock whose process on this machine is gone, or one from another machine that is older than any run. */
async function isAbandoned(lock: string, holder: string): Promise<boolean> {
	const [host, pid] = holder.trim().split(" ");
	if (host === hostname() && pid !== undefined && /^\d+$/.test(pid)) return !isRunning(Number(pid));
	const age = await lstat(lock).then((info) => Date.now() - info.mtimeMs, () => 0);
	return age > FOREIGN_LOCK_MS;
}

function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: it runs, under another user.
		return errorCode(error) === "EPERM";
	}
}
