-- The warnings a validator acknowledged, kept with the draft (JSON list, null before validation):
-- who acknowledged each and when, for the annex of every export. Portable SQL (H2 and PostgreSQL).
ALTER TABLE drafts ADD COLUMN acknowledgements TEXT;
