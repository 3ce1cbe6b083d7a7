/*
 * A tariff analysis follows every write of the published tariffs: the
 * current tariffs and the yearly sums it reads are kept by the database
 * (migration 030) when a round is published, when a tariff is changed in
 * the year with a cause, when a later round of the same year supersedes
 * a tariff, when an offer gets another operator, when a tariff or the
 * service line it was published from is corrected directly in SQL,
 * when a version is deleted, when offers share a harmonised tariff
 * (it counts once) and when an offer is taken over from a date (the
 * years before keep the old operator; its event moved or deleted in SQL).
 * After each, the draft analysis shows the new figures and the kept rows
 * equal the same rows found from published_tariff itself.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { ON_PG, postForm, ramme, redirectId, sql as sqlOn, startServer }
    from './harness.mjs';

const H = 'offer_id;paragraph;level;unit;places;occupancy_pct;' +
    'wages_ore;property_ore;other_ore';
let srv, admin, op851, rounds = 0;

function sql(q) {
	return sqlOn(srv.db, q).trim();
}

/* Import and publish lines as round `no` of year y. */
function publish(y, no, lines) {
	const f = path.join(srv.dir, `lines-${y}-${no}.csv`);
	fs.writeFileSync(f, [H, ...lines].join('\n') + '\n');
	ramme(['round', 'open', String(y), String(no), '--deadline',
	    '2099-12-31', '--opens', '2000-01-01', '--pl-pct',
	    y === 2024 ? '4' : '0', '--db', srv.db], { ok: true });
	rounds++;
	ramme(['round', 'import-lines', f, '--round', String(rounds),
	    '--approve', '--publish', '--db', srv.db], { ok: true });
}

/*
 * The kept rows equal the rows found from published_tariff, each naming
 * the operator of its year: the new operator of the offer's latest event
 * on or before 31 December, else the old operator of its first event
 * after, else the offer's operator.
 */
function assertKept(what) {
	const ev = (cmp, col, dir) => `(SELECT NULLIF(ev.${col}, '')
	    FROM offer_event ev WHERE ev.offer_id = p.offer_id
	    AND ev.on_date ${cmp} p.year || '-12-31'
	    ORDER BY ev.on_date ${dir}, ev.id ${dir} LIMIT 1)`;
	const cur = `SELECT p.year, p.offer_id, p.paragraph, p.level, p.unit,
	    p.referred_from, p.id, p.version, p.section, p.places_centi,
	    p.tariff_ore, p.submission_id, sl.base_ore, sl.days,
	    COALESCE(${ev('<=', 'to_operator', 'DESC')},
	    ${ev('>', 'from_operator', 'ASC')}, o.operator_code, ''),
	    p.harmonised_id
	    FROM published_tariff p JOIN offer o ON o.id = p.offer_id
	    LEFT JOIN service_line sl ON sl.submission_id = p.submission_id
	    AND sl.paragraph = p.paragraph AND sl.level = p.level
	    AND sl.unit = p.unit AND sl.referred_from = p.referred_from
	    AND sl.referred_before = ''
	    WHERE p.superseded_at IS NULL AND p.referred_before = ''
	    AND NOT EXISTS (SELECT 1 FROM published_tariff q
	    WHERE q.offer_id = p.offer_id AND q.year = p.year
	    AND q.paragraph = p.paragraph AND q.level = p.level
	    AND q.unit = p.unit AND q.referred_from = p.referred_from
	    AND q.referred_before = '' AND q.superseded_at IS NULL
	    AND q.version > p.version)`;
	const kept = `SELECT year, offer_id, paragraph, level, unit,
	    referred_from, tariff_id, version, section, places_centi,
	    tariff_ore, submission_id, base_ore, days, operator_code,
	    harmonised_id FROM tariff_current`;
	assert.equal(sql(`SELECT count(*) FROM (${cur} EXCEPT ${kept}) d`), '0',
	    `${what}: a current tariff is not kept`);
	assert.equal(sql(`SELECT count(*) FROM (${kept} EXCEPT ${cur}) d`), '0',
	    `${what}: a kept row is not current`);
	const sums = `SELECT year, operator_code, section, unit, level,
	    count(*), sum(places_centi), sum(places_centi * tariff_ore)
	    FROM tariff_current GROUP BY 1, 2, 3, 4, 5`;
	const ksums = `SELECT year, operator_code, section, unit, level,
	    nlines, places_centi, exp_centi_ore FROM tariff_year_sum`;
	assert.equal(sql(`SELECT count(*) FROM (${sums} EXCEPT ${ksums}) d`),
	    '0', `${what}: a yearly sum is missing or wrong`);
	assert.equal(sql(`SELECT count(*) FROM (${ksums} EXCEPT ${sums}) d`),
	    '0', `${what}: a yearly sum is left over`);
}

