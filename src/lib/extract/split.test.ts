import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Review } from './manifest.js';
import { draftReview, locateTitles, splitBulletin } from './split.js';
import { bulletinText, manifest } from '../dataset/test-context.js';

const review = JSON.parse(
	readFileSync('data/sources/baoshan-2024-s20-s21/review.json', 'utf8')
) as Review;
const options = { id: 'draft', file: manifest.bulletin.file, received: '2026-11-28', sha256: '' };

describe('splitBulletin', () => {
	it('finds the 39 documents of the current bulletin with its review', () => {
		const { manifest: split, problems } = splitBulletin(bulletinText, { ...options, review });
		expect(problems).toEqual([]);
		expect(split.documents).toHaveLength(39);
		expect(split.documents.map((d) => [d.id, d.start, d.end])).toEqual(
			manifest.documents.map((d) => [d.id, d.start, d.end])
		);
	});

	it('finds the same 39 documents from the table of contents alone, before any review', () => {
		const { manifest: split, drafted, problems } = splitBulletin(bulletinText, options);
		expect(drafted).toBe(true);
		expect(split.documents.map((d) => [d.start, d.end])).toEqual(
			manifest.documents.map((d) => [d.start, d.end])
		);
		expect(split.documents.map((d) => d.kind)).toEqual(manifest.documents.map((d) => d.kind));
		// the TOC's OCR slip 王 翥 for 王甯 is left for the reviewer
		expect(problems).toEqual([
			{ document: 's21-report-1', message: "speaker 王翥 not named in the document's heading" }
		]);
	});
});

describe('draftReview', () => {
	it('drafts ids from session and kind, and the sessions from the agendas', () => {
		const draft = draftReview(bulletinText, options);
		expect(draft.documents.slice(0, 4).map((d) => d.id)).toEqual([
			's20-agenda-1',
			's20-report-1',
			's20-opinion-1',
			's20-report-2'
		]);
		expect(draft.bulletin.sessions.map((s) => s.session)).toEqual([20, 21]);
		expect(new Set(draft.documents.map((d) => d.id)).size).toBe(39);
	});

	it('matches a heading the body prints differently from the table of contents', () => {
		const draft = draftReview(bulletinText, options);
		expect(draft.documents.filter((d) => d.heading)).toEqual([
			expect.objectContaining({
				id: 's20-attendance-1',
				heading: '宝山区九届人大常委会第二十次会议 组成人员出席情况'
			})
		]);
	});
});

describe('locateTitles', () => {
	it('tolerates an OCR slip in a heading and a page break inside the body', () => {
		const text =
			'目 录\n关于本区森林资源情况的报告·····\t(3)\n\n关于本区森林资原情况的报告\n\n全区森林\n\n覆盖率 17.40%。';
		expect(locateTitles(text, ['关于本区森林资源情况的报告'], text.indexOf('(3)') + 3)).toEqual([
			'关于本区森林资原情况的报告'
		]);
	});
});
