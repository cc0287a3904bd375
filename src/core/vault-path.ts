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
	if ([...written].some((character) => character.charCodeAt(0) < 0x20 || character.charCodeAt(0) === 0x7f)) {
		return { problem: `${what} cannot hold control characters.` };
	}
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
	return { path: segments.join("/") };
}

/** The problem with a path, or null when it is inside the vault: for checks that only need a yes or a why. */
export function vaultPathProblem(input: string, what: string): string | null {
	const check = pathInVault(input, what);
	return "problem" in check ? check.problem : null;
}
