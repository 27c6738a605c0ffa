import { describe, expect, it } from 'vitest';
import { buildDataset } from '../dataset/build.js';
import { consoleTables } from './tables.js';

describe("the console's tables", () => {
	it('give each document its catalogue columns, not its offsets in the text', () => {
		const dataset = buildDataset('data');
		const documents = dataset.manifests.flatMap((m) => m.documents);
		const tables = consoleTables({
			catalog: dataset.catalog,
			documents,
			checks: { checks: [], discrepancies: [] } as never
		});
		const industry = tables.documents!.find((d) => d.id === 's21-industry-report')!;
		expect(Object.keys(industry)).toEqual([
			'id',
			'bulletin_id',
			'session',
			'meeting_date',
			'kind',
			'title',
			'title_en',
			'organ',
			'organ_en',
			'speaker',
			'speaker_role',
			'toc_page'
		]);
		expect(industry).toMatchObject({ session: 21, toc_page: 34 });
		expect(tables.documents).toHaveLength(documents.length);
	});
});
