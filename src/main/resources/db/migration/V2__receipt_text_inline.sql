-- Requests and answers as inline character data rather than large objects: H2 stores TEXT as LOBs, which made
-- each receipt write several times slower (docs/benchmarks.md). An answer is a few tens of kilobytes.
alter table receipt alter column request set data type varchar(1000000);
alter table receipt alter column answer set data type varchar(1000000);
