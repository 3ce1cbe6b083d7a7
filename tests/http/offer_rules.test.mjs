/*
 * The register's rules from the minutes: a municipality's opt-out of a
 * category 2 offer, the secretariat's request to reconsider and the
 * history of both; offers taken over, taken home or closed from a date,
 * the register as of a date, and a regional takeover recorded as an
 * event. Roles: only the municipality itself opts out; only the
 * secretariat asks to reconsider and records an event.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { newOffer, postForm, startServer } from './harness.mjs';

let srv, anon, admin, op851, reader, authority;

async function page(c, p) {
	const r = await c.get(p);
	assert.equal(r.status, 200, `GET ${p}: ${r.status} ${r.text.slice(0, 300)}`);
	assert.equal((r.text.match(/<h1[\s>]/g) || []).length, 1, 'one h1');
	return r.text;
}

async function create(extra) {
	const r = await admin.post('/api/v1/offers', newOffer('851', extra));
	assert.equal(r.status, 201, r.text);
	return r.json;
}

async function coverage(id, code) {
	const c = await anon.getJson(`/api/v1/offers/${id}/coverage`);
	return c.municipalities.find((m) => m.municipality === code);
}

before(async () => {
	srv = await startServer();
	anon = srv.client();
	admin = await srv.login('admin');
	op851 = await srv.login('op851');
	reader = await srv.login('reader');
	authority = await srv.login('authority');
});
after(async () => { await srv?.stop(); });

describe('opt-outs of category 2 offers', () => {
	let id;

	before(async () => {
		id = (await create({ category: '2' })).id;
	});

	test('covered for every municipality until one opts out', async () => {
		const html = await page(anon, `/tilbud/${id}`);
		assert.match(html, /Dækning pr\. kommune/);
		const m = /omfattet for (\d+) af (\d+) kommuner/.exec(html);
		assert.ok(m, 'coverage count shown');
		assert.equal(m[1], m[2]);
		assert.equal((await coverage(id, '810')).covered, true);
	});

	test('only the municipality itself opts out', async () => {
		const form = { municipality: '810', step: 'fravalgt',
		    text: 'Vi bruger eget tilbud' };
		for (const c of [op851, reader])
			assert.equal((await postForm(c, `/tilbud/${id}/fravalg`,
			    form)).status, 403);
		const byAdmin = await postForm(admin, `/tilbud/${id}/fravalg`, form);
		assert.equal(byAdmin.status, 403);
		assert.match(byAdmin.text, /Kun kommunen selv/);
		const other = await postForm(authority, `/tilbud/${id}/fravalg`,
		    { ...form, municipality: '820' });
		assert.equal(other.status, 403);
		const anonR = await anon.request('POST', `/tilbud/${id}/fravalg`,
		    { form });
		assert.ok([401, 403].includes(anonR.status), String(anonR.status));
		const asks = await postForm(authority, `/tilbud/${id}/fravalg`,
		    { municipality: '810', step: 'genovervej', text: 'Nej' });
		assert.equal(asks.status, 403);
		assert.equal((await coverage(id, '810')).covered, true);
		assert.equal((await coverage(id, '820')).covered, true);
	});

	test('a reason is required; the opt-out, reconsideration and history', async () => {
		const bare = await postForm(authority, `/tilbud/${id}/fravalg`,
		    { municipality: '810', step: 'fravalgt', text: '' });
		assert.equal(bare.status, 400);
		assert.match(bare.text, /Skriv kommunens begrundelse/);
		const ok = await postForm(authority, `/tilbud/${id}/fravalg`, {
			municipality: '810', step: 'fravalgt',
			text: 'Kommunen har et tilsvarende tilbud selv' });
		assert.equal(ok.status, 303, ok.text.slice(0, 300));
		let c = await coverage(id, '810');
		assert.equal(c.covered, false);
		assert.equal(c.step, 'fravalgt');
		const twice = await postForm(authority, `/tilbud/${id}/fravalg`,
		    { municipality: '810', step: 'fravalgt', text: 'Igen' });
		assert.equal(twice.status, 409);
		const keepEarly = await postForm(authority, `/tilbud/${id}/fravalg`,
		    { municipality: '810', step: 'fastholdt', text: 'Stadig' });
		assert.equal(keepEarly.status, 409);
		/* The secretariat asks to reconsider, only it. */
		const form = await page(admin, `/tilbud/${id}/fravalg`);
		assert.match(form, /Bemærkning til kommunen/);
		const ask = await postForm(admin, `/tilbud/${id}/fravalg`, {
			municipality: '810', step: 'genovervej',
			text: 'Overvej venligst, tilbuddet er det eneste i regionen' });
		assert.equal(ask.status, 303, ask.text.slice(0, 300));
		assert.equal((await coverage(id, '810')).step, 'genovervej');
		assert.equal((await coverage(id, '810')).covered, false);
		const keep = await postForm(authority, `/tilbud/${id}/fravalg`,
		    { municipality: '810', step: 'fastholdt', text: 'Vi fastholder' });
		assert.equal(keep.status, 303);
		const html = await page(anon, `/tilbud/${id}`);
		assert.match(html, /Fravalg fastholdt/);
		assert.match(html, /Bedt om at genoverveje/);
		assert.match(html, /omfattet for (\d+) af (\d+) kommuner/);
		const back = await postForm(authority, `/tilbud/${id}/fravalg`,
		    { municipality: '810', step: 'tilvalgt', text: 'Vi tilvælger' });
		assert.equal(back.status, 303);
		c = await coverage(id, '810');
		assert.equal(c.covered, true);
		assert.deepEqual(c.steps.map((s) => s.step),
		    ['fravalgt', 'genovervej', 'fastholdt', 'tilvalgt']);
		assert.equal(c.steps[0].by, 'authority');
		assert.equal(c.steps[1].by, 'admin');
		const list = await page(anon, '/tilbud/fravalg?kommune=810');
		assert.match(list, /Omfattet \(tilvalgt igen\)/);
	});

	test('a category 1 offer cannot be opted out', async () => {
		const one = await create({ category: '1' });
		const r = await postForm(authority, `/tilbud/${one.id}/fravalg`,
		    { municipality: '810', step: 'fravalgt', text: 'Nej tak' });
		assert.equal(r.status, 400);
		assert.match(r.text, /Kun tilbud i kategori 2/);
		assert.equal((await coverage(one.id, '810')).covered, true);
	});
});

