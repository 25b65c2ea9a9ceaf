-- The calendar and stale briefs (issue 13): what each import brought in, item by item, so that a brief can tell what
-- arrived on its situation after its last publication (a file of many UPR reviews logs one line); what the office
-- sets in the workspace (the age after which a brief's date makes it stale); and each user's secret feed address,
-- kept as a SHA-256 hash of its token, so that a feed reader that cannot log in follows that user's stale briefs.

create table import_log_item (
    import_id  bigint        not null references import_log (id) on delete cascade,
    position   integer       not null,
    kind       varchar(20)   not null,
    item_key   varchar(200)  not null,
    primary key (import_id, position)
);

create index import_log_item_key on import_log_item (kind, item_key);

create table office_setting (
    name        varchar(60)   primary key,
    setting     varchar(200)  not null,
    changed_by  varchar(80)   not null,
    changed_at  timestamp     not null
);

create table feed_token (
    user_id     bigint        primary key references app_user (id) on delete cascade,
    token_hash  varchar(64)   not null unique,
    created_at  timestamp     not null
);
