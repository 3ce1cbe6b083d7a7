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
