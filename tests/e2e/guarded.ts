import { test as base, expect } from '@playwright/test';

/** Playwright's test, where a page error or a request off the site fails whichever test caused it. */
export const test = base.extend<{ guard: void }>({
	guard: [
		async ({ page }, use) => {
			const errors: string[] = [];
			const outside: string[] = [];
			page.on('pageerror', (error) => errors.push(error.message));
			page.on('request', (request) => {
				const url = request.url();
				if (url.startsWith('data:') || url.startsWith('blob:')) return;
				if (new URL(url).hostname !== '127.0.0.1') outside.push(url);
			});
			await use();
			expect(errors, 'errors thrown in the page').toEqual([]);
			expect(outside, 'requests that left 127.0.0.1').toEqual([]);
		},
		{ auto: true }
	]
});
