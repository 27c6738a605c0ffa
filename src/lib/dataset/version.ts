import { createHash } from 'node:crypto';

/**
 * A dataset's version: the first 16 hex digits of the SHA-256 of its figures.json, exactly as
 * written (writeDataset), which puts it into figures.arrow's schema metadata; the prerendering
 * (siteData) and the browser's engine read it from there (data/dataset-version.ts).
 */
export function datasetVersion(figuresJson: string): string {
	return createHash('sha256').update(figuresJson).digest('hex').slice(0, 16);
}
