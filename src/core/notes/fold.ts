/**
 * Lowercased, trimmed, inner white space collapsed, accents composed (a name typed as `Zoë` and
 * a file saved as `Zoe` + combining diaeresis are the same name): how names and headings are compared.
 */
export function fold(text: string): string {
	return isPlainAscii(text) ? text.toLowerCase() : text.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
}

/** Printable ASCII words with single spaces between them: already composed and trimmed, the common case by far. */
function isPlainAscii(text: string): boolean {
	if (text.length === 0) return true;
	let previousSpace = true;
	for (let at = 0; at < text.length; at++) {
		const code = text.charCodeAt(at);
		if (code === 0x20) {
			if (previousSpace) return false;
			previousSpace = true;
		} else if (code > 0x20 && code < 0x7f) previousSpace = false;
		else return false;
	}
	return !previousSpace;
}

/**
 * Markdown's backslash escapes read as the characters they stand for: `<\%` is `<%`. A commitment
 * carried into a new note inert is still the same commitment when the next brief reads it.
 */
export function withoutEscapes(text: string): string {
	return text.includes("\\") ? text.replace(/\\([!-/:-@[-`{-~])/g, "$1") : text;
}

/** How a task is compared with the same commitment in other sessions: escapes read as what they show, then folded. */
export function commitmentKey(text: string): string {
	return fold(withoutEscapes(text));
}
