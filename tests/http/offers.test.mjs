/*
 * The offers API: the demo register, every list filter, sorting and
 * paging, and the life of an offer (create, read, change with If-Match,
 * delete) with its audit history.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertApiError, byName, newOffer, startServer } from './harness.mjs';

let srv, anon, all;
before(async () => {
	srv = await startServer();
	anon = srv.client();
	all = (await anon.getJson('/api/v1/offers?limit=1000')).offers;
});
after(async () => { await srv?.stop(); });

const ids = (list) => list.offers.map((o) => o.id);
const sorted = (a) => [...a].sort((x, y) => x - y);

/* The section number of a paragraph text, as the register reads it. */
const section = (p) => {
	const m = /§+\s*(\d+)/.exec(p);
	return m ? Number(m[1]) : 0;
};

describe('the demo register', () => {
	test('lists 18 offers with total, limit and offset', async () => {
		const r = await anon.get('/api/v1/offers');
		assert.equal(r.status, 200, r.text);
		assert.match(r.headers.get('content-type'),
		    /^application\/json; charset=utf-8/);
		assert.equal(r.json.total, 18);
		assert.equal(r.json.limit, 100);
		assert.equal(r.json.offset, 0);
		assert.equal(r.json.offers.length, 18);
		assert.equal(new Set(ids(r.json)).size, 18, 'ids are unique');
	});

	test('Kompasset: operator 1081, location 810, 8 places in 2012', () => {
		const k = all.find((o) => o.name === 'Den Sikrede Institution Kompasset');
		assert.ok(k, 'Kompasset is missing');
		assert.equal(k.operator_code, '1081');
		assert.equal(k.location_code, '810');
		assert.equal(k.kind, 'secure_institution');
		assert.deepEqual(k.places, { 2012: 8 });
		assert.deepEqual(k.paragraphs, ['SEL § 66 stk. 1 nr. 7']);
		assert.equal(k.status, 'active');
		assert.ok(Number.isInteger(k.version) && k.version >= 1);
		for (const f of ['id', 'version', 'name', 'operator_code',
		    'location_code', 'kind', 'paragraphs', 'target_groups',
		    'covered', 'category', 'places', 'status', 'opened_on',
		    'status_from', 'tilbudsportal_id', 'note', 'source'])
			assert.ok(f in k, `field ${f} missing`);
	});

	test('paragraph texts are split into single paragraphs', () => {
		const o = all.find((x) => x.name === 'Neurocenter Østerskoven');
		assert.deepEqual(o.paragraphs, ['SEL § 67', 'SEL § 107']);
	});

	test('GET one offer gives the same JSON and an ETag', async () => {
		const k = all.find((o) => o.name === 'Den Sikrede Institution Kompasset');
		const r = await anon.get(`/api/v1/offers/${k.id}`);
		assert.equal(r.status, 200);
		assert.equal(r.headers.get('etag'), `"${k.version}"`);
		assert.deepEqual(r.json, k);
	});

	test('unknown or malformed ids → 404', async () => {
		for (const id of ['999999', '0', '-1', 'abc', '01', '+1',
		    '99999999999999999999999'])
			assertApiError(await anon.get(`/api/v1/offers/${id}`), 404,
			    id === '999999' ? 'offer_not_found' : 'not_found');
	});
});

