/*
 * The OParl 1.1 read API under /oparl/v1, black-box.
 *
 * On a demo database (with its imported minutes) the secretariat adds a
 * member, a published meeting with an open item, a closed item and a
 * closed attachment, and a planned meeting. Then the whole API is
 * crawled from the System, following every URL in every object and
 * every page link: each object served validates against the OParl 1.1
 * schemas (embedded ones included), each list entry equals the object
 * at its own URL, and no response carries closed or unpublished text.
 * Also: pagination with limit=2 walks the same objects as one page,
 * modified_since lists what changed and the tombstones of what was
 * deleted (a membership, an item), closed objects are 404 and leave no
 * public tombstone, bad filters are 400 with a Danish message, CORS.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';

import {
	assertApiError,
	needs,
	postFile as upload,
	postForm as form,
	redirectId,
	sql,
	startServer,
} from './harness.mjs';
import { makePdf } from './minipdf.mjs';
import { ajvSkipReason, assertValid, makeAjv, typeOf } from './oparl_ajv.mjs';

/* Words only closed or unpublished content contains. */
const SECRETS = ['zebrafinke', 'Hemmelig indstilling', 'lukketbilagstekst',
	'Notat papegøje', 'Bilag til zebrafinke', 'kamelplan'];

const LISTS = ['organizations', 'people', 'memberships', 'meetings',
	'agendaItems', 'files', 'locations', 'legislativeTerms', 'papers',
	'consultations'];

let srv, anon, admin, ajv, API;

/*
 * Validate obj against its schema. ajv's "url" format refuses loopback
 * addresses, so the test server's address is replaced by a public one.
 */
function valid(obj, what) {
	assertValid(ajv, JSON.parse(JSON.stringify(obj).replaceAll(srv.url,
	    'https://ramme.example.dk')), what);
}
const ids = {};

before(async () => {
	srv = await startServer();
	anon = srv.client();
	admin = await srv.login('admin');
	API = `${srv.url}/oparl/v1`;
});
after(async () => { await srv?.stop(); });

async function itemIds(id) {
	const r = await admin.get(`/moeder/${id}`);
	return [...r.text.matchAll(/href="\/punkter\/(\d+)"/g)].map((m) => Number(m[1]));
}

function assertNoSecret(text, where) {
	for (const s of SECRETS)
		assert.ok(!text.toLowerCase().includes(s.toLowerCase()),
		    `${where} shows closed text «${s}»`);
}

/* GET an API URL (absolute) as the anonymous client. */
async function get(url) {
	assert.ok(url.startsWith(srv.url), url);
	const r = await anon.get(url.slice(srv.url.length));
	if (r.headers.get('content-type')?.startsWith('application/json'))
		assert.equal(r.headers.get('access-control-allow-origin'), '*', url);
	assertNoSecret(r.text, url);
	return r;
}

async function getJson(url) {
	const r = await get(url);
	assert.equal(r.status, 200, `GET ${url}: ${r.status} ${r.text.slice(0, 300)}`);
	return r.json;
}

/* Every object of a list, following next links; checks the pagination. */
async function walk(url) {
	const out = [];
	let page = 1, total = null;
	for (let next = url; next; page++) {
		const l = await getJson(next);
		assert.ok(Array.isArray(l.data), next);
		assert.equal(l.pagination.currentPage, page, next);
		total ??= l.pagination.totalElements;
		assert.equal(l.pagination.totalElements, total, next);
		if (page > 1)
			assert.ok(l.links.prev, next);
		out.push(...l.data);
		next = l.links.next;
		assert.ok(page < 500, 'endless list');
	}
	assert.equal(out.length, total, url);
	return out;
}

/* A UTC stamp of now, whole seconds, after waiting past the second. */
async function stampNow() {
	await new Promise((ok) => setTimeout(ok, 1100));
	const t = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
	await new Promise((ok) => setTimeout(ok, 1100));
	return t;
}

const reason = ajvSkipReason();