describe('offers taken over, taken home, closed', () => {
	let offer, names;

	before(async () => {
		offer = await create({ name: 'Hændelsestilbud Vestervang' });
		const orgs = await anon.getJson('/api/v1/organisations');
		const list = orgs.organisations || orgs;
		names = new Map(list.map((o) => [o.code, o.name]));
	});

	test('only the secretariat records an event, confirmed first', async () => {
		const form = { kind: 'overtaget', on_date: '2020-03-01',
		    to_operator: '1081', note: 'DAS marts 2020', confirm: '1' };
		for (const c of [authority, op851, reader])
			assert.equal((await postForm(c, `/tilbud/${offer.id}/haendelse`,
			    form)).status, 403);
		assert.equal((await authority.get(`/tilbud/${offer.id}/haendelse`))
		    .status, 403);
		const ask = await postForm(admin, `/tilbud/${offer.id}/haendelse`,
		    { ...form, confirm: undefined });
		assert.equal(ask.status, 200);
		assert.match(ask.text, /Registrér hændelsen\?/);
		assert.equal((await anon.getJson(`/api/v1/offers/${offer.id}`))
		    .operator_code, '851');
		const ok = await postForm(admin, `/tilbud/${offer.id}/haendelse`, form);
		assert.equal(ok.status, 303, ok.text.slice(0, 400));
		assert.equal((await anon.getJson(`/api/v1/offers/${offer.id}`))
		    .operator_code, '1081');
	});

	test('taken home by a municipality, in date order, closed later', async () => {
		const path = `/tilbud/${offer.id}/haendelse`;
		const notKommune = await postForm(admin, path, { kind: 'hjemtaget',
		    on_date: '2022-01-01', to_operator: '1081', confirm: '1' });
		assert.equal(notKommune.status, 400);
		const priv = await postForm(admin, path, { kind: 'hjemtaget',
		    on_date: '2022-01-01', to_operator: '851', confirm: '1' });
		assert.equal(priv.status, 303, priv.text.slice(0, 400));
		assert.equal((await anon.getJson(`/api/v1/offers/${offer.id}`))
		    .operator_code, '851');
		const early = await postForm(admin, path, { kind: 'lukket',
		    on_date: '2021-06-01', confirm: '1' });
		assert.equal(early.status, 409);
		assert.match(early.text, /efter tilbuddets seneste hændelse/);
		const close = await postForm(admin, path, { kind: 'lukket',
		    on_date: '2099-01-01', note: 'Lukkes efter aftale', confirm: '1' });
		assert.equal(close.status, 303);
		const o = await anon.getJson(`/api/v1/offers/${offer.id}`);
		assert.equal(o.status, 'active', 'a future closing waits for its day');
		const ev = await anon.getJson(`/api/v1/offers/${offer.id}/events`);
		assert.deepEqual(ev.events.map((e) => [e.kind, e.from_operator,
		    e.to_operator, e.to_status, e.applied]), [
			['overtaget', '851', '1081', 'active', true],
			['hjemtaget', '1081', '851', 'active', true],
			['lukket', '851', '851', 'closed', false],
		]);
		const html = await page(anon, `/tilbud/${offer.id}`);
		assert.match(html, /Driftsherre og status over tid/);
		assert.match(html, /Overtaget af anden driftsherre/);
		assert.match(html, /Hjemtaget af kommune/);
		assert.match(html, /kommende/);
		const hist = await admin.getJson(`/api/v1/offers/${offer.id}/history`);
		assert.ok(JSON.stringify(hist).includes('1081'), 'history keeps the change');
	});

	test('the register as of a date follows the events', async () => {
		const q = encodeURIComponent('Hændelsestilbud');
		const at = async (d) => {
			const html = await page(anon, `/tilbud?q=${q}&pr=${d}`);
			const row = /<tr>(?:(?!<\/tr>)[\s\S])*Hændelsestilbud Vestervang[\s\S]*?<\/tr>/
			    .exec(html);
			assert.ok(row, `row on ${d}`);
			return row[0];
		};
		assert.ok((await at('2019-12-31')).includes(names.get('851')));
		assert.ok((await at('2020-03-01')).includes(names.get('1081')));
		assert.ok((await at('2023-01-01')).includes(names.get('851')));
		assert.match(await at('2099-01-02'), /Lukket/);
		assert.match(await at('2023-01-01'), /Aktiv/);
		const bad = await anon.get(`/tilbud?pr=2020-13-01`);
		assert.match(bad.text, /Pr\. dato skal være en dato/);
	});

	test('a regional takeover carried out is an event of the offer', async () => {
		const r = await postForm(authority, '/aftale/overtagelser',
		    { offer_id: '1', municipality: '810', notice_on: '2015-12-31' });
		assert.equal(r.status, 303, r.text.slice(0, 400));
		const id = Number(/overtagelser\/(\d+)\/gennemfoer/.exec(
		    await page(admin, '/aftale/overtagelser'))[1]);
		const ok = await postForm(admin,
		    `/aftale/overtagelser/${id}/gennemfoer`, { confirm: '1' });
		assert.equal(ok.status, 303);
		const ev = await anon.getJson('/api/v1/offers/1/events');
		assert.equal(ev.events.length, 1);
		assert.equal(ev.events[0].kind, 'hjemtaget');
		assert.equal(ev.events[0].takeover_id, id);
		assert.equal(ev.events[0].on_date, '2017-01-01');
		assert.equal(ev.events[0].to_operator, '810');
	});
});

