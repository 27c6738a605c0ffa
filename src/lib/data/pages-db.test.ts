/**
 * Where the pages' views are answered is the build's choice (QUERY_SERVER): checked when the
 * site is built, and an address the page's CSP allows and its footer names.
 */
import { describe, expect, it } from 'vitest';
import config, { queryServerAddress } from '../../../svelte.config.js';
import { QUERY_SERVER, queryServerHost } from './pages-db.js';

describe('the query server a site is built for', () => {
	it('is none by default: the pages run DuckDB-WASM and the CSP allows only the site', () => {
		expect(queryServerAddress(undefined)).toEqual({ address: '', origin: null });
		expect(queryServerAddress('')).toEqual({ address: '', origin: null });
		expect(QUERY_SERVER).toBe('');
		expect(config.kit?.csp?.directives?.['connect-src']).toEqual(['self']);
	});

	it('is a path on the site, or an http(s) address whose origin alone the CSP is given', () => {
		expect(queryServerAddress('/query')).toEqual({ address: '/query', origin: null });
		expect(queryServerAddress('https://figures.example.org/v1/query?x=1')).toEqual({
			address: 'https://figures.example.org/v1/query?x=1',
			origin: 'https://figures.example.org'
		});
		expect(queryServerAddress('http://127.0.0.1:4191/')).toMatchObject({
			origin: 'http://127.0.0.1:4191'
		});
	});

	it('refuses at build time an address a page could not or should not ask', () => {
		for (const bad of ['query', 'ftp://figures.example.org/', 'javascript:alert(1)', 'data:,x']) {
			expect(() => queryServerAddress(bad), bad).toThrow(/http\(s\) address or a path/);
		}
		expect(() => queryServerAddress('https://user:secret@figures.example.org/')).toThrow(
			/user name or password/
		);
	});

	it('names the host of another site’s server in the footer, and none for a path', () => {
		expect(queryServerHost('https://figures.example.org/v1/query')).toBe('figures.example.org');
		expect(queryServerHost('http://127.0.0.1:4191/')).toBe('127.0.0.1:4191');
		expect(queryServerHost('/query')).toBeNull();
		expect(queryServerHost('')).toBeNull();
	});
});
