/*
 * The annual cycle joined to the yearly submissions and the agreement's
 * documents: the submissions' deadline step takes the opened year's
 * deadline and is open until every party has submitted; the approval
 * deadline of the steering agreement takes the document's deadline and
 * counts the councils that have approved.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { postForm, ramme, startServer } from './harness.mjs';

let srv, admin;
before(async () => {
	srv = await startServer();
	admin = await srv.login('admin');
});
after(async () => { await srv?.stop(); });

const year = new Date().getUTCFullYear();
/* A day ahead in this calendar year (the 31st of December at the latest). */
function ahead(days) {
	const d = new Date(Date.now() + days * 86400000);
	const end = `${year}-12-31`;
	const iso = d.toISOString().slice(0, 10);
	return iso > end ? end : iso;
}

const step = async (kind) => (await admin.getJson(
    `/api/v1/cycle/${year}`)).steps.find((s) => s.kind === kind);

describe('the annual cycle joined', () => {
	test('the submissions\' deadline follows the opened year', async () => {
		const before = await step('submissions_deadline');
		assert.ok(before, 'no submissions_deadline step');
		const deadline = ahead(3);
		ramme(['indmelding', 'open', String(year + 1), '--deadline',
		    deadline, '--db', srv.db], { ok: true });
		const s = await step('submissions_deadline');
		assert.equal(s.date, deadline);
		assert.equal(s.status, 'open');
	});

	test('the steering agreement\'s approval deadline follows its '
	    + 'document', async () => {
		const deadline = ahead(4);
		const r = await postForm(admin, '/aftale/dokumenter', {
			kind: 'styringsaftale', year: String(year + 1),
			title: `Styringsaftale ${year + 1}`, deadline });
		assert.equal(r.status, 303, r.text.slice(0, 400));
		const s = await step('steering_agreement_approval_deadline');
		assert.equal(s.date, deadline);
		assert.ok(['planned', 'open'].includes(s.status), s.status);
	});
});

/*
 * The reinforced cooperation of 2015 (nominated November 2014, assessed
 * December 2014, in force 1 July 2015) and the takeover notices of the
 * election period 2014–2017 (deadline 1 January 2016, takeover 1 January
 * 2017): steps in the past, so their status does not depend on today.
 */
describe('the reinforced cooperation and the takeovers joined', () => {
	const at = async (y, kind) => (await admin.getJson(
	    `/api/v1/cycle/${y}`)).steps.find((s) => s.kind === kind);
	const base = '/aftale/forstaerket/2015';

	test('without anything the steps keep their dates', async () => {
		const n = await at(2014, 'reinforced_nominations');
		assert.equal(n.date, '2014-11-01');
		assert.equal(n.status, 'overdue');
		assert.equal(n.href, undefined);
		const t = await at(2016, 'takeover_notice_deadline');
		assert.equal(t.date, '2016-01-01');
		assert.equal(t.status, 'done');
		assert.equal(t.href, '/aftale/overtagelser');
		assert.equal(t.detail, 'Ingen varsler om overtagelse 1. januar 2017');
	});

	test('nominations done, the panel overdue until it has assessed',
	    async () => {
		const auth = await srv.login('authority');
		const r = await postForm(auth, `${base}/indstillinger`,
		    { offer_id: '1', reason: 'Sikret institution for hele regionen' });
		assert.equal(r.status, 303, r.text.slice(0, 400));
		const n = await at(2014, 'reinforced_nominations');
		assert.equal(n.status, 'done');
		assert.equal(n.href, '/aftale/forstaerket?aar=2015');
		assert.equal(n.belongs_to, 'Forstærket samarbejde 2015');
		assert.equal(n.detail, '1 tilbud indstillet');
		let p = await at(2014, 'expert_panel');
		assert.equal(p.status, 'overdue');
		assert.equal(p.detail, '0 af 1 tilbud vurderet');
		const a = await postForm(admin, `${base}/vurderinger`, {
			offer_id: '1', crit0: '1', crit1: '1', crit2: '1',
			recommend: '1', note: 'Eneste sikrede institution' });
		assert.equal(a.status, 303, a.text.slice(0, 400));
		p = await at(2014, 'expert_panel');
		assert.equal(p.status, 'done');
		assert.equal(p.detail, '1 af 1 tilbud vurderet');
	});

	test('in force: overdue until the councils approve, then done',
	    async () => {
		let f = await at(2015, 'reinforced_in_force');
		assert.equal(f.date, '2015-07-01');
		assert.equal(f.status, 'overdue');
		assert.equal((await postForm(admin, `${base}/beslutning`,
		    { decided_on: '2015-01-20' })).status, 303);
		f = await at(2015, 'reinforced_in_force');
		assert.equal(f.status, 'overdue');
		assert.equal((await postForm(admin, `${base}/godkendelse`,
		    { approved_on: '2015-04-28' })).status, 303);
		f = await at(2015, 'reinforced_in_force');
		assert.equal(f.status, 'done');
		assert.equal(f.detail, '1 tilbud omfattet');
		const html = (await admin.get('/aarshjul?aar=2015')).text;
		assert.match(html, /href="\/aftale\/forstaerket\?aar=2015"/);
	});

	test('a year without a reinforced cooperation: not applicable, '
	    + 'not overdue', async () => {
		const f = await at(2013, 'reinforced_in_force');
		assert.equal(f.date, '2013-07-01');
		assert.equal(f.status, 'not_applicable');
		assert.equal(f.href, undefined);
		assert.equal((await at(2012, 'expert_panel')).status,
		    'not_applicable');
		/* Nobody nominated by the date: that step is overdue. */
		assert.equal((await at(2012, 'reinforced_nominations')).status,
		    'overdue');
		/* Ahead of its date the step is planned. */
		assert.equal((await at(year + 2, 'reinforced_in_force')).status,
		    'planned');
		const html = (await admin.get('/aarshjul?aar=2013')).text;
		assert.match(html, /<span class="badge">Ikke aktuel<\/span>/);
	});

	test('the takeover notices of the period are counted', async () => {
		const r = await postForm(admin, '/aftale/overtagelser',
		    { offer_id: '1', municipality: '810', notice_on: '2015-06-01' });
		assert.equal(r.status, 303, r.text.slice(0, 400));
		const t = await at(2016, 'takeover_notice_deadline');
		assert.equal(t.status, 'done');
		assert.equal(t.detail, '1 varsel om overtagelse 1. januar 2017');
	});
});
