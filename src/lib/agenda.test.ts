import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '$lib/data/schema.js';
import { linkAgenda, parseAgenda, similarity } from './agenda.js';

const DIR = 'data/sources/baoshan-2024-s20-s21';
const manifest = JSON.parse(readFileSync(`${DIR}/manifest.json`, 'utf8')) as Manifest;
const text = readFileSync(`${DIR}/${manifest.bulletin.file}`, 'utf8');
const agendaOf = (session: number) => {
	const doc = manifest.documents.find((d) => d.session === session && d.kind === 'agenda')!;
	const items = parseAgenda(text.slice(doc.start, doc.end));
	return linkAgenda(
		items,
		manifest.documents.filter((d) => d.session === session)
	);
};

describe('the agenda', () => {
	it('reads the twelve items of the 20th meeting and the seven of the 21st', () => {
		expect(agendaOf(20)).toHaveLength(12);
		expect(agendaOf(21)).toHaveLength(7);
		expect(agendaOf(21)[0]!.text).toBe('听取王甯副区长关于特色产业推进情况的报告');
	});

	it('links each item to the documents that answer it', () => {
		const s20 = Object.fromEntries(agendaOf(20).map((i) => [i.n, i.documents]));
		expect(s20[3]).toEqual(['s20-wusong-report']);
		expect(s20[5]).toEqual([
			's20-city-ops-opinion',
			's20-city-ops-report',
			's20-city-ops-research'
		]);
		expect(s20[6]).toHaveLength(5);
		expect(s20[2]).toEqual(['s20-appointments-1', 's20-appointments-2', 's20-appointments-3']);
		expect(s20[10]).toEqual(['s20-governance-followup']);
		expect(s20[11]).toEqual(['s20-rural-followup']);
		expect(s20[12]).toEqual(['s20-education-followup']);
		expect(s20[1]).toEqual([]);
		const s21 = Object.fromEntries(agendaOf(21).map((i) => [i.n, i.documents]));
		expect(s21[1]).toEqual(['s21-industry-report']);
		expect(s21[3]).toEqual([
			's21-natural-resources-opinion',
			's21-natural-resources-report',
			's21-natural-resources-research'
		]);
		expect(s21[7]).toEqual(['s21-state-assets-report', 's21-state-assets-opinion']);
	});

	it('scores rephrased titles above unrelated ones', () => {
		const item = '书面审议区政府关于落实区人大常委会关于乡村振兴“一法一条例”执法检查报告的情况报告';
		const rural = manifest.documents.find((d) => d.id === 's20-rural-followup')!.title;
		const governance = manifest.documents.find((d) => d.id === 's20-governance-followup')!.title;
		expect(similarity(item, rural)).toBeGreaterThan(similarity(item, governance));
	});
});
