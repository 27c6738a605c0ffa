/**
 * Which figures an answer comes from. The dataset build writes its version (dataset/version.ts:
 * a hash of figures.json) into figures.arrow's schema metadata; the prerendering reads it from
 * there and gives it to the pages with their rows, and the browser's engine reads it from the
 * file it loaded. The same version on both sides means the same figures, so the build's answers
 * are the engine's own (src/lib/data/engines.test.ts compares the two engines query by query).
 */
import { RecordBatchReader } from 'apache-arrow';

/** The key of the version in figures.arrow's schema metadata. */
export const DATASET_VERSION_KEY = 'dataset_version';

/** The dataset version an Arrow IPC stream was written from, or null when it names none. */
export function readDatasetVersion(ipc: Uint8Array): string | null {
	try {
		const reader = RecordBatchReader.from(ipc);
		reader.open();
		return reader.schema.metadata.get(DATASET_VERSION_KEY) ?? null;
	} catch {
		return null;
	}
}
