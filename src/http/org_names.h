/*
 * org_names — the organisations, loaded once per page, for the name of
 * an organisation by its code and for the options of a select
 * (page_register.c, page_accounts.c).
 */
#ifndef RAMME_ORG_NAMES_H
#define RAMME_ORG_NAMES_H

struct html;
struct http_req;
struct org;

/* The organisations of a page. */
struct org_names {
	struct org	*v;
	int		 n;
};

/*
 * Load all organisations into o (in the request's arena); o is empty
 * when they cannot be read, so names fall back to codes.
 */
void		 org_names_load(struct http_req *r, struct org_names *o);
/*
 * The name of the organisation with code, the code itself when unknown,
 * NULL when code is NULL.
 */
const char	*org_names_name(const struct org_names *o, const char *code);
/*
 * ui_option()s of the organisations, selected marked; kommune_only
 * limits to municipalities, only_code (unless NULL) to that one code.
 */
void		 org_names_options(struct html *h, const struct org_names *o,
		    const char *selected, int kommune_only,
		    const char *only_code);

#endif /* RAMME_ORG_NAMES_H */
