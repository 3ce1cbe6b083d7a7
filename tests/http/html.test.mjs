/*
 * The HTML pages: the offers list and its filters, escaping of what users
 * typed, the login form and its anonymous CSRF token, forms of logged-in
 * users, security headers, and the export downloads.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { PASSWORD, newOffer, rawRequest, startServer } from './harness.mjs';

let srv, anon;
before(async () => {
	srv = await startServer();
	anon = srv.client();
});
after(async () => { await srv?.stop(); });

const XSS = '<script>alert(1)</script>';
/* A page without the frame's own scripts (/static/…, never inline). */
const own = (t) => t.replace(/<script defer src="\/static\/[^"]+"><\/script>/g, '');

/* The value of the hidden csrf_token field of a page. */
function csrfField(html) {
	const m = /<input type="hidden" name="csrf_token" value="([^"]+)"/.exec(html);
	assert.ok(m, 'no csrf_token field on the page');
	return m[1];
}

/* GET an HTML page; assert 200 and the security headers. */
async function page(client, p, status = 200) {
	const r = await client.get(p);
	assert.equal(r.status, status, `GET ${p}: ${r.status}\n${r.text.slice(0, 500)}`);
	assert.match(r.headers.get('content-type'), /^text\/html; charset=utf-8/);
	return r;
}

/* Log in through the login form; returns the client. */
async function formLogin(username, password = PASSWORD, next) {
	const c = srv.client();
	const f = await page(c, '/login');
	const form = { csrf_token: csrfField(f.text), username, password };
	if (next !== undefined)
		form.next = next;
	const r = await c.request('POST', '/login', { form });
	assert.equal(r.status, 303, `login ${username}: ${r.text.slice(0, 300)}`);
	/* Pages take their CSRF token from the session from now on. */
	c.csrf = csrfField((await page(c, '/tilbud')).text);
	return { c, r };
}

describe('security headers', () => {
	for (const p of ['/', '/tilbud', '/login', '/organisationer', '/nope'])
		test(`${p} has CSP, nosniff and frame protection`, async () => {
			const r = await anon.get(p);
			assert.match(r.headers.get('content-type'), /^text\/html/);
			const csp = r.headers.get('content-security-policy');
			assert.ok(csp, 'no Content-Security-Policy');
			assert.match(csp, /default-src 'self'/);
			assert.match(csp, /script-src 'self'/);
			assert.doesNotMatch(csp, /unsafe-inline/);
			assert.match(csp, /frame-ancestors 'none'/);
			assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
			assert.equal(r.headers.get('x-frame-options'), 'DENY');
		});

	test('pages of logged-in users are not cached', async () => {
		const { c } = await formLogin('reader');
		const r = await c.get('/tilbud');
		assert.equal(r.headers.get('cache-control'), 'no-store');
	});

	test('the JSON API has nosniff too', async () => {
		const r = await anon.get('/api/v1/offers?limit=1');
		assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
	});
});

