import type { ParamMatcher } from '@sveltejs/kit';

/** Chinese is the default at `/`; English lives under `/en/`. */
export const match: ParamMatcher = (param) => param === 'en';
