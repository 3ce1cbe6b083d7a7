/*
 * The agreement under /aftale: documents and their approval ("Status for
 * godkendelse", "11 af 12 har godkendt"), the reinforced cooperation
 * and regional takeovers. Roles: only the secretariat creates documents
 * and assessments; a municipality records only its own council's
 * decision and nominates; bad input gets a Danish error and changes
 * nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertDanish, postForm, startServer } from './harness.mjs';

let srv, anon, admin, op851, op1081, reader, authority;

async function page(c, p) {
	const r = await c.get(p);
	assert.equal(r.status, 200, `GET ${p}: ${r.status} ${r.text.slice(0, 300)}`);
	assert.equal((r.text.match(/<h1[\s>]/g) || []).length, 1, 'one h1');
	return r.text;
}

before(async () => {
	srv = await startServer();
	anon = srv.client();
	admin = await srv.login('admin');
	op851 = await srv.login('op851');
	op1081 = await srv.login('op1081');
	reader = await srv.login('reader');
	authority = await srv.login('authority');
});
after(async () => { await srv?.stop(); });

describe('documents and approvals', () => {
	let id;

	test('only the secretariat creates a document', async () => {
		for (const c of [anon, reader, authority, op851]) {
			const r = await postForm(c, '/aftale/dokumenter',
			    { kind: 'udviklingsstrategi', year: '2015' });
			assert.ok([401, 403, 303].includes(r.status), `${r.status}`);
			if (r.status === 303)
				assert.match(r.headers.get('location'), /login/);
		}
		const list = await anon.getJson('/api/v1/agreement/documents');
		assert.equal(list.documents.length, 0);
		const r = await postForm(admin, '/aftale/dokumenter',
		    { kind: 'udviklingsstrategi', year: '2015' });
		assert.equal(r.status, 303, r.text.slice(0, 400));
		id = Number(/dokumenter\/(\d+)/.exec(r.headers.get('location'))[1]);
		const d = await anon.getJson(`/api/v1/agreement/documents/${id}`);
		assert.equal(d.title, 'Udviklingsstrategi 2015');
		/* The strategy for 2015 is approved in 2014: 1 June. */
		assert.equal(d.deadline, '2014-06-01');
		assert.equal(d.councils, 12);
		assert.equal(d.approved, 0);
		assert.equal(d.approvals.length, 14);
		assert.ok(d.approvals.every((a) => a.status === 'afventer'));
		/* The start pages: the municipality's own council, the
		   secretariat's list of those missing. */
		const mine = await page(authority, '/');
		assert.match(mine, /Godkendelse af aftalen/);
		assert.match(mine, /Udviklingsstrategi 2015 – godkendelse i/);
		const sec = await page(admin, '/');
		assert.match(sec, /Udviklingsstrategi 2015 – 0 af 12 har godkendt/);
		assert.match(sec, /Mangler: [^<]*Aalborg/);
	});

	test('the deadline from 2015 is 1 May; duplicates refused', async () => {
		const r = await postForm(admin, '/aftale/dokumenter',
		    { kind: 'styringsaftale', year: '2016' });
		assert.equal(r.status, 303);
		const list = await anon.getJson('/api/v1/agreement/documents');
		const s = list.documents.find((x) => x.kind === 'styringsaftale');
		assert.equal(s.deadline, '2015-05-01');
		const dup = await postForm(admin, '/aftale/dokumenter',
		    { kind: 'styringsaftale', year: '2016' });
		assert.equal(dup.status, 409);
		assert.match(dup.text, /Der findes allerede en Styringsaftale for 2016/);
		const bad = await postForm(admin, '/aftale/dokumenter',
		    { kind: 'udviklingsstrategi', year: 'tyve' });
		assert.equal(bad.status, 400);
		assert.match(bad.text, /Angiv et år mellem/);
		assert.equal((await anon.getJson('/api/v1/agreement/documents'))
		    .documents.length, 2);
	});

	test('a municipality records only its own council', async () => {
		const other = await postForm(authority,
		    `/aftale/dokumenter/${id}/godkendelse`,
		    { party: '851', status: 'godkendt', decided_on: '2014-05-20' });
		assert.equal(other.status, 403);
		assert.match(other.text, /kun registrere din egen/);
		const op = await postForm(op851,
		    `/aftale/dokumenter/${id}/godkendelse`,
		    { party: '851', status: 'godkendt', decided_on: '2014-05-20' });
		assert.equal(op.status, 403);
		const own = await postForm(authority,
		    `/aftale/dokumenter/${id}/godkendelse`,
		    { party: '810', status: 'godkendt', decided_on: '2014-05-20' });
		assert.equal(own.status, 303, own.text.slice(0, 400));
		const d = await anon.getJson(`/api/v1/agreement/documents/${id}`);
		assert.equal(d.approved, 1);
		const a = d.approvals.find((x) => x.party === '810');
		assert.equal(a.status, 'godkendt');
		assert.equal(a.decided_on, '2014-05-20');
		assert.equal(d.approvals.filter((x) => x.status !== 'afventer').length, 1);
		assert.doesNotMatch(await page(authority, '/'),
		    /Udviklingsstrategi 2015 – godkendelse i/);
	});

	test('bad decisions: Danish error, nothing changed', async () => {
		const cases = [
			[{ party: '851', status: 'godkendt' }, /gyldig dato/],
			[{ party: '851', status: 'forbehold', decided_on: '2014-05-01' },
			    /Skriv forbeholdet/],
			[{ party: '851', status: 'maaske', decided_on: '2014-05-01' },
			    /Vælg en status/],
			[{ party: '999', status: 'godkendt', decided_on: '2014-05-01' },
			    /skal ikke godkende/],
		];
		for (const [f, re] of cases) {
			const r = await postForm(admin,
			    `/aftale/dokumenter/${id}/godkendelse`, f);
			assert.ok(r.status >= 400, `${JSON.stringify(f)}: ${r.status}`);
			assert.match(r.text, re);
			assert.match(r.text, /Der er fejl i formularen|fejl/i);
		}
		const d = await anon.getJson(`/api/v1/agreement/documents/${id}`);
		assert.equal(d.approvals.filter((x) => x.status !== 'afventer').length, 1);
	});

	test('the region approves with its reservation; the public page', async () => {
		const parties = (await anon.getJson(
		    `/api/v1/agreement/documents/${id}`)).approvals;
		for (const p of parties) {
			if (p.party === '810' || p.party === '1081')
				continue;
			const r = await postForm(admin,
			    `/aftale/dokumenter/${id}/godkendelse`, {
				party: p.party, status: 'godkendt',
				decided_on: '2014-05-27' });
			assert.equal(r.status, 303);
		}
		const html0 = await page(anon, `/aftale/dokumenter/${id}`);
		assert.match(html0, /12 af 12|11 af 12 har godkendt/);
		assert.match(html0, /Mangler godkendelse fra 1/);
		assert.match(html0, /Region Nordjylland/);
		const r = await postForm(admin, `/aftale/dokumenter/${id}/godkendelse`, {
			party: '1081', status: 'forbehold', decided_on: '2014-05-28',
			reservation: 'Med forbehold for finansieringen af de sikrede '
			    + 'institutioner' });
		assert.equal(r.status, 303);
		const html = await page(anon, `/aftale/dokumenter/${id}`);
		assert.match(html, /12 af 12 har godkendt/);
		assert.match(html, /Godkendt med forbehold/);
		assert.match(html, /finansieringen af de sikrede/);
		assert.doesNotMatch(html, /Registrér beslutning/);
		const list = await page(anon, '/aftale');
		assert.match(list, /Udviklingsstrategi 2015/);
		assert.match(list, /12 af 12 har godkendt/);
		const hist = await admin.getJson(`/api/v1/agreement/documents/${id}`);
		assert.equal(hist.approved, 12);
	});

	test('versions: the secretariat only, bad date refused', async () => {
		const no = await postForm(authority, `/aftale/dokumenter/${id}/versioner`,
		    { stage: 'das', dated: '2014-01-08' });
		assert.equal(no.status, 403);
		const bad = await postForm(admin, `/aftale/dokumenter/${id}/versioner`,
		    { stage: 'das', dated: '8. januar 2014' });
		assert.equal(bad.status, 400);
		assert.match(bad.text, /gyldig dato/);
		const ok = await postForm(admin, `/aftale/dokumenter/${id}/versioner`,
		    { stage: 'das', dated: '2014-01-08', note: 'Drøftet i DAS' });
		assert.equal(ok.status, 303);
		const d = await anon.getJson(`/api/v1/agreement/documents/${id}`);
		assert.equal(d.versions.length, 1);
		assert.equal(d.stage, 'das');
	});
});

