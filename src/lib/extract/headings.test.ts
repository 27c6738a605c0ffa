import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentFacts, findHeadings, isDocumentTitle } from './headings.js';
import { splitBulletin } from './split.js';

const fixture = (name: string) => readFileSync(`tests/fixtures/documents/${name}.txt`, 'utf8');
const options = { id: 'new', file: 'new.txt', received: '2026-12-06', sha256: '' };

describe('isDocumentTitle', () => {
	it('takes report titles, bulletins and agendas, never agenda items or sentences', () => {
		expect(isDocumentTitle('关于本区中小企业发展情况的报告')).toBe(true);
		expect(isDocumentTitle('东滨区人民政府关于2024年度国有资产管理情况的综合报告')).toBe(true);
		expect(isDocumentTitle('东滨区2024年国民经济和社会发展统计公报')).toBe(true);
		expect(isDocumentTitle('东滨区第十届人大常委会第八次会议议题')).toBe(true);
		expect(isDocumentTitle('一、听取和审议区政府关于本区中小企业发展情况的报告')).toBe(false);
		expect(isDocumentTitle('我受区政府委托，现将本区中小企业发展情况报告如下')).toBe(false);
	});
});

describe('splitting a text with no table of contents', () => {
	it('splits an agenda and the report after it at their headings', () => {
		const { manifest, problems } = splitBulletin(fixture('report-with-agenda'), options);
		expect(problems).toEqual([]);
		expect(manifest.documents.map((d) => [d.id, d.kind, d.session, d.meeting_date])).toEqual([
			['s8-agenda-1', 'agenda', 8, '2025-06-25'],
			['s8-report-1', 'report', 8, '2025-06-25']
		]);
		expect(manifest.documents[1]).toMatchObject({
			speaker: '李明',
			speaker_role: '区经济委员会主任'
		});
		expect(manifest.bulletin.sessions).toEqual([
			expect.objectContaining({ session: 8, title: '东滨区第十届人大常委会第八次会议' })
		]);
	});

	it('keeps the text before the first heading as a document of its own', () => {
		const text = '某区信息\n\n全区共有企业12家。\n\n关于本区水务工作情况的报告\n\n全区河道120条。';
		const { manifest } = splitBulletin(text, options);
		expect(manifest.documents.map((d) => [d.title, d.start])).toEqual([
			['某区信息', 0],
			['关于本区水务工作情况的报告', text.indexOf('关于')]
		]);
	});

	it('reads a web copy without line breaks as one document with its own date and publisher', () => {
		const { manifest, review } = splitBulletin(fixture('web-copy'), options);
		expect(manifest.documents).toHaveLength(1);
		expect(manifest.documents[0]).toMatchObject({
			start: 0,
			title: '东滨区上半年经济运行情况发布'
		});
		expect(review.bulletin.publisher).toBe('东滨区统计局');
	});

	it('carries the bulletin title and publisher found in the text, never another bulletin’s', () => {
		const { review } = splitBulletin(fixture('bulletin'), options);
		expect(review.bulletin).toMatchObject({
			title: '东滨区2024年国民经济和社会发展统计公报',
			publisher: '东滨区统计局',
			licence: ''
		});
		const toc = splitBulletin(fixture('bulletin-with-contents'), options);
		expect(toc.review.bulletin).toMatchObject({
			title: '东滨区人民代表大会常务委员会公报',
			issue: '2025年第2号（总第36号）',
			publisher: '东滨区人民代表大会常务委员会办公室'
		});
		expect(toc.manifest.documents.map((d) => d.kind)).toEqual(['agenda', 'report', 'report']);
	});
});

describe('documentFacts', () => {
	it('reads the issue date and the year a bulletin reports on', () => {
		const text = fixture('bulletin');
		expect(documentFacts('东滨区2024年国民经济和社会发展统计公报', text)).toMatchObject({
			issued: '2025-03-20',
			reportYear: 2024,
			meetingDate: ''
		});
	});

	it('finds every document heading of the contents-less texts', () => {
		expect(findHeadings(fixture('report-no-agenda')).map((h) => h.title)).toEqual([
			'关于本区基础教育优质均衡发展情况的报告'
		]);
	});
});

describe('what a candidate proposes to file it under', () => {
	it('names a new indicator from its own words when no indicator is named confidently', async () => {
		const { buildDataset } = await import('../dataset/build.js');
		const { readAsNew } = await import('./read.js');
		const dataset = buildDataset('data');
		const text = '2024年，全区第一产业增加值1.3亿元，比上年下降2.4%。';
		const { candidates } = readAsNew(text, {
			id: 't',
			file: 't.txt',
			catalog: dataset.catalog,
			examples: dataset.figures
		});
		const proposed = candidates.filter((c) => c.status === 'new').map((c) => c.suggestion);
		expect(proposed.map((s) => [s.indicator, s.proposal, s.measure, s.period])).toEqual([
			['', 'new:第一产业增加值', 'level', '2024'],
			['', 'new:第一产业增加值', 'change_pct', '2024']
		]);
		expect(proposed.every((s) => s.confidence < 0.4)).toBe(true);
	});
});
