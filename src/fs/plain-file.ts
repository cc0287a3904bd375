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
	const handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
	try {
		const info = await handle.stat();
		if (!info.isFile()) throw new NotAPlainFile("it is not a plain file (a pipe, a device or a folder)");
		if (info.size > maxBytes) throw new NotAPlainFile(`it is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
		return { bytes: await handle.readFile(), ctime: info.birthtimeMs, mtime: info.mtimeMs };
	} finally {
		await handle.close();
	}
}
