-- One-time passwords (R3 item 9, P3: the request is confirmed by a one-time password instead of an EDS) and
-- the text messages the embedded SMS gateway keeps (docs/process-variables.md, "R3"). Plain SQL for H2 and
-- PostgreSQL alike.
CREATE TABLE one_time_password (
  id                    VARCHAR(36)  NOT NULL PRIMARY KEY,
  -- who may use it and for which application: the applicant's IIN/BIN and the portal's reference
  applicant_id          VARCHAR(12)  NOT NULL,
  application_reference VARCHAR(64)  NOT NULL,
  phone                 VARCHAR(16)  NOT NULL,
  -- HMAC-SHA-256 of the code under a random salt: the code itself is only in the text message
  code_salt             VARCHAR(64)  NOT NULL,
  code_hash             CHAR(64)     NOT NULL,
  requested_by          VARCHAR(64)  NOT NULL,
  issued_at             TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at            TIMESTAMP WITH TIME ZONE NOT NULL,
  failed_attempts       INTEGER      DEFAULT 0 NOT NULL,
  used_at               TIMESTAMP WITH TIME ZONE,
  used_by_application   VARCHAR(64)
);
-- the rate limits count a phone's and an application's recent codes
CREATE INDEX ix_one_time_password_phone ON one_time_password (phone, issued_at);
CREATE INDEX ix_one_time_password_reference ON one_time_password (application_reference, issued_at);

CREATE TABLE sms_message (
  id         VARCHAR(36)   NOT NULL PRIMARY KEY,
  phone      VARCHAR(16)   NOT NULL,
  body       VARCHAR(1000) NOT NULL,
  purpose    VARCHAR(40)   NOT NULL,
  sent_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_sms_message_phone ON sms_message (phone, sent_at);
