-- The decision log as streams of a Merkle tree (RFC 9162) instead of one hash chain (docs/security.md).
-- Each replica writes a stream of its own, leased here, so that replicas never contend for one head; a receipt's
-- place is (stream, leaf_index), its leaf the SHA-256 of its digest. Checkpoints (signed tree heads) are kept per
-- stream. A log written before this migration becomes stream 1, its receipts leaves 0..n-1 in their order; its
-- tree is computed the first time a replica takes the stream.

create table log_stream (
    stream        int          primary key,
    -- The replica writing the stream: its instance name (kept after it lets go, so it takes its own stream back
    -- first), a token of the process, and until when its lease runs (database time).
    holder_name   varchar(200),
    holder_token  varchar(64),
    lease_until   timestamp with time zone,
    -- The tree as written: its size, root (hex) and right edge (the roots of its perfect subtrees, hex, comma-joined).
    -- A null root means not computed yet (a stream migrated from the hash chain).
    tree_size     bigint       not null,
    root          varchar(64),
    frontier      varchar(5000),
    -- The latest signed checkpoint of the stream (a signed note), so any replica can hand it out.
    checkpoint    varchar(2000),
    created_at    timestamp with time zone not null
);

create table log_checkpoint (
    stream     int           not null,
    tree_size  bigint        not null,
    signed_at  varchar(24)   not null,
    note       varchar(2000) not null,
    primary key (stream, tree_size)
);

create table log_receipt (
    stream        int              not null,
    leaf_index    bigint           not null,
    decision_id   varchar(36)      not null unique,
    decision      varchar(60)      not null,
    registry_id   varchar(40),
    as_of         date             not null,
    act_id        varchar(80)      not null,
    edition       varchar(40)      not null,
    kb_version    varchar(80)      not null,
    answered_at   varchar(24)      not null,
    caller        varchar(100)     not null,
    request       varchar(1000000) not null,
    answer        varchar(1000000) not null,
    digest        varchar(64)      not null,
    primary key (stream, leaf_index)
);

insert into log_receipt (stream, leaf_index, decision_id, decision, registry_id, as_of, act_id, edition, kb_version,
                         answered_at, caller, request, answer, digest)
select 1, seq - 1, decision_id, decision, registry_id, as_of, act_id, edition, kb_version, answered_at, caller,
       request, answer, digest
from receipt;

insert into log_stream (stream, tree_size, created_at)
select 1, seq, current_timestamp from log_head;

drop table receipt;
drop table log_head;
alter table log_receipt rename to receipt;

create index receipt_registry_id on receipt (registry_id);
create index receipt_as_of on receipt (as_of);
create index receipt_answered_at on receipt (answered_at);
create index receipt_decision on receipt (decision);
