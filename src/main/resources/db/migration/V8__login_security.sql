-- steerflow domain schema, version 8: login security. A member whose password an admin reset (or the
-- first admin of a fresh install) must choose a new one before doing anything else; a temporary
-- password set by a reset stops working after a while. Portable SQL: Derby and PostgreSQL both run it.

-- Existing members keep the password they have.
ALTER TABLE SF_MEMBER ADD COLUMN PASSWORD_CHANGE_REQUIRED BOOLEAN DEFAULT FALSE NOT NULL;
-- When the temporary password set by a reset stops working; NULL when there is none or it never
-- expires (the first admin's, set by the operator).
ALTER TABLE SF_MEMBER ADD COLUMN TEMPORARY_PASSWORD_EXPIRES_AT TIMESTAMP;