describe('filters', () => {
	before(async () => {
		/* No demo offer is closing: add one that is covered and
		 * closing, with LIKE wildcards in its name. */
		const admin = await srv.login('admin');
		const r = await admin.post('/api/v1/offers', {
			name: 'Rammetilbud 100% _omfattet_', operator_code: '851',
			location_code: '849', kind: 'day', paragraphs: ['SEL § 104'],
			covered: true, category: '1', status: 'closing',
			status_from: '2024-06-01', places: { 2024: 6 },
		});
		assert.equal(r.status, 201, r.text);
		all = (await anon.getJson('/api/v1/offers?limit=1000')).offers;
		assert.equal(all.length, 19);
	});

	const cases = [
		['operator=1081', (o) => o.operator_code === '1081'],
		['operator=851', (o) => o.operator_code === '851'],
		['municipality=851', (o) => o.location_code === '851'],
		['municipality=846', (o) => o.location_code === '846'],
		['kind=residential', (o) => o.kind === 'residential'],
		['kind=secure_institution', (o) => o.kind === 'secure_institution'],
		['status=active', (o) => o.status === 'active'],
		['status=closing', (o) => o.status === 'closing'],
		['status=closed', (o) => o.status === 'closed'],
		['kind=day', (o) => o.kind === 'day'],
		['covered=true', (o) => o.covered === true],
		['covered=false', (o) => o.covered === false],
		['paragraph=107', (o) => o.paragraphs.some((p) => section(p) === 107)],
		['paragraph=' + encodeURIComponent('SEL § 66 stk. 1 nr. 7'),
		    (o) => o.paragraphs.includes('SEL § 66 stk. 1 nr. 7')],
		['q=kompas', (o) => /kompas/i.test(o.name)],
		['q=KOMPASSET', (o) => /kompasset/i.test(o.name)],
		['q=' + encodeURIComponent('østerskoven'), (o) => /Østerskoven/.test(o.name)],
		['q=' + encodeURIComponent('  bostedet   aars '), (o) => o.name === 'Bostedet Aars'],
		['q=bosted', (o) => /bosted/i.test(o.name)],
		['q=%25', (o) => o.name.includes('%')],
		['q=_', (o) => o.name.includes('_')],
		['operator=1081&municipality=846&kind=residential',
		    (o) => o.operator_code === '1081' && o.location_code === '846' &&
		    o.kind === 'residential'],
		['operator=&kind=&q=', () => true],
	];
	for (const [query, pred] of cases)
		test(query, async () => {
			const r = await anon.getJson(`/api/v1/offers?${query}&limit=1000`);
			const want = all.filter(pred).map((o) => o.id);
			assert.deepEqual(sorted(ids(r)), sorted(want));
			assert.equal(r.total, want.length);
		});

	test('the demo data makes the filters meaningful', () => {
		/* Guard against vacuous filter tests. */
		assert.ok(all.filter((o) => o.operator_code === '1081').length >= 5);
		assert.ok(all.some((o) => o.covered) && all.some((o) => !o.covered));
		assert.ok(all.some((o) => o.name.includes('%')));
		assert.ok(all.filter((o) => o.paragraphs.some((p) => section(p) === 107))
		    .length >= 2);
	});

	test('bad filter values → 400 with the field named', async () => {
		assertApiError(await anon.get('/api/v1/offers?kind=castle'), 400,
		    'invalid_kind', { field: 'kind' });
		assertApiError(await anon.get('/api/v1/offers?status=open'), 400,
		    'invalid_status', { field: 'status' });
		assertApiError(await anon.get('/api/v1/offers?covered=yes'), 400,
		    'invalid_covered', { field: 'covered' });
		assertApiError(await anon.get('/api/v1/offers?sort=price'), 400,
		    'invalid_sort', { field: 'sort' });
		assertApiError(await anon.get('/api/v1/offers?q=' + 'x'.repeat(201)),
		    400, 'too_long', { field: 'q' });
		assertApiError(await anon.get('/api/v1/offers?q=%FF'), 400,
		    'invalid_utf8');
	});

	test('unknown query parameters → 400 unknown_parameter', async () => {
		const r = await anon.get('/api/v1/offers?operatr=851');
		assertApiError(r, 400, 'unknown_parameter', { field: 'operatr',
		    match: /Ukendt parameter/ });
		assertApiError(await anon.get('/api/v1/offers?limit=5&page=2'), 400,
		    'unknown_parameter', { field: 'page' });
	});
});

describe('sorting', () => {
	const names = (l) => l.offers.map((o) => o.name);

	test('default and sort=name agree; -name is the reverse', async () => {
		const d = await anon.getJson('/api/v1/offers?limit=1000');
		const n = await anon.getJson('/api/v1/offers?limit=1000&sort=name');
		const r = await anon.getJson('/api/v1/offers?limit=1000&sort=-name');
		assert.deepEqual(names(d), names(n));
		assert.deepEqual(names(r), [...names(n)].reverse());
		const folded = names(n).map((s) => s.toLowerCase());
		assert.deepEqual(folded, [...folded].sort((a, b) =>
		    Buffer.compare(Buffer.from(a), Buffer.from(b))));
	});

	test('sort=id is ascending by id', async () => {
		const l = await anon.getJson('/api/v1/offers?limit=1000&sort=id');
		assert.deepEqual(ids(l), sorted(ids(l)));
	});

	test('sort=-id is descending by id', async () => {
		const l = await anon.getJson('/api/v1/offers?limit=1000&sort=-id');
		assert.deepEqual(ids(l), sorted(ids(l)).reverse());
	});

	test('sort=operator and sort=location group by code', async () => {
		for (const [sort, key] of [['operator', 'operator_code'],
		    ['location', 'location_code']]) {
			const l = await anon.getJson(`/api/v1/offers?limit=1000&sort=${sort}`);
			const codes = l.offers.map((o) => o[key] ?? '');
			assert.deepEqual(codes, [...codes].sort(), sort);
		}
	});

	test('sort=updated / -updated order by updated_at', async () => {
		for (const [sort, dir] of [['updated', 1], ['-updated', -1]]) {
			const l = await anon.getJson(`/api/v1/offers?limit=1000&sort=${sort}`);
			const at = l.offers.map((o) => o.updated_at);
			for (let i = 1; i < at.length; i++)
				assert.ok(dir * at[i - 1].localeCompare(at[i]) <= 0,
				    `${sort}: ${at[i - 1]} before ${at[i]}`);
		}
	});
});

