/*
 * page_cycle — what the pages of the annual cycle share
 * (page_cycle.c, page_cycle_rules.c).
 */
#ifndef RAMME_PAGE_CYCLE_H
#define RAMME_PAGE_CYCLE_H

#include "service/cycle.h"

struct html;

/* A step's status as a badge: planned plain, open info, done success,
   overdue error. */
void	page_cycle_status_badge(struct html *h, enum cycle_status s);

#endif
