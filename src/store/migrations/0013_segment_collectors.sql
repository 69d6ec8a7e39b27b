-- A segment's portfolio: its customers' call and escalation tasks go to this collector unless the
-- customer has a collector of its own.
alter table segments add column collector_id uuid;