describe('pages', () => {
	test('the public outputs answer on a register without meetings',
	    async () => {
		assert.match((await page(anon, '/politikere')).text, /Politikere/);
		for (const p of ['/kalender.ics', '/referater.rss', '/oparl/v1',
		    '/api/v1/tariffs/reduction?year=2012', '/takster/reduktion'])
			assert.equal((await anon.get(p)).status, 200, p);
	});

	test('the main menu follows the role', async () => {
		const nav = (t) => /<nav class="nav" aria-label="Hovedmenu">(.*?)<\/nav>/s.exec(t)[1];
		const pub = nav((await page(anon, '/tilbud')).text);
		for (const l of ['Tilbud', 'Takster', 'Møder', 'Søg', 'Politikere'])
			assert.match(pub, new RegExp(`>${l}</span></a>`));
		for (const l of ['Indberetning', 'Regnskab', 'Brugere'])
			assert.doesNotMatch(pub, new RegExp(`>${l}</span></a>`));
		const op = await srv.login('op851');
		const opNav = nav((await page(op, '/takstindberetning')).text);
		assert.match(opNav, /<a class="nav-link" href="\/takstindberetning" aria-current="page"><span>Indberetning<\/span><\/a>/);
		assert.match(opNav, />Regnskab<\/span><\/a>/);
		assert.doesNotMatch(opNav, />Brugere<\/span><\/a>/);
		assert.match(nav((await page(anon, '/soeg')).text),
		    /aria-current="page"><span>Søg</);
	});

	test('front page counts offers and organisations', async () => {
		const r = await page(anon, '/');
		assert.match(r.text, /<html lang="da">/);
		assert.match(r.text, /18 tilbud/);
		assert.match(r.text, /12 organisationer/);
	});

	test('/tilbud lists the demo offers, Kompasset among them', async () => {
		const r = await page(anon, '/tilbud');
		assert.match(r.text, /Den Sikrede Institution Kompasset/);
		assert.match(r.text, /Neurocenter Østerskoven/);
		assert.match(r.text, /<p id="count">18 tilbud<\/p>/);
		assert.doesNotMatch(r.text, /Opret tilbud/,
		    'anonymous users are not offered "Opret tilbud"');
	});

	test('/tilbud?operator=851 shows only Aalborg\'s offers', async () => {
		const r = await page(anon, '/tilbud?operator=851');
		assert.match(r.text, /Taleinstituttet/);
		assert.match(r.text, /Børnehus Nord/);
		assert.doesNotMatch(r.text, /Kompasset/);
		assert.match(r.text, /<option value="851" selected>/);
	});

	test('/tilbud?q= searches names', async () => {
		const r = await page(anon, '/tilbud?q=kompas');
		assert.match(r.text, /Kompasset/);
		assert.match(r.text, /<p id="count">1 tilbud<\/p>/);
	});

	test('/tilbud with a bad filter shows the error on the page', async () => {
		const r = await page(anon, '/tilbud?kind=castle');
		assert.match(r.text, /class="alert alert-error"/);
		assert.match(r.text, /Ukendt tilbudstype/);
	});

	test('/tilbud with an unknown parameter → a Danish error', async () => {
		const r = await page(anon, '/tilbud?foo=1');
		assert.match(r.text, /Ukendt parameter/);
	});

	test('an offer\'s page shows its places by year', async () => {
		const l = await anon.getJson('/api/v1/offers?q=kompasset');
		const r = await page(anon, `/tilbud/${l.offers[0].id}`);
		assert.match(r.text, /<h1>Den Sikrede Institution Kompasset<\/h1>/);
		assert.match(r.text, /Region Nordjylland/);
		assert.match(r.text, /Brønderslev/);
		assert.match(r.text, /<td data-title="År">2012<\/td><td data-title="Pladser" class="num">8<\/td>/);
		assert.doesNotMatch(r.text, /Historik/,
		    'history is for logged-in users');
	});

	test('unknown offer → 404 page in Danish', async () => {
		const r = await page(anon, '/tilbud/999999', 404);
		assert.match(r.text, /findes ikke/);
	});

	test('/organisationer lists codes and populations', async () => {
		const r = await page(anon, '/organisationer');
		assert.match(r.text, /<a href="\/tilbud\?operator=851">Aalborg<\/a><\/td>/);
		assert.match(r.text, /data-title="Kode" class="num">851<\/td>/);
		assert.match(r.text, /data-title="Indbyggere 2020" class="num">217\.075<\/td>/);
		assert.match(r.text, /Region Nordjylland/);
	});

	test('style sheet', async () => {
		const r = await anon.get('/static/style.css');
		assert.equal(r.status, 200);
		assert.match(r.headers.get('content-type'), /^text\/css/);
		assert.ok(r.body.length > 100);
		assert.equal(r.headers.get('cache-control'), 'public, max-age=3600');
	});

	test('the style sheet is cacheable for logged-in users too', async () => {
		const c = await srv.login('reader');
		const r = await c.get('/static/style.css');
		assert.equal(r.status, 200);
		/* One policy, not "no-store, public, max-age=3600". */
		assert.equal(r.headers.get('cache-control'), 'public, max-age=3600');
	});

	test('an over-long URL is refused and the server lives on', async () => {
		const r = await rawRequest(srv.url, 'GET',
		    '/tilbud?q=' + 'a'.repeat(70000));
		assert.ok(!r.error, String(r.error));
		assert.equal(r.status, 414);
		assert.equal((await anon.get('/healthz')).status, 200);
	});

	test('pages that need a login redirect anonymous users to /login',
	    async () => {
		for (const p of ['/tilbud/nyt', '/brugere', '/tilbud/import']) {
			const r = await anon.get(p);
			assert.equal(r.status, 303, p);
			assert.equal(r.headers.get('location'),
			    `/login?next=${encodeURIComponent(p)}`);
		}
	});
});

