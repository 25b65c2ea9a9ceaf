-- Accounts in earnest (issue 12): login attempts counted in the database per client address, per account name and
-- per (account name, client), so that every instance sharing it counts the same attempts and one statement reserves
-- an attempt (decision 0028); the lock on an account that a stranger could hold is dropped. Sessions end after a
-- time without use as well as after a fixed time.

create table login_throttle (
    scope_key     varchar(80)  primary key,
    attempts      integer      not null,
    window_start  timestamp    not null
);

alter table app_session add column last_seen_at timestamp;
update app_session set last_seen_at = created_at;
alter table app_session alter column last_seen_at set not null;

alter table app_user drop column failed_attempts;
alter table app_user drop column locked_until;
