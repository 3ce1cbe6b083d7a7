/*
 * cmd_user — `ramme user add`, `ramme user list`, and the second factor:
 * `ramme user totp` (enrol with a given key), `ramme user totp-reset` and
 * `ramme user totp-rekey` (seal every secret again with a new key file).
 */
#include <sodium.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/role.h"
#include "service/account.h"
#include "service/svc.h"
#include "service/twofactor.h"
#include "store/db.h"
#include "store/user_store.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/seal.h"

/* Read the first line of standard input into buf (without the newline). */
static int
read_password(char *buf, size_t n)
{
	size_t len;

	if (fgets(buf, (int)n, stdin) == NULL)
		return -1;
	len = strlen(buf);
	if (len > 0 && buf[len - 1] != '\n' && !feof(stdin))
		return -1;	/* longer than the buffer */
	while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
		buf[--len] = '\0';
	return 0;
}

static int
user_add(int argc, char **argv)
{
	static const char *const spec[] = { "--role=", "--org=",
	    "--display-name=", "--password-stdin", NULL };
	const char		*vals[4];
	struct cli_opts		 o;
	struct account_new	 n;
	struct db		*db;
	struct arena		 a;
	struct svc		 s;
	struct err		 e;
	char			 pw[1100];
	int64_t			 id;
	int			 rc;

	if ((rc = cli_parse(argc, argv, spec, vals, &o, "user add")) != 0)
		return rc;
	if (o.npos != 1 || vals[0] == NULL || vals[3] == NULL) {
		fprintf(stderr, "usage: ramme user add NAME --role ROLE "
		    "[--org CODE] --password-stdin [--db PATH]\n");
		return 2;
	}
	memset(&n, 0, sizeof(n));
	n.username = o.pos[0];
	if (role_parse(vals[0], &n.role) != 0) {
		fprintf(stderr, "ramme user add: unknown role '%s' (admin, "
		    "operator, authority, reader)\n", vals[0]);
		return 2;
	}
	n.org_code = vals[1];
	n.display_name = vals[2];
	if (read_password(pw, sizeof(pw)) != 0) {
		fprintf(stderr, "ramme user add: no password on standard "
		    "input (or longer than 1024 bytes)\n");
		return 2;
	}
	n.password = pw;
	if (cli_db_open(o.db, &db) != 0)
		return 1;
	arena_init(&a);
	svc_init(&s, db, &a, NULL, (int64_t)time(NULL));
	err_clear(&e);
	rc = account_user_add(&s, NULL, &n, &id, &e);
	sodium_memzero(pw, sizeof(pw));
	if (rc != 0) {
		cli_print_err(&e);
		rc = cli_exit_code(rc);
	} else
		printf("user %s (%s) created with id %lld\n", n.username,
		    role_name(n.role), (long long)id);
	arena_cleanup(&a);
	db_close(db);
	return rc;
}

static int
user_list(int argc, char **argv)
{
	struct cli_opts	 o;
	struct db	*db;
	struct arena	 a;
	struct svc	 s;
	struct err	 e;
	struct user	*u;
	int		 rc, n, i;

	if ((rc = cli_parse(argc, argv, NULL, NULL, &o, "user list")) != 0)
		return rc;
	if (cli_db_open(o.db, &db) != 0)
		return 1;
	arena_init(&a);
	svc_init(&s, db, &a, NULL, (int64_t)time(NULL));
	err_clear(&e);
	if ((rc = account_user_list(&s, &u, &n, &e)) != 0) {
		cli_print_err(&e);
		rc = 1;
	} else {
		for (i = 0; i < n; i++)
			printf("%lld\t%s\t%s\t%s\t%s\n", (long long)u[i].id,
			    u[i].username, role_name(u[i].role),
			    u[i].org_code ? u[i].org_code : "-",
			    u[i].active ? "active" : "inactive");
	}
	arena_cleanup(&a);
	db_close(db);
	return rc;
}

/* `user totp NAME --secret B32` and `user totp-reset NAME`. */
static int
user_totp(int argc, char **argv, bool reset)
{
	static const char *const spec[] = { "--key-file=", "--secret=",
	    NULL };
	const char		*vals[2];
	struct twofactor_codes	 c;
	struct seal_key		 key;
	struct cli_opts		 o;
	struct db		*db;
	struct arena		 a;
	struct svc		 s;
	struct err		 e;
	int			 rc, i;

	if ((rc = cli_parse(argc, argv, spec, vals, &o, reset ?
	    "user totp-reset" : "user totp")) != 0)
		return rc;
	if (o.npos != 1 || (!reset && vals[1] == NULL) ||
	    (reset && vals[1] != NULL)) {
		fprintf(stderr, reset ? "usage: ramme user totp-reset NAME "
		    "[--key-file FILE] [--db PATH]\n" : "usage: ramme user "
		    "totp NAME --secret BASE32 [--key-file FILE] "
		    "[--db PATH]\n");
		return 2;
	}
	if (cli_db_open(o.db, &db) != 0)
		return 1;
	arena_init(&a);
	svc_init(&s, db, &a, NULL, (int64_t)time(NULL));
	err_clear(&e);
	/* A reset needs no key: it is the way out when the key is lost. */
	if ((rc = cli_totp_key(&s, o.db, vals[0], &key, &e)) != 0 && reset) {
		cli_print_err(&e);
		err_clear(&e);
		rc = 0;
	}
	if (rc == 0)
		rc = reset ? twofactor_reset(&s, o.pos[0], &e) :
		    twofactor_set(&s, o.pos[0], vals[1], &c, &e);
	seal_key_wipe(&key);
	if (rc != 0) {
		cli_print_err(&e);
		rc = cli_exit_code(rc);
	} else if (reset)
		printf("second factor of %s removed\n", o.pos[0]);
	else {
		printf("second factor of %s enabled; recovery codes:\n",
		    o.pos[0]);
		for (i = 0; i < TWOFACTOR_CODES; i++)
			printf("%s\n", c.code[i]);
	}
	arena_cleanup(&a);
	db_close(db);
	return rc;
}

