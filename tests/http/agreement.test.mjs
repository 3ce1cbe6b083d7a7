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

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

import { have, postFile, postForm, startServer, tempDir } from './harness.mjs';
import { makePdf } from './minipdf.mjs';

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

	test('the deadline follows the agreement parameter of the year', async () => {
		const put = await admin.request('PUT',
		    '/api/v1/params/2026/approval_deadline_month',
		    { json: { value: 4, reason: 'Byrådene mødes tidligere i 2026' } });
		assert.equal(put.status, 200, put.text);
		const r = await postForm(admin, '/aftale/dokumenter',
		    { kind: 'udviklingsstrategi', year: '2027' });
		assert.equal(r.status, 303);
		const list = await anon.getJson('/api/v1/agreement/documents');
		const d = list.documents.find((x) => x.year === 2027);
		assert.equal(d.deadline, '2026-04-01');
		/* A deadline given by hand wins. */
		const own = await postForm(admin, '/aftale/dokumenter',
		    { kind: 'socialaftale', year: '2027', deadline: '2026-03-15' });
		assert.equal(own.status, 303);
		const l2 = await anon.getJson('/api/v1/agreement/documents');
		assert.equal(l2.documents.find((x) => x.kind === 'socialaftale')
		    .deadline, '2026-03-15');
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

	test('files: the secretariat attaches, anyone downloads', async () => {
		const pdf = makePdf('Udviklingsstrategi 2015');
		const no = await postFile(authority, `/aftale/dokumenter/${id}/bilag`,
		    {}, pdf, 'strategi.pdf', 'application/pdf');
		assert.equal(no.status, 403);
		const txt = await postFile(admin, `/aftale/dokumenter/${id}/bilag`,
		    {}, Buffer.from('bare tekst'), 'noter.txt', 'text/plain');
		assert.equal(txt.status, 415);
		assert.match(txt.text, /Bilag skal være PDF, DOCX eller XLSX/);
		const ok = await postFile(admin, `/aftale/dokumenter/${id}/bilag`,
		    { name: 'Udviklingsstrategi 2015 til byrådene' }, pdf,
		    'strategi.pdf', 'application/pdf');
		assert.equal(ok.status, 303, ok.text.slice(0, 400));
		const html = await page(anon, `/aftale/dokumenter/${id}`);
		const m = /href="(\/aftale\/dokumenter\/\d+\/bilag\/\d+)"[^>]*>Udviklingsstrategi 2015 til byrådene/
		    .exec(html);
		assert.ok(m, 'the file is listed');
		const r = await anon.get(m[1]);
		assert.equal(r.status, 200);
		assert.equal(r.headers.get('content-type'), 'application/pdf');
		assert.deepEqual(r.body, Buffer.from(pdf));
		assert.equal((await anon.get(`/aftale/dokumenter/${id}/bilag/999`)).status,
		    404);
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

describe('reinforced cooperation', () => {
	const Y = 2027;
	const base = `/aftale/forstaerket/${Y}`;
	let own851;

	test('nominations: operators their own offers, municipalities any', async () => {
		own851 = (await anon.getJson('/api/v1/offers?operator=851&limit=1'))
		    .offers[0];
		const rd = await postForm(reader, `${base}/indstillinger`,
		    { offer_id: '1', reason: 'x' });
		assert.equal(rd.status, 403);
		const notOwn = await postForm(op851, `${base}/indstillinger`,
		    { offer_id: '1', reason: 'Faldende belægning' });
		assert.equal(notOwn.status, 403);
		assert.match(notOwn.text, /kun indstille sine egne tilbud/);
		const noReason = await postForm(authority, `${base}/indstillinger`,
		    { offer_id: '1', reason: '' });
		assert.equal(noReason.status, 400);
		assert.match(noReason.text, /Skriv begrundelsen/);
		assert.equal((await postForm(op851, `${base}/indstillinger`, {
			offer_id: String(own851.id),
			reason: 'Højt specialiseret, få borgere' })).status, 303);
		assert.equal((await postForm(authority, `${base}/indstillinger`, {
			offer_id: '1', reason: 'Sikret institution for hele regionen'
		})).status, 303);
		const dup = await postForm(authority, `${base}/indstillinger`,
		    { offer_id: '1', reason: 'igen' });
		assert.equal(dup.status, 409);
		const html = await page(admin, `/aftale/forstaerket?aar=${Y}`);
		assert.match(html, /Sikret institution for hele regionen/);
		assert.match(html, /Brønderslev/);
		/* The public sees the covered offers, not the nominations. */
		assert.doesNotMatch(await page(anon, `/aftale/forstaerket?aar=${Y}`),
		    /Sikret institution for hele regionen/);
	});

	test('assessments: the secretariat only, criteria needed', async () => {
		const no = await postForm(authority, `${base}/vurderinger`,
		    { offer_id: '1', crit0: '1', recommend: '1' });
		assert.equal(no.status, 403);
		const bad = await postForm(admin, `${base}/vurderinger`,
		    { offer_id: '1', recommend: '1' });
		assert.equal(bad.status, 400);
		assert.match(bad.text, /Vælg de kriterier/);
		assert.equal((await postForm(admin, `${base}/vurderinger`, {
			offer_id: '1', crit0: '1', crit1: '1', crit2: '1',
			recommend: '1', note: 'Eneste sikrede institution' })).status,
		    303);
		assert.equal((await postForm(admin, `${base}/vurderinger`, {
			offer_id: String(own851.id), recommend: '0' })).status, 303);
		const html = await page(admin, `/aftale/forstaerket?aar=${Y}`);
		assert.match(html, /3 af 4/);
		assert.match(html, /Anbefales ikke/);
	});

	test('DAS: onto the next meeting in one step, then the decision', async () => {
		const none = await postForm(admin, `${base}/dagsorden`, {});
		assert.equal(none.status, 409);
		assert.match(none.text, /ikke planlagt et kommende møde i DAS/);
		const organer = (await admin.get('/organer')).text;
		const das = /\/organer\/(\d+)"[^>]*>Den Administrative Styregruppe/
		    .exec(organer)[1];
		const m = await postForm(admin, '/moeder/nyt', { body_id: das,
		    starts_at: '2027-01-12T10:00', place: 'Aalborg' });
		assert.equal(m.status, 303);
		const meeting = Number(/\/moeder\/(\d+)/.exec(m.headers.get('location'))[1]);
		assert.equal((await postForm(admin, `${base}/dagsorden`, {})).status, 303);
		const agenda = await page(admin, `/moeder/${meeting}`);
		assert.match(agenda, /Det forstærkede samarbejde 2027 – ekspertpanelets indstilling/);
		const twice = await postForm(admin, `${base}/dagsorden`, {});
		assert.equal(twice.status, 409);
		const badDate = await postForm(admin, `${base}/beslutning`,
		    { decided_on: '12.1.2027' });
		assert.equal(badDate.status, 400);
		assert.match(badDate.text, /gyldig dato/);
		assert.equal((await anon.getJson(`/api/v1/agreement/reinforced/${Y}`))
		    .covered.length, 0);
		assert.equal((await postForm(authority, `${base}/beslutning`,
		    { decided_on: '2027-01-12' })).status, 403);
		assert.equal((await postForm(admin, `${base}/beslutning`,
		    { decided_on: '2027-01-12' })).status, 303);
		const api = await anon.getJson(`/api/v1/agreement/reinforced/${Y}`);
		assert.equal(api.covered.length, 1);
		assert.equal(api.covered[0].offer_id, 1);
		assert.equal(api.covered[0].valid_from, '2027-07-01');
		assert.equal(api.covered[0].status, 'besluttet');
		const pub = await page(anon, `/aftale/forstaerket?aar=${Y}`);
		assert.match(pub, /Den Sikrede Institution Kompasset/);
		assert.match(pub, /Besluttet af DAS/);
		assert.match(await page(anon, '/tilbud/1'), /Omfattet fra 1\. juli 2027/);
	});

	test('the councils approve; the referral letter as PDF', async () => {
		const early = await postForm(admin, `${base}/godkendelse`,
		    { approved_on: '2026-01-01' });
		assert.equal(early.status, 400);
		assert.equal((await postForm(admin, `${base}/godkendelse`,
		    { approved_on: '2027-05-20' })).status, 303);
		const api = await anon.getJson(`/api/v1/agreement/reinforced/${Y}`);
		assert.equal(api.covered[0].status, 'godkendt');
		const r = await anon.get(`${base}/brev.pdf`);
		assert.equal(r.status, 200);
		assert.equal(r.headers.get('content-type'), 'application/pdf');
		assert.equal(r.body.subarray(0, 5).toString(), '%PDF-');
		if (have(fs.existsSync('/usr/bin/pdftotext'), 'pdftotext (poppler-utils)')) {
			const dir = tempDir();
			fs.writeFileSync(`${dir}/brev.pdf`, r.body);
			const t = spawnSync('/usr/bin/pdftotext', [`${dir}/brev.pdf`, '-'],
			    { encoding: 'utf8' });
			assert.match(t.stdout, /Til kommunernes visitationsenheder/);
			assert.match(t.stdout, /Den Sikrede Institution Kompasset/);
			assert.match(t.stdout, /Side 1 af 1/);
		}
	});

	test('covered 1½ years: listed for re-assessment automatically', async () => {
		const due = await page(admin, '/aftale/forstaerket?aar=2029');
		const part = due.split('Til genvurdering')[1].split('<h2')[0];
		assert.match(part, /Den Sikrede Institution Kompasset/);
		const notYet = await page(admin, '/aftale/forstaerket?aar=2028');
		assert.doesNotMatch(notYet.split('Til genvurdering')[1].split('<h2')[0],
		    /Kompasset/);
	});

	test('the rescue track: task force, terms, closed', async () => {
		const no = await postForm(authority, '/aftale/noedspor', {
			offer_id: '1', warning: 'Faldende belægning',
			opened_on: '2027-02-01' });
		assert.equal(no.status, 403);
		const bad = await postForm(admin, '/aftale/noedspor', {
			offer_id: '1', warning: '', opened_on: '2027-02-01' });
		assert.equal(bad.status, 400);
		assert.match(bad.text, /Skriv advarselstegnet/);
		const r = await postForm(admin, '/aftale/noedspor', {
			offer_id: '1', warning: 'Faldende belægning to år i træk',
			opened_on: '2027-02-01', members: 'Økonomi, jura, socialfaglig',
			deadline: '2027-04-01' });
		assert.equal(r.status, 303);
		const id = Number(/noedspor\/(\d+)/.exec(r.headers.get('location'))[1]);
		assert.equal((await postForm(admin, `/aftale/noedspor/${id}`, {
			members: 'Økonomi, jura, socialfaglig', deadline: '2027-04-01',
			terms: 'Garanti for 8 pladser i 2027', terms_on: '2027-04-20',
			note: 'Taskforcen har afleveret' })).status, 303);
		let html = await page(reader, `/aftale/noedspor/${id}`);
		assert.match(html, /Særlige vilkår besluttet/);
		assert.match(html, /Taskforcen har afleveret/);
		const ask = await postForm(admin, `/aftale/noedspor/${id}/luk`, {});
		assert.equal(ask.status, 200);
		assert.match(ask.text, /Luk nødsporet for Den Sikrede/);
		assert.equal((await postForm(admin, `/aftale/noedspor/${id}/luk`,
		    { confirm: '1' })).status, 303);
		html = await page(reader, `/aftale/noedspor/${id}`);
		assert.match(html, /Lukket/);
		const after_ = await postForm(admin, `/aftale/noedspor/${id}`,
		    { note: 'mere' });
		assert.equal(after_.status, 409);
		assert.equal((await anon.get(`/aftale/noedspor/${id}`)).status, 303);
	});
});
