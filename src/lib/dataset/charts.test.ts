import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeTinyData } from '../../../tests/fixtures/tiny-data.js';
import { buildDataset } from './build.js';
import { parseCited } from './chart-text.js';
import { formatRejection } from './table.js';
import { parseYaml } from './yaml.js';

const root = mkdtempSync(join(tmpdir(), 'charts-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const GOOD = `charts:
  - id: land-use
    title: { zh: 土地利用, en: Land use }
    kind: bars
    filter:
      indicators: [land-area]
      sector_group: land-class
      measures: [level]
    category: sector
    series: period
    notes:
      - zh: 耕地{land-cultivated-2023|period}为{land-cultivated-2023}，减少{land-cultivated-change-2023|abs}。
        en: Cultivated land was {land-cultivated-2023} at the {land-cultivated-2023|period}.
`;

/** Build the tiny data/ folder with these chart files; every problem, formatted. */
function build(name: string, files: Record<string, string>) {
	const dir = join(root, name);
	writeTinyData(dir, files);
	const dataset = buildDataset(dir, dir);
	return { dataset, problems: dataset.rejections.map(formatRejection) };
}

describe('charts declared in data/charts', () => {
	it('reads a topic’s charts with their filters and notes split into words and citations', () => {
		const { dataset, problems } = build('good', { 'charts/topics/land.yaml': GOOD });
		expect(problems).toEqual([]);
		const [chart] = dataset.charts.topics.land!;
		expect(chart).toMatchObject({
			id: 'land-use',
			kind: 'bars',
			filter: { indicators: ['land-area'], sectorGroup: 'land-class', measures: ['level'] },
			cites: ['land-cultivated-2023', 'land-cultivated-change-2023']
		});
		expect(chart!.notes![0]!.zh).toEqual([
			'耕地',
			{ figure: 'land-cultivated-2023', format: 'period' },
			'为',
			{ figure: 'land-cultivated-2023', format: 'value' },
			'，减少',
			{ figure: 'land-cultivated-change-2023', format: 'abs' },
			'。'
		]);
	});

	it('refuses a bad chart with every problem listed by file, line and field', () => {
		const bad = GOOD.replace('indicators: [land-area]', 'indicators: [land-area, land-aera]')
			.replace('measures: [level]', 'measures: [level]\n      periods: [2030]\n      colour: red')
			.replace('kind: bars', 'kind: pie')
			.replace('{land-cultivated-2023}，', '1700公顷，')
			.replace('at the {land-cultivated-2023|period}', 'in {land-cultivated-2023|year}');
		const { problems } = build('bad', { 'charts/topics/land.yaml': bad });
		const at = (line: number) => `${join('charts', 'topics', 'land.yaml')}:${line}: charts[0].`;
		expect(problems).toEqual([
			`${at(4)}kind: bad-value: "pie" is not one of bars, lines, share, waterfall, progress`,
			`${at(10)}filter.colour: unknown-field: expected one of indicators, ids, sectors, docs, measures, sector_group, with_total, periods, period_types, areas`,
			`${at(6)}filter.indicators: unknown-indicator: no indicator "land-aera"`,
			`${at(9)}filter.periods: period-unreadable: no period of land-area, land-aera stated as "2030"`,
			`${at(14)}notes[0].zh: bare-number: "1700" is a number typed into the text: cite the figure that states it ({figure-id}), or write {=1700} if it is a name, not a statistic`,
			`${at(15)}notes[0].en: bad-value: "{land-cultivated-2023|year}" is not a citation: {figure-id} or {figure-id|value|number|abs|period}`,
			`${at(5)}filter: no-rows: finds no figure: check its indicators, sectors, periods and measures`
		]);
	});

	it('reads a title’s citations like a note’s, and refuses a number typed into a title', () => {
		const cited = GOOD.replace(
			'title: { zh: 土地利用, en: Land use }',
			"title: { zh: '耕地{land-cultivated-2023}的土地利用', en: Land use }"
		);
		const good = build('title-cited', { 'charts/topics/land.yaml': cited });
		expect(good.problems).toEqual([]);
		expect(good.dataset.charts.topics.land![0]!.title.zh).toEqual([
			'耕地',
			{ figure: 'land-cultivated-2023', format: 'value' },
			'的土地利用'
		]);
		const typed = GOOD.replace('en: Land use }', 'en: Land use (1700 ha) }');
		expect(build('title-typed', { 'charts/topics/land.yaml': typed }).problems).toEqual([
			`${join('charts', 'topics', 'land.yaml')}:3: charts[0].title.en: bare-number: "1700" is a number typed into the text: cite the figure that states it ({figure-id}), or write {=1700} if it is a name, not a statistic`
		]);
	});

	it('refuses a chart whose filter finds nothing, and one mixing units on an axis', () => {
		const units = 'unit,base_unit,factor,kind,en\n公顷,公顷,1,area,ha\n亩,亩,1,area,mu\n';
		const mu =
			'land-forest-mu-2023,land-area,forest,,2023-12-31,level,1700,亩,,,tiny-report,全区耕地 1700 公顷,';
		const charts = [
			'charts:',
			'  - id: mixed',
			'    title: { zh: 混合, en: Mixed }',
			'    kind: bars',
			'    filter: { indicators: [land-area], measures: [level], sector_group: land-class }',
			'    category: sector',
			'    series: period',
			'  - id: none',
			'    title: { zh: 无, en: None }',
			'    kind: bars',
			'    filter: { indicators: [land-area], measures: [target] }',
			'    category: sector',
			'    series: period'
		];
		const { problems } = build('rows', {
			'catalog/units/area.csv': units,
			'figures/land.csv': `${TINY_FIGURES}\n${mu}\n`,
			'charts/topics/land.yaml': charts.join('\n')
		});
		expect(problems).toEqual([
			'charts/topics/land.yaml:5: charts[0].filter: unit-mismatch: mixes units on one axis: 公顷 (land-cultivated-2023), 亩 (land-forest-mu-2023)',
			'charts/topics/land.yaml:11: charts[1].filter: no-rows: finds no figure: check its indicators, sectors, periods and measures'
		]);
	});

	it('reports no chart again when the figures it asks for were refused', () => {
		const broken = TINY_FIGURES.replace(',quote,notes', ',notes').replace(/,[^,]*公顷,$/gm, ',');
		const { problems } = build('refused', {
			'figures/land.csv': broken,
			'charts/topics/land.yaml': GOOD
		});
		expect(problems.filter((p) => p.startsWith('charts'))).toEqual([]);
		expect(problems).toContainEqual(
			expect.stringMatching(/^figures\/land\.csv:1: quote: missing-column/)
		);
	});

	it('refuses an overview lead naming a chart no topic declares, and a YAML syntax error', () => {
		const { problems } = build('overview', {
			'charts/topics/land.yaml': GOOD,
			'charts/overview.yaml':
				'headlines:\n  - indicator: land-area\n    sector: forest\nleads:\n  - topic: land\n    chart: land-use-share\n',
			'charts/compare.yaml': 'default:\n  indicators: [land-area\n'
		});
		expect(problems).toEqual([
			expect.stringMatching(
				/^charts\/overview\.yaml:6: leads\[0\]\.chart: unknown-chart: topic land declares no chart "land-use-share"$/
			),
			expect.stringMatching(/^charts\/compare\.yaml:3: \(file\): yaml-syntax: Flow sequence/)
		]);
	});
});

const TINY_FIGURES = [
	'id,indicator,sector,area,period,measure,value,unit,qualifier,written,doc,quote,notes',
	'land-cultivated-2023,land-area,cultivated,,2023-12-31,level,1700,公顷,,,tiny-report,全区耕地 1700 公顷,',
	'land-cultivated-change-2023,land-area,cultivated,,2023,change,-38,公顷,,,tiny-report,比上年减少 38 公顷,',
	'land-forest-2023,land-area,forest,,2023-12-31,level,5147.5,公顷,,,tiny-report,林地 5147.5 公顷,'
].join('\n');

describe('notes that cite figures', () => {
	it('allows years, dates, ordinals, codes and names, and refuses any other number', () => {
		const ok = '2023年末、5月29日、第20次、PM2.5、the 9th, 29 May 2024, {=3+15}';
		expect(parseCited(ok).problems).toEqual([]);
		expect(parseCited('共1725亿元，占43%').problems.map((p) => p.message.slice(0, 6))).toEqual([
			'"1725"',
			'"43" i'
		]);
	});

	it('refuses a citation without its closing brace or with an unknown form', () => {
		expect(parseCited('{a-b|bold}').problems[0]!.reason).toBe('bad-value');
		expect(parseCited('已达{a-b').problems[0]!.message).toContain('unmatched brace');
	});

	it('reads YAML scalars as text, so a period stays a period', () => {
		const { root } = parseYaml('periods: [2023, 2024Q1]\n', 'x.yaml');
		expect(root).toMatchObject({
			kind: 'map',
			entries: new Map([
				[
					'periods',
					{
						line: 1,
						value: {
							kind: 'list',
							line: 1,
							items: [
								{ kind: 'text', value: '2023' },
								{ kind: 'text', value: '2024Q1' }
							]
						}
					}
				]
			])
		});
	});
});
