import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

/** The day every hostile case is run on. */
export const TODAY = "2026-11-24";

/**
 * A small practice written as a coach writes: two clients, their sessions, a journal entry.
 * Every hostile case starts from it and adds what it is about, so "the rest keeps working"
 * can be checked on notes that have nothing wrong with them.
 */
export const BASE_VAULT: Record<string, string> = {
	"Clients/Maya Chen.md": `---
type: client
cadence: fortnightly
started: 2026-09-01
---
## What makes them happy
Her garden, early mornings, her niece's drawings on the fridge.

## What keeps them awake at night
Whether the team trusts her since the reorganisation.

## Goals
Lead the platform team without doing everyone's job for them.
`,
	"Clients/Sam Okoro.md": `---
type: client
cadence: monthly
---
## What makes them happy
Long runs on Sunday, cooking for friends.
`,
	"Sessions/2026-10-05 Maya Chen.md": `---
type: session
client: "[[Maya Chen]]"
date: 2026-10-05
session: 1
tags: [delegation]
---
## What they brought
She wants to stop being the one everybody escalates to.

## Commitments
- [ ] List three decisions the team can make without her
- [x] Block Friday afternoons for thinking
`,
	"Sessions/2026-10-19 Maya Chen.md": `---
type: session
client: "[[Maya Chen]]"
date: 2026-10-19
session: 2
tags: [delegation, trust]
---
## What they brought
The list is written; she has not shared it yet.

## Commitments
- [ ] List three decisions the team can make without her
- [ ] Share the list at Monday's stand-up
`,
	"Sessions/2026-10-12 Sam Okoro.md": `---
type: session
client: "[[Sam Okoro]]"
date: 2026-10-12
---
## What they brought
A job offer abroad, and what it would mean for his mother.

- [ ] Talk to his sister before deciding
`,
	"Journal/2026-11-02.md": `Ran into [[Maya Chen]] at the conference; she shared the list after all.
`,
};

export async function writeFiles(root: string, files: Record<string, string | Buffer>): Promise<void> {
	for (const [path, content] of Object.entries(files)) {
		await mkdir(dirname(join(root, path)), { recursive: true });
		await writeFile(join(root, path), content);
	}
}

export function settingsFile(settings: Record<string, unknown>): Record<string, string> {
	return { ".obsidian/plugins/coaching-alliance/data.json": JSON.stringify(settings) };
}

/** A session for Maya, with whatever frontmatter and body a case needs. */
export function mayaSession(frontmatter: string, body = "## What they brought\nA quiet session.\n\n- [ ] Call the bank before Friday\n"): string {
	return `---\n${frontmatter}\n---\n${body}`;
}
