/*
 * cmd_serve — `ramme serve`: run the HTTP server until SIGTERM/SIGINT,
 * and `ramme routes`: print the route table as the API reference.
 */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "http/router.h"
#include "http/server.h"
#include "core/notice.h"
#include "service/mailer.h"
#include "service/retention.h"
#include "service/svc.h"
#include "store/db.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/log.h"
#include "util/seal.h"
#include "util/text.h"

/* "50M", "512K", "1G" or bytes into *out; 0 or -1. */
static int
size_parse(const char *s, size_t *out)
{
	unsigned long long	 v;
	char			*end;
	unsigned		 shift = 0;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno != 0)
		return -1;
	if (*end == 'K' || *end == 'k')
		shift = 10;
	else if (*end == 'M' || *end == 'm')
		shift = 20;
	else if (*end == 'G' || *end == 'g')
		shift = 30;
	if (shift != 0)
		end++;
	if (*end != '\0' || v > (SIZE_MAX >> 30))
		return -1;
	*out = (size_t)v << shift;
	return 0;
}

/* An integer option from lo to hi into *out; 0 or -1. */
static int
int_opt(const char *s, long lo, long hi, long *out)
{
	char *end;

	errno = 0;
	*out = strtol(s, &end, 10);
	return errno != 0 || end == s || *end != '\0' || *out < lo ||
	    *out > hi ? -1 : 0;
}

/*
 * The mail options (serve --smtp, --smtp-user, --smtp-password-file,
 * --smtp-from, --smtp-timeout, --smtp-backoff) into mc; vals[0..5] in that
 * order. The password is read from its file into pw (its first line).
 * 0, or 2 after a message.
 */
static int
mail_opts(const char **vals, const char *site_email, struct mailer_config *mc,
    char *pw, size_t pwsize)
{
	FILE	*f;
	long	 v;
	size_t	 n;

	mc->smtp_url = vals[0];
	if (vals[0] != NULL && strncmp(vals[0], "smtp://", 7) != 0 &&
	    strncmp(vals[0], "smtps://", 8) != 0) {
		fprintf(stderr, "ramme serve: --smtp must be smtp://HOST[:PORT] "
		    "or smtps://HOST[:PORT]\n");
		return 2;
	}
	if ((vals[1] != NULL) != (vals[2] != NULL)) {
		fprintf(stderr, "ramme serve: --smtp-user and "
		    "--smtp-password-file go together\n");
		return 2;
	}
	if (vals[1] != NULL) {
		if ((f = fopen(vals[2], "r")) == NULL) {
			fprintf(stderr, "ramme serve: cannot read %s: %s\n",
			    vals[2], strerror(errno));
			return 2;
		}
		if (fgets(pw, (int)pwsize, f) == NULL)
			pw[0] = '\0';
		fclose(f);
		n = strcspn(pw, "\r\n");
		pw[n] = '\0';
		mc->user = vals[1];
		mc->password = pw;
	}
	mc->from_addr = vals[3] != NULL ? vals[3] : site_email;
	if (notice_email_check(mc->from_addr, NULL) != 0) {
		fprintf(stderr, "ramme serve: --smtp-from must be an e-mail "
		    "address\n");
		return 2;
	}
	if (vals[4] != NULL) {
		if (int_opt(vals[4], 1, 600, &v) != 0) {
			fprintf(stderr, "ramme serve: --smtp-timeout must be "
			    "1-600 seconds\n");
			return 2;
		}
		mc->timeout = (int)v;
	}
	if (vals[5] != NULL) {
		if (int_opt(vals[5], 1, 86400, &v) != 0) {
			fprintf(stderr, "ramme serve: --smtp-backoff must be "
			    "1-86400 seconds\n");
			return 2;
		}
		mc->backoff = v;
	}
	return 0;
}

