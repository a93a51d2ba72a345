-- The decision log: one receipt per decision answered, chained by hash, and the sources of every
-- knowledge-base version that answered, content-addressed. Portable SQL: H2 (embedded) and PostgreSQL.

create table knowledge_base_version (
    version     varchar(80) primary key,
    stored_at   varchar(24) not null
);

create table knowledge_base_file (
    version     varchar(80)  not null references knowledge_base_version (version),
    path        varchar(500) not null,
    content     text         not null,
    primary key (version, path)
);

create table receipt (
    seq           bigint       primary key,
    decision_id   varchar(36)  not null unique,
    decision      varchar(60)  not null,
    registry_id   varchar(40),
    as_of         date         not null,
    act_id        varchar(80)  not null,
    edition       varchar(40)  not null,
    kb_version    varchar(80)  not null,
    answered_at   varchar(24)  not null,
    caller        varchar(100) not null,
    request       text         not null,
    answer        text         not null,
    digest        varchar(64)  not null,
    chain         varchar(64)  not null
);

create index receipt_registry_id on receipt (registry_id);
create index receipt_as_of on receipt (as_of);
create index receipt_answered_at on receipt (answered_at);
create index receipt_decision on receipt (decision);

-- The head of the chain, written in the same transaction as the receipts: a receipt deleted from the
-- end of the log leaves the head pointing past it.
create table log_head (
    id     int         primary key,
    seq    bigint      not null,
    chain  varchar(64) not null
);
