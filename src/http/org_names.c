/*
 * org_names — the organisations, loaded once per page, name by code.
 */
#include <stddef.h>
#include <string.h>

#include "core/org.h"
#include "http/http.h"
#include "http/org_names.h"
#include "http/ui.h"
#include "service/register.h"
#include "util/err.h"

void
org_names_load(struct http_req *r, struct org_names *o)
{
	struct err e;

	err_clear(&e);
	if (register_org_list(&r->svc, &o->v, &o->n, &e) != 0) {
		o->v = NULL;
		o->n = 0;
	}
}

const char *
org_names_name(const struct org_names *o, const char *code)
{
	int i;

	if (code == NULL)
		return NULL;
	for (i = 0; i < o->n; i++)
		if (strcmp(o->v[i].code, code) == 0)
			return o->v[i].name;
	return code;
}

void
org_names_options(struct html *h, const struct org_names *o,
    const char *selected, int kommune_only, const char *only_code)
{
	int i;

	for (i = 0; i < o->n; i++) {
		if (kommune_only && o->v[i].kind != ORG_KOMMUNE)
			continue;
		if (only_code != NULL && strcmp(o->v[i].code, only_code) != 0)
			continue;
		ui_option(h, o->v[i].code, o->v[i].name, selected);
	}
}
