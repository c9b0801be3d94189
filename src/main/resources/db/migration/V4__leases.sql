-- Version 4: leases on pending postings. Several workers on one PostgreSQL database each claim
-- a page of pending postings by writing their name and an expiry; a worker renews its leases
-- while it lives, so a killed worker's postings return to the pool when the lease runs out.
-- (A SQLite file has one writing process, so its postings are never leased.)
ALTER TABLE raw_postings ADD COLUMN lease_owner TEXT;
ALTER TABLE raw_postings ADD COLUMN lease_until BIGINT;
-- Only the postings a worker holds: renewing and releasing touch those, not the whole table.
CREATE INDEX raw_postings_lease ON raw_postings (lease_owner) WHERE outcome = 'pending' AND lease_owner IS NOT NULL;
