/**
 * The YAML files of data/charts/, read into a tree that remembers the line of every node, so
 * a problem names file, line and field. Every scalar is read as text (YAML's failsafe schema):
 * `2023` stays the period "2023" and `true` is checked by the reader, never guessed by YAML.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Rejection } from './table.js';

export type YamlNode =
	| { kind: 'map'; line: number; entries: Map<string, { line: number; value: YamlNode }> }
	| { kind: 'list'; line: number; items: YamlNode[] }
	| { kind: 'text'; line: number; value: string };

export interface YamlFile {
	file: string;
	/** Null when the file is empty or cannot be read; `problems` says why. */
	root: YamlNode | null;
	problems: Rejection[];
}

function toNode(node: unknown, lines: LineCounter, file: string, problems: Rejection[]): YamlNode {
	const line = lines.linePos((node as Node | null)?.range?.[0] ?? 0).line;
	if (isMap(node)) {
		const entries = new Map<string, { line: number; value: YamlNode }>();
		for (const pair of node.items) {
			const keyLine = lines.linePos((pair.key as Node | null)?.range?.[0] ?? 0).line;
			const key = isScalar(pair.key) ? String(pair.key.value) : '';
			if (!key) {
				problems.push({
					file,
					line: keyLine,
					field: '(key)',
					reason: 'yaml-syntax',
					message: 'a key must be a plain name'
				});
				continue;
			}
			entries.set(key, { line: keyLine, value: toNode(pair.value, lines, file, problems) });
		}
		return { kind: 'map', line, entries };
	}
	if (isSeq(node))
		return { kind: 'list', line, items: node.items.map((i) => toNode(i, lines, file, problems)) };
	if (isScalar(node)) return { kind: 'text', line, value: String(node.value ?? '') };
	// an empty value (`notes:` with nothing after it) reads as empty text
	return { kind: 'text', line, value: '' };
}

/** Parse YAML text; syntax errors (a duplicate key, an unclosed quote) are problems with their line. */
export function parseYaml(text: string, file: string): YamlFile {
	const lines = new LineCounter();
	const doc = parseDocument(text, { schema: 'failsafe', lineCounter: lines, uniqueKeys: true });
	const problems: Rejection[] = doc.errors.map((e) => ({
		file,
		line: e.linePos?.[0].line ?? 1,
		field: '(file)',
		reason: 'yaml-syntax',
		message: e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
	}));
	if (problems.length) return { file, root: null, problems };
	const root = doc.contents ? toNode(doc.contents, lines, file, problems) : null;
	return { file, root, problems };
}

export function readYaml(path: string, root = process.cwd()): YamlFile {
	const file = relative(root, path);
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (error) {
		const message = `cannot be read: ${(error as Error).message}`;
		return {
			file,
			root: null,
			problems: [{ file, line: 1, field: '(file)', reason: 'yaml-syntax', message }]
		};
	}
	return parseYaml(text.replace(/^\uFEFF/, ''), file);
}
