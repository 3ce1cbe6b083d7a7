/*
 * args — option parsing and shared helpers of the CLI (see cli.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "store/db.h"
#include "store/migrate.h"
#include "service/svc.h"
#include "service/twofactor.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/seal.h"

int
cli_parse(int argc, char **argv, const char *const *spec, const char **vals,
    struct cli_opts *o, const char *cmd)
{
	int	 i, k;
	size_t	 n;
	char	*eq;

	memset(o, 0, sizeof(*o));
	o->db = getenv("RAMME_DB");
	if (o->db == NULL || *o->db == '\0')
		o->db = "var/ramme.db";
	for (k = 0; spec != NULL && spec[k] != NULL; k++)
		vals[k] = NULL;
	for (i = 1; i < argc; i++) {
		if (strncmp(argv[i], "--", 2) != 0 || strcmp(argv[i], "--") == 0) {
			if (o->npos >= (int)(sizeof(o->pos) / sizeof(o->pos[0]))) {
				fprintf(stderr, "ramme %s: too many arguments\n",
				    cmd);
				return 2;
			}
			o->pos[o->npos++] = argv[i];
			continue;
		}
		eq = strchr(argv[i], '=');
		n = eq ? (size_t)(eq - argv[i]) : strlen(argv[i]);
		if (n == 4 && strncmp(argv[i], "--db", 4) == 0) {
			if (eq)
				o->db = eq + 1;
			else if (i + 1 < argc)
				o->db = argv[++i];
			else
				goto missing;
			continue;
		}
		for (k = 0; spec != NULL && spec[k] != NULL; k++) {
			size_t sl = strlen(spec[k]);
			int takes = spec[k][sl - 1] == '=';
			if (takes)
				sl--;
			if (sl != n || strncmp(argv[i], spec[k], n) != 0)
				continue;
			if (!takes) {
				if (eq) {
					fprintf(stderr, "ramme %s: %s takes no "
					    "value\n", cmd, spec[k]);
					return 2;
				}
				vals[k] = "1";
			} else if (eq)
				vals[k] = eq + 1;
			else if (i + 1 < argc)
				vals[k] = argv[++i];
			else
				goto missing;
			break;
		}
		if (spec == NULL || spec[k] == NULL) {
			fprintf(stderr, "ramme %s: unknown option %.*s (see "
			    "`ramme help %s`)\n", cmd, (int)n, argv[i], cmd);
			return 2;
		}
	}
	return 0;
missing:
	fprintf(stderr, "ramme %s: %s needs a value\n", cmd, argv[i]);
	return 2;
}

void
cli_print_err(const struct err *e)
{
	if (e->line > 0)
		fprintf(stderr, "ramme: linje %d: %s\n", e->line, e->msg);
	else
		fprintf(stderr, "ramme: %s\n", e->msg);
}

int
cli_exit_code(int code)
{
	switch (code) {
	case ERR_INVALID:
	case ERR_CONFLICT:
	case ERR_NOT_FOUND:
	case ERR_TOO_LARGE:
		return 2;
	default:
		return 1;
	}
}

int
cli_session_begin(const char *path, struct db **db, struct arena *a,
    struct svc *s)
{
	if (cli_db_open(path, db) != 0)
		return 1;
	arena_init(a);
	svc_init(s, *db, a, NULL, (int64_t)time(NULL));
	return 0;
}

void
cli_session_end(struct db *db, struct arena *a)
{
	arena_cleanup(a);
	db_close(db);
}

int
cli_fail(const struct err *e)
{
	cli_print_err(e);
	return cli_exit_code(e->code);
}

int
cli_db_open(const char *path, struct db **out)
{
	struct err	e;
	int		rc;

	err_clear(&e);
	if ((rc = db_open(out, path, &e)) != 0 ||
	    (rc = migrate_run(*out, NULL, &e)) != 0) {
		cli_print_err(&e);
		db_close(*out);
		*out = NULL;
		return 1;
	}
	return 0;
}

const char *
cli_key_path(const char *dbpath, const char *given, char *buf, size_t size,
    bool *is_default)
{
	const char	*path = given;

	*is_default = false;
	if (path == NULL || *path == '\0')
		path = getenv("RAMME_KEY_FILE");
	if (path != NULL && *path != '\0')
		return path;
	if (db_is_uri(dbpath) ||
	    (size_t)snprintf(buf, size, "%s.key", dbpath) >= size)
		return NULL;
	*is_default = true;
	return buf;
}

int
cli_totp_key(struct svc *s, const char *dbpath, const char *given,
    struct seal_key *key, struct err *e)
{
	char		 def[4096];
	const char	*path;
	bool		 any, is_default;
	int		 rc, n;

	s->key = NULL;
	path = cli_key_path(dbpath, given, def, sizeof(def), &is_default);
	if (path != NULL && is_default) {
		if (access(def, F_OK) != 0) {
			if ((rc = twofactor_any_sealed(s, &any, e)) != 0)
				return rc;
			if (any)
				return err_set(e, ERR_INVALID, "key_missing",
				    "key_file", "Nøglefilen %s mangler, men "
				    "databasen har forseglede nøgler til "
				    "to-trins-bekræftelse; giv den rigtige "
				    "med --key-file", def);
			rc = seal_key_create(key, def, e);
			if (rc == ERR_CONFLICT)		/* made meanwhile */
				rc = seal_key_load(key, def, e);
			else if (rc == 0)
				printf("key file %s created (mode 0600): keep "
				    "a copy apart from the database's "
				    "backups\n", def);
			if (rc != 0)
				return rc;
		} else if ((rc = seal_key_load(key, def, e)) != 0)
			return rc;
	} else if (path == NULL)
		return 0;
	else if ((rc = seal_key_load(key, path, e)) != 0)
		return rc;
	s->key = key;
	if ((rc = twofactor_seal_all(s, &n, e)) != 0) {
		s->key = NULL;
		seal_key_wipe(key);
		return rc;
	}
	if (n > 0)
		printf("second factor: %d secret(s) sealed with the key file\n",
		    n);
	return 0;
}
