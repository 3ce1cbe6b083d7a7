/*
 * Bad input gets a clear error and changes nothing: every case checks the
 * status, error.code, a Danish message, and that a snapshot of the whole
 * database (offers, organisations, users) is the same before and after.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { PASSWORD, assertApiError, newOffer, rawRequest, startServer } from './harness.mjs';

let srv, admin, op851, op1081, reader, authority, anon;
let kompasset, tale;

before(async () => {
	srv = await startServer();
	[admin, op851, op1081, reader, authority] = await Promise.all(
	    ['admin', 'op851', 'op1081', 'reader', 'authority']
	    .map((u) => srv.login(u)));
	anon = srv.client();
	const all = (await anon.getJson('/api/v1/offers?limit=1000')).offers;
	kompasset = all.find((o) => o.name === 'Den Sikrede Institution Kompasset');
	tale = all.find((o) => o.name === 'Taleinstituttet');
	assert.ok(kompasset && tale);
});
after(async () => { await srv?.stop(); });

/*
 * Run send() and assert the error and an unchanged database. Returns the
 * error object.
 */
async function refused(send, status, code, opts = {}) {
	const before = await srv.dbSnapshot();
	const r = await send();
	const e = assertApiError(r, status, code, opts);
	assert.deepEqual(await srv.dbSnapshot(), before,
	    'the database changed after a refused request');
	return e;
}

const json = 'application/json';
/* POST raw bytes to /api/v1/offers as op851. */
const postRaw = (body, type = json, client = op851) =>
	client.request('POST', '/api/v1/offers',
	    { body, headers: { 'content-type': type } });

