/*
 * The shape of the HTTP layer: no source file in src/http is longer than
 * a reader takes in one sitting (1,000 lines), and the pages write their
 * markup through the kit (src/http/ui.c) and the page frame, not by
 * hand: no page file writes a DKFDS form-group, alert or select itself.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';

import { ROOT } from './harness.mjs';

const HTTP = path.join(ROOT, 'src', 'http');
const files = fs.readdirSync(HTTP).filter((f) => /\.[ch]$/.test(f));

describe('the HTTP layer', () => {
	test('no file in src/http has more than 1,000 lines', () => {
		const long = files.map((f) => [f, fs.readFileSync(path.join(HTTP, f),
		    'utf8').split('\n').length - 1]).filter(([, n]) => n > 1000);
		assert.deepEqual(long, []);
	});

	test('pages write form groups, alerts and selects through the kit', () => {
		const KIT = new Set(['ui.c', 'page.c']);
		const hand = [];
		for (const f of files.filter((f) => f.endsWith('.c') && !KIT.has(f))) {
			const src = fs.readFileSync(path.join(HTTP, f), 'utf8');
			for (const m of src.matchAll(/"[^"\n]*class=\\"(form-group|alert alert-[a-z]+|form-select)[\\" ]/g))
				hand.push(`${f}: ${m[1]}`);
		}
		assert.deepEqual(hand, []);
	});
});