int
cmd_serve(int argc, char **argv)
{
	static const char *const spec[] = { "--listen=", "--port=",
	    "--threads=", "--secure-cookies", "--public-url=", "--site-name=",
	    "--org-name=", "--contact-email=", "--a11y-tested=",
	    "--max-upload=", "--trusted-proxy=", "--max-conn-per-ip=",
	    "--timeout=", "--log-format=", "--smtp=", "--smtp-user=",
	    "--smtp-password-file=", "--smtp-from=", "--smtp-timeout=",
	    "--smtp-backoff=", "--key-file=", NULL };
	const char		*vals[21];
	char			 public_url[300], site_url[300], pw[512];
	struct cli_opts		 o;
	struct http_config	 cfg;
	struct mailer_config	 mc;
	struct http_server	*srv;
	struct mailer		*mailer;
	struct retention_worker	*retention;
	struct db		*db;
	struct err		 e;
	struct seal_key		 key;
	struct arena		 a;
	struct svc		 s;
	sigset_t		 set;
	long			 v;
	char			*end;
	int			 rc, sig;

	if ((rc = cli_parse(argc, argv, spec, vals, &o, "serve")) != 0)
		return rc;
	memset(&cfg, 0, sizeof(cfg));
	cfg.db_path = o.db;
	cfg.listen = vals[0] ? vals[0] : "127.0.0.1";
	cfg.port = 8080;
	if (vals[1] != NULL) {
		v = strtol(vals[1], &end, 10);
		if (*end != '\0' || v < 0 || v > 65535) {
			fprintf(stderr, "ramme serve: --port must be 0-65535\n");
			return 2;
		}
		cfg.port = (int)v;
	}
	if (vals[2] != NULL) {
		v = strtol(vals[2], &end, 10);
		if (*end != '\0' || v < 1 || v > 64) {
			fprintf(stderr, "ramme serve: --threads must be 1-64\n");
			return 2;
		}
		cfg.threads = (int)v;
	}
	cfg.secure_cookies = vals[3] != NULL;
	if (vals[4] != NULL) {
		size_t n = strlen(vals[4]);

		if (!http_public_url_valid(vals[4]) ||
		    n >= sizeof(public_url)) {
			fprintf(stderr, "ramme serve: --public-url must be "
			    "http(s)://HOST[:PORT], e.g. https://ramme.example.dk\n");
			return 2;
		}
		memcpy(public_url, vals[4], n + 1);
		if (n > 0 && public_url[n - 1] == '/')
			public_url[n - 1] = '\0';
		cfg.public_url = public_url;
	}

	cfg.site.name = vals[5];
	cfg.site.org = vals[6];
	cfg.site.email = vals[7];
	cfg.site.a11y_tested = vals[8];
	for (v = 5; v <= 7; v++)
		if (vals[v] != NULL && (*vals[v] == '\0' ||
		    strlen(vals[v]) > 200)) {
			fprintf(stderr, "ramme serve: %.*s must be 1-200 "
			    "characters\n", (int)strlen(spec[v]) - 1, spec[v]);
			return 2;
		}
	if (vals[7] != NULL && strchr(vals[7], '@') == NULL) {
		fprintf(stderr, "ramme serve: --contact-email must be an "
		    "e-mail address\n");
		return 2;
	}
	if (vals[8] != NULL && !text_date_valid(vals[8])) {
		fprintf(stderr, "ramme serve: --a11y-tested must be a date, "
		    "YYYY-MM-DD\n");
		return 2;
	}

	if (vals[9] != NULL && (size_parse(vals[9], &cfg.max_upload) != 0 ||
	    cfg.max_upload < 1024 * 1024 || cfg.max_upload > UPLOAD_MAX)) {
		fprintf(stderr, "ramme serve: --max-upload must be a size "
		    "from 1M to %uM, e.g. 50M\n", UPLOAD_MAX >> 20);
		return 2;
	}
	cfg.trusted_proxies = vals[10];
	if (vals[11] != NULL) {
		v = strtol(vals[11], &end, 10);
		if (*end != '\0' || v < 1 || v > 10000) {
			fprintf(stderr, "ramme serve: --max-conn-per-ip must be "
			    "1-10000\n");
			return 2;
		}
		cfg.max_conn_per_ip = (unsigned)v;
	}
	if (vals[12] != NULL) {
		v = strtol(vals[12], &end, 10);
		if (*end != '\0' || v < 1 || v > 3600) {
			fprintf(stderr, "ramme serve: --timeout must be 1-3600 "
			    "seconds\n");
			return 2;
		}
		cfg.timeout = (unsigned)v;
	}
	if (vals[13] != NULL) {
		if (strcmp(vals[13], "json") != 0 &&
		    strcmp(vals[13], "text") != 0) {
			fprintf(stderr, "ramme serve: --log-format must be text "
			    "or json\n");
			return 2;
		}
		log_set_json(strcmp(vals[13], "json") == 0);
	}
	memset(&mc, 0, sizeof(mc));
	if ((rc = mail_opts(vals + 14, vals[7] != NULL ? vals[7] :
	    SITE_EMAIL_DEFAULT, &mc, pw, sizeof(pw))) != 0)
		return rc;
	mc.db_path = o.db;
	mc.from_name = vals[5] != NULL ? vals[5] : SITE_NAME_DEFAULT;
	cfg.mail_smtp = mc.smtp_url != NULL;
	cfg.upload_dir = getenv("TMPDIR");
	if (cfg.upload_dir != NULL && *cfg.upload_dir == '\0')
		cfg.upload_dir = NULL;

	/* The database must exist; `ramme init` creates it. */
	if (cli_db_open(o.db, &db) != 0)
		return 1;
	/*
	 * The key of the TOTP secrets: a key file that cannot be used is a
	 * configuration error and stops the start; one that is fine but
	 * does not open the stored secrets (another database's), or none
	 * (PostgreSQL without --key-file), leaves the server running with
	 * second factors refused, so users without one are not locked out.
	 */
	arena_init(&a);
	svc_init(&s, db, &a, NULL, (int64_t)time(NULL));
	err_clear(&e);
	rc = cli_totp_key(&s, o.db, vals[20], &key, &e);
	arena_cleanup(&a);
	db_close(db);
	if (rc != 0 && strcmp(e.key, "totp_wrong_key") != 0) {
		seal_key_wipe(&key);
		return cli_fail(&e);
	}
	if (rc != 0)
		log_error("second factor refused: %s", e.msg);
	else if (s.key == NULL)
		log_warn("second factor refused: no key file for the TOTP "
		    "secrets of a PostgreSQL database; give --key-file FILE "
		    "(or RAMME_KEY_FILE)");
	cfg.totp_key = s.key;

	/* Block the signals in every thread; this one waits for them. */
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);

	err_clear(&e);
	if (mailer_global_init(&e) != 0 ||
	    http_server_start(&srv, &cfg, &e) != 0) {
		cli_print_err(&e);
		return 1;
	}
	/* Links in mails: the public URL, else where this server listens. */
	if (cfg.public_url != NULL)
		snprintf(site_url, sizeof(site_url), "%s", cfg.public_url);
	else
		snprintf(site_url, sizeof(site_url), strchr(cfg.listen, ':') ?
		    "http://[%s]:%d" : "http://%s:%d", cfg.listen,
		    http_server_port(srv));
	mc.site_url = site_url;
	if (mailer_start(&mailer, &mc, &e) != 0) {
		cli_print_err(&e);
		http_server_stop(srv);
		return 1;
	}
	if (retention_start(&retention, o.db, &e) != 0) {
		cli_print_err(&e);
		mailer_stop(mailer);
		http_server_stop(srv);
		return 1;
	}
	if (mc.smtp_url != NULL)
		log_info("mail: sending the outbox through %s as %s",
		    mc.smtp_url, mc.from_addr);
	else
		log_info("mail: no --smtp, the outbox only collects");
	log_info("ramme serving %s on http://%s:%d/", o.db, cfg.listen,
	    http_server_port(srv));
	printf("ramme serves http://%s:%d/ — stop with Ctrl-C\n", cfg.listen,
	    http_server_port(srv));
	fflush(stdout);
	sigwait(&set, &sig);
	log_info("signal %d: finishing requests and stopping", sig);
	retention_stop(retention);
	mailer_stop(mailer);
	http_server_stop(srv);
	seal_key_wipe(&key);
	log_info("stopped");
	return 0;
}

