/*
 * The pages of a tariff round as the secretariat and an operator use
 * them: publishing, closing, submitting, approving and returning each
 * ask for confirmation first (and publishing names the submissions not
 * approved); "Genåbn" only where a round can be reopened; a returned
 * submission is changed and submitted again, also in a closed round;
 * and the reviewer sees every cost line beside last year's.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { postForm, startServer } from './harness.mjs';

let srv, admin, op851, prevRound, round, sub;

const day = (offset) => new Date(Date.now() + offset * 86400000)
    .toISOString().slice(0, 10);
const line = (wages) => ({ paragraph: 'SEL § 107', unit: 'day', places: 10,
    occupancy_pct: 96, costs_ore: { wages, property: 67500000 } });

async function version(kind, id) {
	return String((await admin.getJson(`/api/v1/${kind}/${id}`)).version);
}

async function apiAct(c, kind, id, what) {
	return c.request('POST', `/api/v1/${kind}/${id}/${what}`, { json: {},
	    headers: { 'if-match': `"${await version(kind, id)}"` } });
}

async function patchLines(id, lines) {
	const r = await op851.patch(`/api/v1/submissions/${id}`, { lines },
	    { headers: { 'if-match': `"${await version('submissions', id)}"` } });
	assert.equal(r.status, 200, r.text);
}

async function newRound(year) {
	const r = await admin.post('/api/v1/rounds', { year, no: 1,
	    title: `Takster ${year}`, opens_on: day(-1), deadline: day(30) });
	assert.equal(r.status, 201, r.text);
	return r.json.id;
}

/* The submissions of op851 in round id, by offer. */
async function mine(id) {
	const l = await op851.getJson(`/api/v1/rounds/${id}/submissions`);
	return l.submissions.filter((s) => s.operator_code === '851')
	    .sort((a, b) => a.offer_id - b.offer_id);
}

before(async () => {
	srv = await startServer();
	admin = await srv.login('admin');
	op851 = await srv.login('op851');
	/* Last year: one line with wages of 6,000,000 kr., published. */
	prevRound = await newRound(2025);
	const last = (await mine(prevRound))[0];
	await patchLines(last.id, [line(600000000)]);
	assert.equal((await apiAct(op851, 'submissions', last.id, 'submit'))
	    .status, 200);
	assert.equal((await apiAct(admin, 'submissions', last.id, 'approve'))
	    .status, 200);
	assert.equal((await apiAct(admin, 'rounds', prevRound, 'publish'))
	    .status, 200);
	/* This year: pre-filled from last year; wages up to 6,500,000 kr. */
	round = await newRound(2026);
	sub = (await mine(round)).find((s) => s.offer_id === last.offer_id).id;
	await patchLines(sub, [{ ...line(650000000),
	    reason: 'Ny overenskomst' }]);
});
after(async () => { await srv?.stop(); });

