/**
 * The width a chart is laid out for before the page has measured it: its plot's width on a
 * desktop screen (a window about 1250 px wide and up, where the page's 1200 px column stops
 * growing). Prerendered at that width, a chart there is hydrated as drawn: the measured width
 * equals it and nothing is laid out or drawn again. Narrower screens measure and redraw.
 *
 * Both follow the CSS: the column is 1200 px less 1rem of padding each side; a figure has 1rem
 * of padding and a 1 px border each side.
 * - `column`: a grid of two (overview, topic, indicator, report): (1168 − 16 gap) / 2 − 34.
 * - `wide`: beside the 20rem choice panel (compare): 1168 − 320 − 16 gap − 34.
 * tests/e2e/redraw.e2e.ts holds them to the pages as drawn at 1280 px.
 */
export const PLOT_WIDTH = { column: 542, wide: 798 } as const;
