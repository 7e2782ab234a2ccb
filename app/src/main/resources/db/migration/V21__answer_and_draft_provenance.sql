-- Issue 11, point 4: each answer (conversation turn) and each draft carries the capsule version it came from (the
-- published version; NULL for the working copy) and the model digest its server reported, or why no model wrote it
-- ('none': abstention, extractive passages, similarity fallback; 'unreachable': the model could not answer).
-- The model name is already in the "model" column. Portable SQL (H2 and PostgreSQL).

ALTER TABLE conversation_turns ADD COLUMN published_version INTEGER;
ALTER TABLE conversation_turns ADD COLUMN model_digest VARCHAR(100);
ALTER TABLE conversation_turns ADD COLUMN model_absence VARCHAR(16);

ALTER TABLE drafts ADD COLUMN published_version INTEGER;
ALTER TABLE drafts ADD COLUMN model_digest VARCHAR(100);
ALTER TABLE drafts ADD COLUMN model_absence VARCHAR(16);