describe('malformed bodies', () => {
	test('truncated JSON → 400 invalid_json', () =>
		refused(() => postRaw('{"name": "Halvt'), 400, 'invalid_json',
		    { match: /Ugyldig JSON/ }));

	test('trailing garbage → 400 invalid_json', () =>
		refused(() => postRaw('{"name": "X"} {"name": "Y"}'), 400,
		    'invalid_json'));

	test('empty body → 400 invalid_json', () =>
		refused(() => postRaw(''), 400, 'invalid_json'));

	test('a JSON array, not an object → 400 invalid_json', () =>
		refused(() => postRaw(JSON.stringify([newOffer('851')])), 400,
		    'invalid_json', { match: /JSON-objekt/ }));

	test('duplicate keys → 400 invalid_json', () =>
		refused(() => postRaw('{"name": "A", "name": "B"}'), 400,
		    'invalid_json'));

	test('deeply nested JSON → 400 invalid_json (no crash)', () =>
		refused(() => postRaw('{"note":' + '['.repeat(100000) +
		    ']'.repeat(100000) + '}'), 400, 'invalid_json'));

	test('lone surrogate escape → 400 invalid_json', () =>
		refused(() => postRaw('{"name": "A\\ud800B"}'), 400,
		    'invalid_json'));

	for (const [what, bytes] of [
		['byte 0xFF', [0xff]],
		['overlong "/" (C0 AF)', [0xc0, 0xaf]],
		['UTF-16 surrogate (ED A0 80)', [0xed, 0xa0, 0x80]],
		['truncated sequence (C3)', [0xc3]],
		['Latin-1 "ø" (F8)', [0xf8]],
	])
		test(`invalid UTF-8 in a string: ${what} → 400 invalid_utf8`, () => {
			const body = Buffer.concat([
			    Buffer.from('{"name": "Bosted '),
			    Buffer.from(bytes),
			    Buffer.from('", "operator_code": "851"}')]);
			return refused(() => postRaw(body), 400, 'invalid_utf8',
			    { match: /UTF-8/ });
		});

	test('a NUL character (\\u0000) in the name → 400 invalid_json', () =>
		refused(() => op851.post('/api/v1/offers',
		    newOffer('851', { name: 'Bo\u0000sted' })), 400,
		    'invalid_json'));

	test('control characters / a newline in the name → 400', async () => {
		await refused(() => op851.post('/api/v1/offers',
		    newOffer('851', { name: 'Bo\u0007sted' })), 400,
		    'invalid_characters', { field: 'name' });
		await refused(() => op851.post('/api/v1/offers',
		    newOffer('851', { name: 'Bo\nsted' })), 400,
		    'invalid_characters', { field: 'name' });
	});

	test('body over 1 MiB with Content-Length → 413', () =>
		refused(async () => {
			const body = JSON.stringify(newOffer('851',
			    { note: 'x'.repeat(1024 * 1024 + 10) }));
			const r = await op851.request('POST', '/api/v1/offers',
			    { body, headers: { 'content-type': json } })
			    .catch((err) => ({ fetchError: err }));
			if (r.fetchError)
				assert.fail(`the connection failed instead of a 413: ${r.fetchError.cause ?? r.fetchError}`);
			return r;
		}, 413, 'body_too_large', { match: /for stor/ }));

	test('chunked body over 1 MiB (no Content-Length) → 413', () =>
		refused(async () => {
			const chunk = Buffer.alloc(64 * 1024, 0x61);
			const chunks = [Buffer.from('{"name":"x","note":"')];
			for (let i = 0; i < 20; i++)
				chunks.push(chunk);
			chunks.push(Buffer.from('"}'));
			const r = await rawRequest(srv.url, 'POST', '/api/v1/offers', {
				headers: { 'content-type': json,
				    'transfer-encoding': 'chunked',
				    cookie: op851.cookieHeader(),
				    'x-csrf-token': op851.csrf },
				chunks,
			});
			assert.ok(!r.error, `connection failed: ${r.error}`);
			r.headers = new Headers(r.headers);
			return r;
		}, 413, 'body_too_large'));

	test('chunked body far over the limit is cut off, not read to the end', async () => {
		const chunk = Buffer.alloc(256 * 1024, 0x61);
		const chunks = [Buffer.from('{"name":"x","note":"')];
		for (let i = 0; i < 64; i++)	/* 16 MiB */
			chunks.push(chunk);
		chunks.push(Buffer.from('"}'));
		/* Counts the chunks the client got to send. */
		let sent = 0;
		const counted = { *[Symbol.iterator]() {
			for (const c of chunks) {
				sent++;
				yield c;
			}
		} };
		const r = await rawRequest(srv.url, 'POST', '/api/v1/offers', {
			headers: { 'content-type': json,
			    'transfer-encoding': 'chunked',
			    cookie: op851.cookieHeader(),
			    'x-csrf-token': op851.csrf },
			chunks: counted,
		});
		/* Past 8 × the limit the server closes the connection without
		   an answer (src/http/server.c): a reset, never a timeout, and
		   before the client got to the end of the body. */
		assert.ok(r.error, `an answer instead of a closed connection: ${r.status}`);
		assert.ok(['ECONNRESET', 'EPIPE'].includes(r.error.code),
		    `not closed by the server: ${r.error.code} ${r.error}`);
		assert.ok(sent < chunks.length,
		    `the whole body was sent (${sent} of ${chunks.length} chunks)`);
	});

	test('the server still works after the big bodies', async () => {
		assert.equal((await anon.get('/healthz')).status, 200);
	});
});

describe('wrong content type', () => {
	for (const type of ['text/plain', 'application/x-www-form-urlencoded',
	    'multipart/form-data; boundary=x', 'application/jsonp', null])
		test(`Content-Type ${type} → 415`, () =>
			refused(() => op851.request('POST', '/api/v1/offers', {
				body: JSON.stringify(newOffer('851')),
				headers: { 'content-type': type },
			}), 415, 'unsupported_media_type',
			    { match: /application\/json/ }));

	test('application/json with a charset is accepted', async () => {
		const r = await op851.request('POST', '/api/v1/offers', {
			body: JSON.stringify(newOffer('851')),
			headers: { 'content-type': 'application/json; charset=utf-8' },
		});
		assert.equal(r.status, 201, r.text);
	});
});

