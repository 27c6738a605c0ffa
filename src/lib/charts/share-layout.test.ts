import { describe, expect, it } from 'vitest';
import { NARROW } from './bar-layout.js';
import {
	formatShare,
	layoutShare,
	partStyle,
	REMAINDER_KEY,
	shareBalance,
	type ShareData,
	type SharePart
} from './share-layout.js';

const CLASSES: [string, string, number][] = [
	['cultivated', '耕地', 1700],
	['garden', '园地', 243],
	['woodland', '林地', 1427],
	['grassland', '草地', 501],
	['commercial', '商务服务业用地', 3081],
	['industrial-mining', '工业采矿用地', 6231],
	['residential', '住宅用地', 5926],
	['public-services', '公共管理与公共服务用地', 3449],
	['special', '特殊用地', 912],
	['transport', '交通运输用地', 4220],
	['water', '水域及水利设施用地', 8400],
	['other', '其它土地', 443]
];

const parts: SharePart[] = CLASSES.map(([key, label, value]) => ({
	figure: `land-${key}-2023`,
	key,
	label,
	value,
	status: 'stated',
	valueLabel: `${value}公顷`,
	detail: [`${label} ${value}公顷`]
}));

/** The 12 land-use classes at the end of 2023 and the district's surveyed area. */
const land: ShareData = {
	lang: 'zh',
	unit: { divisor: 1, label: '公顷' },
	parts,
	total: {
		figure: 'land-area-2023',
		value: 36533,
		valueLabel: '36533公顷',
		label: '土地调查面积',
		detail: ['土地调查面积 36533公顷']
	}
};

