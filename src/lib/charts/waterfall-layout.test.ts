import { describe, expect, it } from 'vitest';
import { NARROW } from './bar-layout.js';
import { textWidth } from './text-width.js';
import {
	closingGap,
	layoutWaterfall,
	signedLabel,
	type WaterfallData,
	type WaterfallStep
} from './waterfall-layout.js';

const step = (
	figure: string,
	label: string,
	kind: 'total' | 'delta',
	value: number,
	status: WaterfallStep['status'] = 'stated'
): WaterfallStep => ({
	figure,
	label,
	kind,
	value,
	status,
	valueLabel: `${String(Math.abs(value)).replace('-', '−')}公顷`,
	detail: [`${label} ${value}公顷`]
});

/** Reserve land, 2023: the opening stock is derived; flows and closing stock are stated. */
const reserve: WaterfallData = {
	lang: 'zh',
	unit: { divisor: 1, label: '公顷' },
	steps: [
		step('land-reserve-area-2022-derived', '2022年末', 'total', 777.1, 'derived'),
		step('land-reserve-added-area-wusong-2023', '吴淞创新城', 'delta', 82.5),
		step('land-reserve-added-area-gucun-2023', '顾村拓展区', 'delta', 24.1),
		step('land-reserve-added-area-luodian-2023', '罗店大居', 'delta', 3.1),
		step('land-reserve-added-area-urban-village-2023', '城中村', 'delta', 17.3),
		step('land-reserve-added-area-other-2023', '其他地区经营性等用地', 'delta', 14),
		step('land-reserve-released-area-transfer-2023', '出让', 'delta', -63.6),
		step('land-reserve-released-area-allocation-2023', '划拨', 'delta', -54.6),
		step('land-reserve-area-2023', '2023年末', 'total', 799.9)
	]
};

const withClosing = (value: number): WaterfallData => ({
	...reserve,
	steps: [...reserve.steps.slice(0, -1), { ...reserve.steps.at(-1)!, value }]
});

describe('layoutWaterfall', () => {
	const layout = layoutWaterfall(reserve, 720, String);

	it('runs the reserve land from 777.1 to 918.1 after the additions and 799.9 at the end', () => {
		const additions = layout.marks[5]!;
		expect(additions.to).toBeCloseTo(918.1, 9);
		expect(layout.marks[7]!.to).toBeCloseTo(799.9, 9);
		expect(layout.marks.at(-1)!.to).toBe(799.9);
		expect(layout.mismatch).toBeNull();
		expect(layout.expected).toBeNull();
	});

	it('carries each step link to its mark', () => {
		const href = '/docs/bulletin#land-reserve-area-2023';
		const linked = layoutWaterfall(
			{ ...reserve, steps: [...reserve.steps.slice(0, -1), { ...reserve.steps.at(-1)!, href }] },
			720,
			String
		);
		expect(linked.marks.at(-1)!.href).toBe(href);
		expect(linked.marks[0]!.href).toBeUndefined();
	});

	it('draws stocks from zero and flows from the running total', () => {
		const [opening, wusong, gucun] = layout.marks;
		expect(opening!.x).toBeCloseTo(layout.zero!, 6);
		expect(wusong!.x).toBeCloseTo(opening!.x + opening!.width, 6);
		expect(gucun!.x).toBeCloseTo(wusong!.x + wusong!.width, 6);
		expect(wusong!.width / gucun!.width).toBeCloseTo(82.5 / 24.1, 2);
	});

	it('extends a decrease left from the running total', () => {
		const [other, transfer, allocation] = layout.marks.slice(5);
		expect(transfer!.direction).toBe('down');
		expect(transfer!.x + transfer!.width).toBeCloseTo(other!.x + other!.width, 6);
		expect(allocation!.x + allocation!.width).toBeCloseTo(transfer!.x, 6);
		expect(transfer!.tipDirection).toBe(-1);
	});

	it('colours increases and decreases apart and signs every flow', () => {
		const up = layout.marks[1]!;
		const down = layout.marks[6]!;
		expect(up.color).not.toBe(down.color);
		expect(up.text).toBe('+82.5公顷');
		expect(down.text).toBe('−63.6公顷');
		expect(layout.marks[0]!.text).toBe('777.1公顷');
	});

	it('joins each step to the next at the running total', () => {
		expect(layout.connectors).toHaveLength(reserve.steps.length - 1);
		layout.connectors.forEach((c, i) => {
			const prev = layout.marks[i]!;
			const end = prev.direction === 'down' ? prev.x : prev.x + prev.width;
			expect(c.x).toBeCloseTo(end, 6);
			expect(c.y2).toBeGreaterThan(c.y1);
		});
	});

	it('reports how far a wrong closing stock is from the flows', () => {
		const wrong = layoutWaterfall(withClosing(805), 720, String);
		expect(wrong.mismatch).toBeCloseTo(5.1, 9);
		expect(wrong.expected!.x).toBeCloseTo(wrong.marks[7]!.x, 6);
		expect(closingGap(withClosing(805).steps)).toBeCloseTo(5.1, 9);
	});

	it('lets a closing stock differ by rounding only within the tolerance it is given', () => {
		expect(closingGap(withClosing(799.94).steps)).toBeCloseTo(0.04, 9);
		expect(closingGap(withClosing(799.94).steps, 1e-4)).toBeNull();
		expect(layoutWaterfall(withClosing(799.94), 720, String, { tolerance: 1e-4 }).mismatch).toBe(
			null
		);
	});

	it('starts the axis at zero unless told otherwise, and then marks the stocks as cut', () => {
		expect(layout.ticks[0]!.value).toBe(0);
		expect(layout.marks.some((m) => m.cut)).toBe(false);
		const zoomed = layoutWaterfall(reserve, 720, String, { zeroBased: false });
		expect(zoomed.zeroBased).toBe(false);
		expect(zoomed.zero).toBeNull();
		expect(zoomed.ticks[0]!.value).toBeGreaterThan(0);
		expect(zoomed.marks.filter((m) => m.cut).map((m) => m.figure)).toEqual([
			'land-reserve-area-2022-derived',
			'land-reserve-area-2023'
		]);
	});

	it('keeps every bar and value label inside a phone-width chart, labels above the bars', () => {
		const width = NARROW - 160;
		const phone = layoutWaterfall(reserve, width, String);
		expect(phone.narrow).toBe(true);
		expect(phone.rows.every((r) => r.labelX === 0 && r.anchor === 'start')).toBe(true);
		for (const mark of phone.marks) {
			expect(mark.x).toBeGreaterThanOrEqual(0);
			expect(mark.x + mark.width).toBeLessThanOrEqual(width);
			const w = textWidth(mark.text, 12);
			const [from, to] =
				mark.labelAnchor === 'start'
					? [mark.labelX, mark.labelX + w]
					: [mark.labelX - w, mark.labelX];
			expect(from).toBeGreaterThanOrEqual(0);
			expect(to).toBeLessThanOrEqual(width);
		}
		for (const [i, row] of phone.rows.entries()) {
			expect(row.labelY).toBeLessThan(phone.marks[i]!.y);
		}
	});

	it('puts a sign before the number of a label that has none', () => {
		expect(signedLabel('82.5 ha', 82.5)).toBe('+82.5 ha');
		expect(signedLabel('-63.6公顷', -63.6)).toBe('−63.6公顷');
		expect(signedLabel('超过82.5公顷', 82.5)).toBe('超过+82.5公顷');
		expect(signedLabel('63.6公顷', -63.6)).toBe('−63.6公顷');
	});
});
