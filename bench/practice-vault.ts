/**
 * A coach's vault after years of practice, made up from a seed so every run measures the same
 * notes: 2% clients, 30% sessions with tasks and tags, the rest daily and topic notes of 1-5 KB.
 * Clients keep their conversations in every shape the conventions name: a note per session, a log
 * in the client's note, a folder of their own, and sections of the coach's daily notes. One client
 * has 300 sessions, as a long-standing client does.
 */

export interface PracticeNote {
	path: string;
	text: string;
	ctime: number;
	mtime: number;
}

export interface PracticeVault {
	notes: PracticeNote[];
	/** The client with the most conversations: the brief that costs the most. */
	busiestClient: string;
	clients: number;
	conversations: number;
}

type Shape = "notes" | "log" | "folder" | "daily";

interface PlannedClient {
	name: string;
	shape: Shape;
	days: string[];
}

const FIRST = ["Ana", "Ben", "Chloé", "Dara", "Emeka", "Farah", "Gus", "Hana", "Ivo", "Jonas", "Kemi", "Lena", "Marta", "Nils", "Olu", "Priya", "Quinn", "Rosa", "Sam", "Tomás", "Uma", "Vik", "Wen", "Yusuf", "Zoë"];
const LAST = ["Costa", "Weber", "Nair", "Okoro", "Silva", "Park", "Rivera", "Chen", "Mensah", "Haddad", "Kowalski", "Lindqvist", "Moreau", "Novak", "Osei", "Petrov", "Quint", "Rossi", "Sato", "Tan", "Ueda", "Varga", "Walsh", "Yilmaz", "Zhou"];
const THEMES = ["energy", "boundaries", "career", "family", "confidence", "leadership", "rest", "money", "health", "conflict", "grief", "purpose"];
const TOPICS = ["Listening", "Feedback", "Sleep", "Delegation", "Burnout", "Negotiation", "Habits", "Values", "Transitions", "Teams", "Focus", "Money talk"];
const SENTENCES = [
	"We started with the week that had been, and it took a while to get to the thing underneath.",
	"She said the new role feels like wearing someone else's coat, and then laughed at herself.",
	"He noticed he says yes before the question is finished, and wants to leave a pause first.",
	"The team offsite went better than feared; two people spoke who never speak.",
	"Sleep is still broken after the second child; the mornings are the hardest part.",
	"Talked about what a good enough week would look like, rather than a perfect one.",
	"The conversation with the manager has not happened yet, and the avoidance is costing energy.",
	"Lots of energy when describing the workshop design, flat when describing the budget.",
	"Wondered aloud whether the move abroad is a running towards or a running away.",
	"Picked up the thread from last time about asking for help without apologising.",
	"Her father's illness sits behind everything this month; we gave it room.",
	"A small win: the Friday review is now thirty minutes instead of two hours.",
	"He wants to be seen as decisive, and worries that listening looks like hesitation.",
	"Money came up for the first time, carefully, as something they never talk about at home.",
	"The question that landed: who would you be if nobody needed you to be calm?",
	"Reread my notes from the spring; the same worry in different clothes.",
	"Ran before the rain and thought about how to open tomorrow's call.",
	"Groceries, the boiler service, and a long list of emails I keep moving to tomorrow.",
	"Supervision was useful: notice when I start solving instead of asking.",
	"A quiet day, most of it spent on the workshop slides and a walk at lunch.",
];
const ERRANDS = ["Renew the car insurance", "Buy printer ink", "Book the boiler service", "Call the dentist", "Send the invoice for October", "Pick up the dry cleaning"];
const COMMITMENTS = [
	"Ask for the role description in writing",
	"Block two mornings a week for deep work",
	"Tell the team about the August week off",
	"Draft the conversation opener and read it aloud",
	"Say no to one meeting a day this week",
	"Write down three things that went well each evening",
	"Talk to Chidi about covering Thursdays",
	"Look at the numbers with the accountant",
];

const DAY_MS = 86_400_000;
/** Ten years of practice, ending on the bench's "today". */
const FIRST_DAY = Date.UTC(2016, 10, 25);
const DAYS = 3652;