/*
 * The new key of `user totp-rekey` from path into nk: an existing file
 * is never overwritten, only used when it is a valid key file (made
 * beforehand, or by an earlier run); else a new one is made with mode
 * 0600 (*made set, so a failed rotation can remove it again).
 */
static int
rekey_new_key(const char *path, struct seal_key *nk, bool *made,
    struct err *e)
{
	int	rc;

	*made = false;
	if (access(path, F_OK) == 0)
		return seal_key_load(nk, path, e);
	if ((rc = seal_key_create(nk, path, e)) == 0)
		*made = true;
	return rc;
}

/* `user totp-rekey --key-file OLD --new-key-file NEW`. */
static int
user_totp_rekey(int argc, char **argv)
{
	static const char *const spec[] = { "--key-file=", "--new-key-file=",
	    NULL };
	const char	*vals[2], *oldpath;
	char		 def[4096], fold[SEAL_FINGERPRINT];
	char		 fnew[SEAL_FINGERPRINT];
	struct seal_key	 old, nk;
	struct cli_opts	 o;
	struct db	*db;
	struct arena	 a;
	struct svc	 s;
	struct err	 e;
	bool		 is_default, made = false;
	int		 rc, n = 0;

	if ((rc = cli_parse(argc, argv, spec, vals, &o,
	    "user totp-rekey")) != 0)
		return rc;
	if (o.npos != 0 || vals[1] == NULL || *vals[1] == '\0') {
		fprintf(stderr, "usage: ramme user totp-rekey [--key-file OLD] "
		    "--new-key-file NEW [--db PATH]\n");
		return 2;
	}
	oldpath = cli_key_path(o.db, vals[0], def, sizeof(def), &is_default);
	if (oldpath == NULL) {
		fprintf(stderr, "ramme: giv den nøglefil, serverne bruger nu, "
		    "med --key-file (eller RAMME_KEY_FILE)\n");
		return 2;
	}
	memset(&old, 0, sizeof(old));
	memset(&nk, 0, sizeof(nk));
	err_clear(&e);
	if ((rc = seal_key_load(&old, oldpath, &e)) != 0)
		return cli_fail(&e);
	if (cli_db_open(o.db, &db) != 0) {
		seal_key_wipe(&old);
		return 1;
	}
	arena_init(&a);
	svc_init(&s, db, &a, NULL, (int64_t)time(NULL));
	if ((rc = rekey_new_key(vals[1], &nk, &made, &e)) == 0) {
		s.key = &old;
		rc = twofactor_rekey(&s, &nk, &n, &e);
		s.key = NULL;
		if (rc != 0 && made)
			(void)unlink(vals[1]);
	}
	seal_key_fingerprint(&old, fold);
	seal_key_fingerprint(&nk, fnew);
	seal_key_wipe(&old);
	seal_key_wipe(&nk);
	arena_cleanup(&a);
	db_close(db);
	if (rc != 0)
		return cli_fail(&e);
	printf("second factor: %d secret(s) sealed again with %s "
	    "(key %s, was %s)%s\n", n, vals[1], fnew, fold,
	    made ? "; the key file was created with mode 0600" : "");
	printf("next:\n");
	if (is_default)
		printf("  1. the server reads the default key file %s:\n"
		    "     stop it, cp -p %s %s.%s (the old key),\n"
		    "     mv %s %s, and start it again\n", oldpath,
		    oldpath, oldpath, fold, vals[1], oldpath);
	else
		printf("  1. install %s on every server of this database as\n"
		    "     its --key-file (or RAMME_KEY_FILE) and restart each;\n"
		    "     until it restarts, a server refuses TOTP codes with\n"
		    "     503 (recovery codes still work)\n", vals[1]);
	printf("  2. keep the old key (%s) until every server runs with\n"
	    "     the new one, then delete it from the servers\n"
	    "  3. backups made before now open only with the old key: keep\n"
	    "     a copy of it (apart from them) for as long as they are kept\n",
	    fold);
	return 0;
}

int
cmd_user(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "totp-rekey") == 0)
		return user_totp_rekey(argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "totp") == 0)
		return user_totp(argc - 1, argv + 1, false);
	if (argc >= 2 && strcmp(argv[1], "totp-reset") == 0)
		return user_totp(argc - 1, argv + 1, true);
	if (argc >= 2 && strcmp(argv[1], "add") == 0)
		return user_add(argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "list") == 0)
		return user_list(argc - 1, argv + 1);
	fprintf(stderr, "usage: ramme user add|list|totp|totp-reset|"
	    "totp-rekey ... (see `ramme help "
	    "user`)\n");
	return 2;
}
