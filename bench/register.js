/*
 * bench/register.js — the generated national register the benchmark
 * scripts share (a fixed seed, so every run measures the same data):
 *
 *   generateRegister(dir, { offers, operators })
 *       98 municipalities (3-digit codes), 5 regions (4-digit codes) and
 *       `offers` offers, written as DIR/organisations.csv and
 *       DIR/offers.csv for `ramme import`; returns {orgFile, offerFile,
 *       operators}. Without `operators` an offer is run by its
 *       municipality or (30 %) a region. With `operators` N, private
 *       operators (8-digit CVR numbers) are added until there are N
 *       organisations, and offer i is run by operator i mod N, so each
 *       owns offers/N of them; `operators` lists their codes.
 *   generateLines(ids, lines)
 *       `lines` valid service lines per offer id (occupancy 95-98 %, no
 *       warning that asks for a reason), as rows of LINE_COLS.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');


function rng(seed) {
	return () => {
		seed |= 0;
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const REGIONS = [
	['1081', 'Region Nordjylland'], ['1082', 'Region Midtjylland'],
	['1083', 'Region Syddanmark'], ['1084', 'Region Hovedstaden'],
	['1085', 'Region Sjælland'],
];
const TOWNS = ['Ålborg', 'Brønderslev', 'Hjørring', 'Frederikshavn', 'Thisted',
    'Skive', 'Viborg', 'Randers', 'Århus', 'Horsens', 'Vejle', 'Kolding',
    'Esbjerg', 'Odense', 'Svendborg', 'Næstved', 'Køge', 'Roskilde'];
const WORDS = ['Bostedet', 'Botilbuddet', 'Center for', 'Skolen ved',
    'Aflastningshuset', 'Dagtilbuddet', 'Hjemmet', 'Værestedet'];
const PLACES = ['Æblehaven', 'Søbakken', 'Kærgården', 'Østerled', 'Bøgely',
    'Fjordglimt', 'Lærkereden', 'Skovbrynet', 'Engen', 'Møllehuset'];
/* No secure institutions: their lines are held to the year's assumed
 * occupancy (90 %), and the lines here are 95-98 % without a reason. */
const KINDS = ['residential', 'day', 'outpatient', 'residential',
    'special_education', 'respite'];
const PARAGRAPHS = ['SEL § 67', 'SEL § 85', 'SEL § 103', 'SEL § 104',
    'SEL § 107', 'SEL § 108', 'Barnets lov § 32', 'Folkeskoleloven § 20'];
const LEVELS = ['niveau 1', 'niveau 2', 'niveau 3', 'niveau 4', 'niveau 5'];
const UNITS = ['day', 'day', 'day', 'month', 'year'];
const GROUPS = ['Voksne med erhvervet hjerneskade',
    'Børn og unge med autisme', 'Voksne med sindslidelse'];

const csvCell = (v) => /[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
const csvLine = (cells) => cells.map((c) => csvCell(String(c ?? ''))).join(';');

function generateRegister(dir, opt) {
	const rand = rng(20261123);
	const pick = (a) => a[Math.floor(rand() * a.length)];
	const kommuner = [];
	for (let i = 0; i < 98; i++) {
		const code = String(101 + i * 9);
		kommuner.push([code, `${pick(TOWNS)} Kommune ${code}`]);
	}
	const orgs = [csvLine(['code', 'name', 'kind', 'pop_2025'])];
	for (const [code, name] of REGIONS)
		orgs.push(csvLine([code, name, 'region', 1000000]));
	for (const [code, name] of kommuner)
		orgs.push(csvLine([code, name, 'kommune',
		    20000 + Math.floor(rand() * 300000)]));
	/* The operators of a load: every organisation, then private ones. */
	const operators = [];
	if (opt.operators) {
		for (const [code] of [...REGIONS, ...kommuner])
			operators.push(code);
		for (let k = 0; operators.length < opt.operators; k++) {
			const code = String(30000000 + k * 1237);
			orgs.push(csvLine([code, `${pick(WORDS)} ${pick(PLACES)} ` +
			    `ApS ${k + 1}`, 'private', '']));
			operators.push(code);
		}
		operators.length = opt.operators;
	}
	const offers = [csvLine(['name', 'operator_code', 'location_code', 'kind',
	    'paragraphs', 'target_groups', 'covered', 'status', 'places_2030'])];
	for (let i = 1; i <= opt.offers; i++) {
		const loc = pick(kommuner)[0];
		let op = rand() < 0.3 ? pick(REGIONS)[0] : loc;
		if (opt.operators)
			op = operators[(i - 1) % opt.operators];
		offers.push(csvLine([`${pick(WORDS)} ${pick(PLACES)} ${i}`, op, loc,
		    pick(KINDS), pick(PARAGRAPHS), pick(GROUPS), 'ja', 'active',
		    String(4 + Math.floor(rand() * 40))]));
	}
	const orgFile = path.join(dir, 'organisations.csv');
	const offerFile = path.join(dir, 'offers.csv');
	fs.writeFileSync(orgFile, '\ufeff' + orgs.join('\r\n') + '\r\n');
	fs.writeFileSync(offerFile, '\ufeff' + offers.join('\r\n') + '\r\n');
	return { orgFile, offerFile, operators };
}

const LINE_COLS = ['offer_id', 'paragraph', 'level', 'unit', 'places',
    'occupancy_pct', 'wages_ore', 'property_ore', 'other_ore',
    'overhead_ore', 'capital_ore', 'pension_ore', 'income_ore'];

/* --lines lines per offer, valid and without warnings that ask for a
 * reason (occupancy 95–98 %, no history, no carry-over). */
function generateLines(ids, lines) {
	const rand = rng(4242);
	const rows = [];
	for (const id of ids) {
		const par = PARAGRAPHS[id % PARAGRAPHS.length];
		for (let k = 0; k < lines; k++) {
			const places = 4 + Math.floor(rand() * 40);
			const wages = places * (55000000 + Math.floor(rand() * 30000000));
			rows.push([id, par, LEVELS[k % LEVELS.length],
			    UNITS[k % UNITS.length], places,
			    (95 + rand() * 3).toFixed(2), wages,
			    Math.floor(wages * 0.1), Math.floor(wages * 0.12),
			    Math.floor(wages * 0.05), Math.floor(wages * 0.03), 0,
			    Math.floor(wages * 0.02)]);
		}
	}
	return rows;
}


module.exports = { rng, csvLine, generateRegister, generateLines, LINE_COLS,
    PARAGRAPHS };
