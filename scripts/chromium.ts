/**
 * Debian's Chromium, launched so it never reaches for the network on its own. Shared by the
 * page tests, the screenshots and the benchmark. A missing browser is a loud failure.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage'
];

export function requireChromium(): string {
	if (!existsSync(CHROMIUM_PATH)) {
		throw new Error(
			`Chromium not found at ${CHROMIUM_PATH}. Install Debian's build with ` +
				'`apt-get update && apt-get install -y chromium fonts-noto-cjk`, or set CHROMIUM_PATH.'
		);
	}
	return CHROMIUM_PATH;
}

export function freshProfile(): string {
	return mkdtempSync(join(tmpdir(), 'chromium-profile-'));
}
