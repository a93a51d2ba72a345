-- Answers are stored compressed against a dictionary: an earlier answer of the same kind, knowledge-base version
-- and edition, which repeats the same citations, quotes and names (docs/benchmarks.md). A dictionary is addressed
-- by the SHA-256 of its text and written in the same transaction as the first receipt that needs it; it is never
-- changed or deleted, or the answers stored against it no longer read (and the chain verification says so).
create table answer_dictionary (
    id       varchar(64)      primary key,
    content  varchar(1000000) not null
);
