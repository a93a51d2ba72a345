-- Where each kept knowledge-base version came from (issue 12): only the service's own versions ('built-in') are
-- compiled and evaluated in the service process; a proposed 'candidate' runs only in a confined worker. Versions kept
-- before this column existed may be refused candidates of the old endpoint (which kept them), so they are
-- 'unverified': treated as candidates, but not counted against the candidates' quota. At start the live version is
-- marked 'built-in' again, so a kept copy of it is compiled in the process as before.
alter table knowledge_base_version add column origin varchar(16) default 'unverified' not null;
-- Bytes of all files of the version, for the candidates' quota without reading their contents.
alter table knowledge_base_version add column size_bytes bigint default 0 not null;
-- Who proposed a candidate (the key's or token subject's name, never the key).
alter table knowledge_base_version add column proposed_by varchar(200);
