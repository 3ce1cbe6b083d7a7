-- 013: the rules of the annual cycle (årshjul). A row is one version of
-- the rule of a step kind, applying from from_year until a newer
-- version of the same kind; a retired version ends the step from its
-- year on. The defaults (core/cycle.c) are written by `ramme init`.
-- See core/cycle.h for how a date is computed from the columns.

CREATE TABLE cycle_rule (
	id		INTEGER PRIMARY KEY,
	kind		TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 48 AND
			    kind NOT GLOB '*[^a-z0-9_]*'),
	from_year	INTEGER NOT NULL CHECK (from_year BETWEEN 2000 AND 2100),
	retired		INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
	title		TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
	how		TEXT NOT NULL CHECK (how IN ('fixed', 'last_weekday',
			    'relative', 'election')),
	month		INTEGER NOT NULL DEFAULT 0 CHECK (month BETWEEN 0 AND 12),
	day		INTEGER NOT NULL DEFAULT 0 CHECK (day BETWEEN 0 AND 31),
	weekday		INTEGER NOT NULL DEFAULT 0 CHECK (weekday BETWEEN 0 AND 7),
	base_kind	TEXT,			-- relative: the step it follows
	offset_days	INTEGER NOT NULL DEFAULT 0 CHECK (offset_days BETWEEN
			    -366 AND 366),
	period_year	INTEGER NOT NULL DEFAULT 0 CHECK (period_year BETWEEN
			    0 AND 4),
	party		TEXT NOT NULL CHECK (party IN ('secretariat',
			    'municipalities', 'operators', 'das', 'councils',
			    'expert_panel', 'all')),
	note		TEXT,			-- source or remark, Danish
	reason		TEXT,			-- why it was last changed
	updated_at	TEXT NOT NULL,
	UNIQUE (kind, from_year)
) STRICT;