describe('layoutShare', () => {
	const layout = layoutShare(land, 720, String);

	it('gives the 12 land classes shares that add up to 100% of 36533 公顷', () => {
		expect(layout.segments).toHaveLength(12);
		expect(layout.segments.reduce((s, p) => s + p.share, 0)).toBeCloseTo(1, 12);
		expect(layout.remainder).toBeNull();
		expect(layout.overshoot).toBeNull();
		const last = layout.segments.at(-1)!;
		expect(last.x + last.width).toBeCloseTo(layout.whole.x + layout.whole.width, 6);
		expect(layout.segments.find((s) => s.key === 'water')!.shareText).toBe('23.0%');
	});

	it('adds a not-itemised remainder when a part is missing', () => {
		const missing = layoutShare(
			{ ...land, parts: parts.filter((p) => p.key !== 'woodland') },
			720,
			String
		);
		const remainder = missing.segments.at(-1)!;
		expect(missing.remainder).toBe(1427);
		expect(remainder.key).toBe(REMAINDER_KEY);
		expect(remainder.label).toBe('未列明');
		expect(remainder.figure).toBeNull();
		expect(remainder.status).toBe('derived');
		expect(remainder.share).toBeCloseTo(1427 / 36533, 12);
		expect(remainder.detail[1]).toContain('36533公顷');
		expect(remainder.x + remainder.width).toBeCloseTo(missing.whole.x + missing.whole.width, 6);
	});

	it('carries each part link to its segment, and none to the remainder', () => {
		const linked = layoutShare(
			{
				...land,
				parts: parts
					.filter((p) => p.key !== 'woodland')
					.map((p) => ({ ...p, href: `/docs/bulletin#${p.figure}` }))
			},
			720,
			String
		);
		expect(linked.segments[0]!.href).toBe('/docs/bulletin#land-cultivated-2023');
		expect(linked.segments.at(-1)!.key).toBe(REMAINDER_KEY);
		expect(linked.segments.at(-1)!.href).toBeUndefined();
	});

	it('names the remainder in English as not itemised', () => {
		const en = layoutShare(
			{ ...land, lang: 'en', parts: parts.slice(1), unit: { divisor: 1, label: 'ha' } },
			720,
			String
		);
		expect(en.segments.at(-1)!.label).toBe('Not itemised');
		expect(en.segments.at(-1)!.valueLabel).toBe('1700 ha');
	});

	it('reports an overshoot when the parts add up to more than the total', () => {
		const over = layoutShare({ ...land, total: { ...land.total!, value: 36000 } }, 720, String);
		expect(over.overshoot).toBe(533);
		expect(over.remainder).toBeNull();
		const last = over.segments.at(-1)!;
		expect(last.x + last.width).toBeGreaterThan(over.whole.x + over.whole.width);
		expect(shareBalance({ parts, total: { ...land.total!, value: 36000 } }).overshoot).toBe(533);
	});

	it('takes the sum of the parts as the whole when no total is given', () => {
		const top: ShareData = {
			...land,
			total: undefined,
			parts: [
				{ ...parts[0]!, key: 'agricultural', value: 4124 },
				{ ...parts[1]!, key: 'construction', value: 24196 },
				{ ...parts[2]!, key: 'unused', value: 8213 }
			]
		};
		const three = layoutShare(top, 720, String);
		expect(three.wholeValue).toBe(36533);
		expect(three.segments.map((s) => s.shareText)).toEqual(['11.3%', '66.2%', '22.5%']);
		expect(three.caption.text).toBe('各项合计：36533公顷');
	});

	it('ranks the parts largest first under the bar', () => {
		expect(layout.rows.map((r) => r.key).slice(0, 3)).toEqual([
			'water',
			'industrial-mining',
			'residential'
		]);
		expect(layout.rows[0]!.top).toBeGreaterThan(layout.whole.y + layout.whole.height);
		expect(layout.rows[0]!.bar.width).toBeGreaterThan(layout.rows[1]!.bar.width);
	});

	it('gives neighbours different textures and no two of twelve parts the same look', () => {
		const looks = layout.segments.map((s) => `${s.color}-${s.textured}`);
		expect(new Set(looks).size).toBe(12);
		layout.segments.slice(1).forEach((s, i) => {
			expect(s.textured).not.toBe(layout.segments[i]!.textured);
		});
		expect(partStyle(6).color).not.toBe(partStyle(0).color);
	});

	it('labels a segment inside only when its text fits', () => {
		const water = layout.segments.find((s) => s.key === 'water')!;
		const garden = layout.segments.find((s) => s.key === 'garden')!;
		expect(water.inside).toBe('水域及水利设施用地 23.0%');
		expect(garden.inside).toBeNull();
	});

	it('keeps the bar and every row inside a phone-width chart, labels above the rows', () => {
		const width = NARROW - 160;
		const phone = layoutShare(land, width, String);
		expect(phone.narrow).toBe(true);
		for (const s of phone.segments) {
			expect(s.x).toBeGreaterThanOrEqual(0);
			expect(s.x + s.width).toBeLessThanOrEqual(width);
		}
		for (const row of phone.rows) {
			expect(row.labelX).toBe(0);
			expect(row.labelY).toBeLessThan(row.bar.y);
			expect(row.bar.x + row.bar.width).toBeLessThanOrEqual(width);
			expect(row.shareX).toBeLessThanOrEqual(width);
		}
	});

	it('writes a share in percent with one decimal', () => {
		expect(formatShare(0.1)).toBe('10.0%');
		expect(formatShare(4124 / 36533)).toBe('11.3%');
		// 91 of the 95 audit problems: two-digit counts give a two-digit share
		expect(formatShare(91 / 95, 2)).toBe('96%');
		expect(formatShare(9 / 46, 2)).toBe('20%');
	});

	it('rounds a share once: 5 of 401 technology centres is 1.2%, not 1.3%', () => {
		expect(formatShare(5 / 401)).toBe('1.2%');
	});

	it('writes a not-itemised rest to the digits of the whole it comes from', () => {
		// Wusong: 25.3 km² planned, of which 9.361 and 4.048 km² are worked out from shares
		const wusong: ShareData = {
			lang: 'zh',
			unit: { divisor: 1, label: '公顷' },
			digits: 3,
			parts: [
				{ ...parts[0]!, key: 'central', value: 936.1 },
				{ ...parts[1]!, key: 'municipal', value: 404.8 }
			],
			total: { ...land.total!, value: 2530, valueLabel: '2530公顷' }
		};
		const rest = layoutShare(wusong, 720, String).segments.at(-1)!;
		expect(rest.value).toBeCloseTo(1189.1, 6);
		expect(rest.valueLabel).toBe('1190公顷');
		expect(rest.shareText).toBe('47.0%');
	});
});
