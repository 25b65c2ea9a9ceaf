-- Positions found in press-release summaries (SC/nnnnn), for an editor to accept, correct or reject like those of
-- meeting records (issue 4): a position comes from either a statement of a meeting record or a paragraph of a press
-- summary, never both. A release keeps the date of the meeting it covers when it prints it, so that a meeting known
-- only from its press summary can be placed on the site.

alter table position alter column statement_id drop not null;
alter table position add column press_release varchar(30);
alter table position add column press_paragraph integer;
alter table position add constraint position_source
    check ((statement_id is null and press_release is not null and press_paragraph is not null)
        or (statement_id is not null and press_release is null and press_paragraph is null));
alter table position add constraint position_press_paragraph
    foreign key (press_release, press_paragraph) references press_paragraph (press_release, position);

create index position_press on position (press_release, press_paragraph);

alter table press_release add column meeting_date date;
