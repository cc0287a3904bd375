/** A path inside the vault, written from its top with `/` ("" is the top itself), or why it cannot be one. */
export type VaultPathCheck = { path: string } | { problem: string };

/**
 * The one gate for every path the plugin or the command line writes to, or reads a template
 * from: settings folders, new notes, templates. It never touches the disk, so the settings tab,
 * the loading of `data.json` and both writers ask the same question and get the same words.
 * `what` names the thing in the message ("The session note folder").
 */
export function pathInVault(input: string, what: string): VaultPathCheck {
	const written = input.trim();
	if (written === "") return { path: "" };
	if ([...written].some((character) => isControl(character.charCodeAt(0)))) return { problem: `${what} cannot hold control characters.` };
	const slashed = written.replace(/\\/g, "/");
	// A leading `/` is the vault's top, as in Obsidian's own folder settings; a drive, a network
	// share or a home folder (`C:`, `//server`, `~/`) can only mean a place on the disk.
	if (/^[a-z]:/i.test(slashed) || slashed.startsWith("//") || slashed === "~" || slashed.startsWith("~/")) {
		return { problem: `${what} must be inside your vault, written from the vault's top (like Coaching/Sessions), not a place on the disk.` };
	}
	const segments = slashed.split("/").filter((segment) => segment !== "");
	if (segments.some((segment) => segment === ".." || segment === ".")) {
		return { problem: `${what} must be inside your vault, written from the vault's top without "." or "..".` };
	}
	if (segments.some((segment) => segment.startsWith("."))) return { problem: `${what} cannot be in a hidden or configuration folder.` };
	// Checked before anything is made: a write that fails halfway must not leave folders behind.
	if (segments.some((segment) => BYTES.encode(segment).length > MAX_NAME_BYTES)) {
		return { problem: `${what} has a folder or file name longer than ${MAX_NAME_BYTES} bytes, more than file systems allow.` };
	}
	const path = segments.join("/");
	if (BYTES.encode(path).length > MAX_PATH_BYTES) return { problem: `${what} is a path longer than ${MAX_PATH_BYTES} bytes; give a shorter one.` };
	return { path };
}

/** The longest file or folder name most file systems allow, in UTF-8 bytes. */
export const MAX_NAME_BYTES = 255;
/** Far deeper than any vault's folders, and safely inside every system's limit for a whole path. */
const MAX_PATH_BYTES = 1024;
const BYTES = new TextEncoder();

/** C0 and C1 control characters and DEL: never part of a name a person means. */
export function isControl(code: number): boolean {
	return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

/** The problem with a path, or null when it is inside the vault: for checks that only need a yes or a why. */
export function vaultPathProblem(input: string, what: string): string | null {
	const check = pathInVault(input, what);
	return "problem" in check ? check.problem : null;
}
