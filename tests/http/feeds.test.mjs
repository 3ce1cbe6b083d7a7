/*
 * One bad row never breaks a whole output: with rows inserted straight
 * into the database that cannot be rendered (a meeting whose start is not
 * a time, one whose approval time is not a time, an agenda item without a
 * title, an offer with an unknown kind and status), every feed and list
 * still answers 200 with the good rows, leaves out (and logs) what it
 * cannot render: the calendars, the minutes RSS, the OParl system, body
 * and lists, the offers' CSV, JSON and XLSX exports, the tariffs' CSV.
 * On SQLite and on PostgreSQL (plant() below).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { ON_PG, sql as harnessSql, startServer } from './harness.mjs';

let srv, badId;

/*
 * The rows break the schema's CHECK constraints, as rows an old import
 * left behind do. SQLite plants them with its checks switched off for
 * the session; on PostgreSQL the checks of the three tables are dropped,
 * the rows planted and the checks put back NOT VALID: a database whose
 * rows predate its constraints, which still hold for every new row.
 */
function plant(q) {
	if (!ON_PG)
		return sql(`PRAGMA ignore_check_constraints = 1;\n${q}`);
	return sql(`CREATE TEMP TABLE legacy AS SELECT conrelid::regclass
	    AS tab, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
	    WHERE contype = 'c' AND conrelid IN ('meeting'::regclass,
	    'agenda_item'::regclass, 'offer'::regclass);
	DO $$DECLARE c record; BEGIN FOR c IN SELECT * FROM legacy LOOP
	    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', c.tab,
	    c.conname); END LOOP; END$$;
	${q}
	DO $$DECLARE c record; BEGIN FOR c IN SELECT * FROM legacy LOOP
	    EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s NOT VALID',
	    c.tab, c.conname, c.def); END LOOP; END$$;`);
}

before(async () => {
	srv = await startServer({ minutes: true });
	const t = '2026-12-01T10:00:00Z';
	plant(`INSERT INTO meeting (body_id, title, starts_at, state,
	    agenda_published_at, minutes_approved_at, created_at, updated_at)
	    VALUES (4, 'Møde med skæv start', 'ikke-en-dato', 'referat_godkendt',
	    '${t}', '${t}', '${t}', '${t}');
	INSERT INTO agenda_item (meeting_id, number, pos, title, created_at,
	    updated_at) SELECT id, 1, 1, 'Punkt på skævt møde', '${t}', '${t}'
	    FROM meeting WHERE title = 'Møde med skæv start';
	INSERT INTO meeting (body_id, title, starts_at, state,
	    agenda_published_at, minutes_approved_at, created_at, updated_at)
	    VALUES (4, 'Møde med skæv godkendelse', '2026-11-02T10:00',
	    'referat_godkendt', 'x', 'ikke-et-tidspunkt', 'x', 'x');
	INSERT INTO agenda_item (meeting_id, number, pos, title, created_at,
	    updated_at) VALUES (1, 99, 99, '', '${t}', '${t}');
	INSERT INTO offer (name, name_key, operator_code, location_code, kind,
	    status, created_at, updated_at, doc) VALUES ('Skævt tilbud',
	    'skævt tilbud', '851', '851', 'ukendt', 'mystisk', 'x', 'x',
	    'ikke json');`);
	badId = sql("SELECT id FROM meeting WHERE title = 'Møde med skæv start'");
	/* Every bad row is there, on either backend. */
	assert.deepEqual([
		sql("SELECT count(*) FROM meeting WHERE title LIKE 'Møde med skæv%'"),
		sql("SELECT count(*) FROM agenda_item WHERE title = '' OR " +
		    "title = 'Punkt på skævt møde'"),
		sql("SELECT count(*) FROM offer WHERE kind = 'ukendt'"),
	], ['2', '2', '1']);
});
after(async () => { await srv?.stop(); });

function sql(q) {
	return harnessSql(srv.db, q).trim();
}

async function ok(p) {
	const r = await srv.client().get(p);
	assert.equal(r.status, 200, `GET ${p}: ${r.status} ${r.text.slice(0, 300)}`);
	return r;
}

describe('a bad row is skipped, not the output', () => {
	test('the schema still refuses such a row from now on', () => {
		assert.throws(() => sql(`INSERT INTO offer (name, name_key,
		    operator_code, location_code, kind, status, created_at,
		    updated_at) VALUES ('Nyt skævt tilbud', 'nyt skævt tilbud',
		    '851', '851', 'ukendt', 'mystisk', 'x', 'x')`),
		    /check constraint/i);
	});

	test('the calendars', async () => {
		for (const p of ['/kalender.ics', '/organer/4/kalender.ics']) {
			const r = await ok(p);
			assert.match(r.text, /BEGIN:VEVENT/, p);
			assert.match(r.text, /END:VCALENDAR\r\n$/, p);
			assert.doesNotMatch(r.text, /skæv start/, p);
		}
		assert.match(srv.stderr(),
		    new RegExp(`ical: meeting ${badId} skipped`));
	});

	test('the minutes RSS', async () => {
		const r = await ok('/referater.rss');
		assert.match(r.text, /<item>/);
		assert.match(r.text, /<\/rss>\s*$/);
	});

	test('the OParl system, body and lists', async () => {
		await ok('/oparl/v1');
		const bodies = (await ok('/oparl/v1/bodies')).json;
		assert.equal(bodies.data.length, 1);
		const body = (await ok('/oparl/v1/body/nordjylland')).json;
		assert.ok(body.legislativeTerm.length >= 1);
		const meetings = (await ok(
		    '/oparl/v1/body/nordjylland/meetings')).json;
		assert.ok(meetings.data.length >= 1);
		assert.ok(!meetings.data.some((m) =>
		    m.id.endsWith(`/meeting/${badId}`)));
		for (const l of ['agendaItems', 'locations', 'legislativeTerms',
		    'files', 'organizations', 'people', 'memberships', 'papers',
		    'consultations'])
			await ok(`/oparl/v1/body/nordjylland/${l}`);
		assert.match(srv.stderr(), /oparl: .*Meeting \d+ skipped/);
		assert.match(srv.stderr(), /oparl: a legislative term skipped/);
	});

	test('the offers and tariffs exports', async () => {
		const csv = await ok('/tilbud/eksport?format=csv');
		assert.match(csv.text, /Bostedet Aars/);
		await ok('/tilbud/eksport?format=csv&visning=oversigt');
		await ok('/tilbud/eksport?format=json');
		await ok('/tilbud/eksport?format=xlsx');
		await ok('/api/v1/offers');
		await ok('/api/v1/tariffs?format=csv');
		await ok('/tilbud');
		await ok('/moeder');
	});
});
