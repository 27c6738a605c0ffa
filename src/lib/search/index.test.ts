/**
 * The site search over the real dataset, through the index exactly as the site ships it:
 * built, packed, serialised, parsed and opened again.
 */
import MiniSearch from 'minisearch';
import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../dataset/build.js';
import {
	INDEX_OPTIONS,
	hrefOf,
	openIndex,
	pack,
	pinyinFields,
	search,
	searchDocuments,
	tokenize,
	type Hit,
	type PackedIndex,
	type Romanise,
	type SearchDoc
} from './index.js';

const romanise: Romanise = (han) => pinyin(han, { toneType: 'none', type: 'array', v: true });
const dataset = buildDataset('data');
const documents = dataset.manifests.flatMap((m) => m.documents);
const docs = searchDocuments({
	catalog: dataset.catalog,
	documents,
	figures: dataset.figures,
	romanise
});
const built = new MiniSearch<SearchDoc>(INDEX_OPTIONS);
built.addAll(docs);
const shipped = JSON.stringify(pack(built));
const index = openIndex(MiniSearch, JSON.parse(shipped) as PackedIndex);

const first = (query: string): Hit | undefined => search(index, query)[0];
const NEW_MATERIALS = 'indicator:industry-output-above-scale:industry-key-new-materials';

describe('the tokenizer', () => {
	it('splits Chinese into characters and pairs, and keeps Latin words and numbers whole', () => {
		expect(tokenize('新材料 1725亿元, PM2.5 Forest')).toEqual([
			'新',
			'材',
			'料',
			'新材',
			'材料',
			'1725',
			'亿',
			'元',
			'亿元',
			'pm2.5',
			'forest'
		]);
	});

	it('gives a name its pinyin whole, as initials, by syllable and by the initials of its end', () => {
		expect(pinyinFields('新材料', romanise)).toEqual({
			py: 'xincailiao xcl',
			pp: 'xin cai liao cl'
		});
		expect(pinyinFields('森林覆盖率', romanise).py).toBe('senlinfugailv slfgl');
		expect(pinyinFields('Forest', romanise)).toEqual({ py: '', pp: '' });
	});
});

describe('the site search', () => {
	it('lists 新材料 first for its initials xcl, and opens its output filtered to it', () => {
		const hit = first('xcl');
		expect(hit).toMatchObject({ kind: 'sector', zh: '新材料', go: NEW_MATERIALS });
		expect(hrefOf(hit!.go, 'zh')).toBe(
			'/indicators/industry-output-above-scale?sector=industry-key-new-materials'
		);
		expect(hrefOf(hit!.go, 'en')).toBe(
			'/en/indicators/industry-output-above-scale?sector=industry-key-new-materials'
		);
	});

	it.each([
		'xincailiao',
		'xin cai',
		'xincai',
		'新材料',
		'new materials',
		'New Materials',
		'new materails'
	])('finds 新材料 first for %s', (query) => {
		expect(first(query)?.go).toBe(NEW_MATERIALS);
	});

	it.each([
		'slfgl',
		'senlinfugailv',
		'sen lin fu gai lv',
		'森林覆盖率',
		'forest coverage',
		'forrest coverage',
		'森林复盖率'
	])('finds the forest-coverage indicator first for %s', (query) => {
		expect(first(query)).toMatchObject({ kind: 'indicator', go: 'indicator:forest-coverage' });
	});

	it('finds a name by the initials of its end: gycz for 规上工业产值', () => {
		const hits = search(index, 'gycz').map((h) => h.zh);
		expect(hits).toContain('规上工业产值');
	});

	it('finds a report by its title, and a document without figures by its text page', () => {
		expect(first('关于特色产业推进情况的报告')).toMatchObject({
			kind: 'document',
			go: 'report:s21-industry-report'
		});
		expect(first('featured industries report')?.go).toBe('report:s21-industry-report');
		expect(first('第二十一次会议议题')?.go).toBe('source:s21-agenda');
		expect(hrefOf('source:s21-agenda', 'en')).toBe('/en/sources/s21-agenda');
	});

	it('finds a figure by its value and opens its sentence', () => {
		const hit = first('1725');
		expect(hit).toMatchObject({
			kind: 'figure',
			zh: '新材料 · 规上工业产值',
			cz: '2023年 · 1725亿元',
			go: 'source:s21-industry-report:industry-new-materials-output-2023'
		});
		expect(hrefOf(hit!.go, 'zh')).toBe(
			'/sources/s21-industry-report#industry-new-materials-output-2023'
		);
	});

	it('keeps a target’s qualifier in both languages: 超过1100亿元 / over 110 billion yuan', () => {
		const target = docs.find((d) => d.go.endsWith(':industry-green-scale-target-2026'));
		expect(target?.cz).toBe('2026年目标 · 超过1100亿元');
		expect(target?.ce).toBe('2026 target · over 110 billion yuan');
	});

	it('counts a topic’s indicators in the singular and plural', () => {
		const topics = docs.filter((d) => d.k === 'topic');
		expect(topics.length).toBeGreaterThan(0);
		for (const topic of topics) {
			const n = Number(topic.cz.match(/^\d+/)?.[0]);
			expect(topic.ce).toBe(n === 1 ? '1 indicator' : `${n} indicators`);
		}
	});

	it('narrows figures by period and name together', () => {
		const hits = search(index, '2023 新材料');
		expect(hits[0]).toMatchObject({ kind: 'figure', cz: expect.stringContaining('2023年') });
	});

	it('ranks indicators before the figures that state them', () => {
		for (const query of ['森林覆盖率', 'forest coverage', '规上工业产值']) {
			const kinds = search(index, query).map((h) => h.kind);
			expect(kinds.indexOf('indicator'), query).toBeGreaterThanOrEqual(0);
			expect(kinds.indexOf('indicator'), query).toBeLessThan(kinds.indexOf('figure'));
		}
	});

	it('returns at most twelve hits and nothing for an empty query', () => {
		expect(search(index, '2023')).toHaveLength(12);
		expect(search(index, '  ')).toEqual([]);
	});

	it('answers the same from the shipped index as from the one built', () => {
		for (const query of ['xcl', '森林', 'output 2023', '172.5']) {
			expect(search(index, query).map((h) => h.id)).toEqual(search(built, query).map((h) => h.id));
		}
	});

	it('ships names, contexts and links, never the quotes', () => {
		const quote = dataset.figures.find((f) => f.id === 'industry-new-materials-output-2023')!.quote;
		expect(shipped).not.toContain(quote.slice(0, 20));
		expect(docs.filter((d) => d.k === 'figure')).toHaveLength(dataset.figures.length);
	});
});
