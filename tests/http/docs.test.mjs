/*
 * The API reference must not drift: docs/api.md is exactly what
 * `ramme routes` prints (regenerate with `ramme routes > docs/api.md`),
 * and the JSON index at /api/v1 names the same API routes.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { ROOT, ramme, startServer } from './harness.mjs';

const DOC = path.join(ROOT, 'docs', 'api.md');

test('docs/api.md equals `ramme routes` byte for byte', () => {
	const r = ramme(['routes'], { ok: true, buffer: true });
	const doc = fs.readFileSync(DOC);
	assert.ok(doc.equals(r.stdout), 'docs/api.md is out of date; run ' +
	    '`ramme routes > docs/api.md`\n--- ramme routes:\n' +
	    r.stdout.toString('utf8'));
});

test('every API route of /api/v1 is in docs/api.md', async () => {
	const doc = fs.readFileSync(DOC, 'utf8');
	const srv = await startServer({ users: {} });
	try {
		const r = await srv.client().getJson('/api/v1');
		assert.ok(r.routes.length >= 10);
		for (const rt of r.routes)
			assert.ok(doc.includes(`| ${rt.method} | \`${rt.path}\` |`),
			    `${rt.method} ${rt.path} is missing from docs/api.md`);
	} finally {
		await srv.stop();
	}
});
