-- 019: the register's rules from the minutes: a municipality's opt-out
-- (fravalg) of a category 2 offer with its history, and the dated
-- events that change an offer's operator or status (taken over, taken
-- home, closed). A regional takeover carried out (016) is recorded as
-- an event too, pointing at its notice.

-- One step in a municipality's opt-out of an offer: fravalgt (the
-- municipality opts the offer out, with its reason), genovervej (the
-- secretariat asks it to reconsider, with a comment), fastholdt (the
-- municipality keeps the opt-out after being asked), tilvalgt (it takes
-- the offer back in). The latest step is the decision in force.
CREATE TABLE offer_optout_step (
	id		INTEGER PRIMARY KEY,
	offer_id	INTEGER NOT NULL REFERENCES offer(id),
	municipality	TEXT NOT NULL REFERENCES organisation(code),
	kind		TEXT NOT NULL CHECK (kind IN ('fravalgt', 'genovervej',
			    'fastholdt', 'tilvalgt')),
	text		TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
	created_at	TEXT NOT NULL,
	created_by	TEXT NOT NULL
) STRICT;
CREATE INDEX offer_optout_step_offer ON offer_optout_step (offer_id,
	municipality, id);

-- An offer changing hands or closing on on_date: overtaget (another
-- operator takes it over), hjemtaget (a municipality takes it home),
-- lukket (closed). The operator and status before and after are kept so
-- the register can be shown as of any date; applied_at is when the
-- offer's record was changed ('' while the date has not come).
CREATE TABLE offer_event (
	id		INTEGER PRIMARY KEY,
	offer_id	INTEGER NOT NULL REFERENCES offer(id),
	kind		TEXT NOT NULL CHECK (kind IN ('overtaget', 'hjemtaget',
			    'lukket')),
	on_date		TEXT NOT NULL CHECK (date(on_date) IS on_date),
	from_operator	TEXT NOT NULL DEFAULT '',
	to_operator	TEXT NOT NULL DEFAULT '',
	from_status	TEXT NOT NULL,
	to_status	TEXT NOT NULL,
	note		TEXT NOT NULL DEFAULT '',
	takeover_id	INTEGER REFERENCES takeover(id),
	applied_at	TEXT NOT NULL DEFAULT '',
	created_at	TEXT NOT NULL,
	created_by	TEXT NOT NULL,
	UNIQUE (offer_id, on_date, kind)
) STRICT;
CREATE INDEX offer_event_offer ON offer_event (offer_id, on_date);

-- A long-term purchase agreement (købsaftale): a buying municipality
-- buys places of an offer from its operator for a binding period from
-- starts_on (e.g. 15 years); guarantor is who gives the idle-capacity
-- guarantee (tomgangsgaranti), '' when none is given.
CREATE TABLE purchase_agreement (
	id		INTEGER PRIMARY KEY,
	offer_id	INTEGER NOT NULL REFERENCES offer(id),
	buyer		TEXT NOT NULL REFERENCES organisation(code),
	operator	TEXT NOT NULL REFERENCES organisation(code),
	starts_on	TEXT NOT NULL CHECK (date(starts_on) IS starts_on),
	binding_years	INTEGER NOT NULL CHECK (binding_years BETWEEN 1 AND 50),
	guarantor	TEXT NOT NULL DEFAULT '',
	note		TEXT NOT NULL DEFAULT '',
	created_at	TEXT NOT NULL,
	created_by	TEXT NOT NULL
) STRICT;
CREATE INDEX purchase_agreement_offer ON purchase_agreement (offer_id);
CREATE INDEX purchase_agreement_buyer ON purchase_agreement (buyer);
