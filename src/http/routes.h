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
void	page_login_code_form(struct http_req *r);
void	page_login_code_post(struct http_req *r);
void	page_twofactor(struct http_req *r);
void	page_twofactor_post(struct http_req *r);
void	page_twofactor_disable(struct http_req *r);
void	page_logout_post(struct http_req *r);
void	page_profile(struct http_req *r);
void	page_metrics(struct http_req *r);
void	page_password_form(struct http_req *r);
void	page_password_post(struct http_req *r);
void	page_logout_everywhere(struct http_req *r);
void	page_users(struct http_req *r);
void	page_user_create(struct http_req *r);
void	page_user_edit_form(struct http_req *r);
void	page_user_edit_post(struct http_req *r);
void	page_user_totp_reset(struct http_req *r);

/* page_mail.c: a user's notifications, the outbox */
void	page_notices(struct http_req *r);
void	page_notices_post(struct http_req *r);
void	page_user_notices(struct http_req *r);
void	page_user_notices_post(struct http_req *r);
void	page_outbox(struct http_req *r);
void	page_persons(struct http_req *r);
void	page_person(struct http_req *r);
void	page_person_json(struct http_req *r);
void	page_person_pdf(struct http_req *r);
void	page_person_erase(struct http_req *r);
void	page_outbox_view(struct http_req *r);
void	page_outbox_retry(struct http_req *r);
void	page_outbox_cancel(struct http_req *r);

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

/* page_analysis.c, page_analysis_out.c: Takstanalyser */
void	page_analyses(struct http_req *r);
void	page_analyses_create(struct http_req *r);
void	page_analysis(struct http_req *r);
void	page_analysis_send(struct http_req *r);
void	page_analysis_comment(struct http_req *r);
void	page_analysis_finalise(struct http_req *r);
void	page_analysis_xlsx(struct http_req *r);
void	page_analysis_pdf(struct http_req *r);
void	page_analysis_attach(struct http_req *r);
void	api_analyses_list(struct http_req *r);
void	api_analysis_get(struct http_req *r);

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
void	page_round_submit_all(struct http_req *r);
void	page_round_approve_all(struct http_req *r);
void	page_submission(struct http_req *r);
void	page_submission_submit(struct http_req *r);
void	page_submission_approve(struct http_req *r);
void	page_submission_return(struct http_req *r);
void	page_line_form(struct http_req *r);
void	page_line_post(struct http_req *r);
void	page_line_delete(struct http_req *r);
void	page_line_preview(struct http_req *r);

/* page_settlement.c: post-adjustment of secure institutions */
void	page_settlements(struct http_req *r);
void	page_settlement_form(struct http_req *r);
void	page_settlement_post(struct http_req *r);
void	page_settlement_view(struct http_req *r);
void	page_settlement_xlsx(struct http_req *r);
void	page_settlement_pdf(struct http_req *r);
/* page_expenditure.c: the expenditure development */
void	page_expenditure(struct http_req *r);
void	page_expenditure_upload(struct http_req *r);
/* api_settlement.c */
void	api_settlements_list(struct http_req *r);
void	api_settlement_get(struct http_req *r);
void	api_settlements_create(struct http_req *r);
/* api_sharing.c: keys, allocations and invoices of cost sharing */
void	api_sharing_keys(struct http_req *r);
void	api_sharing_key_get(struct http_req *r);
void	api_sharing_key_create(struct http_req *r);
void	api_allocations_list(struct http_req *r);
void	api_allocation_get(struct http_req *r);
void	api_allocation_create(struct http_req *r);
void	api_allocation_correct(struct http_req *r);
void	api_invoices(struct http_req *r);

/* page_sharing.c: allocations and invoices */
void	page_allocations(struct http_req *r);
void	page_allocation_new_form(struct http_req *r);
void	page_allocation_new_post(struct http_req *r);
void	page_allocation_view(struct http_req *r);
void	page_allocation_correct_form(struct http_req *r);
void	page_allocation_correct_post(struct http_req *r);
void	page_invoices(struct http_req *r);
void	page_invoices_xlsx(struct http_req *r);
void	page_invoices_pdf(struct http_req *r);

/* page_keys.c: keys (fordelingsnøgler) */
void	page_keys(struct http_req *r);
void	page_key_view(struct http_req *r);
void	page_key_population_post(struct http_req *r);
void	page_key_upload_post(struct http_req *r);
void	page_key_update_post(struct http_req *r);

/* page_secretariat.c: the secretariat's budget, accounts and fees */
void	page_secretariat(struct http_req *r);
void	page_secretariat_line_post(struct http_req *r);
void	page_secretariat_line_delete(struct http_req *r);
void	page_secretariat_premises_post(struct http_req *r);
void	page_secretariat_fee_form(struct http_req *r);
void	page_secretariat_fee_post(struct http_req *r);

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
void	page_meetings_incomplete(struct http_req *r);
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

