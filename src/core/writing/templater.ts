/**
 * Text from a note made inert for Templater before it is written into a new note: `<%` becomes
 * the Markdown escape `<\%`, which reads the same, so no name or commitment ever runs as code,
 * whoever processes the note afterwards (Templater's "trigger on new file creation" included).
 * A leading `%` and a trailing `<` are escaped too: set beside other text or another value
 * (`{{client}}{{client}}`), they could otherwise join into a `<%`.
 */
export function inertForTemplater(text: string): string {
	return text.replace(/<%/g, "<\\%").replace(/^%/, "\\%").replace(/<$/, "\\<");
}

