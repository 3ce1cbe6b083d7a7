/*
 * bench/pg-cluster.js — a throwaway PostgreSQL cluster for the benchmark
 * scripts (what scripts/test-pg does for the tests, as a module):
 *
 *   const pg = require('./pg-cluster.js');
 *   const c = pg.start(dir);      // null when no PostgreSQL server is installed
 *   c.createdb('x'); c.url('x');  // postgresql://postgres@/x?host=SOCK&port=PORT
 *   c.psql('x', 'SELECT 1');      // the output of one statement, unaligned
 *   c.stop();                     // also done on process exit
 *
 * initdb + pg_ctl under DIR/pg (as the postgres user when run as root,
 * since initdb refuses root), only a Unix socket (no TCP) in DIR/pg/sock,
 * a free port; fsync off as in the tests — the figures measure ramme's
 * statements and round trips, not the disk. max_connections 250, so two
 * servers with their pools and the scripts' own psql fit.
 */
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

function pgBin() {
	let bin = null;
	const base = '/usr/lib/postgresql';
	if (!fs.existsSync(base))
		return null;
	for (const v of fs.readdirSync(base).sort((a, b) => a - b)) {
		const d = path.join(base, v, 'bin');
		if (fs.existsSync(path.join(d, 'initdb')))
			bin = d;
	}
	return bin;
}

const root = process.getuid && process.getuid() === 0;
const q = (s) => `'${String(s).replace(/'/g, "'\\''")}'`;

/* Run a shell command line, as the postgres user when root. */
function asPg(cmd, timeout = 120000) {
	const r = root ?
	    spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', cmd],
		{ encoding: 'utf8', timeout }) :
	    spawnSync('sh', ['-c', cmd], { encoding: 'utf8', timeout });
	return r;
}

function start(dir, opts = {}) {
	const bin = pgBin();
	if (!bin)
		return null;
	const base = path.join(dir, 'pg');
	const data = path.join(base, 'data');
	const sock = path.join(base, 'sock');
	const log = path.join(base, 'server.log');
	fs.mkdirSync(sock, { recursive: true });
	if (root) {
		/* The postgres user must reach the directory. */
		fs.chmodSync(dir, 0o755);
		spawnSync('chown', ['-R', 'postgres', base]);
	}
	let r = asPg(`${q(bin + '/initdb')} -D ${q(data)} -U postgres -A trust ` +
	    '-E UTF8 --locale=C.UTF-8');
	if (r.status !== 0)
		throw new Error(`initdb failed: ${r.stderr}${r.stdout}`);
	const maxConn = opts.maxConnections || 250;
	let port = null;
	for (let t = 1; t <= 5 && port === null; t++) {
		const p = 56000 + (process.pid + t * 97) % 900;
		if (fs.existsSync(`/var/run/postgresql/.s.PGSQL.${p}`) ||
		    fs.existsSync(`/tmp/.s.PGSQL.${p}`))
			continue;
		r = asPg(`${q(bin + '/pg_ctl')} -D ${q(data)} -w -t 60 -l ${q(log)} ` +
		    `-o "-p ${p} -k '${sock}' -c listen_addresses= -c fsync=off ` +
		    '-c synchronous_commit=off -c full_page_writes=off ' +
		    `-c max_connections=${maxConn}" start`);
		if (r.status === 0)
			port = p;
	}
	if (port === null) {
		let tail = '';
		try { tail = fs.readFileSync(log, 'utf8').slice(-2000); } catch { }
		throw new Error(`the PostgreSQL server did not start: ${tail}`);
	}
	let stopped = false;
	const c = {
		bin, sock, port,
		version: spawnSync(path.join(bin, 'postgres'), ['--version'],
		    { encoding: 'utf8' }).stdout.trim(),
		url: (db) => `postgresql://postgres@/${db}?host=${sock}&port=${port}`,
		psql(db, sql) {
			const p = spawnSync(path.join(bin, 'psql'), ['-X', '-q',
			    '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-h', sock, '-p',
			    String(port), '-U', 'postgres', '-d', db, '-c', sql],
			    { encoding: 'utf8', timeout: 120000,
			    maxBuffer: 64 << 20 });
			if (p.status !== 0)
				throw new Error(`psql ${db}: ${sql}: ${p.stderr}`);
			return p.stdout;
		},
		createdb(db, template) {
			c.psql('postgres', `CREATE DATABASE ${db}` +
			    (template ? ` TEMPLATE ${template}` : ''));
		},
		dropdb(db) {
			c.psql('postgres', `DROP DATABASE IF EXISTS ${db}`);
		},
		stop() {
			if (stopped)
				return;
			stopped = true;
			asPg(`${q(bin + '/pg_ctl')} -D ${q(data)} -m immediate -w stop`,
			    60000);
		},
	};
	process.on('exit', () => c.stop());
	return c;
}

module.exports = { start, pgBin };
