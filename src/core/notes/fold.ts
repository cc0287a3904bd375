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

/**
 * What the Tasks plugin and Dataview write on a task besides its words: dates (📅 due, ⏳
 * scheduled, 🛫 start, ➕ created, ✅ done, ❌ cancelled), priorities, a recurrence, ids, and inline
 * fields (`[due:: 2026-07-07]`). A due date moved from one session to the next is the same promise.
 */
const TASK_METADATA =
	/[📅⏳🛫➕✅❌]\uFE0F?\s*\d{4}-\d{2}-\d{2}|[⏫🔺🔼🔽⏬]\uFE0F?|🔁\uFE0F?[^📅⏳🛫➕✅❌⏫🔺🔼🔽⏬🆔⛔🏁]*|(?:🆔|⛔|🏁)\uFE0F?\s*[\w,-]+|[[(][\p{L}\p{N}_ -]+::[^\])]*[\])]/gu;

/** `#me` on a task, as a tag of its own (not `#meeting`), in any case: it says whose promise a task is, not what is promised. */
const COACH_MARK = /(^|\s)#me(?=$|[\s.,;:!?)])/iu;
const COACH_MARKS = new RegExp(COACH_MARK.source, "giu");

/** Whether a task is tagged `#me`: the coach's own promise. */
export function hasCoachMark(text: string): boolean {
	return COACH_MARK.test(text);
}

/** A task's words without `#me`: tagged later, it is the same promise, and the brief says whose it is apart. */
export function withoutCoachMark(text: string): string {
	return text.includes("#") ? text.replace(COACH_MARKS, "$1").replace(/[ \t]{2,}/g, " ").trim() : text;
}

/** How a task is compared with the same commitment in other sessions: its words alone (not its dates, priority or `#me`), escapes read as what they show, then folded. */
export function commitmentKey(text: string): string {
	const words = /[📅⏳🛫➕✅❌⏫🔺🔼🔽⏬🔁🆔⛔🏁]|::/u.test(text) ? text.replace(TASK_METADATA, " ") : text;
	return fold(withoutEscapes(withoutCoachMark(words)));
}

/**
 * Text as a name or tag is searched for in a note's raw text, whatever its case and accent forms:
 * lower case, accents composed, a final sigma read as a sigma (lower case depends on the letters
 * around it, which differ between a name and the text that holds it).
 */
export function caseless(text: string): string {
	return isAscii(text) ? text.toLowerCase() : text.normalize("NFC").toLowerCase().replace(/ς/g, "σ");
}

function isAscii(text: string): boolean {
	for (let at = 0; at < text.length; at++) if (text.charCodeAt(at) > 0x7f) return false;
	return true;
}

/** Text as a search compares it: any case, accents off (`Tomás` is found by `tomas`), spaces collapsed. */
export function searchKey(text: string): string {
	if (isAscii(text)) return text.toLowerCase().replace(/\s+/g, " ").trim();
	let key = "";
	for (const character of text) key += searchFoldOf(character);
	return key.replace(/ +/g, " ").trim();
}

/**
 * One character (a code point) as a search compares it: lower case, accents off, any white space
 * a space, a final sigma a sigma. Folded a character at a time, never by the text around it (which
 * would end `ΟΔΟΣ` in `ς`), so that a conversation's search can mark where each match was written.
 */
export function searchFoldOf(character: string): string {
	if (character.length === 1 && character.charCodeAt(0) < 0x80) return /\s/.test(character) ? " " : character.toLowerCase();
	if (/\s/u.test(character)) return " ";
	return character.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/ς/g, "σ");
}