describe('paging', () => {
	test('pages of 5 cover the list exactly once, total stays put', async () => {
		const seen = [], n = all.length;
		for (let off = 0; off < n + 5; off += 5) {
			const p = await anon.getJson(`/api/v1/offers?limit=5&offset=${off}`);
			assert.equal(p.total, n);
			assert.equal(p.limit, 5);
			assert.equal(p.offset, off);
			assert.equal(p.offers.length, Math.min(5, Math.max(0, n - off)));
			seen.push(...ids(p));
		}
		assert.deepEqual(seen, all.map((o) => o.id));
	});

	test('offset past the end gives an empty page', async () => {
		const p = await anon.getJson('/api/v1/offers?offset=1000');
		assert.equal(p.total, all.length);
		assert.deepEqual(p.offers, []);
	});

	test('limit 1 and 1000 are accepted', async () => {
		assert.equal((await anon.getJson('/api/v1/offers?limit=1')).offers.length, 1);
		assert.equal((await anon.getJson('/api/v1/offers?limit=1000')).limit, 1000);
	});

	for (const q of ['limit=0', 'limit=1001', 'limit=-1', 'limit=abc',
	    'limit=', 'limit=1e3', 'limit=99999999999999999999'])
		test(`${q} → 400 invalid_limit`, async () => {
			assertApiError(await anon.get(`/api/v1/offers?${q}`), 400,
			    'invalid_limit', { field: 'limit' });
		});

	for (const q of ['offset=-1', 'offset=x'])
		test(`${q} → 400 invalid_offset`, async () => {
			assertApiError(await anon.get(`/api/v1/offers?${q}`), 400,
			    'invalid_offset', { field: 'offset' });
		});
});