before(async () => {
	srv = await startServer();
	admin = await srv.login('admin');
	op851 = await srv.login('op851');
	publish(2023, 1, ['4;SEL § 107;;day;10;96;650000000;67500000;82500000',
	    '3;SEL § 108;;day;12;95;700000000;50000000;50000000']);
	publish(2024, 1, ['4;SEL § 107;;day;10;96;700000000;67500000;82500000',
	    '3;SEL § 108;;day;12;95;710000000;50000000;50000000']);
});
after(async () => { await srv?.stop(); });

let id;
const line = async (offer) => (await admin.get(`/api/v1/analyses/${id}`))
    .json.lines.find((l) => l.offer_id === offer);
const total = async () => (await admin.get(`/api/v1/analyses/${id}`))
    .json.total;

describe('the analysis follows the published tariffs', () => {
	test('after the rounds are published', async () => {
		assertKept('published');
		const r = await postForm(admin, '/oekonomi/analyser', {
		    title: 'Følger taksterne', from_year: '2023',
		    to_year: '2024', series: 'state_general_pl' });
		assert.equal(r.status, 303, r.text.slice(0, 300));
		id = redirectId(r);
		const t = (await admin.get('/api/v1/tariffs?year=2024')).json
		    .tariffs.find((x) => x.offer_id === 4);
		assert.equal((await line(4)).tariff_to_ore, t.tariff_ore);
		assert.equal((await total()).lines, 2);
	});

	test('a change in the year with a cause', async () => {
		const before = await total();
		const t = (await admin.get('/api/v1/tariffs?year=2024')).json
		    .tariffs.find((x) => x.offer_id === 4);
		const r = await op851.post(`/api/v1/tariffs/${t.id}/change`,
		    { tariff_ore: t.tariff_ore + 12345, valid_from: '2024-07-01',
		    cause: 'normering', reason: 'Ny normering' });
		assert.equal(r.status, 201, r.text);
		assertKept('changed in the year');
		const l = await line(4);
		assert.equal(l.tariff_to_ore, t.tariff_ore + 12345);
		const after = await total();
		assert.equal(after.lines, 2);
		assert.ok(after.weighted_mean_pct > before.weighted_mean_pct);
		assert.equal(after.exp_to_fixed_ore - before.exp_to_fixed_ore, 123450);
		/* The page's yearly figures include the new version. */
		const p = await admin.get(`/oekonomi/analyser/${id}`);
		assert.equal(p.status, 200);
	});

	test('a later round of the same year supersedes', async () => {
		publish(2024, 2, ['3;SEL § 108;;day;12;95;720000000;50000000;' +
		    '50000000']);
		assertKept('superseded');
		const t = (await admin.get('/api/v1/tariffs?year=2024')).json
		    .tariffs.filter((x) => x.offer_id === 3);
		const l = await line(3);
		assert.equal(l.kind, 'in');
		assert.equal(l.tariff_to_ore, Math.max(...t.map((x) =>
		    x.tariff_ore)));
		assert.equal(Number(sql('SELECT count(*) FROM tariff_current ' +
		    'WHERE year = 2024')), 2);
	});

	test('another operator, a correction in SQL, a line removed',
	    async () => {
		const ops = async () => (await admin.get(
		    `/api/v1/analyses/${id}`)).json.by_operator.map((g) => g.key)
		    .sort();
		assert.deepEqual(await ops(), ['1081', '851']);
		sql('UPDATE offer SET operator_code = \'1081\' WHERE id = 4');
		assertKept('operator');
		assert.deepEqual(await ops(), ['1081']);
		sql('UPDATE offer SET operator_code = \'851\' WHERE id = 4');
		sql('UPDATE published_tariff SET tariff_ore = tariff_ore + 1 ' +
		    'WHERE year = 2023 AND offer_id = 3');
		assertKept('corrected');
		const l = await line(3);
		assert.equal(l.tariff_from_ore, Number(sql('SELECT tariff_ore ' +
		    'FROM published_tariff WHERE year = 2023 AND offer_id = 3')));
		/* The cost base follows the service line published from. */
		sql('UPDATE service_line SET base_ore = base_ore + 36500 ' +
		    'WHERE submission_id = (SELECT submission_id FROM ' +
		    'published_tariff WHERE year = 2023 AND offer_id = 3)');
		assertKept('service line');
		/* Deleting the newest version makes the one before current. */
		sql((ON_PG ? '' : 'PRAGMA foreign_keys = OFF; ') +
		    'DELETE FROM published_tariff ' +
		    'WHERE id = (SELECT max(id) FROM published_tariff ' +
		    'WHERE year = 2024 AND offer_id = 4)');
		assertKept('deleted');
		assert.equal((await line(4)).tariff_to_ore, Number(sql(
		    'SELECT tariff_ore FROM published_tariff WHERE year = 2024 ' +
		    'AND offer_id = 4 ORDER BY version DESC LIMIT 1')));
	});

	test('a harmonised group\'s one tariff counts once', async () => {
		/* Offers 2 and 4 share one § 107 tariff in 2024: it counts on
		   the first member (2); 4's line of 2023 has no match. */
		sql('INSERT INTO harmonised_tariff (id, name, from_year, ' +
		    'operator_code, created_at, created_by) SELECT 1, ' +
		    '\'Fælles takst\', 2024, operator_code, ' +
		    '\'2023-10-01T00:00:00Z\', \'test\' FROM offer WHERE id = 4');
		sql('UPDATE offer SET operator_code = (SELECT operator_code ' +
		    'FROM offer WHERE id = 4) WHERE id = 2');
		sql('UPDATE published_tariff SET harmonised_id = 1 WHERE ' +
		    'year = 2024 AND offer_id = 4 AND superseded_at IS NULL');
		sql('INSERT INTO published_tariff (offer_id, year, paragraph, ' +
		    'section, level, unit, version, tariff_ore, occupancy_bp, ' +
		    'places_centi, valid_from, valid_to, published_at, ' +
		    'published_by, harmonised_id) SELECT 2, year, paragraph, ' +
		    'section, level, unit, 1, tariff_ore, occupancy_bp, ' +
		    'places_centi, valid_from, valid_to, published_at, ' +
		    'published_by, 1 FROM published_tariff WHERE year = 2024 ' +
		    'AND offer_id = 4 ORDER BY version DESC LIMIT 1');
		assertKept('harmonised');
		const j = (await admin.get(`/api/v1/analyses/${id}`)).json;
		const kinds = Object.fromEntries(j.lines.map((l) =>
		    [`${l.offer_id} ${l.paragraph}`, l.kind]));
		assert.equal(kinds['2 SEL § 107'], 'new_offer');
		assert.equal(kinds['4 SEL § 107'], 'closed_offer');
		assert.equal(j.total.lines, 1);
		/* The yearly figures as the rule finds them in published_tariff
		   (the newest version, the group's first member only). */
		const rule = sql(`SELECT year, count(*), sum(places_centi),
		    sum(places_centi * tariff_ore) FROM published_tariff p
		    WHERE year BETWEEN 2023 AND 2024 AND superseded_at IS NULL
		    AND referred_before = '' AND NOT EXISTS (SELECT 1
		    FROM published_tariff q WHERE q.offer_id = p.offer_id
		    AND q.year = p.year AND q.paragraph = p.paragraph
		    AND q.level = p.level AND q.unit = p.unit
		    AND q.referred_from = p.referred_from
		    AND q.referred_before = '' AND q.superseded_at IS NULL
		    AND q.version > p.version) AND (p.harmonised_id IS NULL
		    OR NOT EXISTS (SELECT 1 FROM published_tariff h
		    WHERE h.harmonised_id = p.harmonised_id AND h.year = p.year
		    AND h.offer_id < p.offer_id AND h.paragraph = p.paragraph
		    AND h.level = p.level AND h.unit = p.unit
		    AND h.referred_from = p.referred_from
		    AND h.superseded_at IS NULL)) GROUP BY year ORDER BY year`);
		const page = (await admin.get(`/oekonomi/analyser/${id}`)).text;
		assert.match(page, /<svg/);
		const kept = sql(`SELECT y, sum(n), sum(pl), sum(x) FROM (
		    SELECT year AS y, nlines AS n, places_centi AS pl,
		    exp_centi_ore AS x FROM tariff_year_sum
		    WHERE year BETWEEN 2023 AND 2024
		    UNION ALL SELECT c.year, -1, -c.places_centi,
		    -c.places_centi * c.tariff_ore FROM tariff_current c
		    WHERE c.harmonised_id IS NOT NULL AND EXISTS (SELECT 1
		    FROM published_tariff h WHERE h.harmonised_id =
		    c.harmonised_id AND h.year = c.year
		    AND h.offer_id < c.offer_id AND h.paragraph = c.paragraph
		    AND h.level = c.level AND h.unit = c.unit
		    AND h.referred_from = c.referred_from
		    AND h.superseded_at IS NULL)) k GROUP BY y ORDER BY y`);
		assert.equal(kept, rule);
		assert.equal(rule.split('\n')[1].split('|')[1], '2');
	});

	test('an offer taken over from a date keeps its earlier years\' ' +
	    'operator', async () => {
		/* Offer 3 (operator 1081) has tariffs of 2022, 2023 and 2024;
		   851 takes it over from 1 March 2024. */
		publish(2022, 1, ['3;SEL § 108;;day;12;95;690000000;50000000;' +
		    '50000000']);
		const r = await postForm(admin, '/oekonomi/analyser', {
		    title: 'Før overtagelsen', from_year: '2022',
		    to_year: '2023', series: 'state_general_pl' });
		assert.equal(r.status, 303, r.text.slice(0, 300));
		const early = redirectId(r);
		const orgs = await admin.get('/api/v1/organisations');
		const name = Object.fromEntries((orgs.json.organisations ??
		    orgs.json).map((o) => [o.code, o.name]));
		assert.ok(name['1081'] && name['851']);
		const opOf = (y) => sql('SELECT operator_code FROM ' +
		    `tariff_current WHERE offer_id = 3 AND year = ${y}`);
		assert.deepEqual([opOf(2022), opOf(2023), opOf(2024)],
		    ['1081', '1081', '1081']);

		const ev = await postForm(admin, '/tilbud/3/haendelse', {
		    kind: 'overtaget', on_date: '2024-03-01', to_operator: '851',
		    note: 'Overtaget efter aftale', confirm: '1' });
		assert.equal(ev.status, 303, ev.text.slice(0, 400));
		assert.equal(sql('SELECT operator_code FROM offer WHERE id = 3'),
		    '851');
		assert.deepEqual([opOf(2022), opOf(2023), opOf(2024)],
		    ['1081', '1081', '851']);
		assertKept('taken over');

		/* The analysis of 2023 names the old operator, that of 2024
		   the new one (the to-year's operator groups a line). */
		const groups = async (a) => (await admin.get(
		    `/api/v1/analyses/${a}`)).json.by_operator.map((g) =>
		    [g.key, g.label]);
		assert.deepEqual(await groups(early),
		    [['1081', name['1081']]]);
		const page = (await admin.get(`/oekonomi/analyser/${early}`))
		    .text;
		const table = page.slice(page.indexOf('Pr. driftsherre'));
		const byOp = table.slice(0, table.indexOf('</table>'));
		assert.ok(byOp.includes(name['1081']), 'the old operator');
		assert.ok(!byOp.includes(name['851']), 'not the new one');
		assert.ok((await groups(id)).some(([k, l]) => k === '851' &&
		    l === name['851']));

		/* Filtered by operator, the offer is the new operator's one
		   continuing offer, and not the old one's at all. */
		const lines3 = async (op) => {
			const f = await postForm(admin, '/oekonomi/analyser', {
			    title: `Driftsherre ${op}`, from_year: '2023',
			    to_year: '2024', series: 'state_general_pl',
			    operator: op });
			if (f.status === 400 && /intet panel/.test(f.text))
				return [];	/* none of the operator's lines */
			assert.equal(f.status, 303, f.text.slice(0, 300));
			return (await admin.get(`/api/v1/analyses/${redirectId(f)}`))
			    .json.lines.filter((l) => l.offer_id === 3)
			    .map((l) => l.kind);
		};
		const taken = await lines3('851');
		assert.ok(taken.length > 0 && !taken.includes('new_offer'),
		    taken.join());
		assert.deepEqual(await lines3('1081'), []);

		/* The event's date moved into 2023 in SQL, then deleted: the
		   rows follow it. */
		sql('UPDATE offer_event SET on_date = \'2023-06-01\' ' +
		    'WHERE offer_id = 3');
		assert.deepEqual([opOf(2022), opOf(2023), opOf(2024)],
		    ['1081', '851', '851']);
		assertKept('event moved');
		assert.deepEqual(await groups(early), [['851', name['851']]]);
		sql('DELETE FROM offer_event WHERE offer_id = 3');
		assert.deepEqual([opOf(2022), opOf(2023), opOf(2024)],
		    ['851', '851', '851']);
		assertKept('event deleted');
	});
});
