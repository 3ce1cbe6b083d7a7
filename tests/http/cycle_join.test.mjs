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
