import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

// Dates are computed in the time zone the tests run in; UTC keeps every machine alike.
process.env.TZ = "UTC";

export default defineConfig({
	resolve: {
		alias: {
			// `obsidian` on npm is types only; the plugin's Obsidian-facing code runs against our test runtime.
			obsidian: fileURLToPath(new URL("./obsidian-runtime/index.ts", import.meta.url)),
		},
	},
	test: {
		include: ["tests/**/*.test.ts"],
		environment: "node",
		testTimeout: 60_000,
	},
});
