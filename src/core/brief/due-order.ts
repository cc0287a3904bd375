import type { CaseloadEntry, CaseloadRow } from "./caseload";

/**
 * Who to prepare for next: clients due by their cadence first (the longest overdue at the top),
 * then everyone else by how long since you spoke; past clients last. The caseload's own order
 * (longest waiting first) stays the contract of the CLI; this is the picker's.
 */
export function dueOrder(rows: readonly CaseloadRow[]): CaseloadRow[] {
	const rank = (entry: CaseloadEntry): number => (entry.status === "archived" ? 2 : entry.due ? 0 : 1);
	return [...rows].sort(
		({ entry: a }, { entry: b }) =>
			rank(a) - rank(b) ||
			(b.daysSinceLastSession ?? Number.MAX_SAFE_INTEGER) - (a.daysSinceLastSession ?? Number.MAX_SAFE_INTEGER) ||
			a.name.localeCompare(b.name),
	);
}
