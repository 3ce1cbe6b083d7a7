/*
 * serve --public-url: the absolute links of the feeds and the open API
 * use the configured address, whatever Host the request came with; a
 * malformed address is refused at start.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { ramme, rawRequest, startServer } from './harness.mjs';

const PUB = 'https://ramme.example.dk';
let srv, anon;
before(async () => {
	srv = await startServer({ args: ['--public-url', `${PUB}/`] });
	anon = srv.client();
});
after(async () => { await srv?.stop(); });

test('the open API and the feeds link to the public address', async () => {
	const sys = await anon.get('/oparl/v1');
	assert.equal(sys.status, 200, sys.text);
	assert.equal(sys.json.id, `${PUB}/oparl/v1`);
	assert.ok(sys.json.body.startsWith(`${PUB}/oparl/v1/`), sys.json.body);
	const rss = await anon.get('/referater.rss');
	assert.equal(rss.status, 200);
	assert.match(rss.text, /<link>https:\/\/ramme\.example\.dk<\/link>/);
	assert.doesNotMatch(rss.text, /127\.0\.0\.1/);
	/* A Host header that is not a plain host does not matter now
	   (sent raw: fetch would replace it). */
	const r = await rawRequest(srv.url, 'GET', '/oparl/v1',
	    { headers: { host: 'evil.example"><x' } });
	assert.ok(!r.error, `connection failed: ${r.error}`);
	assert.equal(r.status, 200, r.text);
	assert.equal(r.json.id, `${PUB}/oparl/v1`);
	assert.doesNotMatch(r.text, /evil/);
});

test('a malformed public URL is refused with exit code 2', () => {
	for (const u of ['ftp://x.dk', 'https://x.dk/sti', 'https://', 'x.dk',
	    'https://x.dk?q=1'])
		assert.equal(ramme(['serve', '--db', srv.db, '--port', '0',
		    '--public-url', u]).status, 2, u);
});
