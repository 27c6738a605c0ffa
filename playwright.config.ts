import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, requireChromium } from './scripts/chromium.js';

// Debian's Chromium, never a downloaded one; a missing browser stops the run with how to install it
const executablePath = requireChromium();
// another port lets a second checkout run its tests beside this one
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	timeout: 60_000,
	expect: { timeout: 15_000 },
	fullyParallel: false,
	workers: 1, // two cores: one for the browser, one for the server
	retries: 0,
	reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
	webServer: {
		command: `npm run build && tsx scripts/serve.ts build ${port}`,
		url: `http://127.0.0.1:${port}/`,
		timeout: 600_000,
		reuseExistingServer: !process.env.CI,
		stdout: 'ignore',
		stderr: 'pipe'
	},
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		browserName: 'chromium',
		launchOptions: { executablePath, args: CHROMIUM_ARGS },
		locale: 'zh-CN',
		timezoneId: 'UTC'
	}
});
