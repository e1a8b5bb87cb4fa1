-- Portal accounts (R2 item 6 (pre), P1/C1 of every portal diagram): the applicant registers on the portal
-- with the EDS certificate; C1 asks whether the login (IIN or BIN) belongs to a registered, active account.
-- The embedded stand-in for the e-gov portal's register of user accounts. Plain SQL for H2 and PostgreSQL.
CREATE TABLE portal_account (
  login          CHAR(12)     NOT NULL PRIMARY KEY,
  display_name   VARCHAR(300) NOT NULL,
  -- the legal entity a person signs in for (the BIN of the certificate's OU), when there is one
  acts_for_bin   CHAR(12),
  registered_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  status         VARCHAR(10)  NOT NULL,
  blocked_reason VARCHAR(500),
  CONSTRAINT ck_portal_account_status CHECK (status IN ('ACTIVE', 'BLOCKED')),
  -- a blocked account says why; an active one carries no stale reason
  CONSTRAINT ck_portal_account_blocked CHECK ((status = 'ACTIVE' AND blocked_reason IS NULL)
      OR (status = 'BLOCKED' AND blocked_reason IS NOT NULL))
);
CREATE INDEX ix_portal_account_acts_for ON portal_account (acts_for_bin);