describe('invalid fields', () => {
	const cases = [
		['name as a number', { name: 5 }, 'invalid_type', 'name'],
		['covered as a string', { covered: 'ja' }, 'invalid_type', 'covered'],
		['paragraphs as a string', { paragraphs: 'SEL § 107' }, 'invalid_type',
		    'paragraphs'],
		['paragraphs with a number', { paragraphs: [107] }, 'invalid_type',
		    'paragraphs'],
		['places as a list', { places: [12] }, 'invalid_type', 'places'],
		['places as a string', { places: { 2025: '12' } }, 'invalid_type',
		    'places'],
		['operator_code as a number', { operator_code: 851 }, 'invalid_type',
		    'operator_code'],
		['status as null', { status: null }, 'invalid_type', 'status'],
		['an unknown field', { colour: 'rød' }, 'unknown_field', 'colour'],
		['a misspelt field', { place: { 2025: 1 } }, 'unknown_field', 'place'],
		['negative places', { places: { 2025: -3 } }, 'invalid_places',
		    'places', /negativ/],
		['negative fractional places', { places: { 2025: -0.5 } },
		    'invalid_places', 'places', /negativ/],
		['absurd places (10,001)', { places: { 2025: 10001 } },
		    'invalid_places', 'places', /urimeligt/],
		['absurd places (1e9)', { places: { 2025: 1e9 } }, 'invalid_places',
		    'places'],
		['absurd places (2^62)', { places: { 2025: 4611686018427387904 } },
		    'invalid_places', 'places'],
		['three decimals', { places: { 2025: 1.234 } }, 'invalid_places',
		    'places', /decimal/],
		['year 1800', { places: { 1800: 5 } }, 'invalid_year', 'places'],
		['year "20x5"', { places: { '20x5': 5 } }, 'invalid_year', 'places'],
		['unknown municipality 999', { location_code: '999' },
		    'unknown_municipality', 'location_code', /kommunekode/],
		['a region as location', { location_code: '1081' },
		    'invalid_location_code', 'location_code'],
		['unknown kind', { kind: 'castle' }, 'invalid_kind', 'kind'],
		['unknown status', { status: 'open' }, 'invalid_status', 'status'],
		['an impossible date', { opened_on: '2025-02-30' }, 'invalid_date',
		    'opened_on'],
		['a Danish date format', { opened_on: '01-02-2025' },
		    'invalid_date', 'opened_on'],
		['status before opening', { opened_on: '2025-01-01',
		    status: 'closing', status_from: '2024-01-01' }, 'invalid_date',
		    'status_from'],
		['tilbudsportal_id with letters', { tilbudsportal_id: '12a' },
		    'invalid_tilbudsportal_id', 'tilbudsportal_id'],
		['an empty name', { name: '' }, 'missing_name', 'name'],
		['a name with leading space', { name: ' Bosted' }, 'invalid_name',
		    'name'],
		['a name of 201 characters', { name: 'Å'.repeat(201) }, 'too_long',
		    'name', /højst .*200 tegn/],
		['a name of 100,000 characters', { name: 'x'.repeat(100000) },
		    'too_long', 'name'],
		['a note of 2001 characters', { note: 'n'.repeat(2001) }, 'too_long',
		    'note'],
		['a paragraph of 201 characters', { paragraphs: ['§'.repeat(201)] },
		    'too_long', 'paragraphs'],
		['a category of 51 characters', { category: 'k'.repeat(51) },
		    'too_long', 'category'],
		['17 paragraphs', { paragraphs: Array.from({ length: 17 },
		    (_, i) => `SEL § ${i + 1}`) }, 'too_many_items', 'paragraphs'],
		['an empty paragraph', { paragraphs: [''] }, 'empty_paragraph',
		    'paragraphs'],
		['a duplicate paragraph', { paragraphs: ['SEL § 107', 'SEL § 107'] },
		    'duplicate_paragraph', 'paragraphs'],
		['61 years of places', { places: Object.fromEntries(Array.from(
		    { length: 61 }, (_, i) => [String(1980 + i), 1])) },
		    'too_many_years', 'places'],
	];
	for (const [what, fields, code, field, match] of cases)
		test(`${what} → 400 ${code}`, () =>
			refused(() => op851.post('/api/v1/offers',
			    newOffer('851', fields)), 400, code, { field, match }));

	test('unknown operator (as admin) → 400 unknown_operator', () =>
		refused(() => admin.post('/api/v1/offers',
		    newOffer('9999')), 400, 'unknown_operator',
		    { field: 'operator_code' }));

	test('duplicate offer (same name and operator) → 409', () =>
		refused(() => op1081.post('/api/v1/offers', newOffer('1081',
		    { name: kompasset.name, location_code: '810' })), 409,
		    'duplicate_offer', { field: 'name', match: /allerede/ }));

	test('duplicate offer differing only in case → 409', () =>
		refused(() => op1081.post('/api/v1/offers', newOffer('1081',
		    { name: kompasset.name.toUpperCase() })), 409,
		    'duplicate_offer'));

	test('renaming an offer onto another\'s name → 409', async () => {
		const a = await op1081.post('/api/v1/offers', newOffer('1081',
		    { name: 'Tilbud til omdøbning' }));
		assert.equal(a.status, 201, a.text);
		await refused(() => op1081.patch(`/api/v1/offers/${a.json.id}`,
		    { name: kompasset.name }, { headers: { 'if-match': '"1"' } }),
		    409, 'duplicate_offer');
	});

	test('PATCH with a bad field changes nothing', async () => {
		const etag = { headers: { 'if-match': `"${tale.version}"` } };
		await refused(() => op851.patch(`/api/v1/offers/${tale.id}`,
		    { places: { 2025: -1 } }, etag), 400, 'invalid_places');
		await refused(() => op851.patch(`/api/v1/offers/${tale.id}`,
		    { name: 'Nyt navn', colour: 'blå' }, etag), 400,
		    'unknown_field');
		await refused(() => op851.request('PATCH',
		    `/api/v1/offers/${tale.id}`, { body: '{"name": ',
		    headers: { ...etag.headers, 'content-type': json } }), 400,
		    'invalid_json');
	});

	test('stale ETag on DELETE → 412 and the offer stays', () =>
		refused(() => op851.del(`/api/v1/offers/${tale.id}`,
		    { headers: { 'if-match': `"${tale.version + 5}"` } }), 412,
		    'stale_version'));
});

