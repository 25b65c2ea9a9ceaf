-- One row per piece of work that two instances starting on one database must not do at once (decision 0030): the
-- writing of the shipped states and Council terms takes this row with SELECT ... FOR UPDATE, on H2 and PostgreSQL.
create table app_lock (
    name  varchar(40) primary key
);
insert into app_lock (name) values ('shipped-data');
