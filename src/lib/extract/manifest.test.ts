import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../data/schema.js';
import { buildManifest, chineseNumber, guessKind, parseToc, type Review } from './manifest.js';

const DIR = 'data/sources/baoshan-2024-s20-s21';
const review = JSON.parse(readFileSync(`${DIR}/review.json`, 'utf8')) as Review;
const text = readFileSync(`${DIR}/${review.bulletin.file}`, 'utf8');
const committed = JSON.parse(readFileSync(`${DIR}/manifest.json`, 'utf8')) as Manifest;

describe('the manifest', () => {
	const sha = createHash('sha256').update(text).digest('hex');
	const { manifest, problems } = buildManifest(text, review, sha);

	it('is what the code makes from the text and the review, with no problems', () => {
		expect(problems).toEqual([]);
		expect(manifest).toEqual(committed);
	});

	it('lists the 39 documents of the table of contents across two sessions', () => {
		expect(parseToc(text)).toHaveLength(39);
		expect(manifest.documents.filter((d) => d.session === 20)).toHaveLength(21);
		expect(manifest.documents.filter((d) => d.session === 21)).toHaveLength(18);
		expect(manifest.bulletin.sessions.map((s) => s.meeting_date)).toEqual([
			'2024-05-29',
			'2024-06-26'
		]);
	});

	it('records the reviewed speaker where the table of contents misprints the name', () => {
		const industry = manifest.documents.find((d) => d.id === 's21-industry-report')!;
		expect(parseToc(text).find((e) => e.title === '关于特色产业推进情况的报告')?.speaker).toBe(
			'王翥'
		);
		expect(industry.speaker).toBe('王甯');
		expect(industry.speaker_role).toBe('宝山区副区长');
		expect(manifest.decisions.some((d) => d.includes('王甯'))).toBe(true);
	});

	it('gives each document a span that starts at its heading and ends where the next begins', () => {
		const docs = manifest.documents;
		for (let i = 1; i < docs.length; i++) expect(docs[i]!.start).toBe(docs[i - 1]!.end);
		const wusong = docs.find((d) => d.id === 's20-wusong-report')!;
		expect(text.slice(wusong.start).startsWith('关于吴淞创新城建设推进情况的报告')).toBe(true);
		expect(wusong).toMatchObject({
			kind: 'report',
			toc_page: 3,
			speaker: '朱众伟',
			speaker_role: '宝山区副区长'
		});
	});

	it('reads a role printed over several lines before the speaker', () => {
		const research = manifest.documents.find((d) => d.id === 's21-natural-resources-research')!;
		expect(research.speaker_role).toBe(
			'区人大财政经济委员会副主任委员 区人大常委会预算工作委员会主任'
		);
	});
});

describe('helpers', () => {
	it('reads Chinese session numbers', () => {
		expect(chineseNumber('二十')).toBe(20);
		expect(chineseNumber('二十一')).toBe(21);
		expect(chineseNumber('九')).toBe(9);
		expect(chineseNumber('十')).toBe(10);
		expect(chineseNumber('廿')).toBeNull();
	});

	it('guesses a document kind from its title', () => {
		expect(guessKind('关于本区国有自然资源资产管理情况的调研报告')).toBe('research-report');
		expect(guessKind('关于优化营商环境，促进中小企业发展情况的审议意见')).toBe(
			'deliberation-opinion'
		);
		expect(guessKind('宝山区人民代表大会常务委员会任免名单')).toBe('appointment-list');
		expect(guessKind('宝山区九届人大常委会第二十一次会议列席情况')).toBe('attendance');
		expect(guessKind('关于接受郑益川同志辞去宝山区副区长职务请求的决定')).toBe('resolution');
	});
});

describe('parseToc on contents tables of other publishers', () => {
	it('reads ellipsis and full-stop leaders and a page without brackets', () => {
		const toc =
			'目录\n关于本区水务工作情况的报告…………赵刚 3\n关于养老服务的报告..........孙丽（7）\n\n正文';
		expect(parseToc(toc).map((e) => [e.title, e.speaker, e.page])).toEqual([
			['关于本区水务工作情况的报告', '赵刚', 3],
			['关于养老服务的报告', '孙丽', 7]
		]);
	});
});