describe('CSRF', () => {
	test('missing X-CSRF-Token → 403 csrf_failed', () =>
		refused(() => op851.post('/api/v1/offers', newOffer('851'),
		    { csrf: false }), 403, 'csrf_failed', { match: /CSRF/ }));

	test('a wrong X-CSRF-Token → 403', () =>
		refused(() => op851.post('/api/v1/offers', newOffer('851'),
		    { headers: { 'x-csrf-token': 'x'.repeat(43) } }), 403,
		    'csrf_failed'));

	test('another session\'s token → 403', () =>
		refused(() => op851.post('/api/v1/offers', newOffer('851'),
		    { headers: { 'x-csrf-token': admin.csrf } }), 403,
		    'csrf_failed'));

	test('a cross-site Origin → 403 even with the token', () =>
		refused(() => op851.post('/api/v1/offers', newOffer('851'),
		    { headers: { origin: 'https://evil.example' } }), 403,
		    'csrf_failed'));

	test('Sec-Fetch-Site: cross-site → 403 even with the token', () =>
		refused(() => op851.post('/api/v1/offers', newOffer('851'),
		    { headers: { 'sec-fetch-site': 'cross-site' } }), 403,
		    'csrf_failed'));

	test('the same Origin is accepted', async () => {
		const r = await op851.post('/api/v1/offers', newOffer('851'),
		    { headers: { origin: srv.url } });
		assert.equal(r.status, 201, r.text);
	});

	test('missing token on PATCH and DELETE → 403', async () => {
		const etag = { 'if-match': `"${tale.version}"` };
		await refused(() => op851.patch(`/api/v1/offers/${tale.id}`,
		    { note: 'x' }, { csrf: false, headers: etag }), 403,
		    'csrf_failed');
		await refused(() => op851.del(`/api/v1/offers/${tale.id}`,
		    { csrf: false, headers: etag }), 403, 'csrf_failed');
	});
});

