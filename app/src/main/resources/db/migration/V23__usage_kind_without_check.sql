-- H2 2.4 loses CHECK constraints that compare a column with string literals once the connection
-- that created them is closed: every insert then fails with "Check constraint invalid" (the pool
-- retires the migrating connection after 30 minutes, so an embedded service refused every draft
-- after half an hour). The kind is written by usage.Metering alone ('answer', 'row', 'draft'); the
-- constraint goes.
-- Portable SQL (H2 and PostgreSQL).
ALTER TABLE usage_records DROP CONSTRAINT usage_records_kind;
