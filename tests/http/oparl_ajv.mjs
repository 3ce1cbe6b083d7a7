/*
 * oparl_ajv — the OParl 1.1 JSON schemas (/work/shared/oparl-1.1-schema,
 * found as ../shared/oparl-1.1-schema next to the repository) loaded
 * into ajv, shared by the tests that validate OParl output.
 *
 * The schemas are draft-04 style without ids: they are registered under
 * their file names, and their custom keyword "schema" ("this embedded
 * object is a File.json") is implemented so embedded objects — a
 * Meeting's agendaItem, an item's auxiliaryFile, a Person's membership —
 * are validated too. Their other custom keywords (references,
 * backreference, cardinality) are annotations and ignored. ajv and
 * ajv-formats come from tests/browser/node_modules.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { ROOT } from './harness.mjs';

export const SCHEMA_DIR = path.resolve(ROOT, '../shared/oparl-1.1-schema');
const MODULES = path.join(ROOT, 'tests', 'browser', 'node_modules');
const TYPE_RE = /^https:\/\/schema\.oparl\.org\/1\.1\/(\w+)$/;

/* Why the schema tests cannot run here, or null. */
export function ajvSkipReason() {
	if (!fs.existsSync(SCHEMA_DIR))
		return `OParl schemas not found at ${SCHEMA_DIR}`;
	if (!fs.existsSync(path.join(MODULES, 'ajv')) ||
	    !fs.existsSync(path.join(MODULES, 'ajv-formats')))
		return `ajv / ajv-formats not installed in ${MODULES}`;
	return null;
}

/* Remove draft markers ajv 8 does not know. */
function strip(node) {
	if (Array.isArray(node))
		return node.map(strip);
	if (node === null || typeof node !== 'object')
		return node;
	const out = {};
	for (const [k, v] of Object.entries(node))
		if (k !== '$schema' && k !== 'id')
			out[k] = k === 'properties' ? stripProps(v) : strip(v);
	return out;
}

/* Inside "properties" the keys are property names, "id" included. */
function stripProps(props) {
	const out = {};
	for (const [k, v] of Object.entries(props))
		out[k] = strip(v);
	return out;
}

/* An ajv instance with every OParl schema registered as "<Type>.json". */
export function makeAjv() {
	const require = createRequire(path.join(MODULES, 'noop.js'));
	const AjvMod = require('ajv');
	const Ajv = AjvMod.default ?? AjvMod;
	const fmtMod = require('ajv-formats');
	const addFormats = fmtMod.default ?? fmtMod;
	/* The schemas' patterns escape ':' and '/', which the u flag rejects. */
	const ajv = new Ajv({ strict: false, allErrors: true,
	    unicodeRegExp: false });
	addFormats(ajv);
	ajv.addKeyword({
		keyword: 'schema',
		schemaType: 'string',
		errors: true,
		validate: function embedded(name, data) {
			if (data === null || typeof data !== 'object' ||
			    Array.isArray(data))
				return true;	/* "type" reports that */
			const v = ajv.getSchema(name);
			if (v === undefined)
				throw new Error(`unknown schema ${name}`);
			const ok = v(data);
			embedded.errors = ok ? null : v.errors.map((e) =>
			    ({ ...e, message: `${name}: ${e.message}` }));
			return ok;
		},
	});
	for (const f of fs.readdirSync(SCHEMA_DIR).filter((n) => n.endsWith('.json')))
		ajv.addSchema(strip(JSON.parse(fs.readFileSync(
		    path.join(SCHEMA_DIR, f), 'utf8'))), f);
	return ajv;
}

/* The OParl type name of obj ("Meeting"); fails the test if it has none. */
export function typeOf(obj) {
	const m = TYPE_RE.exec(obj?.type ?? '');
	assert.ok(m, `no OParl type: ${JSON.stringify(obj).slice(0, 200)}`);
	return m[1];
}

/* Assert that obj validates against the schema of its type. */
export function assertValid(ajv, obj, what) {
	const type = typeOf(obj);
	const v = ajv.getSchema(`${type}.json`);
	assert.ok(v, `no schema for ${type}`);
	const ok = v(obj);
	assert.ok(ok, `${what} (${type}) invalid:\n` +
	    JSON.stringify(v.errors, null, 2) + '\n' +
	    JSON.stringify(obj, null, 2).slice(0, 3000));
}
