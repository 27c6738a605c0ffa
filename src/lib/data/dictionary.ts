/** What every column and every coded value of the dataset means, in both languages. */
import type { FigureRow, Measure, PeriodType, Qualifier } from './schema.js';

type Text = { zh: string; en: string };
/** A meaning in both languages, and the words the bulletin prints for it, quoted in either. */
export type Doc = Text & { words?: string[] };

export const COLUMN_DOCS: Record<keyof FigureRow, Doc> = {
	id: { zh: '数据编号，唯一且稳定', en: 'Figure id, unique and stable' },
	bulletin_id: { zh: '所属公报', en: 'The bulletin it comes from' },
	indicator_id: { zh: '指标编号（见指标目录）', en: 'Indicator id (see the catalogue)' },
	indicator_zh: { zh: '指标中文名', en: 'Indicator name in Chinese' },
	indicator_en: { zh: '指标英文名', en: 'Indicator name in English' },
	topic: { zh: '主题编号', en: 'Topic id' },
	topic_zh: { zh: '主题中文名', en: 'Topic name in Chinese' },
	topic_en: { zh: '主题英文名', en: 'Topic name in English' },
	sector_id: { zh: '分类编号；空表示全区合计', en: 'Sector id; empty for the whole district' },
	sector_zh: { zh: '分类中文名', en: 'Sector name in Chinese' },
	sector_en: { zh: '分类英文名', en: 'Sector name in English' },
	sector_group: {
		zh: '分类所属的组（如地类、重点产业）',
		en: 'The group of the sector (land class, key industry …)'
	},
	sector_order: { zh: '分类在组内的顺序', en: 'Order of the sector within its group' },
	area_id: {
		zh: '地域：宝山区、上海市（报告引用的全市数据）或全国',
		en: 'Area: Baoshan, Shanghai (a city figure the report quotes) or China'
	},
	area_zh: { zh: '地域中文名', en: 'Area name in Chinese' },
	area_en: { zh: '地域英文名', en: 'Area name in English' },
	period: { zh: '时期，写法见下表', en: 'Period, written as in the table below' },
	period_type: { zh: '时期类型', en: 'Kind of period' },
	period_start: { zh: '时期起始日（ISO 日期）', en: 'First day of the period (ISO date)' },
	period_end: { zh: '时期结束日（ISO 日期）', en: 'Last day of the period (ISO date)' },
	year: {
		zh: '归属年份（时期结束日所在年）',
		en: 'Year the figure is filed under (that of the period’s end)'
	},
	measure: { zh: '度量，见下表', en: 'Measure, see below' },
	value: {
		zh: '按原文单位的数值；减少为负',
		en: 'The value in the unit as written; a decrease is negative'
	},
	value_text: { zh: '数值的原文写法（数字）', en: 'The value as printed (digits)' },
	written: {
		zh: '原文以文字表达时的写法',
		en: 'The wording when the text does not print a number',
		words: ['四分之一', '翻一番']
	},
	unit: { zh: '原文单位', en: 'Unit as written' },
	unit_en: { zh: '单位英文', en: 'Unit in English' },
	qualifier: {
		zh: '限定词，见下表；空表示确数',
		en: 'Qualifier, see below; empty for an exact value'
	},
	base_value: { zh: '换算到基本单位的数值', en: 'The value in the base unit' },
	base_unit: { zh: '基本单位', en: 'Base unit' },
	derived: {
		zh: '是否由公式推算（true 为推算值）',
		en: 'Whether a formula computed it (true: derived)'
	},
	formula: { zh: '推算公式及代入的原文数值', en: 'The formula with the written values put in' },
	inputs: { zh: '推算所用数据的编号', en: 'Ids of the figures the formula uses' },
	doc_id: { zh: '出处文件编号', en: 'Source document id' },
	doc_title: { zh: '出处文件标题', en: 'Source document title' },
	doc_title_en: { zh: '出处文件英文标题', en: 'Source document title in English' },
	doc_kind: { zh: '文件类型', en: 'Kind of document' },
	doc_page: { zh: '文件在目录中的页码', en: 'The document’s page in the table of contents' },
	session: { zh: '常委会会议次数', en: 'Standing Committee meeting number' },
	meeting_date: { zh: '会议日期', en: 'Meeting date' },
	quote: { zh: '原文句子（逐字引用）', en: 'The sentence, quoted verbatim' },
	quote_start: {
		zh: '引文在公报文本中的起始位置（UTF-16 编码单位）',
		en: 'Where the quote starts in the bulletin text (UTF-16 code units)'
	},
	quote_end: { zh: '引文结束位置', en: 'Where the quote ends' },
	notes: { zh: '整理者的说明', en: 'Curator’s notes' },
	disputed: {
		zh: '同一公报中另有表述或推算给出不同数值（见数据质量）',
		en: 'Another statement or derivation of the same bulletin gives a different value (see data quality)'
	},
	superseded_by: {
		zh: '后续公报修订此数值时，修订后表述的编号',
		en: 'When a later bulletin revises the value: the id of the revising statement'
	}
};

export const MEASURE_DOCS: Record<Measure, Text> = {
	level: {
		zh: '存量（某日的数值）或一个时期的总量（产值、面积、收入）',
		en: 'A stock at a date, or an amount over a period (output, area, income)'
	},
	change: {
		zh: '时期内的绝对变化，减少为负',
		en: 'Absolute change over the period; negative for a decrease'
	},
	change_pct: { zh: '变化的百分比', en: 'Change in percent' },
	share: { zh: '占整体的百分比', en: 'Percent of a whole' },
	target: { zh: '该时期的目标', en: 'A goal for the period' },
	count: {
		zh: '时期内发生的次数（案件、检查、会议）',
		en: 'Events in the period (cases, inspections, meetings)'
	}
};

export const QUALIFIER_DOCS: Record<Qualifier, Doc> = {
	about: { zh: '约数', en: 'about', words: ['约', '左右'] },
	over: { zh: '多于', en: 'over', words: ['超过', '逾', '余', '突破', '高于', '多'] },
	'at-least': { zh: '不少于', en: 'at least', words: ['以上', '不低于', '不少于'] },
	nearly: { zh: '接近', en: 'nearly', words: ['近'] },
	under: { zh: '少于', en: 'under', words: ['不到', '以下', '低于'] }
};

export const PERIOD_DOCS: Record<PeriodType, Text & { example: string }> = {
	year: { example: '2023', zh: '一年', en: 'A year' },
	quarter: {
		example: '2024Q1',
		zh: '一个季度（不能与全年值直接比较）',
		en: 'A quarter (not comparable with a full year)'
	},
	month: { example: '2024-03', zh: '一个月', en: 'A month' },
	date: {
		example: '2023-12-31',
		zh: '某一日（“截至2023年底”“2023年末”）',
		en: 'As of a date (“end of 2023”)'
	},
	range: {
		example: '2021..2023',
		zh: '一段时期（“近三年”“今年以来”）',
		en: 'A span (“the last three years”, “so far this year”)'
	}
};
