/*
 * Browser test of a meeting's life: the secretariat creates a meeting,
 * adds an item and an attachment, publishes the agenda, writes the
 * minutes, circulates them, approves them at the next meeting, and the
 * public page shows the approved minutes, its minutes PDF (read back
 * with pdftotext) and the decision on the page for politicians. The
 * screenshot goes to test-results/browser-meeting.png. The pages must
 * run without console errors.
 *
 *   RAMME_BIN=$PWD/build/src/ramme node --test tests/browser/
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { spawnSync } from 'node:child_process';

import {
	PASSWORD, ROOT, have, needs, startServer, tempDir,
} from '../http/harness.mjs';
import { makePdf } from '../http/minipdf.mjs';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = fs.existsSync(CHROMIUM);
const SHOT = path.join(ROOT, 'test-results', 'browser-meeting.png');
const PDFTOTEXT = '/usr/bin/pdftotext';

/* The text of a PDF, through pdftotext. */
function pdfText(buf) {
	const dir = tempDir('ramme-browser-');
	try {
		const f = path.join(dir, 'referat.pdf');
		fs.writeFileSync(f, buf);
		const r = spawnSync(PDFTOTEXT, ['-enc', 'UTF-8', f, '-']);
		assert.equal(r.status, 0, `pdftotext: ${r.stderr}`);
		return r.stdout.toString('utf8');
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

let srv, browser;

before(async () => {
	if (!haveChromium)
		return;
	const { chromium } = await import('playwright-core');
	srv = await startServer();
	browser = await chromium.launch({
		executablePath: CHROMIUM,
		args: ['--headless=new', '--no-sandbox', '--disable-gpu',
		    '--disable-quic', '--no-first-run',
		    '--disable-background-networking',
		    '--disable-component-update', '--disable-sync'],
	});
});
after(async () => {
	await browser?.close();
	await srv?.stop();
});

async function newPage() {
	const ctx = await browser.newContext({ locale: 'da-DK' });
	const page = await ctx.newPage();
	page.setDefaultTimeout(10000);
	page.errors = [];
	page.on('console', (m) => {
		if (m.type() === 'error' &&
		    !/\/favicon\.ico$/.test(m.location().url ?? ''))
			page.errors.push(`${m.text()} (${m.location().url})`);
	});
	page.on('pageerror', (e) => page.errors.push(String(e)));
	return page;
}

async function login(page, username) {
	await page.goto(srv.url + '/login');
	await page.getByLabel('Brugernavn').fill(username);
	await page.getByLabel('Adgangskode').fill(PASSWORD);
	await Promise.all([
		page.waitForURL(srv.url + '/'),
		page.getByRole('button', { name: 'Log ind' }).click(),
	]);
}

/* Click a button and wait for the page it leads to. */
async function submit(page, name, url = /\?besked=/) {
	await Promise.all([
		page.waitForURL(url),
		page.getByRole('button', { name, exact: true }).click(),
	]);
}

/* Create a meeting of Socialdirektørkredsen at when; returns its id. */
async function createMeeting(page, when) {
	await page.goto(srv.url + '/moeder');
	await page.getByRole('link', { name: 'Nyt møde' }).click();
	await page.waitForURL(/\/moeder\/nyt$/);
	await page.getByLabel('Organ').selectOption(
	    { label: 'Socialdirektørkredsen (SOCDIR)' });
	await page.getByLabel('Starter').fill(when);
	await page.getByLabel('Sted').fill('Boulevarden 13, Aalborg');
	await page.getByLabel('Referent').fill('Thomas Gajhede Haugaard');
	await submit(page, 'Opret møde', /\/moeder\/\d+\?besked=oprettet$/);
	return Number(/\/moeder\/(\d+)/.exec(page.url())[1]);
}

describe('a meeting in the browser', { skip: needs(haveChromium, '/usr/bin/chromium') },
    () => {
	test('agenda, attachment, minutes, approval at the next meeting',
	    async () => {
		const page = await newPage();
		await login(page, 'admin');
		await page.getByRole('navigation', { name: 'Hovedmenu' })
		    .getByRole('link', { name: 'Møder' }).click();
		await page.waitForURL(/\/moeder$/);
		const id = await createMeeting(page, '2026-03-06T10:00');
		assert.equal((await page.locator('.alert-success').textContent()).trim(),
		    'Mødet er oprettet med standardpunkterne.');

		/* An item with Danish letters. */
		const add = page.locator('form', { has: page.getByRole('heading',
		    { name: 'Tilføj punkt' }) });
		await add.getByLabel('Titel').fill('Styringsaftalen 2027 – økonomi (HETH)');
		await add.getByLabel('Initialer').fill('HETH');
		await add.getByLabel('Sagsfremstilling').fill('Forretningsudvalget har ' +
		    'udarbejdet et udkast til styringsaftalen.');
		await add.getByLabel('Indstilling').fill('Det indstilles, at ' +
		    'udkastet godkendes.');
		await submit(page, 'Tilføj punkt');
		const items = await page.locator('article.item h3').allTextContents();
		assert.deepEqual(items, ['1. Godkendelse af dagsorden',
		    '2. Styringsaftalen 2027 – økonomi (HETH)', '3. Evt.',
		    '4. Næste møde']);

		/* An attachment on it. */
		await page.locator('#punkt-2').getByRole('link',
		    { name: 'Rediger punkt, referat og bilag' }).click();
		await page.waitForURL(/\/punkter\/\d+$/);
		const itemUrl = page.url();
		await page.getByLabel(/^Fil/).setInputFiles({ name: 'Bilag 1 ' +
		    'Styringsaftale.pdf', mimeType: 'application/pdf',
		    buffer: makePdf('Udkast til styringsaftale') });
		await page.getByLabel('Dok.nr.').fill('2026-1234');
		await submit(page, 'Tilføj bilag');
		assert.equal(await page.locator('form[action^="/bilag/"] ' +
		    'input[name=name]').inputValue(), 'Bilag 1 Styringsaftale');

		/* Publish, hold, write the minutes, circulate. */
		await page.goto(`${srv.url}/moeder/${id}`);
		await submit(page, 'Indkald og offentliggør dagsordenen',
		    /\/status$/);
		assert.match(await page.locator('h2#confirm-heading').textContent(),
		    /offentliggøre dagsordenen/);
		await submit(page, 'Indkald og offentliggør');
		assert.equal(await page.locator('#state').textContent(), 'Indkaldt');
		await submit(page, 'Marker som afholdt');
		await page.goto(itemUrl);
		await page.getByLabel('Referat og beslutning').fill('Kredsen ' +
		    'godkendte udkastet med en rettelse i afsnit 3.');
		await page.locator('select[name=result]').selectOption('godkendt');
		await submit(page, 'Gem referat');
		await page.goto(`${srv.url}/moeder/${id}`);
		assert.equal(await page.locator('#state').textContent(),
		    'Referat (udkast)');
		await submit(page, 'Udsend referatet til medlemmerne');

		/* The next meeting approves them. */
		const next = await createMeeting(page, '2026-05-06T10:00');
		assert.match(await page.locator('#punkt-2 h3').textContent(),
		    /Godkendelse af referat fra mødet den 6\. marts 2026/);
		await submit(page, 'Indkald og offentliggør dagsordenen',
		    /\/status$/);
		await submit(page, 'Indkald og offentliggør');
		await submit(page, 'Godkend referatet fra forrige møde',
		    /\/godkend$/);
		await submit(page, 'Godkend referatet');
		assert.equal((await page.locator('.alert-success').textContent()).trim(),
		    'Referatet er godkendt, låst og offentliggjort.');
		assert.deepEqual(page.errors, [], 'console errors on the pages');
		await page.context().close();

		/* The public page. */
		const pub = await newPage();
		await pub.goto(`${srv.url}/moeder/${id}`);
		assert.equal(await pub.locator('h1').textContent(),
		    'Møde i Socialdirektørkredsen');
		assert.match(await pub.locator('#state').textContent(),
		    /Referat godkendt den .* på næste møde/);
		const head = await pub.locator('.meeting-head dl').textContent();
		assert.match(head, /6\. marts 2026, kl\. 10\.00/);
		assert.match(head, /Boulevarden 13, Aalborg/);
		assert.match(head, /Thomas Gajhede Haugaard/);
		assert.match(head, /Ingen afbud/);
		const item = await pub.locator('#punkt-2').textContent();
		assert.match(item, /Det indstilles, at udkastet godkendes\./);
		assert.match(item, /Kredsen godkendte udkastet med en rettelse/);
		assert.match(item, /Beslutning: godkendt/);
		assert.match(item, /Bilag 1 Styringsaftale/);
		assert.equal(await pub.getByRole('link', { name: 'Rediger punkt, ' +
		    'referat og bilag' }).count(), 0);
		const file = await pub.getByRole('link',
		    { name: 'Bilag 1 Styringsaftale' }).getAttribute('href');
		const res = await pub.request.get(srv.url + file);
		assert.equal(res.status(), 200);
		assert.equal(res.headers()['content-type'], 'application/pdf');
		/* The public minutes as PDF, linked from the page. */
		const pdfHref = await pub.getByRole('link',
		    { name: 'Referat (PDF)' }).getAttribute('href');
		assert.equal(pdfHref, `/moeder/${id}/referat.pdf`);
		const pdf = await pub.request.get(srv.url + pdfHref);
		assert.equal(pdf.status(), 200);
		assert.equal(pdf.headers()['content-type'], 'application/pdf');
		const pdfBody = await pdf.body();
		assert.equal(pdfBody.subarray(0, 5).toString('latin1'), '%PDF-');
		if (have(fs.existsSync(PDFTOTEXT), 'pdftotext (poppler-utils)')) {
			const text = pdfText(pdfBody);
			/* The header rows this meeting has values for. */
			for (const label of ['Møde', 'Tid', 'Sted', 'Referent'])
				assert.match(text, new RegExp(`^\\s*${label}\\b`, 'm'),
				    `PDF header ${label}`);
			assert.match(text, /Boulevarden 13, Aalborg/);
			assert.match(text, /Thomas Gajhede Haugaard/);
			assert.match(text, /6\. marts 2026, kl\. 10\.00/);
			assert.match(text, /Styringsaftalen 2027 – økonomi \(HETH\)/);
			assert.match(text, /Kredsen godkendte udkastet med en rettelse/);
			assert.match(text, /Beslutning/);
			assert.match(text, /Side 1 af \d+/);
			assert.doesNotMatch(text, /– udkast/);
		}
		/* The decision is on the page for politicians. */
		await pub.getByRole('navigation', { name: 'Hovedmenu' })
		    .getByRole('link', { name: 'Politikere' }).click();
		await pub.waitForURL(/\/politikere$/);
		assert.match(await pub.locator('section[aria-labelledby=beslutninger]')
		    .textContent(), /Kredsen godkendte udkastet med en rettelse/);
		await pub.goto(`${srv.url}/moeder/${id}`);
		await pub.getByRole('link', { name: 'næste møde' }).click();
		await pub.waitForURL(new RegExp(`/moeder/${next}$`));
		await pub.goto(`${srv.url}/moeder/${id}`);
		fs.mkdirSync(path.dirname(SHOT), { recursive: true });
		await pub.screenshot({ path: SHOT, fullPage: true });
		assert.deepEqual(pub.errors, [], 'console errors on the public page');
		await pub.context().close();
	});
});
