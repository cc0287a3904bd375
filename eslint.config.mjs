import { defineConfig } from "eslint/config";
import obsidianmd from "eslint-plugin-obsidianmd";
import globals from "globals";

// Lint as Obsidian's reviewers do. Only the plugin's sources are held to the review rules;
// the command-line tool and the file reader run on Node by design, so Node modules are theirs to use.
export default defineConfig([
	{ ignores: ["main.js", "node_modules/**", "examples/**", "tests/**", "bench/**", "scripts/**", "*.mjs", "vitest.config.ts"] },
	...obsidianmd.configs.recommended,
	{
		files: ["src/**/*.ts"],
		languageOptions: {
			parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
		},
	},
	{
		files: ["src/cli/**/*.ts", "src/fs/**/*.ts"],
		languageOptions: { globals: globals.node },
		rules: {
			"obsidianmd/no-nodejs-modules": "off",
			"import/no-nodejs-modules": "off",
			// Outside Obsidian there is no Vault#configDir to ask: `.obsidian` is the folder's name on disk.
			"obsidianmd/hardcoded-config-path": "off",
			// Node has no windows to pop out: its timers are the global ones.
			"obsidianmd/prefer-window-timers": "off",
		},
	},
]);