describe('the life of an offer', () => {
	let op, id, created;

	before(async () => { op = await srv.login('op851'); });

	test('create → 201 with Location and ETag "1"', async () => {
		const body = newOffer('851', {
			name: 'Botilbuddet Ærøvej',
			location_code: '813',
			paragraphs: ['SEL § 107', 'SEL § 108'],
			places: { 2025: 12, 2024: 10.5 },
			note: 'Første linje\nanden linje',
			opened_on: '2024-01-01',
			tilbudsportal_id: '12345',
		});
		const r = await op.post('/api/v1/offers', body);
		assert.equal(r.status, 201, r.text);
		created = r.json;
		id = r.json.id;
		assert.ok(Number.isInteger(id) && id > 0);
		assert.equal(r.headers.get('location'), `/api/v1/offers/${id}`);
		assert.equal(r.headers.get('etag'), '"1"');
		assert.equal(r.json.version, 1);
		for (const k of ['name', 'operator_code', 'location_code', 'kind',
		    'paragraphs', 'target_groups', 'covered', 'status', 'note',
		    'opened_on', 'tilbudsportal_id'])
			assert.deepEqual(r.json[k], body[k], k);
		assert.deepEqual(r.json.places, { 2024: 10.5, 2025: 12 });
		assert.deepEqual(Object.keys(r.json.places), ['2024', '2025']);
		assert.match(r.json.updated_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
	});

	test('the new offer is listed and readable by anyone', async () => {
		const r = await anon.get(`/api/v1/offers/${id}`);
		assert.equal(r.status, 200);
		assert.deepEqual(r.json, created);
		const l = await anon.getJson('/api/v1/offers?q=%C3%A6r%C3%B8vej');
		assert.deepEqual(ids(l), [id]);
		assert.equal((await anon.getJson('/api/v1/offers')).total,
		    all.length + 1);
	});

	test('PATCH with If-Match changes only the given fields', async () => {
		const r = await op.patch(`/api/v1/offers/${id}`,
		    { places: { 2024: 10.5, 2025: 14 }, note: null },
		    { headers: { 'if-match': '"1"' } });
		assert.equal(r.status, 200, r.text);
		assert.equal(r.headers.get('etag'), '"2"');
		assert.equal(r.json.version, 2);
		assert.deepEqual(r.json.places, { 2024: 10.5, 2025: 14 });
		assert.equal(r.json.note, null);
		assert.equal(r.json.name, created.name);
		assert.deepEqual(r.json.paragraphs, created.paragraphs);
		assert.equal((await anon.get(`/api/v1/offers/${id}`)).headers
		    .get('etag'), '"2"');
	});

	test('PATCH accepts a weak ETag W/"2"', async () => {
		const r = await op.patch(`/api/v1/offers/${id}`,
		    { category: '1' }, { headers: { 'if-match': 'W/"2"' } });
		assert.equal(r.status, 200, r.text);
		assert.equal(r.json.version, 3);
		assert.equal(r.json.category, '1');
	});

	test('stale If-Match → 412 and nothing changes', async () => {
		const before = await srv.dbSnapshot();
		const r = await op.patch(`/api/v1/offers/${id}`,
		    { name: 'Overskrevet' }, { headers: { 'if-match': '"1"' } });
		assertApiError(r, 412, 'stale_version');
		assert.deepEqual(await srv.dbSnapshot(), before);
	});

	test('missing If-Match → 428 on PATCH and DELETE; nothing changes',
	    async () => {
		const before = await srv.dbSnapshot();
		assertApiError(await op.patch(`/api/v1/offers/${id}`,
		    { name: 'Uden If-Match' }), 428, 'if_match_required',
		    { match: /If-Match/ });
		assertApiError(await op.del(`/api/v1/offers/${id}`), 428,
		    'if_match_required');
		assert.deepEqual(await srv.dbSnapshot(), before);
	});

	test('malformed If-Match → 412', async () => {
		for (const v of ['3', '"abc"', '"0"', '"-3"', '*', '""'])
			assertApiError(await op.patch(`/api/v1/offers/${id}`,
			    { name: 'X' }, { headers: { 'if-match': v } }), 412,
			    'stale_version');
	});

	test('history (newest first) shows create and updates by op851',
	    async () => {
		const h = await op.getJson(`/api/v1/offers/${id}/history`);
		assert.deepEqual(h.history.map((x) => x.action),
		    ['update', 'update', 'create']);
		assert.ok(h.history.every((x) => x.user === 'op851'));
		const [, upd, crt] = h.history;
		assert.equal(crt.before, null);
		assert.equal(crt.after.name, created.name);
		assert.deepEqual(upd.before.places, { 2024: 10.5, 2025: 12 });
		assert.deepEqual(upd.after.places, { 2024: 10.5, 2025: 14 });
		assert.match(crt.at, /^\d{4}-\d\d-\d\dT/);
	});

	test('history needs a login', async () => {
		assertApiError(await anon.get(`/api/v1/offers/${id}/history`), 401,
		    'login_required');
	});

	test('DELETE with If-Match → 204, then 404 and gone from the list',
	    async () => {
		const r = await op.del(`/api/v1/offers/${id}`,
		    { headers: { 'if-match': '"3"' } });
		assert.equal(r.status, 204, r.text);
		assert.equal(r.body.length, 0);
		assertApiError(await anon.get(`/api/v1/offers/${id}`), 404,
		    'offer_not_found');
		const l = await anon.getJson('/api/v1/offers?limit=1000');
		assert.equal(l.total, all.length);
		assert.ok(!ids(l).includes(id));
		assertApiError(await op.del(`/api/v1/offers/${id}`,
		    { headers: { 'if-match': '"3"' } }), 404, 'offer_not_found');
	});

	test('history of the deleted offer is kept: delete, update, create',
	    async () => {
		const r = await op.get(`/api/v1/offers/${id}/history`);
		assert.equal(r.status, 200,
		    `GET /api/v1/offers/${id}/history after DELETE: ${r.text}`);
		assert.deepEqual(r.json.history.map((x) => x.action),
		    ['delete', 'update', 'update', 'create']);
		assert.ok(r.json.history.every((x) => x.user === 'op851'));
	});

	test('the name is free again after the delete', async () => {
		const r = await op.post('/api/v1/offers', newOffer('851',
		    { name: 'Botilbuddet Ærøvej' }));
		assert.equal(r.status, 201, r.text);
		assert.notEqual(r.json.id, id);
	});

	test('admin may change and delete any operator\'s offer', async () => {
		const admin = await srv.login('admin');
		const k = all.find((o) => o.name === 'Den Sikrede Institution Kompasset');
		const r = await admin.patch(`/api/v1/offers/${k.id}`,
		    { places: { 2012: 8, 2013: 10 } },
		    { headers: { 'if-match': `"${k.version}"` } });
		assert.equal(r.status, 200, r.text);
		const h = await admin.getJson(`/api/v1/offers/${k.id}/history`);
		assert.equal(h.history[0].action, 'update');
		assert.equal(h.history[0].user, 'admin');
	});

	test('operator 851 may change its own demo offer', async () => {
		const t = all.find((o) => o.name === 'Taleinstituttet');
		assert.equal(t.operator_code, '851');
		const r = await op.patch(`/api/v1/offers/${t.id}`,
		    { places: { 2025: 3 } },
		    { headers: { 'if-match': `"${t.version}"` } });
		assert.equal(r.status, 200, r.text);
		assert.deepEqual(r.json.places, { 2025: 3 });
	});

	test('an admin may create an offer without operator', async () => {
		const admin = await srv.login('admin');
		const r = await admin.post('/api/v1/offers', { name: 'Minimalt tilbud' });
		assert.equal(r.status, 201, r.text);
		assert.equal(r.json.operator_code, null);
		assert.equal(r.json.kind, null);
		assert.deepEqual(r.json.places, {});
		assert.equal(r.json.status, 'active');
	});
});

describe('concurrent writers', () => {
	let op;
	before(async () => { op = await srv.login('op851'); });

	test('10 PATCHes with the same If-Match: one 200, nine 412', async () => {
		const c = await op.post('/api/v1/offers', newOffer('851'));
		assert.equal(c.status, 201, c.text);
		const rs = await Promise.all(Array.from({ length: 10 }, (_, i) =>
		    op.patch(`/api/v1/offers/${c.json.id}`, { note: `skriver ${i}` },
		    { headers: { 'if-match': '"1"' } })));
		const codes = rs.map((r) => r.status).sort();
		assert.deepEqual(codes, [200, ...Array(9).fill(412)]);
		const won = rs.find((r) => r.status === 200).json.note;
		const now = await anon.getJson(`/api/v1/offers/${c.json.id}`);
		assert.equal(now.version, 2);
		assert.equal(now.note, won);
		const h = await op.getJson(`/api/v1/offers/${c.json.id}/history`);
		assert.equal(h.history.length, 2);
	});

	test('10 creates of the same name: one 201, nine 409', async () => {
		const rs = await Promise.all(Array.from({ length: 10 }, () =>
		    op.post('/api/v1/offers', newOffer('851', { name: 'Samtidigt' }))));
		assert.deepEqual(rs.map((r) => r.status).sort(),
		    [201, ...Array(9).fill(409)]);
		const l = await anon.getJson('/api/v1/offers?q=samtidigt');
		assert.equal(l.total, 1);
	});
});

describe('names and places at the limits', () => {
	let admin;
	before(async () => { admin = await srv.login('admin'); });

	test('a name of 200 Danish letters (400 bytes) is accepted', async () => {
		const r = await admin.post('/api/v1/offers',
		    newOffer('851', { name: 'Æ'.repeat(200) }));
		assert.equal(r.status, 201, r.text);
		assert.equal(r.json.name, 'Æ'.repeat(200));
	});

	test('10,000 places and two decimals are accepted', async () => {
		const r = await admin.post('/api/v1/offers',
		    newOffer('851', { places: { 1970: 10000, 2100: 0.25, 2000: 0 } }));
		assert.equal(r.status, 201, r.text);
		assert.deepEqual(r.json.places, { 1970: 10000, 2000: 0, 2100: 0.25 });
	});

	test('byName finds the demo offers', async () => {
		const m = byName(await anon.getJson('/api/v1/offers?limit=1000'));
		assert.ok(m.has('Nøddehuset'));
	});
});
