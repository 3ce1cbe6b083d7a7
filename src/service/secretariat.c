/*
 * secretariat — the secretariat's budget and accounts (see
 * secretariat.h).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/decimal.h"
#include "core/money.h"
#include "core/role.h"
#include "service/secretariat.h"
#include "service/svc.h"
#include "store/audit.h"
#include "store/db.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/text.h"

const char *
secretariat_section_label(const char *section)
{
	if (section == NULL)
		return "";
	if (strcmp(section, "expense") == 0)
		return "Udgifter";
	if (strcmp(section, "overhead") == 0)
		return "Overhead";
	if (strcmp(section, "income") == 0)
		return "Indtægter";
	return "";
}

static int
admin_only(const struct svc *s, struct err *e)
{
	if (s->who->role != ROLE_ADMIN)
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Kun sekretariatet kan se sekretariatets budget og "
		    "regnskab");
	return 0;
}

static int
check_year(int year, struct err *e)
{
	if (year < 2000 || year > 2100)
		return err_set(e, ERR_INVALID, "invalid_year", "year",
		    "Året skal ligge mellem 2000 og 2100");
	return 0;
}

static char *
line_json(struct svc *s, const struct secretariat_line *l)
{
	json_t	*j;
	char	*txt, *copy;

	j = json_pack("{s:i, s:s, s:s, s:I, s:o}", "year", l->year, "section",
	    l->section, "label", l->label, "budget_ore",
	    (json_int_t)l->budget_ore, "actual_ore", l->has_actual ?
	    json_integer(l->actual_ore) : json_null());
	txt = json_dumps(j, JSON_COMPACT |
	    JSON_PRESERVE_ORDER | DECIMAL_JSON_FLAGS);
	json_decref(j);
	copy = arena_strdup(s->arena, txt);
	free(txt);
	return copy;
}

int
secretariat_get(struct svc *s, int year, struct secretariat_year *out,
    struct err *e)
{
	struct err	ne;
	size_t		i;
	int		rc;

	memset(out, 0, sizeof(*out));
	out->year = year;
	if ((rc = admin_only(s, e)) != 0 || (rc = check_year(year, e)) != 0 ||
	    (rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	if ((rc = secretariat_store_lines(s->db, s->arena, year, &out->lines,
	    &out->nlines, e)) != 0 ||
	    (rc = sharing_store_allocations(s->db, s->arena, year,
	    "secretariat", &out->invoices, &out->ninvoices, e)) != 0)
		goto done;
	err_clear(&ne);
	rc = secretariat_store_premises(s->db, year, &out->premises, &ne);
	if (rc == 0) {
		out->has_premises = true;
		if ((rc = overhead_premises_cost(&out->premises,
		    &out->premises_ore, e)) != 0)
			goto done;
	} else if (rc != ERR_NOT_FOUND) {
		*e = ne;
		goto done;
	}
	rc = 0;
	for (i = 0; i < out->nlines; i++) {
		const struct secretariat_line *l = &out->lines[i];
		int64_t *b, *a;

		if (strcmp(l->section, "expense") == 0) {
			b = &out->expense_budget;
			a = &out->expense_actual;
		} else if (strcmp(l->section, "overhead") == 0) {
			b = &out->overhead_budget;
			a = &out->overhead_actual;
		} else {
			b = &out->income_budget;
			a = &out->income_actual;
		}
		*b += l->budget_ore;
		*a += l->has_actual ? l->actual_ore : 0;
	}
	for (i = 0; i < out->ninvoices; i++)
		out->invoiced_ore += out->invoices[i].pool_ore;
	out->overhead_budget += out->premises_ore;
	out->overhead_actual += out->premises_ore;
	out->income_actual += out->invoiced_ore;
	out->result_budget = out->income_budget - out->expense_budget -
	    out->overhead_budget;
	out->result_actual = out->income_actual - out->expense_actual -
	    out->overhead_actual;
done:
	db_rollback(s->db);
	return rc;
}

static int
check_line(const struct secretariat_line *l, struct err *e)
{
	int rc;

	if ((rc = check_year(l->year, e)) != 0)
		return rc;
	if (*secretariat_section_label(l->section) == '\0')
		return err_set(e, ERR_INVALID, "invalid_section", "section",
		    "Vælg om linjen er en udgift, overhead eller en indtægt");
	if (l->label == NULL || *l->label == '\0' || strlen(l->label) > 200 ||
	    text_has_controls(l->label))
		return err_set(e, ERR_INVALID, "invalid_label", "label",
		    "Skriv linjens tekst (højst 200 tegn)");
	if (l->budget_ore < -MONEY_INPUT_MAX_ORE ||
	    l->budget_ore > MONEY_INPUT_MAX_ORE ||
	    (l->has_actual && (l->actual_ore < -MONEY_INPUT_MAX_ORE ||
	    l->actual_ore > MONEY_INPUT_MAX_ORE)))
		return err_set(e, ERR_INVALID, "amount_too_large", "budget",
		    "Beløbet er urimeligt stort");
	return 0;
}

int
secretariat_line_save(struct svc *s, const struct secretariat_line *in,
    int64_t *id, struct err *e)
{
	struct secretariat_line	l = *in, old;
	char			ids[24];
	int			rc;

	if ((rc = admin_only(s, e)) != 0 || (rc = check_line(&l, e)) != 0)
		return rc;
	l.updated_at = s->now_iso;
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if (l.id != 0 && (rc = secretariat_store_line_get(s->db, s->arena,
	    l.id, &old, e)) != 0)
		goto fail;
	if ((rc = secretariat_store_line_put(s->db, &l, id, e)) != 0)
		goto fail;
	snprintf(ids, sizeof(ids), "%lld", (long long)*id);
	if ((rc = audit_add(s->db, s->who, s->now_iso, "secretariat_line",
	    ids, l.id != 0 ? "update" : "create", l.id != 0 ?
	    line_json(s, &old) : NULL, line_json(s, &l), e)) != 0 ||
	    (rc = db_commit(s->db, e)) != 0)
		goto fail;
	return 0;
fail:
	db_rollback(s->db);
	return rc;
}

int
secretariat_line_delete(struct svc *s, int64_t id, struct err *e)
{
	struct secretariat_line	old;
	char			ids[24];
	int			rc;

	if ((rc = admin_only(s, e)) != 0 ||
	    (rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	snprintf(ids, sizeof(ids), "%lld", (long long)id);
	if ((rc = secretariat_store_line_get(s->db, s->arena, id, &old, e))
	    != 0 || (rc = secretariat_store_line_delete(s->db, id, e)) != 0 ||
	    (rc = audit_add(s->db, s->who, s->now_iso, "secretariat_line",
	    ids, "delete", line_json(s, &old), NULL, e)) != 0 ||
	    (rc = db_commit(s->db, e)) != 0) {
		db_rollback(s->db);
		return rc;
	}
	return 0;
}

int
secretariat_premises_save(struct svc *s, int year,
    const struct overhead_premises *p, struct err *e)
{
	json_t	*j;
	char	*txt, ids[24];
	int64_t	 cost;
	int	 rc;

	if ((rc = admin_only(s, e)) != 0 || (rc = check_year(year, e)) != 0 ||
	    (rc = overhead_premises_cost(p, &cost, e)) != 0)
		return rc;
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	j = json_pack("{s:i, s:I, s:I, s:I, s:I, s:I}", "year", year,
	    "area_centi", (json_int_t)p->area_centi, "rent_ore",
	    (json_int_t)p->rent_ore, "utilities_ore",
	    (json_int_t)p->utilities_ore, "other_ore",
	    (json_int_t)p->other_ore, "cost_ore", (json_int_t)cost);
	txt = json_dumps(j, JSON_COMPACT |
	    JSON_PRESERVE_ORDER | DECIMAL_JSON_FLAGS);
	json_decref(j);
	snprintf(ids, sizeof(ids), "%d", year);
	rc = secretariat_store_premises_put(s->db, year, p, s->now_iso, e);
	if (rc == 0)
		rc = audit_add(s->db, s->who, s->now_iso,
		    "secretariat_premises", ids, "update", NULL, txt, e);
	free(txt);
	if (rc != 0 || (rc = db_commit(s->db, e)) != 0) {
		db_rollback(s->db);
		return rc;
	}
	return 0;
}
