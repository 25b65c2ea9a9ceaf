-- What a published version's pictures were drawn from when it was published (decision 0049): the positions editors
-- had accepted at the comments section's latest meeting, as JSON written by site.BriefFigures. A published page, its
-- PDF and the static export draw from it until the next publication, whatever editors decide meanwhile. Null for the
-- versions published before it was kept, and for every other status.
alter table brief_revision add column pictures text;
