-- Conversations listed, renamed and purged by their owner: a title, the time of the last turn
-- (the retention counts from it), and each turn's sources so that a reopened conversation shows
-- them again. Portable SQL: runs on the embedded H2 (PostgreSQL mode) and on PostgreSQL.

ALTER TABLE conversations ADD COLUMN title VARCHAR(200);
ALTER TABLE conversations ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
UPDATE conversations SET updated_at = COALESCE(
    (SELECT MAX(t.asked_at) FROM conversation_turns t WHERE t.conversation_id = conversations.id), created_at);
ALTER TABLE conversations ALTER COLUMN updated_at SET NOT NULL;
CREATE INDEX conversations_by_owner ON conversations (owner, capsule_id, updated_at);
CREATE INDEX conversations_by_age ON conversations (updated_at);

ALTER TABLE conversation_turns ADD COLUMN citations TEXT;
