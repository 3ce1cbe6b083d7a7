/*
 * routes — every handler of the HTTP layer, declared in one place; the
 * table that binds them to paths and roles is in routes.c.
 */
#ifndef RAMME_ROUTES_H
#define RAMME_ROUTES_H

struct http_req;

/* api_register.c: JSON API of the register */
void	api_health(struct http_req *r);
void	api_index(struct http_req *r);
void	api_offers_list(struct http_req *r);
void	api_offers_create(struct http_req *r);
void	api_offer_get(struct http_req *r);
void	api_offer_patch(struct http_req *r);
void	api_offer_delete(struct http_req *r);
void	api_offer_history(struct http_req *r);
void	api_orgs_list(struct http_req *r);
void	api_org_get(struct http_req *r);

/* api_account.c: sessions and users */
void	api_session_create(struct http_req *r);
void	api_session_get(struct http_req *r);
void	api_session_delete(struct http_req *r);
void	api_users_list(struct http_req *r);
void	api_users_create(struct http_req *r);
void	api_user_get(struct http_req *r);
void	api_user_patch(struct http_req *r);

/* page_account.c: login, logout, user administration */
void	page_login_form(struct http_req *r);
void	page_login_post(struct http_req *r);
void	page_logout_post(struct http_req *r);
void	page_users(struct http_req *r);
void	page_user_create(struct http_req *r);
void	page_user_edit_form(struct http_req *r);
void	page_user_edit_post(struct http_req *r);

/* page_register.c: offers and organisations */
void	page_home(struct http_req *r);
void	page_offers(struct http_req *r);
void	page_offer_new_form(struct http_req *r);
void	page_offer_new_post(struct http_req *r);
void	page_offer_view(struct http_req *r);
void	page_offer_edit_form(struct http_req *r);
void	page_offer_edit_post(struct http_req *r);
void	page_offer_delete_post(struct http_req *r);
void	page_offers_export(struct http_req *r);
void	page_offers_import_form(struct http_req *r);
void	page_offers_import_post(struct http_req *r);
void	page_orgs(struct http_req *r);

/* api_calc.c: calculators and agreement parameters */
void	api_calc(struct http_req *r);
void	api_params_get(struct http_req *r);
void	api_param_put(struct http_req *r);

/* page_calc.c: the calculators as forms */
void	page_calc(struct http_req *r);

/* page.c: shared assets */
void	page_style_css(struct http_req *r);
void	page_favicon(struct http_req *r);

#endif
