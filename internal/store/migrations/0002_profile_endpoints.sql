-- Where a profile's services live when they are not the vendors' own
-- production hosts: the embedded demo and tests point a profile at the
-- simulators on loopback. Empty means the real service.
ALTER TABLE profiles ADD COLUMN autotask_lookup_url TEXT NOT NULL DEFAULT '';
ALTER TABLE profiles ADD COLUMN ledger_endpoint     TEXT NOT NULL DEFAULT '';
