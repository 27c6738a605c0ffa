import type { DocumentKind } from '$lib/data/schema.js';
import type { Lang } from '$lib/i18n.js';

export const KIND_NAMES: Record<DocumentKind, Record<Lang, string>> = {
	agenda: { zh: '会议议题', en: 'Agenda' },
	report: { zh: '报告', en: 'Report' },
	'research-report': { zh: '调研报告', en: 'Research report' },
	'deliberation-opinion': { zh: '审议意见', en: 'Deliberation opinion' },
	resolution: { zh: '决议、决定', en: 'Resolution or decision' },
	announcement: { zh: '公告', en: 'Announcement' },
	'appointment-list': { zh: '任免名单', en: 'Appointments' },
	attendance: { zh: '出席、列席情况', en: 'Attendance' }
};
