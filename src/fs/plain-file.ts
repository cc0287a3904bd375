import { constants } from "node:fs";
import { open } from "node:fs/promises";

/** A file that is not a regular file (a pipe, a device, a folder), or too large to be a note or a setting. */
export class NotAPlainFile extends Error {}

/**
 * Reads a regular file, and only that: never through a symbolic link (refused at open), never a
 * pipe or a device (opened without waiting, then refused by what the open file is), never more
 * than `maxBytes`. A named pipe where a note or a setting should be cannot make a command wait.
 */
export async function readPlainFile(path: string, maxBytes: number): Promise<{ bytes: Buffer; ctime: number; mtime: number }> {
	const { done, ...file } = await readPlainFileWithin(path, maxBytes, null);
	done();
	return file;
}

/**
 * The same, counting the file's bytes against a budget until the caller says it is `done` with
 * them: a reader that turns the bytes into something smaller says so once it has.
 */
export async function readPlainFileWithin(
	path: string,
	maxBytes: number,
	budget: ByteBudget | null,
): Promise<{ bytes: Buffer; ctime: number; mtime: number; done: () => void }> {
	const handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
	try {
		const info = await handle.stat();
		if (!info.isFile()) throw new NotAPlainFile("it is not a plain file (a pipe, a device or a folder)");
		if (info.size > maxBytes) throw new NotAPlainFile(`it is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
		const done = budget === null ? () => {} : await budget.take(info.size);
		try {
			return { bytes: await handle.readFile(), ctime: info.birthtimeMs, mtime: info.mtimeMs, done };
		} catch (error) {
			done();
			throw error;
		}
	} finally {
		await handle.close();
	}
}

/**
 * How many bytes may be read at once: many small notes are read together, a large one alone, so
 * reading a vault is quick and its memory stays bounded whatever the notes' sizes.
 */
export class ByteBudget {
	private inFlight = 0;
	private readonly waiting: (() => void)[] = [];

	constructor(private readonly bytes: number) {}

	/** Waits until `size` bytes fit (or nothing else is held), and gives back the function that returns them, once. */
	async take(size: number): Promise<() => void> {
		while (this.inFlight > 0 && this.inFlight + size > this.bytes) await new Promise<void>((resolve) => this.waiting.push(resolve));
		this.inFlight += size;
		let returned = false;
		return () => {
			if (returned) return;
			returned = true;
			this.inFlight -= size;
			for (const wake of this.waiting.splice(0)) wake();
		};
	}
}
