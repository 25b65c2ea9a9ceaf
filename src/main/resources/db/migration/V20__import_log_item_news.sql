-- Stale briefs without noise (decision 0048): each item an import brought is still logged, with whether it was news,
-- that is, added or its content changed by the import. A UPR review, meeting record, press summary or resolution
-- imported again unchanged (a re-downloaded export, the same record as PDF) is logged but makes no brief stale. Items
-- logged before this version were all taken as news, and stay so.

alter table import_log_item add column news boolean default true not null;
