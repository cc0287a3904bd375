import { fold } from "./fold";

/**
 * A name's words as names are matched when written as plain text: any case and accent, with
 * hyphens, underscores, spaces and other punctuation alike, so `Example Corp` is `Example-Corp`.
 */
export function nameWords(text: string): string[] {
	return fold(text)
		.split(/[^\p{L}\p{N}]+/u)
		.filter((word) => word !== "");
}

/** A name as one comparable text: its words, one space apart. */
export function looseName(text: string): string {
	return nameWords(text).join(" ");
}