describe('roles', () => {
	test('anonymous POST → 401 login_required', () =>
		refused(() => anon.post('/api/v1/offers', newOffer('851')), 401,
		    'login_required', { match: /logget ind/ }));

	test('reader POST → 403 forbidden', () =>
		refused(() => reader.post('/api/v1/offers', newOffer('851')), 403,
		    'forbidden'));

	test('authority POST → 403 forbidden', () =>
		refused(() => authority.post('/api/v1/offers', newOffer('810')),
		    403, 'forbidden'));

	test('op851 creating an offer for operator 1081 → 403', () =>
		refused(() => op851.post('/api/v1/offers', newOffer('1081')), 403,
		    'forbidden', { match: /egen organisation/ }));

	test('op851 creating an offer without operator → 403', () =>
		refused(() => op851.post('/api/v1/offers',
		    newOffer('851', { operator_code: null })), 403, 'forbidden'));

	test('op851 PATCH of a 1081 offer → 403', () =>
		refused(() => op851.patch(`/api/v1/offers/${kompasset.id}`,
		    { places: { 2012: 9 } },
		    { headers: { 'if-match': `"${kompasset.version}"` } }), 403,
		    'forbidden'));

	test('op851 taking over a 1081 offer (operator_code → 851) → 403', () =>
		refused(() => op851.patch(`/api/v1/offers/${kompasset.id}`,
		    { operator_code: '851' },
		    { headers: { 'if-match': `"${kompasset.version}"` } }), 403,
		    'forbidden'));

	test('op851 giving its own offer to 1081 → 403', () =>
		refused(() => op851.patch(`/api/v1/offers/${tale.id}`,
		    { operator_code: '1081' },
		    { headers: { 'if-match': `"${tale.version}"` } }), 403,
		    'forbidden'));

	test('op851 DELETE of a 1081 offer → 403', () =>
		refused(() => op851.del(`/api/v1/offers/${kompasset.id}`,
		    { headers: { 'if-match': `"${kompasset.version}"` } }), 403,
		    'forbidden'));

	test('reader PATCH and DELETE → 403', async () => {
		const etag = { headers: { 'if-match': `"${tale.version}"` } };
		await refused(() => reader.patch(`/api/v1/offers/${tale.id}`,
		    { note: 'x' }, etag), 403, 'forbidden');
		await refused(() => reader.del(`/api/v1/offers/${tale.id}`, etag),
		    403, 'forbidden');
	});

	test('reader creating a user → 403', () =>
		refused(() => reader.post('/api/v1/users', { username: 'mallory',
		    role: 'admin', password: PASSWORD }), 403,
		    'forbidden'));

	test('operator creating a user → 403', () =>
		refused(() => op851.post('/api/v1/users', { username: 'mallory',
		    role: 'admin', password: PASSWORD }), 403,
		    'forbidden'));
});

describe('bad user input (admin)', () => {
	const cases = [
		['a short password', { username: 'kort', role: 'reader',
		    password: 'abc123456' }, 400, 'password_too_short', 'password'],
		['a common password', { username: 'almindelig', role: 'reader',
		    password: 'password12' }, 400, 'password_common', 'password'],
		['a systematic password', { username: 'system', role: 'reader',
		    password: '1234567890' }, 400, 'password_common', 'password'],
		['the user name in the password', { username: 'hjoerring',
		    role: 'reader', password: 'hjoerring-kaffe-27' }, 400,
		    'password_personal', 'password'],
		['the site in the password', { username: 'siteord',
		    role: 'reader', password: 'Rammeaftale-2027!' }, 400,
		    'password_site_word', 'password'],
		['an unknown role', { username: 'rolle', role: 'king',
		    password: PASSWORD }, 400, 'invalid_role', 'role'],
		['an operator without org', { username: 'udenorg', role: 'operator',
		    password: PASSWORD }, 400, 'missing_org', 'org_code'],
		['an unknown org', { username: 'ukendtorg', role: 'operator',
		    org_code: '999', password: PASSWORD }, 400,
		    'unknown_organisation', 'org_code'],
		['an invalid user name', { username: 'Æble Mand', role: 'reader',
		    password: PASSWORD }, 400, 'invalid_username',
		    'username'],
		['an existing user name', { username: 'reader', role: 'reader',
		    password: PASSWORD }, 409, 'duplicate_user', 'username'],
		['an unknown field', { username: 'felt', role: 'reader',
		    password: PASSWORD, admin: true }, 400, 'invalid_user'],
	];
	for (const [what, body, status, code, field] of cases)
		test(`${what} → ${status} ${code}`, () =>
			refused(() => admin.post('/api/v1/users', body), status, code,
			    { field }));

	test('PATCH of a user without If-Match → 428', async () => {
		const u = (await admin.getJson('/api/v1/users')).users
		    .find((x) => x.username === 'reader');
		await refused(() => admin.patch(`/api/v1/users/${u.id}`,
		    { display_name: 'Læser' }), 428, 'if_match_required');
		await refused(() => admin.patch(`/api/v1/users/${u.id}`,
		    { display_name: 'Læser' },
		    { headers: { 'if-match': `"${u.version + 1}"` } }), 412,
		    'stale_version');
	});

	test('demoting the last admin → 409', async () => {
		const u = (await admin.getJson('/api/v1/users')).users
		    .find((x) => x.username === 'admin');
		await refused(() => admin.patch(`/api/v1/users/${u.id}`,
		    { role: 'reader' }, { headers: { 'if-match': `"${u.version}"` } }),
		    409, 'last_admin');
	});
});
