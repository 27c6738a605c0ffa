/** Test helpers: the real bulletin and manifest with a small in-memory catalogue. */
import { readFileSync } from 'node:fs';
import type { Catalog, Manifest } from '../data/schema.js';
import { normalise } from '../text/normalise.js';
import type { SourceRow } from './table.js';
import { FIGURE_FILE_COLUMNS, type FigureContext, type Table } from './validate.js';

const DIR = 'data/sources/baoshan-2024-s20-s21';
export const manifest = JSON.parse(readFileSync(`${DIR}/manifest.json`, 'utf8')) as Manifest;
export const bulletinText = readFileSync(`${DIR}/${manifest.bulletin.file}`, 'utf8');

export const catalog: Catalog = {
	topics: [
		{ id: 'land', zh: '土地资源', en: 'Land', order: 1, description_zh: '', description_en: '' }
	],
	areas: [{ id: 'baoshan', kind: 'district', zh: '宝山区', en: 'Baoshan District' }],
	units: [
		{ unit: '公顷', base_unit: '公顷', factor: 1, kind: 'area', en: 'ha' },
		{ unit: '亩', base_unit: '公顷', factor: 1 / 15, kind: 'area', en: 'mu' },
		{ unit: '%', base_unit: '%', factor: 1, kind: 'percent', en: '%' }
	],
	indicators: [
		{
			id: 'land-area',
			topic: 'land',
			zh: '土地调查面积',
			en: 'Surveyed land area',
			unit_kind: 'area',
			definition_zh: '',
			definition_en: ''
		}
	],
	groups: [{ id: 'land-class', zh: '地类', en: 'land class' }],
	sectors: [
		{ id: 'cultivated', group: 'land-class', order: 1, zh: '耕地', en: 'Cultivated land' },
		{ id: 'garden', group: 'land-class', order: 2, zh: '园地', en: 'Orchards' }
	]
};

export const context: FigureContext = {
	catalog,
	documents: manifest.documents,
	texts: new Map([
		[
			manifest.bulletin.id,
			{ bulletin_id: manifest.bulletin.id, normalised: normalise(bulletinText) }
		]
	])
};

/** A figures table from rows of values; line numbers count from 2 as in a file. */
export function figureTable(
	rows: Partial<Record<(typeof FIGURE_FILE_COLUMNS)[number], string>>[],
	file = 'data/figures/land.csv'
): Table {
	return {
		file,
		header: [...FIGURE_FILE_COLUMNS],
		rows: rows.map((values, i): SourceRow => ({
			file,
			line: i + 2,
			values: Object.fromEntries(FIGURE_FILE_COLUMNS.map((c) => [c, values[c] ?? '']))
		}))
	};
}

export const CULTIVATED = {
	id: 'land-cultivated-2023',
	indicator: 'land-area',
	sector: 'cultivated',
	period: '2023-12-31',
	measure: 'level',
	value: '1700',
	unit: '公顷',
	doc: 's21-natural-resources-report',
	quote: '耕地 1700 公顷、较上年度减少 38 公顷'
};

/** A table of any kind from a header and rows of cells. */
export function table(file: string, header: string[], rows: string[][]): Table {
	return {
		file,
		header,
		rows: rows.map((r, i) => ({
			file,
			line: i + 2,
			values: Object.fromEntries(header.map((h, j) => [h, r[j] ?? '']))
		}))
	};
}
