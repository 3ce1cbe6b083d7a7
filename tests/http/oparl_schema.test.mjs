/*
 * OParl output against the OParl 1.1 JSON schemas.
 *
 * The unit-test binary test_oparl writes sample objects built by
 * src/report/oparl.c (`test_oparl --write-samples DIR`: System, Body,
 * Organizations, Person, Membership, Location, LegislativeTerm, Meetings,
 * AgendaItem, File, lists and tombstones of every type); each is
 * validated here with ajv against /work/shared/oparl-1.1-schema (found
 * as ../shared/oparl-1.1-schema next to the repository).
 *
 * The schemas are loaded by oparl_ajv.mjs (embedded objects are
 * validated too).
 *
 * The binary comes from $RAMME_BIN (.../build/src/ramme):
 * .../build/tests/unit/test_oparl.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';

import {
	BIN, assertNoSanitizerReport, needs, tempDir,
} from './harness.mjs';
import { ajvSkipReason, assertValid, makeAjv, typeOf } from './oparl_ajv.mjs';

const TEST_BIN = path.join(path.dirname(path.dirname(BIN)), 'tests', 'unit',
    'test_oparl');
const BASE = 'https://ramme.example.dk/oparl/v1';

/* Words that occur only in the fixture's closed item and files. */
const CLOSED_MARKERS = ['ZEBRAFINK', 'QUOKKABAGGRUND', 'NARHVALINDSTILLING',
	'OKAPIREFERAT', 'TAPIRRESULTAT', 'ZQXW', 'LEMURFIL', 'ANTILOPEHEMMELIG',
	'BAVIANTIDLIGERE', 'GNUSEKTION'];

function skipReason() {
	if (!fs.existsSync(TEST_BIN))
		return `${TEST_BIN} not built (cmocka missing?)`;
	return ajvSkipReason();
}

/* Every "id" and "*Url"/url-valued field points into the API or a site. */
function assertIds(obj) {
	if (Array.isArray(obj)) {
		obj.forEach(assertIds);
		return;
	}
	if (obj === null || typeof obj !== 'object')
		return;
	if ('id' in obj && 'type' in obj)
		assert.ok(obj.id.startsWith(BASE), `id outside the API: ${obj.id}`);
	Object.values(obj).forEach(assertIds);
}

const reason = skipReason();

describe('OParl 1.1 schema validation of oparl.c output', { skip: needs(reason === null, reason) }, () => {
	let dir = null;
	let ajv = null;
	let files = [];

	after(() => {
		if (dir !== null)
			fs.rmSync(dir, { recursive: true, force: true });
	});

	test('test_oparl --write-samples writes the samples', () => {
		dir = tempDir('ramme-oparl-');
		const r = spawnSync(TEST_BIN, ['--write-samples', dir],
		    { encoding: 'utf8' });
		assertNoSanitizerReport(r.stderr ?? '', 'test_oparl');
		assert.equal(r.status, 0, `exit ${r.status}: ${r.stderr}`);
		files = fs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
		const types = new Set(files.filter((n) => !n.startsWith('list-') &&
		    !n.startsWith('deleted-')).map((n) =>
		    typeOf(JSON.parse(fs.readFileSync(path.join(dir, n), 'utf8')))));
		for (const t of ['System', 'Body', 'Organization', 'Person',
		    'Membership', 'Meeting', 'AgendaItem', 'File', 'Location',
		    'LegislativeTerm'])
			assert.ok(types.has(t), `no ${t} sample`);
		ajv = makeAjv();
	});

	test('the validator is not vacuous', () => {
		const meeting = JSON.parse(fs.readFileSync(path.join(dir,
		    'Meeting.json'), 'utf8'));
		assertValid(ajv, meeting, 'Meeting');
		const v = ajv.getSchema('Meeting.json');
		/* An embedded AgendaItem without its required order. */
		const broken = structuredClone(meeting);
		delete broken.agendaItem[0].order;
		assert.equal(v(broken), false, 'embedded objects are not checked');
		/* A start that is not a date-time. */
		assert.equal(v({ ...meeting, start: '6. oktober 2011' }), false);
		assert.equal(v({ ...meeting, type: 'Meeting' }), false);
		/* A File without accessUrl, embedded two levels down. */
		const noUrl = structuredClone(meeting);
		const item = noUrl.agendaItem.find((i) => i.auxiliaryFile);
		delete item.auxiliaryFile[0].accessUrl;
		assert.equal(v(noUrl), false);
	});

	test('every sample object validates', () => {
		let n = 0;
		for (const f of files.filter((x) => !x.startsWith('list-'))) {
			const obj = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
			assertValid(ajv, obj, f);
			assertIds(obj);
			if (f.startsWith('deleted-'))
				assert.equal(obj.deleted, true, f);
			n++;
		}
		assert.ok(n >= 20, `only ${n} samples`);
	});

	test('lists have data, pagination and links, and valid elements', () => {
		const lists = files.filter((x) => x.startsWith('list-'));
		assert.ok(lists.length >= 3);
		for (const f of lists) {
			const l = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
			assert.ok(Array.isArray(l.data), f);
			for (const k of ['totalElements', 'elementsPerPage',
			    'currentPage', 'totalPages'])
				assert.ok(Number.isInteger(l.pagination[k]), `${f}: ${k}`);
			assert.ok(l.pagination.currentPage <= l.pagination.totalPages);
			for (const k of ['first', 'last'])
				assert.match(l.links[k], /^https:\/\/.*[?&]page=\d+$/, f);
			if (l.pagination.currentPage > 1)
				assert.match(l.links.prev, /[?&]page=\d+$/);
			else
				assert.equal(l.links.prev, undefined);
			if (l.pagination.currentPage < l.pagination.totalPages)
				assert.match(l.links.next, /[?&]page=\d+$/);
			else
				assert.equal(l.links.next, undefined);
			for (const [i, obj] of l.data.entries())
				assertValid(ajv, obj, `${f} data[${i}]`);
		}
	});

	test('no sample carries anything of a closed item or file', () => {
		for (const f of files) {
			const text = fs.readFileSync(path.join(dir, f), 'utf8');
			for (const m of CLOSED_MARKERS)
				assert.ok(!text.includes(m), `${f} contains ${m}`);
		}
	});
});