int
cmd_routes(int argc, char **argv)
{
	const struct route	*rt;
	size_t			 n, i;
	const char		*who;

	(void)argc;
	(void)argv;
	rt = router_routes(&n);
	printf("# ramme HTTP API reference\n\n"
	    "Generated from the route table (`ramme routes`); a test checks "
	    "that this file\nmatches it. JSON routes are under `/api/v1/`; "
	    "errors are\n`{\"error\":{\"code\":..,\"message\":..,\"field\":..}}`."
	    " Writes need the session\ncookie and the header `X-CSRF-Token`; "
	    "updates and deletes need `If-Match`.\n\n"
	    "| Method | Path | Who | What |\n|---|---|---|---|\n");
	for (i = 0; i < n; i++) {
		if (!(rt[i].flags & ROUTE_API))
			continue;
		who = rt[i].roles == ROLES_PUBLIC ? "anyone" :
		    rt[i].roles == ROLES_USERS ? "logged in" :
		    rt[i].roles == ROLES_EDITORS ? "admin, operator (own)" :
		    rt[i].roles == ROLES_ADMIN ? "admin" : "see roles";
		printf("| %s | `%s` | %s | %s |\n", rt[i].method,
		    rt[i].pattern, who, rt[i].summary);
	}
	printf("\n## HTML pages\n\n| Method | Path | Who | What |\n"
	    "|---|---|---|---|\n");
	for (i = 0; i < n; i++) {
		if (rt[i].flags & ROUTE_API)
			continue;
		who = rt[i].roles == ROLES_PUBLIC ? "anyone" :
		    rt[i].roles == ROLES_USERS ? "logged in" :
		    rt[i].roles == ROLES_EDITORS ? "admin, operator" :
		    rt[i].roles == ROLES_ADMIN ? "admin" : "see roles";
		printf("| %s | `%s` | %s | %s |\n", rt[i].method,
		    rt[i].pattern, who, rt[i].summary);
	}
	return 0;
}