describe('OParl read API', { skip: needs(reason === null, reason) }, () => {
	test('setup: a member, a published meeting with closed content, a plan',
	    async () => {
		ajv = makeAjv();
		const bodies = await admin.get('/organer');
		ids.socdir = Number(/href="\/organer\/(\d+)">Socialdirektørkredsen</
		    .exec(bodies.text)[1]);
		let r = await form(admin, `/organer/${ids.socdir}/medlemmer`, {
		    name: 'Hilde E. Thun Holst', org_code: '851', role: 'formand',
		    voting: '1', on_behalf_of: '851', starts_on: '2026-01-01' });
		assert.equal(r.status, 303, r.text.slice(0, 300));
		r = await form(admin, `/organer/${ids.socdir}/medlemmer`, {
		    name: 'Per Heitmann', role: 'medlem', starts_on: '2026-01-01' });
		assert.equal(r.status, 303, r.text.slice(0, 300));

		ids.m1 = redirectId(await form(admin, '/moeder/nyt', {
		    body_id: ids.socdir, starts_at: '2026-03-06T10:00',
		    ends_at: '2026-03-06T12:00', place: 'Boulevarden 13',
		    room: 'Lokale 3', case_no: '2026-209', doc_no: '2026-42002' }));
		redirectId(await form(admin, `/moeder/${ids.m1}/punkter`, {
		    section: 'behandling', title: 'Budgetanalyse kolibri',
		    recommendation: 'Det indstilles, at analysen godkendes.' }));
		redirectId(await form(admin, `/moeder/${ids.m1}/punkter`, {
		    section: 'lukket', title: 'Fortrolig forhandling zebrafinke',
		    recommendation: 'Hemmelig indstilling om zebrafinke.' }));
		redirectId(await form(admin, `/moeder/${ids.m1}/punkter`, {
		    section: 'behandling', title: 'Punkt der slettes' }));
		const items = await itemIds(ids.m1);
		[ids.open, ids.toDelete, ids.closed] = [items[1], items[2], items[3]];
		redirectId(await upload(admin, `/punkter/${ids.open}/bilag`,
		    { name: 'Notat papegøje', closed: '1' },
		    makePdf('lukketbilagstekst om budget'), 'n.pdf',
		    'application/pdf'));
		redirectId(await upload(admin, `/punkter/${ids.open}/bilag`,
		    { name: 'Bilag 1 Budget' }, makePdf('aabent bilag om budget'),
		    'b.pdf', 'application/pdf'));
		redirectId(await upload(admin, `/punkter/${ids.closed}/bilag`,
		    { name: 'Bilag til zebrafinke' },
		    makePdf('lukketbilagstekst igen'), 'z.pdf', 'application/pdf'));
		const links = [...(await admin.get(`/punkter/${ids.open}`)).text
		    .matchAll(/action="\/bilag\/(\d+)"[\s\S]*?name="name"[^>]*value="([^"]*)"/g)];
		ids.closedFile = Number(links.find((l) => l[2].includes('papegøje'))[1]);
		ids.openFile = Number(links.find((l) => l[2].includes('Budget'))[1]);
		assert.equal(redirectId(await form(admin, `/moeder/${ids.m1}/status`,
		    { state: 'indkaldt', confirm: '1' })), ids.m1);
		/* A planned meeting: not published. */
		ids.m2 = redirectId(await form(admin, '/moeder/nyt', {
		    body_id: ids.socdir, starts_at: '2026-06-06T10:00',
		    title: 'Møde om kamelplan' }));
	});

	test('the whole API crawled from the System validates', async () => {
		const seen = new Map();		/* URL → JSON */
		const queue = [API];
		const urlsIn = (obj, acc) => {
			if (typeof obj === 'string') {
				if (obj.startsWith(API))
					acc.push(obj);
			} else if (Array.isArray(obj))
				obj.forEach((x) => urlsIn(x, acc));
			else if (obj && typeof obj === 'object')
				Object.values(obj).forEach((x) => urlsIn(x, acc));
			return acc;
		};
		let objects = 0, pages = 0, pdfs = 0;
		const types = new Set();
		while (queue.length) {
			const url = queue.shift();
			if (seen.has(url))
				continue;
			if (/\/meeting\/\d+\/(agenda|minutes)\.pdf$/.test(url)) {
				/* The site's PDF of the meeting, by redirect. */
				const r = await get(url);
				assert.equal(r.status, 303, url);
				const pdf = await get(srv.url + r.headers.get('location'));
				assert.equal(pdf.status, 200, url);
				assert.equal(pdf.headers.get('content-type'), 'application/pdf');
				const txt = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'],
				    { input: pdf.body }).toString('utf8');
				assert.match(txt, /Dagsorden|Referat/);
				assertNoSecret(txt, `${url} (text)`);
				pdfs++;
				seen.set(url, null);
				continue;
			}
			if (/\/file\/\d+\/content$/.test(url)) {
				const r = await get(url);
				assert.equal(r.status, 200, url);
				assert.match(r.headers.get('content-disposition'), /^inline/);
				seen.set(url, null);
				continue;
			}
			const j = await getJson(url);
			seen.set(url, j);
			if (Array.isArray(j.data)) {
				pages++;
				for (const [i, o] of j.data.entries()) {
					valid(o, `${url} data[${i}]`);
					queue.push(o.id);
				}
				for (const k of ['next', 'first', 'last'])
					if (j.links[k])
						queue.push(j.links[k]);
				for (const o of j.data)
					queue.push(...urlsIn(o, []));
				continue;
			}
			valid(j, url);
			assert.equal(j.id, url.replace(/\?.*$/, ''), 'id is the URL');
			types.add(typeOf(j));
			objects++;
			queue.push(...urlsIn(j, []));
		}
		for (const t of ['System', 'Body', 'Organization', 'Person',
		    'Membership', 'Meeting', 'AgendaItem', 'File', 'Location',
		    'LegislativeTerm'])
			assert.ok(types.has(t), `crawl found no ${t}`);
		assert.ok(objects > 25 && pages >= LISTS.length,
		    `${objects} objects, ${pages} pages`);
		assert.ok(pdfs >= 1, 'no meeting PDF (File.accessUrl) crawled');
		assert.equal(typeOf(seen.get(`${API}/meeting/${ids.m1}/agenda`)),
		    'File', 'Meeting.invitation is a File at its own URL');
		/* A list entry is the object at its URL (the same projection). */
		for (const [url, j] of seen)
			if (j && Array.isArray(j.data))
				for (const o of j.data)
					assert.deepEqual(o, seen.get(o.id), o.id);
		/* The published meeting is there without its closed content. */
		const m1 = seen.get(`${API}/meeting/${ids.m1}`);
		assert.ok(m1, 'meeting not crawled');
		const itemUrls = m1.agendaItem.map((i) => i.id);
		assert.ok(itemUrls.includes(`${API}/agendaItem/${ids.open}`));
		assert.ok(!itemUrls.includes(`${API}/agendaItem/${ids.closed}`));
		assert.deepEqual(m1.agendaItem.map((i) => i.order),
		    m1.agendaItem.map((_, k) => k));
		const open = m1.agendaItem.find((i) => i.id.endsWith(`/${ids.open}`));
		assert.deepEqual(open.auxiliaryFile.map((f) => f.id),
		    [`${API}/file/${ids.openFile}`]);
		assert.equal(open.auxiliaryFile[0].accessUrl,
		    `${API}/file/${ids.openFile}/content`);
		assert.equal(open.auxiliaryFile[0].downloadUrl,
		    `${srv.url}/bilag/${ids.openFile}`);
		assert.equal(open['ramme:recommendation'],
		    'Det indstilles, at analysen godkendes.');
		assert.equal(m1['ramme:minutesStatus'], 'none');
		assert.ok(!seen.has(`${API}/meeting/${ids.m2}`));
	});

	test('closed and unpublished objects are 404, not tombstones', async () => {
		for (const p of [`agendaItem/${ids.closed}`, `file/${ids.closedFile}`,
		    `file/${ids.closedFile}/content`, `meeting/${ids.m2}`,
		    `meeting/${ids.m2}/location`, 'agendaItem/999999',
		    'organization/nope', 'person/0', 'meeting/abc'])
			assertApiError(await get(`${API}/${p}`), 404, 'not_found');
		assertApiError(await get(`${API}/body/andet`), 404, 'not_found');
		assertApiError(await get(`${API}/body/andet/meetings`), 404,
		    'not_found');
		const r = await get(`${API}/nothing/here`);
		assert.equal(r.status, 404);
		assert.equal(r.json.error.code, 'not_found');
	});

	test('pagination: limit=2 walks every list like one page', async () => {
		for (const l of LISTS) {
			const all = await walk(`${API}/body/nordjylland/${l}?limit=1000`);
			const paged = await walk(`${API}/body/nordjylland/${l}?limit=2`);
			assert.deepEqual(paged.map((o) => o.id), all.map((o) => o.id), l);
			const idsOf = all.map((o) => o.id);
			assert.equal(new Set(idsOf).size, idsOf.length, `${l}: duplicates`);
		}
		const p = await getJson(`${API}/body/nordjylland/agendaItems?limit=2&page=2`);
		assert.equal(p.pagination.elementsPerPage, 2);
		assert.match(p.links.prev, /limit=2&page=1$/);
		const total = p.pagination.totalPages;
		assertApiError(await get(`${API}/body/nordjylland/agendaItems?limit=2&page=${total + 1}`),
		    404, 'page_not_found');
	});

	test('bad filters and parameters are 400 in Danish', async () => {
		const l = `${API}/body/nordjylland/meetings`;
		for (const [q, code, field] of [
			['modified_since=igår', 'invalid_datetime', 'modified_since'],
			['created_since=2026-13-01T00:00:00Z', 'invalid_datetime', 'created_since'],
			['modified_until=2026-01-01', 'invalid_datetime', 'modified_until'],
			['created_until=2026-01-01T25:00:00Z', 'invalid_datetime', 'created_until'],
			['limit=0', 'invalid_limit', 'limit'],
			['limit=1001', 'invalid_limit', 'limit'],
			['page=0', 'invalid_page', 'page'],
		]) {
			const r = await get(`${l}?${q}`);
			const err = assertApiError(r, 400, code, { field });
			assert.equal(r.json.type, 'https://schema.oparl.org/1.1/Error');
			assert.equal(r.json.message, err.message);
		}
		assert.equal((await get(`${l}?sort=id`)).status, 400);
		/* Offsets are understood; the filters are kept in the links. */
		const j = await getJson(`${l}?modified_since=2000-01-01T01:00:00%2B01:00&limit=1`);
		assert.ok(j.data.length === 1);
		assert.match(j.links.last,
		    /\?modified_since=2000-01-01T01%3A00%3A00%2B01%3A00&limit=1&page=\d+$/);
	});

	test('modified_since lists changes and tombstones of deletions',
	    async () => {
		const t0 = await stampNow();
		const q = `modified_since=${encodeURIComponent(t0)}`;
		let l = await walk(`${API}/body/nordjylland/meetings?${q}`);
		assert.deepEqual(l, [], 'nothing changed yet');
		/* A change to an item modifies its meeting, items and files. */
		const r = await form(admin, `/punkter/${ids.open}`, {
		    section: 'behandling', title: 'Budgetanalyse kolibri II',
		    recommendation: 'Det indstilles, at analysen godkendes.' });
		assert.equal(r.status, 303, r.text.slice(0, 300));
		/* Delete an open item (through the pages), the closed item and a
		   membership (no route: in the database). */
		for (const id of [ids.toDelete, ids.closed]) {
			const d = await form(admin, `/punkter/${id}/slet`,
			    { confirm: '1' });
			assert.equal(d.status, 303, d.text.slice(0, 300));
		}
		const members = await walk(`${API}/body/nordjylland/memberships`);
		const gone = Number(/\/(\d+)$/.exec(members.find((m) =>
		    m.role === 'medlem').id)[1]);
		sql(srv.db, 'DELETE FROM membership WHERE ' +
		    `id = ${gone}`);

		l = await walk(`${API}/body/nordjylland/meetings?${q}`);
		assert.deepEqual(l.map((m) => m.id), [`${API}/meeting/${ids.m1}`]);
		assert.ok(l[0].modified >= t0);
		/* System and Body are modified by the latest change in the
		   data, here the meeting's and the deletions. */
		const sys = await getJson(API);
		const body = await getJson(`${API}/body/nordjylland`);
		assert.ok(sys.modified >= l[0].modified,
		    `System.modified ${sys.modified} < ${l[0].modified}`);
		assert.ok(sys.modified >= t0);
		assert.equal(body.modified, sys.modified);
		const items = await walk(`${API}/body/nordjylland/agendaItems?${q}`);
		const live = items.filter((i) => !i.deleted);
		assert.ok(live.every((i) => i.meeting === `${API}/meeting/${ids.m1}`));
		assert.ok(live.some((i) => i.name === 'Budgetanalyse kolibri II'));
		const dead = items.filter((i) => i.deleted);
		assert.deepEqual(dead.map((i) => i.id),
		    [`${API}/agendaItem/${ids.toDelete}`],
		    'only the open item leaves a public tombstone');
		for (const i of items)
			valid(i, i.id);
		assert.ok(dead[0].modified >= t0);
		const ms = await walk(`${API}/body/nordjylland/memberships?${q}`);
		assert.deepEqual(ms.map((m) => [m.id, m.deleted]),
		    [[`${API}/membership/${gone}`, true]]);
		valid(ms[0], 'membership tombstone');

		/* Without modified_since, deleted objects are not listed. */
		const all = await walk(`${API}/body/nordjylland/agendaItems?limit=1000`);
		assert.ok(all.every((i) => !i.deleted));
		assert.ok(!all.some((i) => i.id.endsWith(`/${ids.toDelete}`)));
		/* A deleted object's URL serves its tombstone (200). */
		const tomb = await getJson(`${API}/agendaItem/${ids.toDelete}`);
		assert.equal(tomb.deleted, true);
		valid(tomb, 'item tombstone');
		const mt = await getJson(`${API}/membership/${gone}`);
		assert.equal(mt.deleted, true);
		/* The deleted closed item stays unknown. */
		assertApiError(await get(`${API}/agendaItem/${ids.closed}`), 404,
		    'not_found');
		/* modified_until before the change: the meeting is not in. */
		l = await walk(`${API}/body/nordjylland/meetings?modified_since=` +
		    `${encodeURIComponent(t0)}&modified_until=2000-01-01T00:00:00Z`);
		assert.deepEqual(l, []);
		/* created_since in the future: nothing. */
		l = await walk(`${API}/body/nordjylland/meetings?created_since=2190-01-01T00:00:00Z`);
		assert.deepEqual(l, []);
	});
});
