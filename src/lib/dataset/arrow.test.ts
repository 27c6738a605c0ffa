import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import {
	DIMENSIONS,
	ENGINE_TABLES,
	FACTS,
	FIGURE_KEY,
	TEXT,
	type EngineTable
} from '../data/engine-tables.js';
import type { FigureRow } from '../data/schema.js';
import { engineArrow } from './arrow.js';
import { datasetVersion } from './version.js';
import { readDatasetVersion } from '../data/dataset-version.js';

const base: FigureRow = {
	id: 'land-cultivated-2023',
	bulletin_id: 'b2024',
	indicator_id: 'land-area',
	indicator_zh: '土地面积',
	indicator_en: 'Land area',
	topic: 'land',
	topic_zh: '土地',
	topic_en: 'Land',
	sector_id: 'land-class-cultivated',
	sector_zh: '耕地',
	sector_en: 'Cultivated land',
	sector_group: 'land-class',
	sector_order: 1,
	area_id: 'baoshan',
	area_zh: '宝山区',
	area_en: 'Baoshan District',
	period: '2023-12-31',
	period_type: 'date',
	period_start: '2023-12-31',
	period_end: '2023-12-31',
	year: 2023,
	measure: 'level',
	value: 1725.5,
	value_text: '1725.5',
	written: null,
	unit: '公顷',
	unit_en: 'ha',
	qualifier: null,
	base_value: 1725.5,
	base_unit: '公顷',
	derived: false,
	formula: null,
	inputs: null,
	doc_id: 's21-natural-resources-report',
	doc_title: '关于本区自然资源情况的报告',
	doc_title_en: 'Report on natural resources',
	doc_kind: 'report',
	doc_page: 12,
	session: 21,
	meeting_date: '2024-06-26',
	quote: '耕地1725.5公顷',
	quote_start: 100,
	quote_end: 109,
	notes: null,
	disputed: false,
	superseded_by: null
};

const FIGURES: FigureRow[] = [
	base,
	{
		...base,
		id: 'land-total-2022',
		sector_id: null,
		sector_zh: null,
		sector_en: null,
		sector_group: null,
		sector_order: null,
		period: '2022',
		period_type: 'year',
		period_start: '2022-01-01',
		period_end: '2022-12-31',
		year: 2022,
		value: -38,
		value_text: '38',
		measure: 'change',
		derived: true,
		formula: 'a − b',
		inputs: 'x y',
		qualifier: 'about',
		quote: '较上年度减少38公顷',
		notes: '推算',
		disputed: true,
		superseded_by: 'later-id'
	}
];

describe("the engine's narrow tables", () => {
	it('keep quotes, titles and names out of the fact table, its dimensions dictionary-encoded', () => {
		const files = engineArrow(FIGURES);
		expect([...files.keys()].sort()).toEqual(ENGINE_TABLES.map((t) => t.file).sort());
		const facts = tableFromIPC(files.get(FACTS.file)!);
		const names = facts.schema.fields.map((f) => f.name);
		expect(names).toEqual(FACTS.columns.map(([n]) => n));
		for (const wide of ['quote', 'doc_title', 'indicator_zh', 'sector_en', 'notes'])
			expect(names).not.toContain(wide);
		expect(String(facts.schema.fields.find((f) => f.name === 'indicator_id')!.type)).toMatch(
			/^Dictionary<Int8, Utf8>/
		);
	});

	it('name the dataset they were written from in the fact table, readable without decoding it', () => {
		const files = engineArrow(FIGURES, datasetVersion(JSON.stringify(FIGURES)));
		const version = readDatasetVersion(files.get(FACTS.file)!);
		expect(version).toMatch(/^[0-9a-f]{16}$/);
		expect(version).toBe(datasetVersion(JSON.stringify(FIGURES)));
		// another dataset, another version; no version written, none read; not Arrow, none
		expect(datasetVersion(JSON.stringify(FIGURES.slice(1)))).not.toBe(version);
		expect(readDatasetVersion(engineArrow(FIGURES).get(FACTS.file)!)).toBeNull();
		expect(readDatasetVersion(new TextEncoder().encode('not arrow'))).toBeNull();
		// and the rows are the same with or without it
		expect(
			tableFromIPC(files.get(FACTS.file)!)
				.toArray()
				.map((r) => ({ ...r.toJSON() }))
		).toEqual(
			tableFromIPC(engineArrow(FIGURES).get(FACTS.file)!)
				.toArray()
				.map((r) => ({ ...r.toJSON() }))
		);
	});

	it('hold every value of every figure in the table that carries its column', () => {
		const files = engineArrow(FIGURES);
		const rows = (table: EngineTable) =>
			tableFromIPC(files.get(table.file)!)
				.toArray()
				.map((r) => ({ ...r.toJSON() }));
		const facts = rows(FACTS);
		const text = rows(TEXT);
		for (const [i, figure] of FIGURES.entries()) {
			for (const [name] of FACTS.columns.slice(1))
				expect(facts[i]![name], name).toEqual(figure[name as keyof FigureRow]);
			for (const [name] of TEXT.columns.slice(1))
				expect(text[i]![name], name).toEqual(figure[name as keyof FigureRow]);
			expect(facts[i]![FIGURE_KEY]).toBe(i);
		}
		const sectors = rows(DIMENSIONS.find((d) => d.key === 'sector_id')!);
		expect(sectors).toEqual([
			{
				sector_id: 'land-class-cultivated',
				sector_zh: '耕地',
				sector_en: 'Cultivated land',
				sector_group: 'land-class',
				sector_order: 1
			}
		]);
	});

	it('refuse two figures that give one key different names', () => {
		const other = { ...base, id: 'other', sector_en: 'Farmland' };
		expect(() => engineArrow([base, other])).toThrow(
			'other: sector_en "Farmland" differs from "Cultivated land" of land-cultivated-2023, with the same sector_id land-class-cultivated'
		);
	});
});
