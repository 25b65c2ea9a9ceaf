-- The Council's composition as data an admin records without a release (decision 0026): every seat, permanent or
-- elected, with its first and last day (none for a permanent seat), and the groupings a member joins for some years
-- (A3+). The shipped reference files are written in at start where nothing is recorded for them (origin 'shipped');
-- what an admin records names its origin (the command, the file imported, the workspace). A removed term or grouping
-- is kept, marked removed, so that the shipped data never brings it back.
drop table council_term;

create table council_term (
    state_code  varchar(3)   not null references state (code),
    seat        varchar(10)  not null,
    first_day   date         not null,
    last_day    date,
    origin      varchar(300) not null,
    removed     boolean      not null default false,
    primary key (state_code, first_day)
);

create table council_grouping (
    grouping_id  varchar(20)  not null,
    first_year   integer      not null,
    last_year    integer      not null,
    joined_by    varchar(3)   not null references state (code),
    origin       varchar(300) not null,
    removed      boolean      not null default false,
    primary key (grouping_id, first_year)
);
