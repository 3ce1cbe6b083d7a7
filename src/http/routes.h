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
void	page_profile(struct http_req *r);
void	page_password_form(struct http_req *r);
void	page_password_post(struct http_req *r);
void	page_logout_everywhere(struct http_req *r);
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

/* api_pl.c: price-and-wage series as JSON */
void	api_pl_list(struct http_req *r);
void	api_pl_get(struct http_req *r);

/* page_economy.c, page_pl.c: Økonomi and the price-and-wage series */
void	page_economy(struct http_req *r);
void	page_pl_list(struct http_req *r);
void	page_pl_view(struct http_req *r);
void	page_pl_export(struct http_req *r);
void	page_pl_import_form(struct http_req *r);
void	page_pl_import_post(struct http_req *r);

/* page_calc.c: the calculators as forms */
void	page_calc(struct http_req *r);
void	page_calc_preview(struct http_req *r);

/* api_round.c: tariff rounds and submissions */
void	api_rounds_list(struct http_req *r);
void	api_rounds_create(struct http_req *r);
void	api_round_get(struct http_req *r);
void	api_round_close(struct http_req *r);
void	api_round_reopen(struct http_req *r);
void	api_round_publish(struct http_req *r);
void	api_round_submissions(struct http_req *r);
void	api_round_add_offer(struct http_req *r);
void	api_round_template(struct http_req *r);
void	api_submission_get(struct http_req *r);
void	api_submission_patch(struct http_req *r);
void	api_submission_line_add(struct http_req *r);
void	api_submission_line_put(struct http_req *r);
void	api_submission_line_delete(struct http_req *r);
void	api_submission_submit(struct http_req *r);
void	api_submission_approve(struct http_req *r);
void	api_submission_return(struct http_req *r);
void	api_submission_history(struct http_req *r);

/* api_tariff.c: published tariffs, reduction, accounts */
void	api_tariffs_list(struct http_req *r);
void	api_tariffs_reduction(struct http_req *r);
void	api_tariff_get(struct http_req *r);
void	api_tariff_change(struct http_req *r);
void	api_accounts_list(struct http_req *r);
void	api_accounts_report(struct http_req *r);
void	api_setaside_ledger(struct http_req *r);

/* page_tariffs.c, page_round.c, page_submission.c, page_tariff.c:
 * Takstoversigt, Takstindberetning, a submission, a service line */
void	page_tariffs(struct http_req *r);
void	page_tariff_reduction(struct http_req *r);
void	page_tariff_view(struct http_req *r);
void	page_tariff_change_post(struct http_req *r);
void	page_rounds(struct http_req *r);
void	page_rounds_create(struct http_req *r);
void	page_round_view(struct http_req *r);
void	page_round_close(struct http_req *r);
void	page_round_reopen(struct http_req *r);
void	page_round_publish(struct http_req *r);
void	page_round_template(struct http_req *r);
void	page_round_upload(struct http_req *r);
void	page_submission(struct http_req *r);
void	page_submission_submit(struct http_req *r);
void	page_submission_approve(struct http_req *r);
void	page_submission_return(struct http_req *r);
void	page_line_form(struct http_req *r);
void	page_line_post(struct http_req *r);
void	page_line_delete(struct http_req *r);
void	page_line_preview(struct http_req *r);

/* page_accounts.c: accounts (årsresultat) and the set-aside ledger */
void	page_accounts(struct http_req *r);
void	page_accounts_form(struct http_req *r);
void	page_accounts_post(struct http_req *r);
void	page_accounts_view(struct http_req *r);
void	page_accounts_ledger(struct http_req *r);

/*
 * Governance: page_meeting.c (meetings, the meeting page, the minutes
 * diff), page_meeting_admin.c (the secretariat's tools on it),
 * page_item.c (items, minutes, attachments, follow-ups), page_search.c,
 * page_import.c, page_body.c (bodies, members, nominations)
 */
void	page_meetings(struct http_req *r);
void	page_meeting_new_form(struct http_req *r);
void	page_meeting_new_post(struct http_req *r);
void	page_meeting_import_form(struct http_req *r);
void	page_meeting_import_post(struct http_req *r);
void	page_meeting_view(struct http_req *r);
void	page_meeting_edit_form(struct http_req *r);
void	page_meeting_edit_post(struct http_req *r);
void	page_meeting_state_post(struct http_req *r);
void	page_meeting_participant_post(struct http_req *r);
void	page_meeting_participant_set_post(struct http_req *r);
void	page_meeting_participants_prefill_post(struct http_req *r);
void	page_meeting_item_post(struct http_req *r);
void	page_meeting_circulate_post(struct http_req *r);
void	page_meeting_approve_post(struct http_req *r);
void	page_meeting_signoff_post(struct http_req *r);
void	page_meeting_diff(struct http_req *r);
void	page_item_form(struct http_req *r);
void	page_item_post(struct http_req *r);
void	page_item_delete_post(struct http_req *r);
void	page_item_move_post(struct http_req *r);
void	page_item_minutes_post(struct http_req *r);
void	page_item_attachment_post(struct http_req *r);
void	page_item_follow_up_post(struct http_req *r);
void	page_item_approve_post(struct http_req *r);
void	page_follow_up_post(struct http_req *r);
void	page_attachment(struct http_req *r);
void	page_attachment_post(struct http_req *r);
void	page_attachment_delete_post(struct http_req *r);
void	page_attachment_close_post(struct http_req *r);
void	page_search(struct http_req *r);
void	page_bodies(struct http_req *r);
void	page_bodies_post(struct http_req *r);
void	page_body_view(struct http_req *r);
void	page_body_member_post(struct http_req *r);
void	page_body_nomination_post(struct http_req *r);
void	page_membership_end_post(struct http_req *r);
void	page_nomination_view(struct http_req *r);
void	page_nomination_post(struct http_req *r);

/* page_publish.c: PDF, calendars, the minutes feed, politicians' page */
void	page_meeting_agenda_pdf(struct http_req *r);
void	page_meeting_minutes_pdf(struct http_req *r);
void	page_meeting_packet_pdf(struct http_req *r);
void	page_calendar(struct http_req *r);
void	page_body_calendar(struct http_req *r);
void	page_minutes_rss(struct http_req *r);
void	page_politicians(struct http_req *r);

/* api_oparl.c: the OParl 1.1 read API */
void	api_oparl_system(struct http_req *r);
void	api_oparl_bodies(struct http_req *r);
void	api_oparl_body(struct http_req *r);
void	api_oparl_list(struct http_req *r);
void	api_oparl_object(struct http_req *r);
void	api_oparl_meeting_location(struct http_req *r);
void	api_oparl_meeting_file(struct http_req *r);
void	api_oparl_meeting_pdf(struct http_req *r);
void	api_oparl_file_content(struct http_req *r);

/* page.c: shared assets */
void	page_favicon(struct http_req *r);
/* page_about.c */
void	page_a11y(struct http_req *r);
void	page_privacy(struct http_req *r);

#endif