describe('escaping', () => {
	let id;
	before(async () => {
		const admin = await srv.login('admin');
		const r = await admin.post('/api/v1/offers', newOffer('851', {
			name: XSS,
			paragraphs: ['"><img src=x onerror=alert(2)>'],
			target_groups: ['<b>fed</b> & \'citat\''],
			note: '</textarea><script>alert(3)</script>',
			category: '" autofocus onfocus="alert(4)',
		}));
		assert.equal(r.status, 201, r.text);
		id = r.json.id;
	});

	test('the list shows a script name escaped, never raw', async () => {
		const r = await page(anon, '/tilbud');
		assert.ok(r.text.includes('&lt;script&gt;alert(1)&lt;/script&gt;'),
		    'escaped name missing');
		assert.ok(!r.text.includes(XSS), 'raw <script> in the list');
		assert.ok(!r.text.includes('<img src=x'), 'raw <img> in the list');
		assert.ok(!/<script/i.test(own(r.text)), 'a <script> tag on the page');
	});

	test('the offer page escapes every field', async () => {
		const r = await page(anon, `/tilbud/${id}`);
		assert.ok(r.text.includes(`<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>`));
		assert.ok(r.text.includes('<title>&lt;script&gt;'));
		assert.ok(r.text.includes('&lt;b&gt;fed&lt;/b&gt; &amp; &#39;citat&#39;'));
		assert.ok(!/<script|<img|<b>|onfocus="/i.test(own(r.text)),
		    'unescaped markup on the offer page');
	});

	test('the edit form escapes values in attributes and textareas',
	    async () => {
		const { c } = await formLogin('admin');
		const r = await page(c, `/tilbud/${id}/rediger`);
		assert.ok(r.text.includes('value="&lt;script&gt;alert(1)&lt;/script&gt;"'));
		assert.ok(r.text.includes('value="&quot; autofocus onfocus=&quot;alert(4)"'));
		assert.ok(r.text.includes('&lt;/textarea&gt;&lt;script&gt;alert(3)'));
		assert.ok(!/<script|<img|onfocus="/i.test(own(r.text)),
		    'unescaped markup in the form');
	});

	test('the search box echoes the query escaped', async () => {
		const r = await page(anon, '/tilbud?q=' +
		    encodeURIComponent('"><script>alert(5)</script>'));
		assert.ok(r.text.includes('value="&quot;&gt;&lt;script&gt;alert(5)'));
		assert.ok(!/<script/i.test(own(r.text)));
	});

	test('the login page escapes the next parameter', async () => {
		const r = await page(anon, '/login?next=' +
		    encodeURIComponent('/x"><script>alert(6)</script>'));
		assert.ok(!/<script/i.test(own(r.text)));
	});
});