describe('long-term purchase agreements', () => {
	let offer;

	before(async () => {
		offer = await create({ name: 'Købsaftaletilbud Halfway House' });
	});

	test('the secretariat or the buying municipality records one', async () => {
		const path = `/tilbud/${offer.id}/koebsaftale`;
		const form = { buyer: '810', starts_on: '2012-01-01',
		    binding_years: '15', guarantor: 'buyer', note: 'Renovering' };
		for (const c of [op851, reader])
			assert.equal((await postForm(c, path, form)).status, 403);
		assert.equal((await postForm(authority, path,
		    { ...form, buyer: '820' })).status, 403);
		const bad = await postForm(authority, path,
		    { ...form, binding_years: '0' });
		assert.equal(bad.status, 400);
		assert.match(bad.text, /Bindingsperioden skal være et helt antal år/);
		const ok = await postForm(authority, path, form);
		assert.equal(ok.status, 303, ok.text.slice(0, 300));
		const byAdmin = await postForm(admin, path, { buyer: '851',
		    starts_on: '2013-07-01', binding_years: '5', guarantor: '' });
		assert.equal(byAdmin.status, 303, byAdmin.text.slice(0, 300));
		const list = await anon.getJson(
		    `/api/v1/purchase-agreements?offer=${offer.id}`);
		assert.deepEqual(list.purchase_agreements.map((p) => [p.buyer,
		    p.operator, p.binding_years, p.guarantor]),
		    [['810', '851', 15, '810'], ['851', '851', 5, null]]);
		const html = await page(anon, `/tilbud/${offer.id}`);
		assert.match(html, /Købsaftaler/);
		assert.match(html, /15 år/);
		const per = await page(anon, '/tilbud/koebsaftaler?kommune=810');
		assert.match(per, /Købsaftaletilbud Halfway House/);
		assert.doesNotMatch(per, />5 år</);
	});
});
