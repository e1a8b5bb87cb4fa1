-- Results kept for applicants who did not collect them by the deadline (R4 item 17.4; docs/documents.md,
-- "Safekeeping"). One row per application, written when the hand-over diagram's collection timer fires;
-- handed_over_at is set when the clerk finally hands the result over.
CREATE TABLE result_safekeeping (
  application_id      VARCHAR(64)  NOT NULL PRIMARY KEY,
  application_number  VARCHAR(40),
  provider            VARCHAR(40),
  hand_over_group     VARCHAR(80),
  applicant_name      VARCHAR(300),
  result_kind         VARCHAR(30),
  document_number     VARCHAR(80),
  collect_by          TIMESTAMP WITH TIME ZONE NOT NULL,
  since               TIMESTAMP WITH TIME ZONE NOT NULL,
  process_instance_id VARCHAR(64)  NOT NULL,
  handed_over_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_result_safekeeping_provider ON result_safekeeping (provider, handed_over_at);
