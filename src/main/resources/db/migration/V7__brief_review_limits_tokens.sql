-- The editor's loop in the browser (issue 10): a reviewer's comment when sending a brief back, the word limit an
-- editor sets per section of a brief (flagged when passed, never refused), and the token of each "Add an item" form
-- that was saved, so that a form sent twice adds its item once.

alter table brief_revision add column review_comment varchar(4000);

create table brief_word_limit (
    situation_id  varchar(80)  not null references situation (id),
    section       varchar(20)  not null,
    words         integer      not null,
    primary key (situation_id, section)
);

create table brief_form_token (
    situation_id  varchar(80)  not null references situation (id),
    token         varchar(64)  not null,
    item_key      varchar(80)  not null,
    created_at    timestamp    not null,
    primary key (situation_id, token)
);
