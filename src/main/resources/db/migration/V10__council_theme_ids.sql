-- DESIGN.md's Council theme ids restored (decision 0024). The Council scheme had renamed three of its fixed ids;
-- what was stored under the former ids is rewritten to the fixed ones, so that every position keeps its status and
-- what an editor decided about it, and the change log tells that history in the ids the application now uses.
-- Briefs, their revisions (JSON) and key topics hold prose and member lists, never a theme id; nothing else stores one.

-- First the log says that ids were rewritten, when there is anything to rewrite (a new database has nothing). Its
-- times are UTC, as the application writes them: going through text keeps H2 from turning the UTC time back into the
-- session's zone.
insert into change_log (changed_at, username, entity, entity_id, action, detail)
select cast(substring(cast(current_timestamp at time zone 'UTC' as varchar(40)), 1, 19) as timestamp),
       'migration V10', 'scheme', 'council', 'theme ids restored',
       'Positions and their log entries moved from former Council theme ids to the fixed ids of DESIGN.md: '
           || 'conflict-related-sexual-violence to sexual-violence, children-and-armed-conflict to children, '
           || 'cooperation-with-un-mechanisms to cooperation-with-un ('
           || cast((select count(*) from position where theme in ('conflict-related-sexual-violence',
                   'children-and-armed-conflict', 'cooperation-with-un-mechanisms')) as varchar(20))
           || ' positions)'
where exists (select 1 from position where theme in ('conflict-related-sexual-violence',
                  'children-and-armed-conflict', 'cooperation-with-un-mechanisms'))
   or exists (select 1 from change_log where entity = 'position'
                  and (detail like '% conflict-related-sexual-violence (%'
                       or detail like '% children-and-armed-conflict (%'
                       or detail like '% cooperation-with-un-mechanisms (%'));

-- Positions, whichever source they were read in (a meeting record's speech or a press summary's paragraph), and
-- whatever their status: only the theme changes.
update position set theme = 'sexual-violence' where theme = 'conflict-related-sexual-violence';
update position set theme = 'children' where theme = 'children-and-armed-conflict';
update position set theme = 'cooperation-with-un' where theme = 'cooperation-with-un-mechanisms';

-- The log's position entries name a theme before its status in brackets, "FRA condemns <theme> (accepted)": on both
-- sides of an editor's decision ("before -> after") and in a position dropped on re-import ("... (rejected), speech
-- 3: evidence"). Only an id followed by its bracket is rewritten, so the evidence is left as the speaker said it.
update change_log set detail = replace(detail, ' conflict-related-sexual-violence (', ' sexual-violence (')
where entity = 'position' and detail like '% conflict-related-sexual-violence (%';
update change_log set detail = replace(detail, ' children-and-armed-conflict (', ' children (')
where entity = 'position' and detail like '% children-and-armed-conflict (%';
update change_log set detail = replace(detail, ' cooperation-with-un-mechanisms (', ' cooperation-with-un (')
where entity = 'position' and detail like '% cooperation-with-un-mechanisms (%';