describe('login form', () => {
	test('the form carries a CSRF token that matches its cookie', async () => {
		const c = srv.client();
		const r = await page(c, '/login');
		const tok = csrfField(r.text);
		const cookie = r.cookies.find((x) => x.name === 'ramme_csrf');
		assert.ok(cookie, 'no ramme_csrf cookie');
		assert.equal(cookie.value, tok);
		assert.equal(cookie.attrs.httponly, true);
		assert.match(r.text, /name="username"/);
		assert.match(r.text, /type="password"[^>]* name="password"/);
		assert.match(r.text, /Brugernavn/);
		assert.match(r.text, /Adgangskode/);
	});

	test('logging in with the token → 303 to the start page and a session',
	    async () => {
		const { c, r } = await formLogin('op851');
		assert.equal(r.headers.get('location'), '/');
		const s = r.cookies.find((x) => x.name === 'ramme_session');
		assert.ok(s, 'no session cookie');
		assert.equal(s.attrs.httponly, true);
		assert.equal(s.attrs.samesite, 'Lax');
		const t = await page(c, '/tilbud');
		assert.match(t.text, /<p class="user">op851, Driftsherre, Aalborg<\/p>/);
		assert.match(t.text, /Opret tilbud/);
	});

	test('next= sends the user on, but only to local paths', async () => {
		assert.equal((await formLogin('reader', PASSWORD, '/organisationer'))
		    .r.headers.get('location'), '/organisationer');
		for (const evil of ['//evil.example/', 'https://evil.example/',
		    '/\\evil.example', 'javascript:alert(1)',
		    /* Browsers drop tabs and newlines and read "\\" as "/". */
		    '/\t/evil.example/x', '/\n/evil.example', '/ /evil.example',
		    '/x\\..\\/evil.example', '/\r/evil.example'])
			assert.equal((await formLogin('reader', PASSWORD, evil))
			    .r.headers.get('location'), '/', evil);
		/* An own path with a query stays as it is. */
		assert.equal((await formLogin('reader', PASSWORD,
		    '/tilbud?q=b%C3%B8rn&side=2')).r.headers.get('location'),
		    '/tilbud?q=b%C3%B8rn&side=2');
	});

	test('posting the form without csrf_token → 403, no session',
	    async () => {
		const c = srv.client();
		await page(c, '/login');
		const r = await c.request('POST', '/login',
		    { form: { username: 'reader', password: PASSWORD } });
		assert.equal(r.status, 403, r.text.slice(0, 300));
		assert.match(r.text, /CSRF/);
		assert.ok(!r.cookies.some((x) => x.name === 'ramme_session'));
	});

	test('a token that does not match the cookie → 403', async () => {
		const c = srv.client();
		await page(c, '/login');
		const r = await c.request('POST', '/login', { form: {
			csrf_token: 'x'.repeat(43), username: 'reader',
			password: PASSWORD } });
		assert.equal(r.status, 403);
		/* And a token without its cookie. */
		const d = srv.client();
		const f = await page(d, '/login');
		const r2 = await d.request('POST', '/login', { cookies: false,
		    form: { csrf_token: csrfField(f.text), username: 'reader',
		    password: PASSWORD } });
		assert.equal(r2.status, 403);
	});

	test('a wrong password shows the form again with a Danish error',
	    async () => {
		const c = srv.client();
		const f = await page(c, '/login');
		const r = await c.request('POST', '/login', { form: {
			csrf_token: csrfField(f.text), username: 'reader',
			password: 'not-the-password' } });
		assert.equal(r.status, 401);
		assert.match(r.text, /Forkert brugernavn eller adgangskode/);
		assert.match(r.text, /value="reader"/);
		assert.ok(!r.text.includes('not-the-password'),
		    'the password must not be echoed');
	});

	test('logout through the form ends the session', async () => {
		const { c } = await formLogin('reader');
		const token = c.jar.get('ramme_session');
		const r = await c.request('POST', '/logout',
		    { form: { csrf_token: c.csrf } });
		assert.equal(r.status, 303);
		const old = srv.client();
		old.jar.set('ramme_session', token);
		assert.equal((await old.get('/api/v1/session')).status, 401);
	});
});

