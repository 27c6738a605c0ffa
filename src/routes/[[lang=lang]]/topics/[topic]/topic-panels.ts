/**
 * Each topic's charts: the questions a representative asks of it, in reading order. Every
 * indicator also has its own page with all its figures; these panels put related ones together.
 */
import type { PanelSpec } from '$lib/panels.js';

const KEY = 'industry-key';

const PANELS: Record<string, PanelSpec[]> = {
	industry: [
		{
			id: 'industry-output',
			title: {
				zh: '重点产业规上工业产值（全年）',
				en: 'Key industries: output above designated size (full years)'
			},
			kind: 'bars',
			filter: {
				indicators: ['industry-output-above-scale'],
				sectorGroup: KEY,
				measures: ['level'],
				periodTypes: ['year']
			},
			category: 'sector',
			series: 'period'
		},
		{
			id: 'industry-output-quarterly',
			title: {
				zh: '重点产业规上工业产值（季度）',
				en: 'Key industries: output above designated size (quarters)'
			},
			kind: 'bars',
			filter: {
				indicators: ['industry-output-above-scale'],
				sectorGroup: KEY,
				measures: ['level'],
				periodTypes: ['quarter']
			},
			category: 'sector',
			series: 'period'
		},
		{
			id: 'industry-targets',
			title: {
				zh: '重点产业2026年规模目标与2023年规上工业产值',
				en: 'Key industries: 2026 scale targets against 2023 output'
			},
			kind: 'progress',
			filter: {
				periodTypes: ['year'],
				indicators: ['industry-scale', 'industry-output-above-scale'],
				sectorGroup: KEY,
				measures: ['level', 'target']
			},
			category: 'sector',
			series: 'period',
			notes: [
				{
					zh: '目标以“产业规模”表述，与规上工业产值口径不同；新材料2023年规上工业产值已达1725亿元。',
					en: 'The targets are stated as “industry scale”, a different measure from output above designated size; new materials output already reached 172.5 billion yuan in 2023.'
				}
			]
		},
		{
			id: 'industry-revenue',
			title: {
				zh: '重点产业营收与销售额（2024年一季度）',
				en: 'Key industries: revenue and sales (Q1 2024)'
			},
			kind: 'bars',
			filter: {
				indicators: ['industry-revenue-above-scale', 'industry-commodity-sales'],
				sectorGroup: KEY,
				measures: ['level'],
				periods: ['2024Q1']
			},
			category: 'sector',
			series: 'indicator'
		},
		{
			id: 'industry-structure',
			title: {
				zh: '产业结构：占全区规上工业产值的比重',
				en: 'Industrial structure: share of the district’s output above designated size'
			},
			kind: 'bars',
			filter: {
				indicators: ['industry-output-above-scale'],
				measures: ['share'],
				areas: ['baoshan', 'shanghai']
			},
			category: 'sector',
			series: 'area'
		}
	],
	land: [
		{
			id: 'land-use-share',
			title: {
				zh: '2023年末土地利用构成',
				en: 'Land use at the end of 2023, as part of the whole'
			},
			kind: 'share',
			filter: {
				indicators: ['land-area'],
				sectorGroup: 'land-class',
				withTotal: true,
				measures: ['level'],
				periods: ['2023-12-31'],
				docs: ['s21-natural-resources-report']
			},
			category: 'sector',
			series: 'period'
		},
		{
			id: 'land-use',
			title: { zh: '土地利用现状（按地类）', en: 'Land use by class' },
			kind: 'bars',
			filter: { indicators: ['land-area'], sectorGroup: 'land-class', measures: ['level'] },
			category: 'sector',
			series: 'period'
		},
		{
			id: 'land-change',
			title: { zh: '各地类面积较上年度变化', en: 'Change in each land class on the previous year' },
			kind: 'bars',
			filter: { indicators: ['land-area'], sectorGroup: 'land-class', measures: ['change'] },
			category: 'sector',
			series: 'measure'
		},
		{
			id: 'land-reserve-area',
			title: {
				zh: '储备土地：2022年末至2023年末（面积）',
				en: 'Reserve land from end-2022 to end-2023: area'
			},
			kind: 'waterfall',
			filter: {
				indicators: ['land-reserve-area', 'land-reserve-added-area', 'land-reserve-released-area'],
				withTotal: true
			},
			category: 'sector',
			series: 'period'
		},
		{
			id: 'land-reserve-value',
			title: {
				zh: '储备土地：2022年末至2023年末（账面价值）',
				en: 'Reserve land from end-2022 to end-2023: book value'
			},
			kind: 'waterfall',
			filter: {
				indicators: [
					'land-reserve-value',
					'land-reserve-added-value',
					'land-reserve-released-value'
				]
			},
			category: 'sector',
			series: 'period'
		},
		{
			id: 'land-evaluation-area',
			title: {
				zh: '产业用地综合绩效评估：面积（A–D类）',
				en: 'Industrial land evaluation: area by class A–D'
			},
			kind: 'share',
			filter: { indicators: ['land-eval-area'], sectorGroup: 'land-eval-class', withTotal: true },
			category: 'sector',
			series: 'period'
		},
		{
			id: 'land-evaluation-plots',
			title: {
				zh: '产业用地综合绩效评估：地块数（A–D类）',
				en: 'Industrial land evaluation: plots by class A–D'
			},
			kind: 'share',
			filter: { indicators: ['land-eval-plots'], sectorGroup: 'land-eval-class', withTotal: true },
			category: 'sector',
			series: 'period'
		},
		{
			id: 'land-output-per-mu',
			title: {
				zh: '产业园区单位土地产值：本区与全市',
				en: 'Output per mu of industrial parks: district and city'
			},
			kind: 'bars',
			filter: { indicators: ['land-industrial-output-per-mu'], areas: ['baoshan', 'shanghai'] },
			category: 'area',
			series: 'period'
		}
	],
	forest: [
		{
			id: 'forest-afforestation',
			title: {
				zh: '造林：2023年新增森林面积',
				en: 'Afforestation: new forest in 2023'
			},
			kind: 'bars',
			filter: {
				indicators: ['forest-new-area'],
				sectorGroup: null
			},
			category: 'indicator',
			series: 'period',
			notes: [
				{
					zh: '为2023年一年的新增面积，报告未给出2021年以来的累计数，不能与“十四五”五年规划造林用地直接比较。',
					en: 'One year’s new forest; the report gives no total since 2021, so it cannot be set against the five-year plan’s afforestation land.'
				}
			]
		},
		{
			id: 'forest-afforestation-plan',
			title: {
				zh: '“十四五”（2021—2025年）规划造林用地',
				en: 'Afforestation land planned for 2021–2025'
			},
			kind: 'bars',
			filter: {
				indicators: ['forest-afforestation-plan-land'],
				sectorGroup: null
			},
			category: 'indicator',
			series: 'period',
			notes: [
				{
					zh: '报告称规划造林用地“绝大部分土地清腾困难”。',
					en: 'The report says most of the planned land is hard to clear.'
				}
			]
		},
		{
			id: 'forest-coverage',
			title: { zh: '森林覆盖率', en: 'Forest coverage' },
			kind: 'lines',
			filter: { indicators: ['forest-coverage'], measures: ['level'], sectorGroup: null },
			category: 'indicator',
			series: 'indicator'
		},
		{
			id: 'forest-area',
			title: { zh: '森林面积', en: 'Forest area' },
			kind: 'lines',
			filter: { indicators: ['forest-area'], measures: ['level'], sectorGroup: null },
			category: 'indicator',
			series: 'indicator'
		}
	],
	enterprises: [
		{
			id: 'enterprise-counts',
			title: {
				zh: '专精特新与科技型企业数量（2023年末；专精特新企业663家为2024年6月口径）',
				en: 'Specialised, technology-based and high-tech enterprises (end of 2023; the 663 is as of June 2024)'
			},
			kind: 'bars',
			filter: {
				indicators: [
					'ent-little-giants',
					'ent-specialised-smes',
					'ent-specialised-enterprises',
					'ent-tech-smes',
					'ent-high-tech'
				],
				measures: ['level'],
				sectorGroup: null,
				periods: ['2023-12-31', '2024-06-26']
			},
			category: 'indicator',
			series: 'period',
			notes: [
				{
					zh: '“专精特新企业”663家出自产业报告，口径未说明，不同于市级专精特新中小企业624家；高新技术企业另一报告作1869家。',
					en: 'The 663 “specialised and innovative enterprises” come from the industry report, which does not say which levels it counts; they are not the 624 municipal specialised SMEs. Another report gives 1869 high-tech enterprises.'
				}
			]
		},
		{
			id: 'enterprise-additions',
			title: {
				zh: '“小巨人”与市级专精特新中小企业：2023年新增与2023年末总数',
				en: '“Little giants” and municipal specialised SMEs: added in 2023 and total at the end of 2023'
			},
			kind: 'bars',
			filter: {
				indicators: ['ent-little-giants', 'ent-specialised-smes'],
				measures: ['level', 'change'],
				sectorGroup: null,
				periods: ['2022-12-31', '2023', '2023-12-31']
			},
			category: 'indicator',
			series: 'period',
			notes: [
				{
					zh: '“2023年”一栏为当年新增数；2022年末数为年末总数减新增数推算（33−18＝15，624−360＝264）。报告称市级专精特新同比增长137%，按264家推算为136.4%。',
					en: 'The “2023” bars are the additions in the year; end-2022 is the end-2023 total less the additions (33 − 18 = 15, 624 − 360 = 264). The report gives growth of 137% for municipal specialised SMEs; from 264 it would be 136.4%.'
				}
			]
		},
		{
			id: 'enterprise-tech-growth',
			title: {
				zh: '高新技术企业与科技型中小企业：2020年末至2023年末',
				en: 'High-tech enterprises and technology-based SMEs, end of 2020 to end of 2023'
			},
			kind: 'lines',
			filter: {
				indicators: ['ent-high-tech', 'ent-tech-smes'],
				measures: ['level'],
				sectorGroup: null
			},
			category: 'indicator',
			series: 'indicator',
			notes: [
				{
					zh: '只有2023年末为报告所述；2022年末由同比增长率（高新技术企业25%、科技型中小企业62%）推算，2020年末由“三年翻一番”推算。',
					en: 'Only the end-2023 values are stated; end-2022 is derived from the stated growth (25% for high-tech, 62% for technology-based SMEs) and end-2020 from “doubled in three years”.'
				}
			]
		},
		{
			id: 'enterprise-listings',
			title: {
				zh: '上市挂牌企业177家（按板块，2024年6月）',
				en: 'The 177 listed and quoted companies by board (June 2024)'
			},
			kind: 'share',
			filter: {
				indicators: ['ent-listed-quoted'],
				sectorGroup: 'ent-board',
				withTotal: true,
				measures: ['level']
			},
			category: 'sector',
			series: 'period',
			notes: [
				{
					zh: '只有16家为证券交易所上市；其余为新三板和上海股交中心（科创板、E板）挂牌。',
					en: 'Only 16 are listed on a stock exchange; the others are quoted on the NEEQ or the Shanghai Equity Exchange (sci-tech board, E board).'
				}
			]
		},
		{
			id: 'enterprise-tech-centres',
			title: {
				zh: '企业技术中心（按级别，2023年末）与另一报告所述总数401家',
				en: 'Enterprise technology centres by level (end of 2023) against the total of 401 stated in another report'
			},
			kind: 'share',
			filter: {
				indicators: ['ent-tech-centres'],
				ids: [
					'enterprises-tech-centres-national-2023',
					'enterprises-tech-centres-municipal-2023',
					'enterprises-tech-centres-district-2023',
					'enterprises-tech-centres-total'
				],
				measures: ['level']
			},
			category: 'sector',
			series: 'period',
			notes: [
				{
					zh: '中小企业报告所列三级（5＋66＋340）合计411家；产业报告称“目前”共401家。两份报告相差10家，原文未说明原因。',
					en: 'The three levels in the SME report (5 + 66 + 340) add up to 411; the industry report says there are 401 “at present”. The reports differ by 10 and neither explains why.'
				}
			]
		}
	],
	water: [
		{
			id: 'water-resources-share',
			title: { zh: '2023年水资源量构成（按水源）', en: 'Water resources in 2023 by source' },
			kind: 'share',
			filter: {
				indicators: ['water-resources'],
				sectorGroup: 'water-source',
				withTotal: true,
				measures: ['level'],
				periods: ['2023']
			},
			category: 'sector',
			series: 'period',
			notes: [
				{
					zh: '数据引自2023年上海市水资源公报；研究报告把浅层地下水称作“地下水”，数值相同。',
					en: 'From the 2023 Shanghai Water Resources Bulletin; the research report calls the shallow groundwater simply “groundwater”, with the same value.'
				}
			]
		},
		{
			id: 'water-resources-change',
			title: {
				zh: '2023年水资源量较2022年的变化（按水源）',
				en: 'Change in water resources, 2023 on 2022, by source'
			},
			kind: 'bars',
			filter: { indicators: ['water-resources'], measures: ['change'] },
			category: 'sector',
			series: 'period',
			notes: [
				{
					zh: '地表水增加4700万立方米，浅层地下水减少800万立方米，合计增加3900万立方米；报告称地下水减少与建设工程施工疏干排水和地面渗透量减少有关。',
					en: 'Surface water rose by 47 million m³ and shallow groundwater fell by 8 million m³, a net rise of 39 million m³; the report links the fall to dewatering on building sites and less infiltration.'
				}
			]
		},
		{
			id: 'water-sections',
			title: {
				zh: '2023年镇控及以上水质断面：监测断面与Ⅲ类及以上断面',
				en: 'Water-quality sections (town-controlled and above), 2023: monitored and at Class III or better'
			},
			kind: 'bars',
			filter: {
				indicators: ['water-town-sections-monitored', 'water-town-sections-class-iii'],
				sectorGroup: null
			},
			category: 'indicator',
			series: 'period',
			notes: [
				{
					zh: '176个断面中160个达到Ⅲ类及以上，占90.9%；报告称较上年同期稳步提升，但未给出上年数值。',
					en: '160 of the 176 sections were Class III or better (90.9%); the report says this improved on 2022 but gives no 2022 figure.'
				}
			]
		},
		{
			id: 'water-section-rates',
			title: {
				zh: '2023年水质Ⅲ类及以上断面比例：镇控及以上断面与“3+15”考核断面',
				en: 'Share of sections at Class III or better, 2023: town-controlled sections and the “3+15” assessment sections'
			},
			kind: 'bars',
			filter: {
				indicators: [
					'water-town-sections-class-iii-share',
					'water-assessment-sections-class-iii-share'
				],
				sectorGroup: null
			},
			category: 'indicator',
			series: 'period',
			notes: [
				{
					zh: '两个比例的断面范围不同：“3+15”为国家和市考核断面，少于176个镇控及以上断面，二者不能直接比较。',
					en: 'The two shares cover different sections: the “3+15” are the state and city assessment sections, far fewer than the 176 town-controlled sections, so they are not directly comparable.'
				}
			]
		},
		{
			id: 'water-marine-area',
			title: {
				zh: '海洋功能区划面积：三份报告的表述（2023年末）',
				en: 'Marine functional zoning area as stated in three reports (end of 2023)'
			},
			kind: 'bars',
			filter: { indicators: ['water-marine-functional-zone-area'] },
			category: 'document',
			series: 'period',
			statements: true,
			notes: [
				{
					zh: '按全市海洋功能区划划入本区的海域面积；本区不涉及无居民海岛。',
					en: 'Sea area assigned to the district under the Shanghai marine functional zoning plan; the district has no uninhabited islands.'
				}
			]
		}
	],
	environment: [
		{
			id: 'env-aqi',
			title: {
				zh: '2023年空气质量优良率（AQI）',
				en: 'Days with good or excellent air quality (AQI), 2023'
			},
			kind: 'bars',
			filter: { indicators: ['env-aqi-good-rate'], sectorGroup: null },
			category: 'indicator',
			series: 'period',
			notes: [
				{
					zh: '报告只给出2023年一个数值，未给出上年或全市数值。',
					en: 'The reports give only the 2023 value, with no previous year or city figure to compare.'
				}
			]
		},
		{
			id: 'env-pm25',
			title: { zh: '2023年PM2.5年均浓度', en: 'PM2.5 annual mean concentration, 2023' },
			kind: 'bars',
			filter: { indicators: ['env-pm25-concentration'], sectorGroup: null },
			category: 'indicator',
			series: 'period',
			notes: [
				{
					zh: '报告只给出2023年一个数值，未给出上年或全市数值。',
					en: 'The reports give only the 2023 value, with no previous year or city figure to compare.'
				}
			]
		},
		{
			id: 'env-fertiliser',
			title: {
				zh: '有机肥推广量：2022年与2023年',
				en: 'Organic fertiliser promoted, 2022 and 2023'
			},
			kind: 'bars',
			filter: { indicators: ['env-organic-fertiliser'], measures: ['level'], sectorGroup: null },
			category: 'period',
			series: 'indicator',
			notes: [
				{
					zh: '两年数值均出自2023年工作报告（“高于上年度4634吨”）；推广面积两年均为1.5万亩。',
					en: 'Both years are stated in the report on 2023 (“above last year’s 4634 tonnes”); the area covered was 15,000 mu in both years.'
				}
			]
		},
		{
			id: 'env-farmland-areas',
			title: {
				zh: '农田与土壤保护面积：有机肥推广、土壤保育修复与安全利用类耕地',
				en: 'Farmland and soil protection: organic-fertiliser area, soil remediation and safe-use farmland'
			},
			kind: 'bars',
			filter: {
				indicators: [
					'env-organic-fertiliser-area',
					'env-soil-conservation-area',
					'env-safe-use-class-farmland-area'
				],
				measures: ['level'],
				sectorGroup: null
			},
			category: 'indicator',
			series: 'period',
			notes: [
				{
					zh: '有机肥推广面积和土壤保育修复面积是年内完成的工作量；1533亩是全面排摸的中轻度污染安全利用类耕地面积（年末存量）。2022年推广面积由“与上年度持平”推得。',
					en: 'The fertiliser and soil-remediation areas are work done in the year; the 1533 mu is the lightly or moderately polluted farmland surveyed (a stock at the year end). The 2022 fertiliser area follows from “unchanged on last year”.'
				}
			]
		},
		{
			id: 'env-soil-safe-use',
			title: {
				zh: '2023年受污染土地安全利用率（按用地类别）',
				en: 'Safe use of polluted land by land class, 2023'
			},
			kind: 'bars',
			filter: { indicators: ['env-soil-safe-use-rate'], sectorGroup: 'env-land-class' },
			category: 'sector',
			series: 'period',
			notes: [
				{
					zh: '原文以一句话同时说明两类用地“保持100%安全利用”。',
					en: 'The report states the 100% for both land classes in one sentence.'
				}
			]
		}
	],
	enforcement: [
		{
			id: 'enf-land',
			title: {
				zh: '2023年土地执法：督察问题、违法用地整治与耕地占补平衡图斑（宗）',
				en: 'Land enforcement in 2023: inspection problems, illegal land use remedied and farmland-balance patches (cases)'
			},
			kind: 'bars',
			filter: {
				indicators: [
					'enf-land-inspection-problems',
					'enf-illegal-land-remediation',
					'enf-farmland-balance-patches'
				],
				sectorGroup: null,
				measures: ['count']
			},
			category: 'indicator',
			series: 'period',
			notes: [
				{
					zh: '土地督察发现的4宗问题年底前已全部整改；40宗图斑中29宗已恢复为耕地，其余11宗以行政处罚、移送备案补办方式处置。另完成规划类行政处罚23宗、土地类5宗。',
					en: 'All 4 inspection problems were rectified by the year end; of the 40 patches, 29 were restored to cultivation and 11 handled by penalty, referral or retrospective approval. There were also 23 planning and 5 land administrative penalties.'
				}
			]
		},
		{
			id: 'enf-water-forest-cases',
			title: {
				zh: '2023年违法取水与涉林违法案件（起）',
				en: 'Illegal water abstraction and forest-related cases, 2023'
			},
			kind: 'bars',
			filter: {
				indicators: ['enf-illegal-water-abstraction-cases', 'enf-forest-cases'],
				sectorGroup: null,
				measures: ['count']
			},
			category: 'indicator',
			series: 'period',
			notes: [
				{
					zh: '违法取水罚款14万元；涉林案件3起已查处整改到位（罚款15.75万元，补建林地9.02亩），1起已立案待调查。',
					en: 'Water-abstraction fines came to 140,000 yuan. Of the forest cases, 3 were concluded (fines of 157,500 yuan, 9.02 mu replanted) and 1 was filed, awaiting investigation.'
				}
			]
		},
		{
			id: 'enf-forest-patches',
			title: {
				zh: '2023年森林督查图斑261个的面积（按现状地类）',
				en: 'Area of the 261 forest-supervision patches in 2023, by current land class'
			},
			kind: 'share',
			filter: {
				indicators: ['enf-forest-supervision-area'],
				sectorGroup: 'enf-forest-patch-land',
				withTotal: true
			},
			category: 'sector',
			series: 'period'
		},
		{
			id: 'enf-muni-inspection',
			title: {
				zh: '第二轮市级生态环境保护督察（2023年）：办理的问题与处理（件）',
				en: 'Second municipal environmental inspection (2023): problems handled and actions taken'
			},
			kind: 'bars',
			filter: {
				indicators: [
					'enf-muni-insp-clues',
					'enf-muni-insp-petitions',
					'enf-muni-insp-cases',
					'enf-muni-insp-correction-orders'
				],
				sectorGroup: null
			},
			category: 'indicator',
			series: 'period',
			notes: [
				{
					zh: '督察另检查现场点位385处、监测点位56处，拟处罚金额超过380万元（拟定，非已执行）。区级环保联合督查检查点位668个，发现问题346项。',
					en: 'The inspection also visited 385 sites and monitored 56, and proposed fines of over 3.8 million yuan (proposed, not collected). The district’s own joint inspection checked 668 sites and found 346 problems.'
				}
			]
		},
		{
			id: 'enf-audit-rectification',
			title: {
				zh: '资源环境审计（2019—2023年）查出的95个问题：截至2024年6月26日的整改情况',
				en: 'The 95 problems found by resource and environment audits (2019–2023): rectification as of 26 June 2024'
			},
			kind: 'share',
			filter: {
				indicators: ['enf-audit-problems-found', 'enf-audit-problems-status'],
				sectorGroup: 'rectification-status',
				withTotal: true
			},
			category: 'sector',
			series: 'period',
			notes: [
				{
					zh: '问题数为7个审计项目五年合计，报告未按年分列；所涉管理不规范资金4.09亿元。',
					en: 'The 95 problems are the total of 7 audits over five years, not broken down by year; they involve 409 million yuan of irregularly managed funds.'
				}
			]
		}
	],
	'state-assets': [
		{
			id: 'sa-soe-classes',
			title: {
				zh: '区属国有企业175户（按类别，2023年末）',
				en: 'The 175 district state-owned enterprises by class (end of 2023)'
			},
			kind: 'share',
			filter: { indicators: ['sa-soe-count'], sectorGroup: 'sa-soe-class', withTotal: true },
			category: 'sector',
			series: 'period',
			notes: [
				{
					zh: '不含金融企业；无境外企业。',
					en: 'Excluding financial enterprises; none are overseas.'
				}
			]
		},
		{
			id: 'sa-soe-balance',
			title: {
				zh: '区属国有企业：资产、负债与所有者权益（2023年末）',
				en: 'District state-owned enterprises: assets, liabilities and equity (end of 2023)'
			},
			kind: 'bars',
			filter: {
				indicators: ['sa-soe-assets', 'sa-soe-liabilities', 'sa-soe-equity'],
				sectorGroup: null
			},
			category: 'indicator',
			series: 'period',
			notes: [
				{
					zh: '所有者权益＝资产总额－负债总额；不含金融企业。',
					en: 'Equity = total assets − total liabilities; excluding financial enterprises.'
				}
			]
		},
		{
			id: 'sa-admin-balance',
			title: {
				zh: '行政事业性国有资产：资产、负债与净资产（2023年末）',
				en: 'Administrative and institutional state assets: assets, liabilities and net assets (end of 2023)'
			},
			kind: 'bars',
			filter: {
				indicators: ['sa-admin-assets', 'sa-admin-liabilities', 'sa-admin-net-assets'],
				sectorGroup: null
			},
			category: 'indicator',
			series: 'period',
			notes: [
				{
					zh: '净资产＝资产总额－负债总额。与左侧区属国有企业为不同主体，不能相加。',
					en: 'Net assets = total assets − liabilities. These are other holders than the state-owned enterprises beside them; do not add the two.'
				}
			]
		},
		{
			id: 'sa-soe-debt-ratio',
			title: {
				zh: '区属国有企业资产负债率（2023年末）',
				en: 'Debt-to-asset ratio of district state-owned enterprises (end of 2023)'
			},
			kind: 'bars',
			filter: { indicators: ['sa-soe-debt-ratio'], sectorGroup: null },
			category: 'indicator',
			series: 'period',
			notes: [
				{
					zh: '负债256.55亿元÷资产523.82亿元；报告未给出上年数值，也未给出行政事业单位的负债率。',
					en: 'Liabilities of 25.655 billion yuan ÷ assets of 52.382 billion yuan; the report gives no previous-year ratio and none for administrative units.'
				}
			]
		},
		{
			id: 'sa-safety-hazards',
			title: {
				zh: '2023年国资系统安全检查发现隐患3522条：整改情况',
				en: 'The 3522 safety hazards found in the state-asset system in 2023: rectification'
			},
			kind: 'share',
			filter: {
				indicators: ['sa-safety-hazards-found', 'sa-safety-hazards-status'],
				sectorGroup: 'rectification-status',
				withTotal: true
			},
			category: 'sector',
			series: 'period',
			notes: [
				{
					zh: '“整改中”即报告所称“限期整改”。全年开展安全检查870次，检查点位13168个（次）。',
					en: '“Being rectified” is the report’s “to be rectified by a deadline”. There were 870 inspections covering 13,168 site visits in the year.'
				}
			]
		}
	],
	'city-operations': [
		{
			id: 'city-ops-video-target',
			title: {
				zh: '社会面视频接入：已接入与2024年目标9000路',
				en: 'Non-government video feeds: connected so far against the 2024 target of 9000'
			},
			kind: 'progress',
			filter: {
				indicators: ['city-operations-social-video-connected'],
				measures: ['level', 'target']
			},
			category: 'indicator',
			series: 'period',
			notes: [
				{
					zh: '已接入数为视频专网一期的“3000余路”（下限，截至2024年5月29日）；9000路为今年工作计划。',
					en: 'Connected is phase 1’s “over 3000” (a lower bound, as of 29 May 2024); 9000 is this year’s plan.'
				}
			]
		},
		{
			id: 'city-ops-video-statements',
			title: {
				zh: '视觉中枢汇聚视频资源：两份报告的不同表述（2024年5月）',
				en: 'Video feeds pooled in the visual hub: two reports, two numbers (May 2024)'
			},
			kind: 'bars',
			filter: { indicators: ['city-operations-video-resources'] },
			category: 'document',
			series: 'period',
			statements: true,
			notes: [
				{
					zh: '同一时点，工作报告称2.8万路，调研报告称2.5万路，原文未说明差异。社会面视频3000余路是其中一部分。',
					en: 'For the same date the work report says 28,000 and the research report 25,000; neither explains the difference. The 3000-plus non-government feeds are part of this total.'
				}
			]
		},
		{
			id: 'city-ops-scenarios',
			title: {
				zh: '“一网统管”应用场景46个（按类型，2024年5月）',
				en: 'The 46 unified-management application scenarios by kind (May 2024)'
			},
			kind: 'share',
			filter: {
				indicators: ['city-operations-scenarios'],
				sectorGroup: 'city-operations-scenario-kind',
				withTotal: true
			},
			category: 'sector',
			series: 'period'
		},
		{
			id: 'city-ops-dispatched-cases',
			title: {
				zh: '派单中枢流转处置案件：2024年1月1日至5月29日',
				en: 'Cases routed through the dispatch hub: 1 January to 29 May 2024'
			},
			kind: 'bars',
			filter: { indicators: ['city-operations-dispatched-cases'], periodTypes: ['range'] },
			category: 'period',
			series: 'indicator',
			notes: [
				{
					zh: '另一份报告给出一季度“超过16万件”：时段不同（一个季度），包含在本图的数值之内，故不并列比较，见指标页。',
					en: 'Another report gives “over 160,000” for the first quarter: a different span (one quarter) that is part of this figure, so it is not drawn beside it; see the indicator page.'
				}
			]
		},
		{
			id: 'city-ops-issues',
			title: {
				zh: '2024年以来协调处置的问题（截至5月29日，起）',
				en: 'Issues coordinated in 2024 (to 29 May)'
			},
			kind: 'bars',
			filter: {
				indicators: ['city-operations-risk-issues-handled', 'city-operations-joint-desk-issues'],
				sectorGroup: null
			},
			category: 'indicator',
			series: 'period',
			notes: [
				{
					zh: '风险问题由“五员”核心操作团队预警、协调；疑难问题通过部门联合派驻机制处置。两者口径不同，不宜相加。',
					en: 'Risk issues are flagged and coordinated by the core operating team; difficult issues are resolved through departments stationed together. Different counts: do not add them.'
				}
			]
		}
	],
	wusong: [
		{
			id: 'wusong-land-owners',
			title: {
				zh: '吴淞创新城规划用地25.3平方公里：央企与市属国企占地',
				en: 'The 25.3 km² of Wusong Innovation City: land held by central and municipal state-owned enterprises'
			},
			kind: 'share',
			filter: {
				indicators: ['wusong-planned-land-area'],
				sectorGroup: 'wusong-land-owner',
				withTotal: true
			},
			category: 'sector',
			series: 'period',
			notes: [
				{
					zh: '报告只给出占地比重（央企37%、市属国企16%）；面积由比重乘以25.3平方公里推算。其余47%报告未按权属列明，并非数据缺漏。',
					en: 'The report gives only the shares (central SOEs 37%, municipal SOEs 16%); the areas are those shares of 25.3 km². The report does not break down the other 47% by holder; this is not missing data.'
				}
			]
		},
		{
			id: 'wusong-planning-areas',
			title: {
				zh: '规划范围：大吴淞地区、其宝山陆域部分与吴淞创新城',
				en: 'Planning areas: Greater Wusong, its land in Baoshan, and Wusong Innovation City'
			},
			kind: 'bars',
			filter: {
				indicators: [
					'wusong-greater-wusong-planned-area',
					'wusong-greater-wusong-baoshan-land-area',
					'wusong-planned-land-area'
				],
				sectorGroup: null
			},
			category: 'indicator',
			series: 'period',
			notes: [
				{
					zh: '大吴淞地区约110平方公里（含宝山区以外部分），其中宝山陆域约70平方公里；“约”为报告原文的近似值。《大吴淞地区专项规划》尚未批复。',
					en: 'Greater Wusong is about 110 km² (including parts outside Baoshan), of which about 70 km² is land in Baoshan; both are approximate as stated. The Greater Wusong special plan is not yet approved.'
				}
			]
		},
		{
			id: 'wusong-land-banking',
			title: {
				zh: '宝武土地收储：2021年以来已收储面积',
				en: 'Banking Baowu land: area banked since 2021'
			},
			kind: 'bars',
			filter: {
				indicators: ['wusong-land-banked'],
				sectorGroup: null
			},
			category: 'indicator',
			series: 'period',
			notes: [
				{
					zh: '378公顷为2021年以来对先行启动区（2平方公里）、剩余土地（4平方公里）和益昌薄板厂地块已开展收储的合计；报告括注“5673.5亩”，而378公顷折合5670亩，相差3.5亩。剩余4平方公里仍在收储中。',
					en: 'The 378 ha is the total banked since 2021 across the launch zone (2 km²), the remaining land (4 km²) and the Yichang sheet-mill plot. The report adds “5673.5 mu” in brackets, but 378 ha is 5670 mu: 3.5 mu apart. Banking of the remaining 4 km² continues.'
				}
			]
		},
		{
			id: 'wusong-land-parcels',
			title: {
				zh: '宝武收储涉及的地块面积（截至2024年5月29日）',
				en: 'Baowu parcels concerned by land banking (as of 29 May 2024)'
			},
			kind: 'bars',
			filter: {
				indicators: ['wusong-launch-zone-area', 'wusong-baowu-remaining-land'],
				sectorGroup: null
			},
			category: 'indicator',
			series: 'period'
		},
		{
			id: 'wusong-building-heights',
			title: {
				zh: '先行启动区在建高层建筑设计高度（2024年5月）',
				en: 'Design height of high-rise buildings under construction in the launch zone (May 2024)'
			},
			kind: 'bars',
			filter: { indicators: ['wusong-building-height'], sectorGroup: 'wusong-building' },
			category: 'sector',
			series: 'period',
			notes: [
				{
					zh: '宝武集团已建和在建项目建筑面积共26万方、总投资43亿元；轨交18号线6站6区间已全部进场施工；高铁宝山站预设8台18线，2027年竣工投用。',
					en: 'Baowu’s completed and ongoing projects total 260,000 m² of floor area and 4.3 billion yuan of investment; all 6 stations and 6 sections of Metro Line 18 are under construction; Baoshan high-speed rail station is planned with 8 platforms and 18 tracks, opening in 2027.'
				}
			]
		}
	],
	rural: [
		{
			id: 'rural-income',
			title: {
				zh: '2023年农户人均可支配收入',
				en: 'Per-capita disposable income of rural households, 2023'
			},
			kind: 'bars',
			filter: { indicators: ['rural-household-disposable-income'], sectorGroup: null },
			category: 'indicator',
			series: 'period',
			notes: [
				{
					zh: '报告未给出上年数值或增长率。',
					en: 'The report gives no previous-year value or growth rate.'
				}
			]
		},
		{
			id: 'rural-dividends',
			title: {
				zh: '农村集体产权制度改革分红总额：2022年（推算）与2023年',
				en: 'Dividends of rural collectives: 2022 (derived) and 2023'
			},
			kind: 'bars',
			filter: {
				indicators: ['rural-collective-dividends'],
				measures: ['level'],
				sectorGroup: null
			},
			category: 'period',
			series: 'indicator',
			notes: [
				{
					zh: '2022年数值由2023年16862万元与“同比增长5.9%”推算，约15923万元，非报告所述。',
					en: 'The 2022 value is worked out from 168.62 million yuan in 2023 and growth of 5.9%: about 159.23 million yuan, not stated in the report.'
				}
			]
		},
		{
			id: 'rural-roads',
			title: {
				zh: '农村道路修缮升级里程（2023年9月至2024年4月）',
				en: 'Rural roads repaired and upgraded (September 2023 to April 2024)'
			},
			kind: 'bars',
			filter: { indicators: ['rural-roads-upgraded-length'], sectorGroup: null },
			category: 'indicator',
			series: 'period',
			notes: [
				{
					zh: '同期创建“四好农村路”示范路7条。原文未注明时段，按常委会审议意见（2023年9月27日）至跟踪报告的期间归档。',
					en: 'In the same period 7 “four-good” model roads were created. The text gives no dates; filed as the span from the Standing Committee’s review (27 September 2023) to the follow-up report.'
				}
			]
		},
		{
			id: 'rural-facilities-added',
			title: {
				zh: '新增示范村与农村家门口养老服务站（2023年9月至2024年4月）',
				en: 'Model villages and doorstep elderly-service stations added (September 2023 to April 2024)'
			},
			kind: 'bars',
			filter: {
				indicators: ['rural-model-villages-added', 'rural-elderly-facilities-added'],
				sectors: [
					'rural-model-village-revitalisation',
					'rural-model-village-beautiful',
					'rural-elderly-doorstep-station'
				]
			},
			category: 'indicator',
			series: 'sector',
			notes: [
				{
					zh: '同期还新增乡村长者照护之家2家（以“家”计，未并入本图）。原文未注明时段，按跟踪期间归档。',
					en: 'Two rural elder-care homes were also added (counted as establishments, not shown here). The text gives no dates; filed as the follow-up period.'
				}
			]
		}
	],
	education: [
		{
			id: 'edu-after-school-rates',
			title: {
				zh: '2024年义务教育课后服务：教师参与率、学生覆盖率与家长满意度',
				en: 'After-school services in compulsory education, 2024: teacher participation, student coverage, parent satisfaction'
			},
			kind: 'bars',
			filter: {
				indicators: [
					'education-after-school-teacher-participation',
					'education-after-school-student-coverage',
					'education-after-school-parent-satisfaction'
				],
				sectorGroup: null
			},
			category: 'indicator',
			series: 'period',
			notes: [
				{
					zh: '三个比例均为报告所述下限（“高于”），不是精确值。',
					en: 'All three are lower bounds as stated (“above”), not exact values.'
				}
			]
		},
		{
			id: 'edu-after-school-schools',
			title: {
				zh: '开展课后服务的义务教育学校（2024年）与引入第三方课程的学校（2024年5月）',
				en: 'Schools offering after-school services (2024) and those with third-party courses (May 2024)'
			},
			kind: 'bars',
			filter: {
				indicators: ['education-after-school-schools', 'education-third-party-course-schools'],
				sectorGroup: null
			},
			category: 'indicator',
			series: 'period',
			notes: [
				{
					zh: '127所为全区全部义务教育学校；其中50所引入了第三方服务课程（共158项活动课程）。',
					en: 'The 127 are all the district’s compulsory-education schools; 50 of them have brought in third-party courses (158 activity courses in all).'
				}
			]
		},
		{
			id: 'edu-after-school-students',
			title: {
				zh: '2024年课后服务覆盖学生人数',
				en: 'Students covered by after-school services, 2024'
			},
			kind: 'bars',
			filter: { indicators: ['education-after-school-students'], sectorGroup: null },
			category: 'indicator',
			series: 'period',
			notes: [
				{
					zh: '覆盖全区127所义务教育学校，学生覆盖率高于95%。经费：财政保障每生100元；2023年向教师发放每课时不低于85元（不含税）。',
					en: 'All 127 compulsory-education schools, with student coverage above 95%. Funding: 100 yuan per student from the budget; in 2023 teachers were paid at least 85 yuan per class hour (before tax).'
				}
			]
		}
	],
	governance: [
		{
			id: 'gov-ohc-counts',
			title: {
				zh: '业委会：居委会成员兼任、党的工作小组与党支部（2024年5月）',
				en: 'Owners’ committees: with residents’-committee members, Party working groups and Party branches (May 2024)'
			},
			kind: 'bars',
			filter: {
				indicators: [
					'governance-rc-ohc-cross-membership',
					'governance-ohc-party-work-groups',
					'governance-ohc-party-branches',
					'governance-ohc-total'
				],
				measures: ['level'],
				sectorGroup: null
			},
			category: 'indicator',
			series: 'period',
			notes: [
				{
					zh: '三项均为“符合条件”者的100%。业委会总数报告未直接给出：由209个占29.6%推算约706个，由344个占48.5%推算约709个，两者不完全一致。',
					en: 'Each of the three is 100% of the eligible cases. The report does not state the total: 209 = 29.6% implies about 706, 344 = 48.5% about 709, which do not quite agree.'
				}
			]
		},
		{
			id: 'gov-ohc-shares',
			title: {
				zh: '占全区业委会总数的比例（2024年5月）',
				en: 'As a share of all owners’ committees in the district (May 2024)'
			},
			kind: 'bars',
			filter: {
				indicators: ['governance-rc-ohc-cross-membership', 'governance-ohc-party-work-groups'],
				measures: ['share'],
				sectorGroup: null
			},
			category: 'indicator',
			series: 'period',
			notes: [
				{
					zh: '分母是全部业委会；报告同时所说的“100%”以符合条件者为分母，口径不同。',
					en: 'The base is all owners’ committees; the “100%” in the same sentences is of the eligible ones only.'
				}
			]
		},
		{
			id: 'gov-village-rules',
			title: {
				zh: '完成村规民约修订的村（按规约事项，2024年5月）',
				en: 'Villages that revised their village rules, by subject (May 2024)'
			},
			kind: 'bars',
			filter: {
				indicators: ['governance-village-rules-revised'],
				sectorGroup: 'governance-village-rule-subject'
			},
			category: 'sector',
			series: 'period',
			notes: [
				{
					zh: '一个村可能同时修订两类规约，两数不宜相加。',
					en: 'A village may have revised both kinds of rules, so the two numbers should not be added.'
				}
			]
		}
	],
	congress: [
		{
			id: 'congress-terminations',
			title: {
				zh: '区人大代表资格终止9名（按原因，2024年5月29日），终止后实有代表348名',
				en: 'Deputies whose status ended on 29 May 2024, by reason: 9, leaving 348 deputies'
			},
			kind: 'bars',
			filter: {
				indicators: ['congress-deputies-terminated'],
				sectorGroup: 'congress-termination-reason'
			},
			category: 'sector',
			series: 'period',
			notes: [
				{
					zh: '资格终止后，区第九届人民代表大会实有代表348名。辞职2名为原文所列姓名（孙晋、陈亮）的人数。',
					en: 'After these changes the 9th District People’s Congress has 348 deputies. The 2 resignations are the two deputies named in the text.'
				}
			]
		},
		{
			id: 'congress-attendance',
			title: {
				zh: '常委会会议出席情况：第20次（5月29日）与第21次（6月26日），应出席41人',
				en: 'Standing Committee attendance: 20th (29 May) and 21st (26 June) meetings, 41 members due'
			},
			kind: 'bars',
			filter: { indicators: ['congress-sc-meeting-members'], sectorGroup: 'congress-attendance' },
			category: 'period',
			series: 'sector'
		}
	]
};

export function topicPanels(topic: string): PanelSpec[] {
	return PANELS[topic] ?? [];
}
