/**
 * Lowercased, trimmed, inner white space collapsed, accents composed (a name typed as `Zoë` and
 * a file saved as `Zoe` + combining diaeresis are the same name): how names and headings are compared.
 */
export function fold(text: string): string {
	return text.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
}
