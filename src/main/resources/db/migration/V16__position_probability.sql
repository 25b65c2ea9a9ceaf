-- The learnt positions reader (issue 11, decision 0038): each proposed position carries the calibrated probability
-- that careful readers would hold it. Null where none was measured: positions stored before the reader, and the rules'
-- reading of press summaries.
alter table position add column probability double precision;
