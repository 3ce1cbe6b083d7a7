/*
 * meeting_view — a meeting as the output formats see it (PDF, iCal, RSS,
 * OParl): plain borrowed strings, no storage types. The governance
 * service fills it; the formatters only read it.
 *
 * Closed items (lukkede punkter) are in the view with closed = true; a
 * formatter given include_closed = false leaves out every trace of them
 * (title, text, attachments), which is what every public output does.
 */
#ifndef RAMME_MEETING_VIEW_H
#define RAMME_MEETING_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A participant of a meeting and how they took part. */
struct meeting_view_person {
	const char	*name;
	const char	*organisation;	/* municipality or region, or NULL */
	const char	*status;	/* "deltager", "afbud", "fravaerende" */
	const char	*substitute;	/* name of the substitute, or NULL */
	const char	*note;		/* "formand", … or NULL */
};

/* One attachment (bilag). */
struct meeting_view_file {
	const char	*name;		/* as shown, e.g. "Bilag 1 Styringsaftale" */
	const char	*media_type;	/* "application/pdf", ... or NULL */
	int64_t		 size;		/* bytes, or 0 if unknown */
	const char	*url;		/* absolute or site-relative, or NULL */
	bool		 closed;	/* a closed attachment */
	int64_t		 id;		/* stable id (OParl File URL), or 0:
					   then meeting id + item number +
					   position are used */
	const char	*doc_no;	/* Dok.nr., or NULL */
};

/* One agenda item (dagsordenspunkt). */
struct meeting_view_item {
	int				 number;	/* 1, 2, ... */
	const char			*section;	/* "Sager til behandling" ... */
	const char			*title;
	const char			*presenter;	/* initials, e.g. "HETH" */
	const char			*background;	/* sagsfremstilling */
	const char			*recommendation; /* "Det indstilles, at …" */
	const char			*earlier;	/* an earlier body's recommendation */
	struct meeting_view_file	*files;
	size_t				 nfiles;
	const char			*minutes;	/* referat / beslutning */
	const char			*result;	/* "godkendt", "taget til efterretning" ... */
	bool				 closed;	/* lukket punkt */
	const char			*kind;		/* "sag", or a standard item:
							   "dagsorden", "referat", "evt",
							   "naeste_moede"; NULL: unknown */
	int64_t				 id;		/* stable id (OParl AgendaItem
							   URL), or 0: then meeting id
							   + number are used */
};

struct meeting_view {
	int64_t				 id;
	const char			*uid;		/* stable, for iCal: "meeting-7@ramme" */
	const char			*body_name;	/* "Socialdirektørkredsen" */
	const char			*body_key;	/* "socdir", "das", "fu" ... */
	const char			*title;		/* "Møde i Socialdirektørkredsen" */
	const char			*start;		/* local ISO "2011-10-06T13:00" */
	const char			*end;		/* or NULL */
	const char			*place;
	const char			*room;		/* or NULL */
	const char			*state;		/* planlagt, indkaldt, afholdt,
							   referat_udkast, referat_godkendt,
							   aflyst */
	bool				 cancelled;
	struct meeting_view_person	*people;	/* participants, afbud, ... */
	size_t				 npeople;
	const char			*referent;
	const char			*case_no;	/* Sagsnr. */
	const char			*doc_no;	/* Dok.nr. */
	struct meeting_view_item	*items;
	size_t				 nitems;
	const char			*created_at;	/* ISO timestamp UTC */
	const char			*updated_at;	/* ISO timestamp UTC */
	const char			*minutes_approved_at; /* or NULL */
	const char			*url;		/* the public page, or NULL */
};

#endif
