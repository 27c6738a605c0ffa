/** Example queries for the console: each answers a question a reader might have. */
export interface Example {
	zh: string;
	en: string;
	sql: string;
}

export const EXAMPLES: Example[] = [
	{
		zh: '各主题的数据条数',
		en: 'Figures per topic',
		sql: `SELECT topic_zh, topic_en, count(*) AS figures, count(*) FILTER (WHERE derived) AS derived
FROM figures
GROUP BY ALL
ORDER BY figures DESC`
	},
	{
		zh: '2023年末各地类面积（公顷）',
		en: 'Land use by class at the end of 2023 (ha)',
		sql: `SELECT sector_zh, sector_en, base_value AS hectares
FROM figures
WHERE indicator_id = 'land-area' AND sector_group = 'land-class'
  AND period = '2023-12-31' AND doc_id = 's21-natural-resources-report'
ORDER BY hectares DESC`
	},
	{
		zh: '地类面积合计（应为36533公顷）',
		en: 'Total of the land classes (should be 36,533 ha)',
		sql: `SELECT sum(base_value) AS total_hectares, count(*) AS classes
FROM figures
WHERE indicator_id = 'land-area' AND sector_group = 'land-class'
  AND period = '2023-12-31' AND doc_id = 's21-natural-resources-report'`
	},
	{
		zh: '重点产业规上工业产值（亿元）',
		en: 'Key industries’ output (100 million yuan)',
		sql: `SELECT sector_zh, period, base_value / 1e8 AS yi_yuan, quote
FROM figures
WHERE indicator_id = 'industry-output-above-scale' AND sector_group = 'industry-key' AND measure = 'level'
ORDER BY sector_order, period`
	},
	{
		zh: '表述不一致的数据',
		en: 'Statements that disagree',
		sql: `SELECT d.indicator_id, d.period, d.value, d.unit, d.doc_id, d.quote
FROM discrepancies d
ORDER BY d.key, d.doc_id`
	},
	{
		zh: '未通过的校验',
		en: 'Checks that fail',
		sql: `SELECT id, zh, en, lhs_value, rhs_value, difference
FROM checks
WHERE NOT passed`
	},
	{
		zh: '各文件的数据条数',
		en: 'Figures per document',
		sql: `SELECT d.title, d.session, count(f.id) AS figures
FROM documents d LEFT JOIN figures f ON f.doc_id = d.id AND NOT f.derived
GROUP BY ALL
HAVING figures > 0
ORDER BY figures DESC`
	}
];
