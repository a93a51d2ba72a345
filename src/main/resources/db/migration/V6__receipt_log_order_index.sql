-- The log's order as auditors page through it (answer time, then stream and place: ReceiptRepository's LOG_ORDER).
-- Pages begin after the last receipt of the one before (LogPosition), so the index must hold the whole order for the
-- database to find a page's first receipt without reading the receipts before it. It replaces the index on the answer
-- time alone, which it covers for the answer-time filters.
drop index receipt_answered_at;
create index receipt_log_order on receipt (answered_at, stream, leaf_index);