describe('forms of logged-in users', () => {
	test('op851 creates an offer through /tilbud/nyt', async () => {
		const { c } = await formLogin('op851');
		const f = await page(c, '/tilbud/nyt');
		for (const name of ['name', 'operator_code', 'location_code', 'kind',
		    'paragraphs', 'places_year_0', 'places_0', 'status'])
			assert.match(f.text, new RegExp(`name="${name}"`), name);
		/* An operator can only pick its own organisation. */
		const sel = /<select[^>]* name="operator_code"[^>]*>(.*?)<\/select>/s.exec(f.text);
		assert.ok(sel, 'no operator select');
		assert.deepEqual([...sel[1].matchAll(/value="([^"]*)"/g)]
		    .map((m) => m[1]), ['851']);
		const r = await c.request('POST', '/tilbud/nyt', { form: {
			csrf_token: csrfField(f.text), name: 'Formularhuset Ågården',
			operator_code: '851', location_code: '851', kind: 'residential',
			paragraphs: 'SEL § 107\r\nSEL § 108', places_year_0: '2025',
			places_0: '12,5', status: 'active',
		} });
		assert.equal(r.status, 303, r.text.slice(0, 500));
		const m = /^\/tilbud\/(\d+)\?besked=oprettet$/.exec(r.headers.get('location'));
		assert.ok(m, r.headers.get('location'));
		const v = await page(c, r.headers.get('location'));
		assert.match(v.text, /Tilbuddet er oprettet\./);
		assert.match(v.text, /Formularhuset Ågården/);
		const o = await anon.getJson(`/api/v1/offers/${m[1]}`);
		assert.deepEqual(o.paragraphs, ['SEL § 107', 'SEL § 108']);
		assert.deepEqual(o.places, { 2025: 12.5 });
		assert.match(v.text, /Historik/);
		assert.match(v.text, /op851/);
	});

	test('the form without its CSRF token → 403, nothing created',
	    async () => {
		const before = await srv.dbSnapshot();
		const { c } = await formLogin('op851');
		const r = await c.request('POST', '/tilbud/nyt', { form: {
			name: 'Uden token', operator_code: '851', status: 'active' } });
		assert.equal(r.status, 403);
		assert.deepEqual(await srv.dbSnapshot(), before);
	});

	test('a bad form shows the form again with the error, nothing created',
	    async () => {
		const before = await srv.dbSnapshot();
		const { c } = await formLogin('op851');
		const r = await c.request('POST', '/tilbud/nyt', { form: {
			csrf_token: c.csrf, name: 'Negativt bosted', operator_code: '851',
			places_year_0: '2025', places_0: '-4', status: 'active' } });
		assert.equal(r.status, 400, r.text.slice(0, 300));
		/* The error summary links to the field, which shows it too. */
		assert.match(r.text, /class="alert alert-error error-summary"/);
		assert.match(r.text, /<a class="function-link" href="#places">/);
		assert.match(r.text, /id="places"/);
		assert.match(r.text, /value="Negativt bosted"/, 'the input is kept');
		assert.deepEqual(await srv.dbSnapshot(), before);
	});

	test('edit and delete through the forms, with the version guard',
	    async () => {
		const { c } = await formLogin('op851');
		const made = await c.post('/api/v1/offers', newOffer('851',
		    { name: 'Redigeres i formularen' }));
		assert.equal(made.status, 201, made.text);
		const id = made.json.id;
		const f = await page(c, `/tilbud/${id}/rediger`);
		assert.match(f.text, /<input type="hidden" name="version" value="1">/);
		const form = {
			csrf_token: csrfField(f.text), version: '1',
			name: 'Redigeret i formularen', operator_code: '851',
			location_code: '851', kind: 'residential',
			paragraphs: 'SEL § 107', places_year_0: '2024',
			places_0: '10', places_year_1: '2025', places_1: '11,25',
			status: 'active',
		};
		const r = await c.request('POST', `/tilbud/${id}/rediger`, { form });
		assert.equal(r.status, 303, r.text.slice(0, 300));
		assert.equal(r.headers.get('location'), `/tilbud/${id}?besked=gemt`);
		const v = await page(c, r.headers.get('location'));
		assert.match(v.text, /Ændringerne er gemt\./);
		const o = await anon.getJson(`/api/v1/offers/${id}`);
		assert.equal(o.name, 'Redigeret i formularen');
		assert.deepEqual(o.places, { 2024: 10, 2025: 11.25 });
		assert.equal(o.version, 2);

		/* The same form again (version 1) is stale: 412, no change. */
		const before = await srv.dbSnapshot();
		const stale = await c.request('POST', `/tilbud/${id}/rediger`,
		    { form: { ...form, name: 'Overskrevet' } });
		assert.equal(stale.status, 412, stale.text.slice(0, 300));
		assert.match(stale.text, /ændret af en anden/);
		assert.deepEqual(await srv.dbSnapshot(), before);

		/* Delete asks first: a confirmation page that re-posts the
		   form with confirm=1, and nothing deleted yet. */
		const ask = await c.request('POST', `/tilbud/${id}/slet`,
		    { form: { csrf_token: form.csrf_token, version: '2' } });
		assert.equal(ask.status, 200);
		assert.match(ask.text, /Vil du slette tilbuddet\?/);
		assert.match(ask.text, /<input type="hidden" name="version" value="2">/);
		assert.match(ask.text, /<input type="hidden" name="confirm" value="1">/);
		assert.match(ask.text, /Fortryd/);
		assert.equal((await anon.get(`/api/v1/offers/${id}`)).status, 200);
		/* Delete with a stale version fails; with the right one works. */
		const old = await c.request('POST', `/tilbud/${id}/slet`,
		    { form: { csrf_token: form.csrf_token, version: '1',
		    confirm: '1' } });
		assert.equal(old.status, 412);
		const del = await c.request('POST', `/tilbud/${id}/slet`,
		    { form: { csrf_token: form.csrf_token, version: '2',
		    confirm: '1' } });
		assert.equal(del.status, 303);
		assert.equal(del.headers.get('location'), '/tilbud?besked=slettet');
		assert.match((await page(c, '/tilbud?besked=slettet')).text,
		    /Tilbuddet er slettet\./);
		assert.equal((await anon.get(`/api/v1/offers/${id}`)).status, 404);
	});

	test('admin imports a CSV through /tilbud/import; errors save nothing',
	    async () => {
		const { c } = await formLogin('admin');
		const f = await page(c, '/tilbud/import');
		const upload = (csv) => {
			const fd = new FormData();
			fd.append('csrf_token', csrfField(f.text));
			fd.append('file', new Blob([csv], { type: 'text/csv' }),
			    'tilbud.csv');
			return c.request('POST', '/tilbud/import', { body: fd });
		};
		const before = await srv.dbSnapshot();
		const bad = await upload('name;operator_code;location_code;places_2025\r\n' +
		    'Godt;851;851;3\r\nDårligt;851;999;-1\r\n');
		assert.equal(bad.status, 400, bad.text.slice(0, 300));
		assert.match(bad.text, /intet er gemt/);
		assert.match(bad.text, /<td>3<\/td>/, 'the bad line is listed');
		assert.deepEqual(await srv.dbSnapshot(), before);
		const good = await upload('\ufeffname;operator_code;location_code;places_2025\r\n' +
		    'Importeret via web;851;851;3,5\r\n');
		assert.equal(good.status, 200, good.text.slice(0, 300));
		assert.match(good.text, /1 oprettet, 0 ændret, 0 uændret/);
		const l = await anon.getJson('/api/v1/offers?q=importeret');
		assert.deepEqual(l.offers.map((o) => o.places), [{ 2025: 3.5 }]);
	});

	test('op851 may not open the edit form of a 1081 offer', async () => {
		const { c } = await formLogin('op851');
		const k = (await anon.getJson('/api/v1/offers?q=kompasset')).offers[0];
		const r = await c.get(`/tilbud/${k.id}/rediger`);
		assert.equal(r.status, 403);
		const v = await page(c, `/tilbud/${k.id}`);
		assert.doesNotMatch(v.text, />Rediger</);
	});

	test('a reader sees no "Opret tilbud" and gets 403 on the form',
	    async () => {
		const { c } = await formLogin('reader');
		const l = await page(c, '/tilbud');
		assert.doesNotMatch(l.text, /Opret tilbud/);
		const r = await c.get('/tilbud/nyt');
		assert.equal(r.status, 403);
		assert.match(r.text, /Ingen adgang/);
	});

	test('admin sees /brugere; a reader does not', async () => {
		const { c } = await formLogin('admin');
		const b = await page(c, '/brugere');
		assert.match(b.text, /<h1>Brugere<\/h1>/);
		assert.match(b.text, /op1081/);
		const t = await page(c, '/tilbud');
		assert.match(t.text, /href="\/brugere"/);
		const { c: rd } = await formLogin('reader');
		assert.equal((await rd.get('/brugere')).status, 403);
		assert.doesNotMatch((await page(rd, '/tilbud')).text,
		    /href="\/brugere"/);
	});
});

