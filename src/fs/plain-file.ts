import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";

/** A file that is not a regular file (a pipe, a device, a folder), or too large to be a note or a setting. */
export class NotAPlainFile extends Error {}

/**
 * Reads a regular file, and only that: never through a symbolic link (refused at open), never a
 * pipe or a device (opened without waiting, then refused by what the open file is), never more
 * than `maxBytes`. A named pipe where a note or a setting should be cannot make a command wait.
 *
 * The calls are synchronous: a command reads thousands of small notes one after another, and four
 * awaited calls per note cost more than the reading. One note's text is in memory at a time.
 */
export async function readPlainFile(path: string, maxBytes: number): Promise<{ bytes: Buffer; ctime: number; mtime: number }> {
	return Promise.resolve().then(() => readPlainFileNow(path, maxBytes));
}

export function readPlainFileNow(path: string, maxBytes: number): { bytes: Buffer; ctime: number; mtime: number } {
	const descriptor = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
	try {
		const info = fstatSync(descriptor);
		if (!info.isFile()) throw new NotAPlainFile("it is not a plain file (a pipe, a device or a folder)");
		if (info.size > maxBytes) throw new NotAPlainFile(`it is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
		// The size is where reading stops: a file that grows meanwhile is read as it was when opened.
		const bytes = Buffer.allocUnsafe(info.size);
		let read = 0;
		while (read < bytes.length) {
			const got = readSync(descriptor, bytes, read, bytes.length - read, null);
			if (got === 0) break;
			read += got;
		}
		return { bytes: read === bytes.length ? bytes : bytes.subarray(0, read), ctime: info.birthtimeMs, mtime: info.mtimeMs };
	} finally {
		closeSync(descriptor);
	}
}
