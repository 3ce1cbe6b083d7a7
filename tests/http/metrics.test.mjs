/*
 * GET /metrics: the Prometheus text format, for the secretariat's
 * admins or a request from the machine itself — not for a visitor whose
 * request a trusted proxy relays. Requests by route and status, the
 * latency histogram, database time, cache hits and failed logins move
 * as requests are made; the outbox length follows the outbox.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { sql, startServer } from './harness.mjs';

let srv;
before(async () => {
	srv = await startServer({ args: ['--trusted-proxy', '127.0.0.1'] });
});
after(async () => { await srv?.stop(); });

/* The value of one sample line, or undefined. */
function sample(text, name) {
	for (const line of text.split('\n'))
		if (line.startsWith(name + ' '))
			return Number(line.slice(name.length + 1));
	return undefined;
}

describe('/metrics', () => {
	test('a visitor through the proxy is refused', async () => {
		const r = await srv.client().get('/metrics',
		    { headers: { 'x-forwarded-for': '203.0.113.9' } });
		assert.equal(r.status, 403);
		assert.match(r.text, /administratorer/);
		const admin = await srv.login('admin');
		const ok = await admin.get('/metrics',
		    { headers: { 'x-forwarded-for': '203.0.113.9' } });
		assert.equal(ok.status, 200);
	});

	test('the counters move with the requests', async () => {
		const c = srv.client();
		const before = (await c.get('/metrics')).text;
		for (let i = 0; i < 3; i++)
			assert.equal((await c.get('/healthz')).status, 200);
		await c.get('/api/v1/offers?limit=5');
		await c.get('/api/v1/offers?limit=5');
		await c.post('/api/v1/session',
		    { username: 'reader', password: 'forkert-forkert-1' });
		/*
		 * A request is counted when the server has finished it, which
		 * may be just after its client has the answer: read again for
		 * a moment until the last one shows.
		 */
		const h = 'ramme_http_requests_total{method="GET",' +
		    'route="/healthz",status="200"}';
		let r, after;
		for (let i = 0; i < 50; i++) {
			r = await c.get('/metrics');
			after = r.text;
			if ((sample(after, 'ramme_login_failures_total') ?? 0) >
			    (sample(before, 'ramme_login_failures_total') ?? 0))
				break;
			await new Promise((ok) => setTimeout(ok, 40));
		}
		assert.equal(r.status, 200);
		assert.match(r.headers.get('content-type'),
		    /^text\/plain; version=0\.0\.4/);
		assert.equal((sample(after, h) ?? 0) - (sample(before, h) ?? 0),
		    3, after);
		assert.ok(sample(after, 'ramme_login_failures_total') >=
		    (sample(before, 'ramme_login_failures_total') ?? 0) + 1);
		assert.ok(sample(after, 'ramme_cache_requests_total{result="hit"}')
		    >= 1);
		assert.ok(sample(after, 'ramme_db_seconds_total') > 0);
		const count = sample(after,
		    'ramme_http_request_duration_seconds_count');
		assert.equal(sample(after, 'ramme_http_request_duration_seconds_' +
		    'bucket{le="+Inf"}'), count);
		assert.match(after, /# TYPE ramme_http_request_duration_seconds histogram/);
		assert.match(after, /ramme_db_connections\{state="free"\} \d+/);
	});

	test('the outbox length: queued and failed mails', async () => {
		const c = srv.client();
		const q = 'ramme_outbox_mails{state="queued"}';
		const f = 'ramme_outbox_mails{state="failed"}';
		const before = (await c.get('/metrics')).text;
		assert.match(before, /# TYPE ramme_outbox_mails gauge/);
		const now = new Date().toISOString().slice(0, 19) + 'Z';
		const ins = (id, state) => `INSERT INTO outbox (kind, about,
		    about_id, to_addr, subject, body, path, message_id, state,
		    next_attempt_at, created_at, updated_at) VALUES
		    ('round_opened', 'round', ${id}, 'a@b.dk', 'Emne', 'x', '/',
		    '<m${id}@x>', '${state}', 9999999999, '${now}', '${now}');`;
		sql(srv.db, ins(1, 'queued') + ins(2, 'queued') +
		    ins(3, 'failed') + ins(4, 'cancelled'));
		const after = (await c.get('/metrics')).text;
		assert.equal(sample(after, q) - sample(before, q), 2, after);
		assert.equal(sample(after, f) - sample(before, f), 1, after);
	});
});

describe('--log-format json', () => {
	let js;
	before(async () => {
		js = await startServer({ args: ['--log-format', 'json'] });
	});
	after(async () => { await js?.stop(); });

	test('every request is one JSON object on standard error',
	    async () => {
		await js.client().get('/tilbud?q=%22b%C3%B8rn%22');
		await new Promise((ok) => setTimeout(ok, 200));
		const lines = js.stderr().split('\n').filter((l) => l !== '');
		assert.ok(lines.length >= 2);
		for (const l of lines)
			JSON.parse(l);		/* throws on a text line */
		const req = lines.map((l) => JSON.parse(l)).find((o) =>
		    o.msg === 'request' && o.path === '/tilbud');
		assert.ok(req, lines.join('\n'));
		assert.equal(req.method, 'GET');
		assert.equal(req.status, 200);
		assert.equal(req.ip, '127.0.0.1');
		assert.equal(typeof req.ms, 'number');
		assert.equal(typeof req.db_ms, 'number');
		assert.match(req.ts, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
	});
});
