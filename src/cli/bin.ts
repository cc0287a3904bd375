import { runCli } from "./main";
import { reasonOf } from "../core/reason";

// The command-line entry: standard streams, colour only on a terminal that has not asked for none.
const colour = Boolean(process.stdout.isTTY) && !process.env["NO_COLOR"];
// Progress goes to a terminal only: a status line rewritten in place, erased when done.
const status = process.stderr.isTTY ? (line: string) => process.stderr.write(`\r\x1b[K${line}`) : undefined;
runCli(process.argv.slice(2), { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text), colour, status }).then(
	(status) => {
		process.exitCode = status;
	},
	(error: unknown) => {
		process.stderr.write(`Something went wrong: ${reasonOf(error)}\n`);
		process.exitCode = 1;
	},
);
