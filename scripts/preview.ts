import { parseArgs } from "node:util";
import { ChromiumMissing, launchChromium, openPane, screenshotPane } from "./preview-page";

const USAGE = `Usage:
  npm run --silent preview -- --vault DIR (--client NAME | --view caseload) --out FILE.png
      [--today YYYY-MM-DD] [--theme light|dark] [--width PX] [--height PX]
      [--read-back] [--open-folds] [--privacy | --search WORDS]
Without --height the picture is the whole pane, as tall as its content.
`;

function fail(message: string): never {
	process.stderr.write(`${message}\n`);
	process.exit(2);
}

let values: {
	vault?: string;
	client?: string;
	today?: string;
	theme?: string;
	width?: string;
	height?: string;
	"read-back"?: boolean;
	"open-folds"?: boolean;
	privacy?: boolean;
	help?: boolean;
	search?: string;
	view?: string;
	out?: string;
};
try {
	({ values } = parseArgs({
		options: {
			vault: { type: "string" },
			client: { type: "string" },
			today: { type: "string" },
			theme: { type: "string" },
			"open-folds": { type: "boolean" },
			view: { type: "string" },
			width: { type: "string" },
			height: { type: "string" },
			"read-back": { type: "boolean" },
			privacy: { type: "boolean" },
			search: { type: "string" },
			out: { type: "string" },
			help: { type: "boolean" },
		},
		strict: true,
		allowPositionals: false,
	}));
} catch (error) {
	fail(`${(error as Error).message.split("\n")[0] ?? "Bad flag"}. --help lists the options.`);
}
if (values.help) {
	process.stdout.write(USAGE);
	process.exit(0);
}
const view = values.view ?? "brief";
if (view !== "brief" && view !== "caseload") fail("--view is brief or caseload.");
if (!values.vault || (view === "brief" && !values.client) || !values.out) fail("preview needs --vault DIR, --client NAME (or --view caseload) and --out FILE.png.");
if (view === "caseload" && (values.privacy !== undefined || values.search !== undefined)) fail("--privacy and --search go with a client's brief.");
if (values.privacy !== undefined && values.search !== undefined) fail("--privacy hides the search field with the rest of the note text: give one or the other.");
if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) fail("--today must be a date written YYYY-MM-DD.");
const theme = values.theme ?? "light";
if (theme !== "light" && theme !== "dark") fail("--theme is light or dark.");
const width = Number(values.width ?? 360);
if (!Number.isInteger(width) || width < 240 || width > 2400) fail("--width is a number of pixels from 240 to 2400.");
const height = values.height === undefined ? undefined : Number(values.height);
if (height !== undefined && (!Number.isInteger(height) || height < 200)) fail("--height is a number of pixels, 200 or more.");

let browser;
try {
	browser = await launchChromium();
} catch (error) {
	if (error instanceof ChromiumMissing) fail(error.message);
	throw error;
}
try {
	const page = await openPane(browser, {
		vault: values.vault,
		client: values.client ?? "",
		view,
		today: values.today,
		theme,
		width,
		readBack: values["read-back"] ?? false,
		openFolds: values["open-folds"] ?? false,
		privacy: values.privacy ?? false,
		search: values.search,
	});
	await screenshotPane(page, values.out, height);
	process.stdout.write(`${values.out}\n`);
} catch (error) {
	process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
	process.exitCode = 2;
} finally {
	await browser.close();
}
