/*
 * cmd_mail — `ramme mail`: the outbox from the command line: list it,
 * send a mail again, cancel one, and queue the deadline reminders now
 * (what `ramme serve` does every ten minutes). Sending is the server's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "core/decimal.h"
#include "cli/cli.h"
#include "service/mail.h"
#include "service/svc.h"
#include "store/db.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/text.h"

static const char usage_text[] =
    "usage: ramme mail list|retry|cancel|remind ... (see `ramme help "
    "mail`)\n";

static int
fail(const struct err *e)
{
	cli_print_err(e);
	return cli_exit_code(e->code);
}

static json_t *
row_json(const struct outbox_row *m)
{
	return json_pack("{s:I,s:s,s:s,s:I,s:s,s:s?,s:s,s:s,s:s,s:i,s:I,"
	    "s:s?,s:s,s:s?}", "id", (json_int_t)m->id, "kind", m->kind,
	    "about", m->about, "about_id", (json_int_t)m->about_id, "to",
	    m->to_addr, "username", m->username, "subject", m->subject,
	    "message_id", m->message_id, "state", m->state, "attempts",
	    m->attempts, "next_attempt_at", (json_int_t)m->next_attempt_at,
	    "last_error", m->last_error, "created_at", m->created_at,
	    "sent_at", m->sent_at);
}

static int
mail_list_cmd(int argc, char **argv)
{
	static const char *const spec[] = { "--state=", "--format=",
	    "--page=", NULL };
	const char		*vals[3];
	struct mail_outbox	 o;
	struct cli_opts		 o_;
	struct db		*db;
	struct arena		 a;
	struct svc		 s;
	struct err		 e;
	json_t			*j;
	int64_t			 page = 1;
	size_t			 i;
	bool			 json;
	int			 rc = 0;

	if ((rc = cli_parse(argc, argv, spec, vals, &o_, "mail list")) != 0)
		return rc;
	json = vals[1] != NULL && strcmp(vals[1], "json") == 0;
	if (vals[1] != NULL && !json && strcmp(vals[1], "text") != 0) {
		fprintf(stderr, "ramme mail list: --format is json or text\n");
		return 2;
	}
	if (vals[2] != NULL && (text_parse_i64(vals[2], &page) != 0 ||
	    page < 1 || page > 1000000)) {
		fprintf(stderr, "ramme mail list: --page must be 1 or more\n");
		return 2;
	}
	if (vals[0] != NULL && strcmp(vals[0], "queued") != 0 &&
	    strcmp(vals[0], "sending") != 0 && strcmp(vals[0], "sent") != 0 &&
	    strcmp(vals[0], "failed") != 0 && strcmp(vals[0], "cancelled")
	    != 0) {
		fprintf(stderr, "ramme mail list: --state is queued, sending, "
		    "sent, failed or cancelled\n");
		return 2;
	}
	if (cli_db_open(o_.db, &db) != 0)
		return 1;
	arena_init(&a);
	svc_init(&s, db, &a, NULL, (int64_t)time(NULL));
	err_clear(&e);
	if (mail_outbox_list(&s, vals[0], (int)page, &o, &e) != 0) {
		rc = fail(&e);
		goto out;
	}
	if (json) {
		j = json_array();
		for (i = 0; i < o.n; i++)
			json_array_append_new(j, row_json(&o.rows[i]));
		json_dumpf(j, stdout, JSON_INDENT(2) | DECIMAL_JSON_FLAGS);
		putchar('\n');
		json_decref(j);
		goto out;
	}
	for (i = 0; i < o.n; i++)
		printf("%lld\t%s\t%d\t%s\t%s\t%s\n", (long long)o.rows[i].id,
		    o.rows[i].state, o.rows[i].attempts, o.rows[i].to_addr,
		    o.rows[i].subject, o.rows[i].last_error != NULL ?
		    o.rows[i].last_error : "");
out:
	arena_cleanup(&a);
	db_close(db);
	return rc;
}

/* retry or cancel ID. */
static int
mail_change_cmd(int argc, char **argv, bool retry)
{
	struct cli_opts	 o;
	struct db	*db;
	struct arena	 a;
	struct svc	 s;
	struct err	 e;
	int64_t		 id;
	int		 rc;

	if ((rc = cli_parse(argc, argv, NULL, NULL, &o, retry ? "mail retry" :
	    "mail cancel")) != 0)
		return rc;
	if (o.npos != 1 || text_parse_i64(o.pos[0], &id) != 0 || id <= 0) {
		fprintf(stderr, "usage: ramme mail %s ID\n", retry ? "retry" :
		    "cancel");
		return 2;
	}
	if (cli_db_open(o.db, &db) != 0)
		return 1;
	arena_init(&a);
	svc_init(&s, db, &a, NULL, (int64_t)time(NULL));
	err_clear(&e);
	rc = retry ? mail_outbox_retry(&s, id, &e) :
	    mail_outbox_cancel(&s, id, &e);
	if (rc != 0)
		rc = fail(&e);
	else
		printf("mail %lld %s\n", (long long)id, retry ? "queued again" :
		    "cancelled");
	arena_cleanup(&a);
	db_close(db);
	return rc;
}

static int
mail_retry_cmd(int argc, char **argv)
{
	return mail_change_cmd(argc, argv, true);
}

static int
mail_cancel_cmd(int argc, char **argv)
{
	return mail_change_cmd(argc, argv, false);
}

static int
mail_remind_cmd(int argc, char **argv)
{
	struct cli_opts	 o;
	struct db	*db;
	struct arena	 a;
	struct svc	 s;
	struct err	 e;
	int		 rc, q = 0;

	if ((rc = cli_parse(argc, argv, NULL, NULL, &o, "mail remind")) != 0)
		return rc;
	if (cli_db_open(o.db, &db) != 0)
		return 1;
	arena_init(&a);
	svc_init(&s, db, &a, NULL, (int64_t)time(NULL));
	err_clear(&e);
	if ((rc = mail_remind(&s, &q, &e)) != 0)
		rc = fail(&e);
	else
		printf("%d reminders queued\n", q);
	arena_cleanup(&a);
	db_close(db);
	return rc;
}

int
cmd_mail(int argc, char **argv)
{
	static const struct {
		const char	*name;
		int		(*run)(int, char **);
	} subs[] = {
		{ "list", mail_list_cmd },
		{ "retry", mail_retry_cmd },
		{ "cancel", mail_cancel_cmd },
		{ "remind", mail_remind_cmd },
	};
	size_t i;

	if (argc < 2) {
		fputs(usage_text, stderr);
		return 2;
	}
	for (i = 0; i < sizeof(subs) / sizeof(subs[0]); i++)
		if (strcmp(argv[1], subs[i].name) == 0)
			return subs[i].run(argc - 1, argv + 1);
	fputs(usage_text, stderr);
	return 2;
}