/* api_agreement.c: the agreement's documents and covered offers */
void	api_agreement_docs(struct http_req *r);
void	api_agreement_doc(struct http_req *r);
void	api_agreement_reinforced(struct http_req *r);

/* page_reinforced.c, page_rescue.c: the reinforced cooperation */
void	page_reinforced(struct http_req *r);
void	page_reinforced_letter(struct http_req *r);
void	page_reinforced_nominate(struct http_req *r);
void	page_reinforced_assess(struct http_req *r);
void	page_reinforced_agenda(struct http_req *r);
void	page_reinforced_decide(struct http_req *r);
void	page_reinforced_approve(struct http_req *r);
void	page_rescue(struct http_req *r);
void	page_rescue_open(struct http_req *r);
void	page_rescue_update(struct http_req *r);
void	page_rescue_close(struct http_req *r);

/* page_agreement.c: documents and their approval */
void	page_agreement(struct http_req *r);
void	page_agreement_doc_create(struct http_req *r);
void	page_agreement_doc(struct http_req *r);
void	page_agreement_version_add(struct http_req *r);
void	page_agreement_decision(struct http_req *r);
void	page_agreement_file_add(struct http_req *r);
void	page_agreement_file(struct http_req *r);

/* page_takeover.c: takeovers of regional offers */
void	page_takeovers(struct http_req *r);
void	page_takeover_notify(struct http_req *r);
void	page_takeover_apply(struct http_req *r);

/* page_offer_rules.c, api_offer_rules.c: opt-outs and offers' events */
void	page_optouts(struct http_req *r);
void	page_offer_optout_form(struct http_req *r);
void	page_offer_optout_post(struct http_req *r);
void	page_offer_event_form(struct http_req *r);
void	page_offer_event_post(struct http_req *r);
void	api_offer_coverage(struct http_req *r);
void	api_offer_events(struct http_req *r);
/* page_offer_startup.c: start-up costs of an offer */
void	page_offer_startup_form(struct http_req *r);
void	page_offer_startup_post(struct http_req *r);
void	api_offer_startup_list(struct http_req *r);
void	api_offer_startup_create(struct http_req *r);
/* page_purchase.c: long-term purchase agreements */
void	page_purchases(struct http_req *r);
void	page_purchase_form(struct http_req *r);
void	page_harmonised_form(struct http_req *r);
void	page_harmonised_post(struct http_req *r);
void	page_harmonised_dissolve(struct http_req *r);
void	page_purchase_post(struct http_req *r);
void	api_purchases(struct http_req *r);

/* page.c: shared assets */
void	page_favicon(struct http_req *r);
/* page_about.c */
void	page_a11y(struct http_req *r);
void	page_privacy(struct http_req *r);

/* page_cycle.c, page_cycle_rules.c: the annual cycle (årshjul) */
void	page_cycle_year(struct http_req *r);
void	page_cycle_takeover(struct http_req *r);
void	api_cycle_year(struct http_req *r);
void	page_cycle_rules(struct http_req *r);
void	page_cycle_rule_new_form(struct http_req *r);
void	page_cycle_rule_new_post(struct http_req *r);
void	page_cycle_rule_form(struct http_req *r);
void	page_cycle_rule_post(struct http_req *r);
void	page_cycle_rule_retire_post(struct http_req *r);
/* page_indmelding*.c, api_indmelding.c: the yearly submissions */
void	page_ind_years(struct http_req *r);
void	page_ind_open(struct http_req *r);
void	page_ind_year(struct http_req *r);
void	page_ind_hearing(struct http_req *r);
void	page_ind_agenda(struct http_req *r);
void	page_ind_report(struct http_req *r);
void	page_ind_report_xlsx(struct http_req *r);
void	page_ind_report_pdf(struct http_req *r);
void	page_ind_comment(struct http_req *r);
void	page_ind_sub(struct http_req *r);
void	page_ind_submit(struct http_req *r);
void	page_ind_approve(struct http_req *r);
void	page_ind_return(struct http_req *r);
void	page_ind_template(struct http_req *r);
void	page_ind_upload(struct http_req *r);
void	page_ind_line_form(struct http_req *r);
void	page_ind_line_post(struct http_req *r);
void	page_ind_groups_form(struct http_req *r);
void	page_ind_groups_post(struct http_req *r);
void	api_ind_list(struct http_req *r);
void	api_ind_get(struct http_req *r);
void	api_ind_sub_get(struct http_req *r);

#endif
