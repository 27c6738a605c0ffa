import { describe, expect, it } from 'vitest';
import { NARROW } from './bar-layout.js';
import { textWidth } from './text-width.js';
import {
	layoutProgress,
	shareText,
	type ProgressData,
	type ProgressItem,
	type ProgressValue
} from './progress-layout.js';

const value = (
	figure: string,
	v: number,
	status: ProgressValue['status'],
	periodLabel: string
): ProgressValue => ({
	figure,
	value: v,
	status,
	valueLabel: `${v}`,
	periodLabel,
	detail: [`${v}`]
});

const video: ProgressItem = {
	key: 'video',
	label: '社会面视频接入',
	current: value(
		'city-operations-social-video-connected-2024-05-29',
		3000,
		'stated',
		'2024年5月29日'
	),
	target: value('city-operations-social-video-connected-target-2024', 9000, 'target', '2024年目标')
};
const materials: ProgressItem = {
	key: 'materials',
	label: '新材料',
	current: value('industry-new-materials-output-2023', 1725e8, 'stated', '2023年'),
	target: value('industry-new-materials-scale-target-2026', 1500e8, 'target', '2026年目标')
};

const chart = (items: ProgressItem[], divisor = 1): ProgressData => ({
	lang: 'zh',
	unit: { divisor, label: '' },
	items
});

describe('layoutProgress', () => {
	it('finds 3000 of 9000 channels a third of the target', () => {
		const [row] = layoutProgress(chart([video]), 720, String).rows;
		expect(row!.share).toBeCloseTo(0.333, 3);
		expect(row!.shareText).toBe('已达目标的33%');
		expect(row!.current!.width / row!.target.width).toBeCloseTo(1 / 3, 6);
		expect(shareText(video.current, video.target, 'en')).toBe('33% of target');
	});

	it('works out no share when output is read against a scale target (口径不同)', () => {
		const proxy = { ...materials, proxy: true };
		const [zh] = layoutProgress(chart([proxy], 1e8), 720, String).rows;
		expect(zh!.shareText).toBe('口径不同，仅供参考');
		const [en] = layoutProgress({ ...chart([proxy], 1e8), lang: 'en' }, 720, String).rows;
		expect(en!.shareText).toBe('different measure, for reference only');
	});

	it('draws 1725亿元 past the 1500亿元 target marker and says by how much', () => {
		const [row] = layoutProgress(chart([materials], 1e8), 720, String).rows;
		expect(row!.share).toBeCloseTo(1.15, 9);
		expect(row!.shareText).toBe('超出目标15%');
		expect(row!.current!.x + row!.current!.width).toBeGreaterThan(row!.target.markerX);
		expect(shareText(materials.current, materials.target, 'en')).toBe('15% above target');
	});

	it('calls the share approximate when a value is a bound', () => {
		const over = { ...video.current!, status: 'bound' as const };
		expect(shareText(over, video.target, 'zh')).toBe('已达目标的约33%');
		expect(shareText(over, video.target, 'en')).toBe('about 33% of target');
	});

	it('never rounds a target not quite reached up to 100%', () => {
		const near = { value: 996, status: 'stated' as const };
		expect(shareText(near, { value: 1000, status: 'target' }, 'en')).toBe('99.6% of target');
		expect(shareText({ ...near, value: 1003 }, { value: 1000, status: 'target' }, 'en')).toBe(
			'0.3% above target'
		);
		expect(shareText({ ...near, value: 1000 }, { value: 1000, status: 'target' }, 'zh')).toBe(
			'已达目标的100%'
		);
		// rounded, not cut: 99.96% reached reads 99.96%, which the audit holds to ± 0.005
		expect(shareText({ ...near, value: 9996 }, { value: 10000, status: 'target' }, 'en')).toBe(
			'99.96% of target'
		);
	});

	it('names the figure of every value it prints, and what its share text is of', () => {
		const [row] = layoutProgress(chart([video]), 720, String).rows;
		const printed = row!.caption.flat().filter((p) => p.figure);
		expect(printed).toEqual([
			{ text: '3000', figure: video.current!.figure },
			{ text: '9000', figure: video.target.figure }
		]);
		expect(
			row!.caption
				.flat()
				.map((p) => p.text)
				.join('')
		).toBe('2024年5月29日 3000 · 2024年目标 9000');
		expect(row!.shareKind).toBe('share');
		expect(layoutProgress(chart([materials], 1e8), 720, String).rows[0]!.shareKind).toBe('excess');
		const proxy = layoutProgress(chart([{ ...materials, proxy: true }], 1e8), 720, String).rows[0]!;
		expect(proxy.shareKind).toBeNull();
		const none = layoutProgress(chart([{ ...video, current: undefined }]), 720, String).rows[0]!;
		expect(none.shareKind).toBeNull();
	});

	it('keeps a printed value whole when a narrow caption wraps', () => {
		const [row] = layoutProgress(chart([video]), 120, String).rows;
		expect(row!.caption.length).toBeGreaterThan(1);
		const values = row!.caption.flat().filter((p) => p.figure);
		expect(values.map((p) => p.text)).toEqual(['3000', '9000']);
	});

	it('shows the target alone when there is no current value', () => {
		const [row] = layoutProgress(chart([{ ...video, current: undefined }]), 720, String).rows;
		expect(row!.current).toBeNull();
		expect(row!.share).toBeNull();
		expect(row!.shareText).toBe('尚无现值');
		expect(shareText(undefined, video.target, 'en')).toBe('no current value');
	});

	it('carries the links of the current and target values to their bars', () => {
		const item = {
			...video,
			current: { ...video.current!, href: '/docs/a#now' },
			target: { ...video.target, href: '/docs/b#target' }
		};
		const [row] = layoutProgress(chart([item]), 720, String).rows;
		expect(row!.current!.href).toBe('/docs/a#now');
		expect(row!.target.href).toBe('/docs/b#target');
	});

	it('spans one scale for all rows up to the largest current or target value', () => {
		const afforestation: ProgressItem[] = ['key', 'general', 'infrastructure'].map((key, i) => ({
			key,
			label: key,
			current: value(
				`tending-${key}`,
				i === 0 ? 900 : 1000,
				i === 0 ? 'bound' : 'derived',
				'2023年'
			),
			target: value(`tending-${key}-target`, 1000, 'target', '目标')
		}));
		const layout = layoutProgress(
			chart([
				...afforestation,
				{ ...afforestation[0]!, key: 'big', target: value('big', 1200, 'target', '目标') }
			]),
			720,
			String
		);
		const [first, , , big] = layout.rows;
		expect(big!.target.width / first!.target.width).toBeCloseTo(1.2, 6);
		expect(first!.current!.width / first!.target.width).toBeCloseTo(0.9, 6);
		expect(layout.ticks.at(-1)!.value).toBeGreaterThanOrEqual(1200);
	});

	it('keeps every bar, marker and share inside a phone-width chart, labels above the bars', () => {
		const width = NARROW - 160;
		const layout = layoutProgress(
			chart([video, { ...video, key: 'none', current: undefined }]),
			width,
			String
		);
		expect(layout.narrow).toBe(true);
		for (const row of layout.rows) {
			expect(row.labelX).toBe(0);
			expect(row.labelY).toBeLessThan(row.target.y);
			expect(row.target.x).toBeGreaterThanOrEqual(0);
			expect(row.target.markerX).toBeLessThanOrEqual(width);
			expect(row.shareX + textWidth(row.shareText, 12)).toBeLessThanOrEqual(width);
		}
	});
});
