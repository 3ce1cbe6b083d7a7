/*
 * Personal data: /personer and a person's "Persondata" page are the
 * secretariat's admins' only; the export (JSON and PDF) holds the login,
 * memberships, participations, apologies, audit rows and mail and is
 * audited; the erasure asks for a reason and a confirmation, replaces
 * the name, disables the login and ends its sessions, while a published
 * minutes page still shows the name.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { postForm, sql as harnessSql, startServer } from './harness.mjs';

let srv, admin, uid, pid;
before(async () => {
	srv = await startServer({ minutes: true });
	admin = await srv.login('admin');
	await srv.login('op851');
	uid = sql("SELECT id FROM app_user WHERE username = 'op851'");
	const now = new Date().toISOString().slice(0, 19) + 'Z';
	sql(`INSERT INTO person (name, name_key, organisation, email, user_id,
	    created_at, updated_at) VALUES ('Karen Holm', 'karen holm',
	    'Aalborg Kommune', 'karen@aalborg.dk', ${uid}, '${now}', '${now}');
	INSERT INTO membership (body_id, person_id, role, created_at, updated_at)
	    VALUES (3, (SELECT id FROM person WHERE name_key = 'karen holm'),
	    'medlem', '${now}', '${now}');
	INSERT INTO meeting_participant (meeting_id, pos, person_id, name,
	    status) VALUES (1, 90, (SELECT id FROM person WHERE name_key =
	    'karen holm'), 'Karen Holm', 'deltager');
	INSERT INTO meeting (body_id, title, starts_at, state, created_at,
	    updated_at) VALUES (3, 'Kommende møde', '2031-01-10T10:00',
	    'indkaldt', '${now}', '${now}');
	INSERT INTO meeting_participant (meeting_id, pos, person_id, name,
	    status) VALUES ((SELECT max(id) FROM meeting), 1, (SELECT id FROM
	    person WHERE name_key = 'karen holm'), 'Karen Holm', 'afbud');
	INSERT INTO user_mail (user_id, email, updated_at) VALUES (${uid},
	    'karen@aalborg.dk', '${now}');`);
	pid = sql("SELECT id FROM person WHERE name_key = 'karen holm'");
});
after(async () => { await srv?.stop(); });

function sql(q) {
	return harnessSql(srv.db, q).trim();
}

describe('personal data', () => {
	test('only the secretariat\'s admins see persons', async () => {
		for (const who of ['op851', 'reader', 'authority']) {
			const c = await srv.login(who);
			for (const p of ['/personer', `/personer/${pid}`,
			    `/personer/${pid}/persondata.json`,
			    `/personer/${pid}/persondata.pdf`])
				assert.equal((await c.get(p)).status, 403,
				    `${who} ${p}`);
			const r = await postForm(c, `/personer/${pid}/slet`,
			    { reason: 'x', confirm: '1' });
			assert.equal(r.status, 403, who);
		}
		const anon = await srv.client().get('/personer');
		assert.notEqual(anon.status, 200);
		const list = await admin.get('/personer');
		assert.equal(list.status, 200);
		assert.match(list.text, /Karen Holm/);
		const page = await admin.get(`/personer/${pid}`);
		assert.equal(page.status, 200);
		assert.match(page.text, /<h1[^>]*>Persondata: Karen Holm<\/h1>/);
		assert.match(page.text, /karen@aalborg\.dk/);
		assert.match(page.text, /Hent som PDF/);
	});

	test('the persons come 50 a page', async () => {
		sql(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n
		    WHERE i < 60) INSERT INTO person (name, name_key, created_at,
		    updated_at) SELECT 'Person ' || i, 'person ' || CASE WHEN
		    i < 10 THEN '00' ELSE '0' END || i, 'x', 'x' FROM n`);
		const p1 = await admin.get('/personer');
		assert.match(p1.text, /href="\/personer\?side=2"/);
		assert.ok(p1.text.length < 60000, `${p1.text.length} bytes`);
		const p2 = await admin.get('/personer?side=2');
		assert.equal(p2.status, 200);
		assert.match(p2.text, />Person 60</);
		assert.equal((await admin.get('/personer?side=x')).status, 400);
	});

	test('the export holds everything about the person', async () => {
		const r = await admin.get(`/personer/${pid}/persondata.json`);
		assert.equal(r.status, 200);
		assert.match(r.headers.get('content-disposition'),
		    /persondata-\d+\.json/);
		const d = JSON.parse(r.text);
		assert.equal(d.person[0].name, 'Karen Holm');
		assert.equal(d.user[0].username, 'op851');
		assert.equal(d.user[0].email, 'karen@aalborg.dk');
		assert.equal(d.memberships[0].body,
		    'Den Administrative Styregruppe');
		assert.equal(d.participations.length, 1);
		assert.equal(d.participations[0].minutes_approved, 1);
		assert.equal(d.apologies[0].meeting, 'Kommende møde');
		assert.ok(d.audit_as_actor.some((a) => a.action === 'login'));
		assert.ok(d.login_log.length >= 1);
		assert.ok(d.sessions.length >= 1);
		const pdf = await admin.get(`/personer/${pid}/persondata.pdf`);
		assert.equal(pdf.status, 200);
		assert.equal(pdf.headers.get('content-type'), 'application/pdf');
		assert.equal(pdf.body.subarray(0, 5).toString(), '%PDF-');
		assert.equal(sql(`SELECT count(*) FROM audit WHERE entity =
		    'person' AND entity_id = '${pid}' AND action = 'export'`), '2');
	});

	test('the erasure keeps the published minutes', async () => {
		const op = await srv.login('op851');
		const before = await op.get('/konto/notifikationer');
		assert.equal(before.status, 200);
		const minutes = (await srv.client().get('/moeder/1')).text;
		assert.match(minutes, /Karen Holm/);

		let r = await postForm(admin, `/personer/${pid}/slet`,
		    { reason: '' });
		assert.equal(r.status, 400);
		assert.match(r.text, /hvorfor personen slettes/);
		r = await postForm(admin, `/personer/${pid}/slet`,
		    { reason: 'Udtrådt af DAS' });
		assert.equal(r.status, 200);
		assert.match(r.text, /Vil du slette Karen Holm\?/);
		assert.equal(sql(`SELECT count(*) FROM person WHERE id = ${pid}
		    AND erased_at IS NULL`), '1');
		r = await postForm(admin, `/personer/${pid}/slet`,
		    { reason: 'Udtrådt af DAS', confirm: '1' });
		assert.equal(r.status, 303, r.text.slice(0, 300));
		assert.match(r.headers.get('location'),
		    new RegExp(`/personer/${pid}\\?besked=slettet`));
		const page = await admin.get(`/personer/${pid}`);
		assert.match(page.text, new RegExp(`Slettet person ${pid}`));
		assert.doesNotMatch(page.text, /karen@aalborg\.dk|Karen Holm/);

		/* The login is closed and its sessions ended. */
		const after = await op.get('/konto/notifikationer');
		assert.notEqual(after.status, 200);
		assert.equal(sql(`SELECT active FROM app_user WHERE id = ${uid}`),
		    '0');
		assert.equal(sql(`SELECT count(*) FROM session WHERE user_id =
		    ${uid}`), '0');
		/* Approved minutes keep the name; the coming meeting does not. */
		assert.match((await srv.client().get('/moeder/1')).text,
		    /Karen Holm/);
		assert.equal(sql(`SELECT name FROM meeting_participant WHERE
		    status = 'afbud' AND person_id = ${pid}`),
		    `Slettet person ${pid}`);
		/* The audit records the erasure without the erased data. */
		const rec = sql(`SELECT after_json FROM audit WHERE entity =
		    'person' AND action = 'erase'`);
		assert.match(rec, /Udtrådt af DAS/);
		assert.doesNotMatch(rec, /Karen|karen|aalborg\.dk/);
		assert.equal(sql(`SELECT count(*) FROM audit WHERE
		    coalesce(before_json, '') || coalesce(after_json, '') LIKE
		    '%karen%'`), '0');
		/* A second erasure is refused. */
		r = await postForm(admin, `/personer/${pid}/slet`,
		    { reason: 'igen', confirm: '1' });
		assert.equal(r.status, 409);
		assert.match(r.text, /allerede slettet/);
	});
});
