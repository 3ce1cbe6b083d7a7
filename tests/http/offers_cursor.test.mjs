/*
 * Keyset pagination of the offers API: `cursor` beside `offset`. Walking
 * a list by next_cursor gives every offer once, in the order of the
 * whole list, for every sort order and with filters; a cursor that is
 * not one, or was made for another sort order, is a 400 in Danish; the
 * total (cached per filter apart from the pages) follows a deletion.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertApiError, newOffer, startServer } from './harness.mjs';

const SORTS = ['name', '-name', 'id', '-id', 'operator', 'location',
    'updated', '-updated'];

let srv, anon;
before(async () => {
	srv = await startServer();
	anon = srv.client();
	/* More offers than the demo's, some with the same name (a tie under
	 * another operator) and all with the same update second. */
	const admin = await srv.login('admin');
	for (const op of ['1081', '851', '810'])
		for (let i = 0; i < 4; i++) {
			const r = await admin.post('/api/v1/offers',
			    newOffer(op, { name: `Tvilling ${i}`,
			    location_code: i % 2 ? '851' : '810' }));
			assert.equal(r.status, 201, r.text);
		}
});
after(async () => { await srv?.stop(); });

const qs = (o) => new URLSearchParams(o).toString();

/* Every page of a list by cursor; the ids in order. */
async function walk(params, limit) {
	const ids = [];
	let cursor = null, pages = 0, total = null;
	for (;;) {
		const r = await anon.get('/api/v1/offers?' + qs({ ...params,
		    limit: String(limit), ...(cursor ? { cursor } : {}) }));
		assert.equal(r.status, 200, r.text);
		if (total === null)
			total = r.json.total;
		assert.equal(r.json.total, total, 'total counts every match');
		ids.push(...r.json.offers.map((o) => o.id));
		assert.ok(++pages <= 100, 'the walk does not end');
		if (r.json.next_cursor === null)
			break;
		assert.equal(r.json.offers.length, limit);
		assert.match(r.json.next_cursor, /^[A-Za-z0-9_-]+$/);
		cursor = r.json.next_cursor;
	}
	return { ids, total };
}

describe('paging by cursor', () => {
	test('every sort order: all offers once, in the order of the list',
	    async () => {
		for (const sort of SORTS) {
			const whole = await anon.getJson('/api/v1/offers?' +
			    qs({ sort, limit: '1000' }));
			assert.equal(whole.next_cursor, null);
			const { ids, total } = await walk({ sort }, 4);
			assert.equal(total, whole.total);
			assert.deepEqual(ids, whole.offers.map((o) => o.id), sort);
			assert.equal(new Set(ids).size, ids.length, `${sort}: once`);
		}
	});

	test('the default order (by name) and with filters', async () => {
		for (const f of [{}, { municipality: '851' }, { paragraph: '107' },
		    { operator: '1081', sort: 'location' }, { q: 'tvilling',
		    sort: '-updated' }, { covered: 'true', kind: 'residential',
		    sort: 'operator' }]) {
			const whole = await anon.getJson('/api/v1/offers?' +
			    qs({ ...f, limit: '1000' }));
			assert.ok(whole.total > 0, JSON.stringify(f));
			const { ids } = await walk(f, 3);
			assert.deepEqual(ids, whole.offers.map((o) => o.id),
			    JSON.stringify(f));
		}
	});

	test('cursor and offset together: the offset counts after the cursor',
	    async () => {
		const whole = await anon.getJson('/api/v1/offers?limit=1000');
		const first = await anon.getJson('/api/v1/offers?limit=2');
		const r = await anon.getJson('/api/v1/offers?' + qs({ limit: '2',
		    offset: '3', cursor: first.next_cursor }));
		assert.deepEqual(r.offers.map((o) => o.id),
		    whole.offers.slice(5, 7).map((o) => o.id));
	});

	test('a page stays stable when an offer before it is deleted',
	    async () => {
		const admin = await srv.login('admin');
		const p1 = await anon.getJson('/api/v1/offers?sort=id&limit=5');
		const gone = p1.offers[0];
		const before = await anon.getJson('/api/v1/offers?' + qs({
		    sort: 'id', limit: '5', cursor: p1.next_cursor }));
		const d = await admin.request('DELETE',
		    `/api/v1/offers/${gone.id}`,
		    { headers: { 'if-match': `"${gone.version}"` } });
		assert.equal(d.status, 204, d.text);
		const afterDel = await anon.getJson('/api/v1/offers?' + qs({
		    sort: 'id', limit: '5', cursor: p1.next_cursor }));
		assert.deepEqual(afterDel.offers.map((o) => o.id),
		    before.offers.map((o) => o.id));
		/* The total of the filter, kept apart from the pages, follows
		 * the change (another page of the same filter: not cached). */
		assert.equal(afterDel.total, before.total - 1);
		const p3 = await anon.getJson('/api/v1/offers?' + qs({
		    sort: 'id', limit: '5', offset: '7' }));
		assert.equal(p3.total, before.total - 1);
	});

	test('a bad cursor is 400 invalid_cursor in Danish', async () => {
		for (const c of ['x', 'abc!', 'YWJj', 'Yz E6MDo1',
		    'YzE6MDo1OjM6YWI', 'A'.repeat(5000)])
			assertApiError(await anon.get('/api/v1/offers?' +
			    qs({ cursor: c })), 400, 'invalid_cursor',
			    { field: 'cursor' });
	});

	test('a cursor of another sort order is refused', async () => {
		const p = await anon.getJson('/api/v1/offers?sort=-name&limit=2');
		assertApiError(await anon.get('/api/v1/offers?' + qs({
		    sort: 'updated', cursor: p.next_cursor })), 400,
		    'invalid_cursor', { field: 'cursor', match: /sortering/ });
		assertApiError(await anon.get('/api/v1/offers?' + qs({
		    cursor: p.next_cursor })), 400, 'invalid_cursor');
	});
});
