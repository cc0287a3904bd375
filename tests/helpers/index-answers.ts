import { computeBrief } from "../../src/core/brief/brief";
import { computeCaseload } from "../../src/core/brief/caseload";
import type { CoachingIndex } from "../../src/core/index/coaching-index";
import type { CoachingSettings } from "../../src/core/settings/settings";

/**
 * Everything the index answers, for comparing two indexes of the same vault: every note's kind and
 * conversations with their clients, every client, the problems, the caseload, every brief.
 */
export function everything(index: CoachingIndex, settings: CoachingSettings, paths: Iterable<string>, today: string): unknown {
	return {
		notes: [...paths].sort().map((path) => ({
			path,
			kind: index.get(path)?.kind,
			awaitingText: index.get(path)?.awaitingText,
			sessions: index.sessionsIn(path).map((session) => ({ id: session.id, clients: index.sessionClients(session).map((client) => client.key) })),
		})),
		clients: index.clients(),
		problems: index.problems().sort((a, b) => a.path.localeCompare(b.path) || a.problem.localeCompare(b.problem)),
		caseload: computeCaseload(index, today),
		briefs: index.clients().map((client) => computeBrief(index, client, today, settings)),
	};
}
