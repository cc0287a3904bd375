import { NotAPlainFile } from "./plain-file";
import { reasonOf } from "../core/reason";

/** The system's code for a failed file operation (`ENOENT`, `EACCES`…), if it has one. */
export function errorCode(error: unknown): string | undefined {
	const code = (error as { code?: unknown } | null)?.code;
	return typeof code === "string" ? code : undefined;
}

/** What a file system error means, in words a coach understands, without the code's jargon. */
export function describeFileError(error: unknown): string {
	if (error instanceof NotAPlainFile) return error.message;
	switch (errorCode(error)) {
		case "EACCES":
		case "EPERM":
			return "permission denied";
		case "ENOENT":
			return "it does not exist";
		case "ENOTDIR":
			return "a file stands where a folder should be";
		case "EISDIR":
			return "it is a folder, not a file";
		case "ENAMETOOLONG":
			return "the name is longer than the file system allows";
		case "ENOSPC":
			return "the disk is full";
		case "EROFS":
			return "the disk is read-only";
		case "ELOOP":
			return "it is a symbolic link (or a loop of them)";
		case "EEXIST":
			return "a file of that name already exists";
		case "EMFILE":
		case "ENFILE":
			return "too many files are open";
		case "EIO":
			return "the disk could not be read";
		default:
			return reasonOf(error);
	}
}