describe('export downloads', () => {
	test('CSV: text/csv, BOM, semicolons, an attachment', async () => {
		const r = await anon.get('/tilbud/eksport?format=csv');
		assert.equal(r.status, 200, r.text.slice(0, 300));
		assert.match(r.headers.get('content-type'), /^text\/csv; charset=utf-8/);
		assert.match(r.headers.get('content-disposition'),
		    /^attachment; filename="tilbud\.csv"/);
		assert.deepEqual([...r.body.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
		const lines = r.text.slice(1).split(/\r?\n/).filter((l) => l);
		assert.match(lines[0], /;/);
		assert.ok(lines.length >= 19, `${lines.length} lines`);
		assert.match(r.text, /Den Sikrede Institution Kompasset/);
		assert.match(r.text, /Neurocenter Østerskoven/);
	});

	test('JSON: the offers as in the API', async () => {
		const r = await anon.get('/tilbud/eksport?format=json');
		assert.equal(r.status, 200);
		assert.match(r.headers.get('content-type'), /^application\/json/);
		assert.match(r.headers.get('content-disposition'),
		    /filename="tilbud\.json"/);
		const api = await anon.getJson('/api/v1/offers?limit=1000&sort=id');
		const byId = (a) => [...a].sort((x, y) => x.id - y.id);
		assert.deepEqual(byId(r.json.offers), byId(api.offers));
	});

	test('XLSX: a zip (PK) with the spreadsheet type', async () => {
		const r = await anon.get('/tilbud/eksport?format=xlsx');
		assert.equal(r.status, 200);
		assert.equal(r.headers.get('content-type'),
		    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
		assert.match(r.headers.get('content-disposition'),
		    /filename="tilbud\.xlsx"/);
		assert.equal(r.body.subarray(0, 2).toString('latin1'), 'PK');
		assert.ok(r.body.includes(Buffer.from('xl/worksheets/')),
		    'no worksheet in the zip');
	});

	test('for people (visning=oversigt): Danish headers and names, linked from /tilbud',
	    async () => {
		const page = await anon.get('/tilbud');
		assert.match(page.text,
		    /href="\/tilbud\/eksport\?format=xlsx&amp;visning=oversigt"/);
		assert.match(page.text,
		    /href="\/tilbud\/eksport\?format=csv&amp;visning=oversigt"/);
		const r = await anon.get('/tilbud/eksport?format=csv&visning=oversigt');
		assert.equal(r.status, 200, r.text.slice(0, 300));
		assert.match(r.headers.get('content-disposition'),
		    /filename="tilbudsoversigt\.csv"/);
		assert.match(r.text, /^\ufeffTilbud nr\.;Tilbud;Driftsherre;Beliggenhedskommune;/);
		assert.match(r.text, /Den Sikrede Institution Kompasset;Region Nordjylland;Brønderslev;Sikret institution;/);
		const x = await anon.get('/tilbud/eksport?format=xlsx&visning=oversigt');
		assert.equal(x.status, 200);
		assert.match(x.headers.get('content-disposition'),
		    /filename="tilbudsoversigt\.xlsx"/);
		for (const q of ['?format=json&visning=oversigt',
		    '?format=csv&visning=x'])
			assert.equal((await anon.get(`/tilbud/eksport${q}`)).status, 400, q);
	});

	test('an unknown or missing format → 400', async () => {
		for (const q of ['?format=pdf', '', '?format=csv&x=1']) {
			const r = await anon.get(`/tilbud/eksport${q}`);
			assert.equal(r.status, 400, q);
			assert.match(r.headers.get('content-type'), /^text\/html/);
		}
	});
});