describe('the workflow of a round on its pages', () => {
	test('submitting asks for confirmation', async () => {
		const v = await version('submissions', sub);
		let r = await postForm(op851, `/indberetning/${sub}/indsend`,
		    { version: v });
		assert.equal(r.status, 200, r.text.slice(0, 300));
		assert.match(r.text, /Vil du indsende indberetningen\?/);
		assert.match(r.text, /name="confirm" value="1"/);
		assert.equal((await admin.getJson(`/api/v1/submissions/${sub}`))
		    .status, 'draft');
		r = await postForm(op851, `/indberetning/${sub}/indsend`,
		    { version: v, confirm: '1' });
		assert.equal(r.status, 303, r.text.slice(0, 300));
		assert.equal((await admin.getJson(`/api/v1/submissions/${sub}`))
		    .status, 'submitted');
	});

	test('the reviewer sees every cost line and last year\'s figures',
	    async () => {
		const p = await admin.get(`/indberetning/${sub}`);
		assert.equal(p.status, 200);
		assert.match(p.text, /Omkostninger og ændring fra sidste år/);
		assert.match(p.text, /Takst sidste år/);
		assert.match(p.text, /Lønomkostninger/);
		assert.match(p.text, /Ejendomsomkostninger/);
		assert.match(p.text, /6\.000\.000,00&nbsp;kr\./);
		assert.match(p.text, /6\.500\.000,00&nbsp;kr\./);
		assert.match(p.text, /\+8,33 %/);
		assert.match(p.text, /2025, runde 1/);
	});

	test('no "Genåbn" on a round that takes submissions; the service '
	    + 'refuses it', async () => {
		const p = await admin.get(`/takstindberetning/${round}`);
		assert.equal(p.status, 200);
		assert.doesNotMatch(p.text, /Genåbn/);
		const r = await postForm(admin, `/takstindberetning/${round}/genaabn`,
		    { version: await version('rounds', round), until: day(40) });
		assert.equal(r.status, 409, r.text.slice(0, 300));
		assert.match(r.text, /kun en lukket runde/);
	});

	test('closing asks for confirmation; then "Genåbn" is offered',
	    async () => {
		const v = await version('rounds', round);
		let r = await postForm(admin, `/takstindberetning/${round}/luk`,
		    { version: v });
		assert.equal(r.status, 200);
		assert.match(r.text, /Vil du lukke runde 1 for 2026\?/);
		assert.equal((await admin.getJson(`/api/v1/rounds/${round}`))
		    .status, 'open');
		r = await postForm(admin, `/takstindberetning/${round}/luk`,
		    { version: v, confirm: '1' });
		assert.equal(r.status, 303);
		const p = await admin.get(`/takstindberetning/${round}`);
		assert.match(p.text, /Genåbn runden/);
	});

	test('returning needs a comment and a confirmation', async () => {
		const v = await version('submissions', sub);
		let r = await postForm(admin, `/indberetning/${sub}/retur`,
		    { version: v });
		assert.equal(r.status, 400);
		assert.match(r.text, /Skriv en kommentar/);
		r = await postForm(admin, `/indberetning/${sub}/retur`,
		    { version: v, comment: 'Lønnen skal begrundes' });
		assert.equal(r.status, 200);
		assert.match(r.text, /Vil du sende indberetningen retur\?/);
		assert.match(r.text, /name="comment" value="Lønnen skal begrundes"/);
		r = await postForm(admin, `/indberetning/${sub}/retur`,
		    { version: v, comment: 'Lønnen skal begrundes', confirm: '1' });
		assert.equal(r.status, 303);
	});

	test('a returned submission is changed and submitted again in the '
	    + 'closed round', async () => {
		const p = await op851.get(`/indberetning/${sub}`);
		assert.match(p.text, /Sendt retur af sekretariatet/);
		assert.match(p.text, /Lønnen skal begrundes/);
		assert.match(p.text, /Ret linje 1/);
		assert.match(p.text, /Indsend igen/);
		let r = await postForm(op851, `/indberetning/${sub}/linje/1`, {
		    version: await version('submissions', sub),
		    paragraph: 'SEL § 107', unit: 'day', places: '10',
		    occupancy: '96', wages: '6.400.000', property: '675.000',
		    reason: 'Ny overenskomst' });
		assert.equal(r.status, 303, r.text.slice(0, 300));
		r = await postForm(op851, `/indberetning/${sub}/indsend`,
		    { version: await version('submissions', sub), confirm: '1' });
		assert.equal(r.status, 303, r.text.slice(0, 300));
		const s = await admin.getJson(`/api/v1/submissions/${sub}`);
		assert.equal(s.status, 'submitted');
		assert.equal(s.lines[0].costs_ore.wages, 640000000);
	});

	test('approving asks for confirmation', async () => {
		const v = await version('submissions', sub);
		let r = await postForm(admin, `/indberetning/${sub}/godkend`,
		    { version: v });
		assert.equal(r.status, 200);
		assert.match(r.text, /Vil du godkende indberetningen\?/);
		r = await postForm(admin, `/indberetning/${sub}/godkend`,
		    { version: v, confirm: '1' });
		assert.equal(r.status, 303);
	});

	test('publishing names what is not approved and needs confirm=1',
	    async () => {
		const all = (await admin.getJson(
		    `/api/v1/rounds/${round}/submissions`)).submissions;
		const open = all.filter((s) => s.status !== 'approved');
		assert.ok(open.length > 0);
		const v = await version('rounds', round);
		let r = await postForm(admin,
		    `/takstindberetning/${round}/offentliggoer`, { version: v });
		assert.equal(r.status, 200);
		assert.match(r.text, new RegExp(`${open.length} af ${all.length} `
		    + 'indberetninger er ikke godkendt'));
		for (const s of open.slice(0, 5))
			assert.ok(r.text.includes(s.offer_name.replace(/&/g, '&amp;')),
			    s.offer_name);
		assert.match(r.text, /name="confirm" value="1"/);
		assert.equal((await admin.getJson(`/api/v1/rounds/${round}`))
		    .status, 'closed');
		r = await postForm(admin,
		    `/takstindberetning/${round}/offentliggoer`,
		    { version: v, confirm: '1' });
		assert.equal(r.status, 303, r.text.slice(0, 300));
		assert.equal((await admin.getJson(`/api/v1/rounds/${round}`))
		    .status, 'published');
	});
});