/** A small seeded generator (mulberry32): the same seed gives the same vault on every machine. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

function dayOf(index: number): string {
	return new Date(FIRST_DAY + index * DAY_MS).toISOString().slice(0, 10);
}

export function practiceVault(size: number, seed = 1): PracticeVault {
	const next = random(seed);
	const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
	const between = (low: number, high: number): number => low + Math.floor(next() * (high - low + 1));
	const prose = (bytes: number): string => {
		const paragraphs: string[] = [];
		let length = 0;
		while (length < bytes) {
			const paragraph = Array.from({ length: between(2, 5) }, () => pick(SENTENCES)).join(" ");
			paragraphs.push(paragraph);
			length += paragraph.length + 2;
		}
		return paragraphs.join("\n\n");
	};
	const tags = (): string => Array.from(new Set(Array.from({ length: between(1, 3) }, () => pick(THEMES)))).join(", ");
	const tasks = (): string =>
		Array.from({ length: between(1, 4) }, () => `- [${next() < 0.4 ? "x" : " "}] ${pick(COMMITMENTS)}`).join("\n");

	const clientCount = Math.max(5, Math.round(size * 0.02));
	const conversationCount = Math.round(size * 0.3);
	const names = new Set<string>();
	while (names.size < clientCount) names.add(`${pick(FIRST)} ${pick(LAST)}${names.size >= FIRST.length * LAST.length / 2 ? ` ${names.size}` : ""}`);
	const shapes: Shape[] = ["notes", "notes", "notes", "notes", "notes", "notes", "notes", "log", "folder", "daily"];
	const clients: PlannedClient[] = [...names].map((name, index) => ({ name, shape: index === 0 ? "notes" : pick(shapes), days: [] }));
	const busiest = clients[0] as PlannedClient;
	const busiestCount = Math.min(300, Math.floor(conversationCount / 2));
	const sessionDays = (count: number): string[] => {
		const start = between(0, DAYS - 1);
		return Array.from({ length: count }, (_, n) => dayOf(Math.min(DAYS - 1, start + n * Math.max(1, Math.floor((DAYS - start) / count))))).sort();
	};
	busiest.days = sessionDays(busiestCount);
	for (let n = busiestCount; n < conversationCount; n++) (pick(clients.slice(1)) as PlannedClient).days.push("");
	for (const client of clients.slice(1)) client.days = sessionDays(client.days.length);

	const notes: PracticeNote[] = [];
	const taken = new Set<string>();
	const add = (path: string, text: string, day: string): void => {
		let free = path;
		for (let copy = 2; taken.has(free.toLowerCase()); copy++) free = path.replace(/\.md$/, ` (${copy}).md`);
		taken.add(free.toLowerCase());
		const time = Date.parse(`${day}T18:00:00Z`);
		notes.push({ path: free, text, ctime: time, mtime: time });
	};
	const sessionBody = (client: string, level: number): string => {
		const h = "#".repeat(level);
		return `${h} What they brought\n${prose(between(600, 2500))}\n\n${h} Commitments\n${tasks()} [[${client}]]\n\n${h} How did I show up?\n- [x] The person who listens to them better than anyone else in their life\n- [ ] Someone who cares\n`;
	};
	const daySections = new Map<string, string[]>();

	for (const client of clients) {
		const profile = `## What makes them happy\n${prose(200)}\n\n## What keeps them awake at night\n${prose(200)}\n\n## Goals\n${prose(150)}\n`;
		const front = `---\ntype: client\ncadence: ${pick(["weekly", "fortnightly", "monthly", "every 3 weeks"])}\n---\n# ${client.name}\n\n${profile}`;
		const first = client.days[0] ?? dayOf(0);
		if (client.shape === "log") {
			const entries = [...client.days].reverse().map((day) => `### ${day}\n${prose(between(300, 900))} #${pick(THEMES)}\n${tasks()}\n`);
			add(`Coaching/Clients/${client.name}.md`, `${front}\n## Session log\n\n${entries.join("\n")}`, first);
			continue;
		}
		if (client.shape === "folder") {
			add(`Coaching/Clients/${client.name}/${client.name}.md`, front, first);
			for (const day of client.days) add(`Coaching/Clients/${client.name}/${day}.md`, `---\ndate: ${day}\ntags: [${tags()}]\n---\n${sessionBody(client.name, 2)}`, day);
			continue;
		}
		add(`Coaching/Clients/${client.name}.md`, front, first);
		for (const day of client.days) {
			if (client.shape === "daily") {
				daySections.set(day, [...(daySections.get(day) ?? []), `## Coaching: [[${client.name}]]\n${prose(between(300, 900))} #${pick(THEMES)}\n${tasks()}\n`]);
				continue;
			}
			add(
				`Coaching/Sessions/${day.slice(0, 4)}/${day} ${client.name}.md`,
				`---\nclient: "[[${client.name}]]"\ndate: ${day}\ntags: [${tags()}]\n---\n${sessionBody(client.name, 2)}`,
				day,
			);
		}
	}

	const remaining = Math.max(0, size - notes.length);
	const dailyCount = Math.min(DAYS, Math.max(daySections.size, Math.round(remaining * 0.6)));
	const dailyDays = new Set(daySections.keys());
	for (let index = DAYS - 1; dailyDays.size < dailyCount && index >= 0; index--) dailyDays.add(dayOf(index));
	for (const day of [...dailyDays].sort()) {
		const mention = next() < 0.2 ? ` Thinking about [[${pick(clients).name}]] today.` : "";
		const sections = daySections.get(day) ?? [];
		const errands = Array.from({ length: between(1, 3) }, () => `- [ ] ${pick(ERRANDS)}`).join("\n");
		add(`Journal/${day.slice(0, 4)}/${day}.md`, `---\ndate: ${day}\n---\n# ${day}\n\n${prose(between(500, 2000))}${mention}\n\n${sections.join("\n")}\n## Errands\n${errands}\n`, day);
	}
	for (let n = 0; notes.length < size; n++) {
		const day = dayOf(between(0, DAYS - 1));
		const links = Array.from({ length: between(1, 4) }, () => `[[${pick(TOPICS)} ${between(0, Math.max(1, Math.floor(size / 50)))}]]`).join(", ");
		const mention = next() < 0.05 ? `\nCame up with [[${pick(clients).name}]].` : "";
		add(`Notes/${pick(TOPICS)}/${pick(TOPICS)} ${n}.md`, `---\ntags: [${pick(THEMES)}]\n---\n# ${pick(TOPICS)}\n\n${prose(between(1000, 5000))}\n\nSee ${links}.${mention}\n`, day);
	}
	const conversations = clients.reduce((total, client) => total + client.days.length, 0);
	return { notes: notes.slice(0, size), busiestClient: busiest.name, clients: clients.length, conversations };
}