describe('takeovers of regional offers', () => {
	test('a late notice is refused in Danish and nothing is stored', async () => {
		const r = await postForm(authority, '/aftale/overtagelser',
		    { offer_id: '1', municipality: '810', notice_on: '2016-01-02' });
		assert.equal(r.status, 400);
		assert.match(r.text, /efter fristen 1\. januar 2016 for valgperioden 2014–2017/);
		assert.match(r.text, /næste valgperiode \(2018–2021\)/);
		const html = await page(anon, '/aftale/overtagelser');
		assert.match(html, /Ingen kommune har varslet overtagelse/);
	});

	test('only the location municipality, only its own, only regional', async () => {
		const other = await postForm(authority, '/aftale/overtagelser',
		    { offer_id: '8', municipality: '820', notice_on: '2015-06-01' });
		assert.equal(other.status, 403);
		const notLoc = await postForm(authority, '/aftale/overtagelser',
		    { offer_id: '8', municipality: '810', notice_on: '2015-06-01' });
		assert.equal(notLoc.status, 400);
		assert.match(notLoc.text, /Kun beliggenhedskommunen/);
		const reader_ = await postForm(reader, '/aftale/overtagelser',
		    { offer_id: '1', municipality: '810', notice_on: '2015-06-01' });
		assert.equal(reader_.status, 403);
		const offers = await anon.getJson('/api/v1/offers?operator=851&limit=1');
		const own = offers.offers[0];
		const notReg = await postForm(admin, '/aftale/overtagelser', {
			offer_id: String(own.id), municipality: '851',
			notice_on: '2015-06-01' });
		assert.equal(notReg.status, 400);
		assert.match(notReg.text, /Kun tilbud, som regionen er driftsherre for/);
		assert.match(await page(anon, '/aftale/overtagelser'),
		    /Ingen kommune har varslet overtagelse/);
	});

	test('a notice in time: takeover date, once per period, carried out', async () => {
		const r = await postForm(authority, '/aftale/overtagelser',
		    { offer_id: '1', municipality: '810', notice_on: '2015-12-31' });
		assert.equal(r.status, 303, r.text.slice(0, 400));
		const html = await page(anon, '/aftale/overtagelser');
		assert.match(html, /1\. januar 2017/);
		assert.match(html, /Den Sikrede Institution Kompasset/);
		const twice = await postForm(admin, '/aftale/overtagelser',
		    { offer_id: '1', municipality: '810', notice_on: '2014-03-01' });
		assert.equal(twice.status, 409);
		assert.match(twice.text, /allerede varslet overtaget i valgperioden 2014–2017/);
		const before = await anon.getJson('/api/v1/offers/1');
		assert.equal(before.operator_code, '1081');
		/* Carrying out: the secretariat only, confirmed first. */
		const id = Number(/overtagelser\/(\d+)\/gennemfoer/.exec(
		    await page(admin, '/aftale/overtagelser'))[1]);
		for (const c of [authority, op1081]) {
			const no = await postForm(c,
			    `/aftale/overtagelser/${id}/gennemfoer`, { confirm: '1' });
			assert.equal(no.status, 403);
		}
		const ask = await postForm(admin,
		    `/aftale/overtagelser/${id}/gennemfoer`, {});
		assert.equal(ask.status, 200);
		assert.match(ask.text, /Gennemfør overtagelsen\?/);
		assert.equal((await anon.getJson('/api/v1/offers/1')).operator_code, '1081');
		const ok = await postForm(admin,
		    `/aftale/overtagelser/${id}/gennemfoer`, { confirm: '1' });
		assert.equal(ok.status, 303);
		const after_ = await anon.getJson('/api/v1/offers/1');
		assert.equal(after_.operator_code, '810');
		const hist = await admin.getJson('/api/v1/offers/1/history');
		const list = hist.history || hist.entries || hist;
		assert.ok(JSON.stringify(list).includes('1081'), 'history keeps the region');
		assert.match(await page(anon, '/aftale/overtagelser'), /Gennemført/);
		const again = await postForm(admin,
		    `/aftale/overtagelser/${id}/gennemfoer`, { confirm: '1' });
		assert.equal(again.status, 409);
	});

	test('a notice for the coming period is not yet due', async () => {
		const r = await postForm(admin, '/aftale/overtagelser',
		    { offer_id: '7', municipality: '860', notice_on: '2026-01-05' });
		assert.equal(r.status, 303, r.text.slice(0, 400));
		const html = await page(anon, '/aftale/overtagelser');
		assert.match(html, /1\. januar 2029/);
		const future = await postForm(admin, '/aftale/overtagelser',
		    { offer_id: '3', municipality: '846', notice_on: '2099-01-01' });
		assert.equal(future.status, 400);
		assert.match(future.text, /efter i dag/);
	});
});
