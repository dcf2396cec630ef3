-- Per-row storage of the two tables that grow with the country: HourEntries and Clients (docs/scale.md).
-- Run against a Server database with the demo data (Seed:Demo and Seed:DemoHours, PostgreSQL provider):
--   psql "host=127.0.0.1 port=5432 user=postgres dbname=gon_scale" -v entries=200000 -v clients=100000 -f bench/Scale/measure-sizes.sql
-- It adds copies of demo rows with fresh random keys (as the Server makes them: random UUIDs, a 36-character
-- entry key, a 37-byte BSN cipher and a 32-byte keyed hash), so the indexes grow with realistic page splits,
-- then reports total, heap and index bytes per row, before and after, and the growth per added row.
\set ON_ERROR_STOP on
\timing off

CREATE TEMP TABLE size_before AS
SELECT c.relname AS tbl,
       (SELECT count(*) FROM "HourEntries") AS hour_rows,
       (SELECT count(*) FROM "Clients") AS client_rows,
       pg_total_relation_size(c.oid) AS total, pg_relation_size(c.oid) AS heap, pg_indexes_size(c.oid) AS indexes
FROM pg_class c WHERE c.relname IN ('HourEntries', 'Clients');

INSERT INTO "HourEntries" ("Id", "EntryKey", "ArrangementId", "ClientId", "AreaId", "TenantId", "ServiceDate", "Product", "Unit",
    "Quantity", "ActivityNote", "ReportedByProviderId", "SubcontractId", "ReversesEntryId", "Status", "SubmittedAt", "SubmittedBy",
    "ReviewedAt", "ReviewedBy", "ReviewNote")
SELECT gen_random_uuid(), gen_random_uuid()::text, t."ArrangementId", t."ClientId", t."AreaId", t."TenantId",
       t."ServiceDate" + (g % 28), t."Product", t."Unit", t."Quantity", t."ActivityNote", t."ReportedByProviderId", t."SubcontractId",
       NULL, t."Status", t."SubmittedAt", t."SubmittedBy", t."ReviewedAt", t."ReviewedBy", t."ReviewNote"
FROM generate_series(1, :entries) AS g
JOIN (SELECT *, row_number() OVER (ORDER BY "Id") - 1 AS n FROM "HourEntries") t ON t.n = g % (SELECT count(*) FROM "HourEntries");

INSERT INTO "Clients" ("Id", "TenantId", "AreaId", "BsnCipher", "BsnHash", "GivenNames", "Initials", "SurnamePrefix", "Surname",
    "DisplayName", "SearchText", "DateOfBirth", "Postcode", "CreatedAt", "CreatedBy", "CreatedByOrganisationId", "UpdatedAt", "UpdatedBy",
    "WijOrganisationIds", "ContactDetails_City", "ContactDetails_ContactPersonName", "ContactDetails_ContactPersonPhoneNumber",
    "ContactDetails_Email", "ContactDetails_HouseNumber", "ContactDetails_HouseNumberAddition", "ContactDetails_PhoneNumber", "ContactDetails_Street")
SELECT gen_random_uuid(), t."TenantId", t."AreaId", decode(md5(random()::text) || md5(random()::text) || 'abcdef0123', 'hex')::bytea,
       sha256(gen_random_uuid()::text::bytea), t."GivenNames", t."Initials", t."SurnamePrefix", t."Surname" || (g % 97),
       t."DisplayName", t."SearchText", t."DateOfBirth", t."Postcode", t."CreatedAt", t."CreatedBy", t."CreatedByOrganisationId",
       t."UpdatedAt", t."UpdatedBy", t."WijOrganisationIds", t."ContactDetails_City", t."ContactDetails_ContactPersonName",
       t."ContactDetails_ContactPersonPhoneNumber", t."ContactDetails_Email", t."ContactDetails_HouseNumber",
       t."ContactDetails_HouseNumberAddition", t."ContactDetails_PhoneNumber", t."ContactDetails_Street"
FROM generate_series(1, :clients) AS g
JOIN (SELECT *, row_number() OVER (ORDER BY "Id") - 1 AS n FROM "Clients") t ON t.n = g % (SELECT count(*) FROM "Clients");

VACUUM ANALYZE "HourEntries";
VACUUM ANALYZE "Clients";

SELECT c.relname AS "table",
       a.rows_after AS "rows",
       round(pg_total_relation_size(c.oid)::numeric / a.rows_after) AS "total B/row",
       round(pg_relation_size(c.oid)::numeric / a.rows_after) AS "heap B/row",
       round(pg_indexes_size(c.oid)::numeric / a.rows_after) AS "indexes B/row",
       round((pg_total_relation_size(c.oid) - b.total)::numeric / (a.rows_after - a.rows_before)) AS "added total B/row",
       round((pg_indexes_size(c.oid) - b.indexes)::numeric / (a.rows_after - a.rows_before)) AS "added indexes B/row",
       pg_size_pretty(pg_total_relation_size(c.oid)) AS "total"
FROM pg_class c
JOIN size_before b ON b.tbl = c.relname
CROSS JOIN LATERAL (SELECT CASE c.relname WHEN 'HourEntries' THEN (SELECT count(*) FROM "HourEntries") ELSE (SELECT count(*) FROM "Clients") END AS rows_after,
                           CASE c.relname WHEN 'HourEntries' THEN b.hour_rows ELSE b.client_rows END AS rows_before) a
ORDER BY 1;

-- Each index of the two tables, bytes per row.
SELECT t.relname AS "table", i.relname AS "index",
       round(pg_relation_size(i.oid)::numeric / GREATEST(t.reltuples, 1)) AS "B/row", pg_size_pretty(pg_relation_size(i.oid)) AS "size"
FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
WHERE t.relname IN ('HourEntries', 'Clients')
ORDER BY 1, 2;

-- The rest of the schema as the demo leaves it (small tables: per-row figures there are rough).
SELECT c.relname AS "table", c.reltuples::bigint AS "rows", pg_size_pretty(pg_total_relation_size(c.oid)) AS "total",
       CASE WHEN c.reltuples > 0 THEN round(pg_total_relation_size(c.oid)::numeric / c.reltuples) END AS "total B/row"
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'r' AND n.nspname = 'public' AND c.relname NOT IN ('HourEntries', 'Clients')
ORDER BY pg_total_relation_size(c.oid) DESC LIMIT 12;
