/** What went wrong, in the words the error gave: thrown values are not always errors. */
export function reasonOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
