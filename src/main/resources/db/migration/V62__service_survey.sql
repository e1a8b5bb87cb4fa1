-- The "quality and accessibility" questionnaire of every regulation's last appendix (docs/documents.md, "Survey"):
-- one answer per application, after its result or refusal. Q1: the quality and result of the service; Q2: the
-- information about the procedure; each 1 not satisfied, 2 partly satisfied, 3 satisfied.
CREATE TABLE service_survey (
  application_id VARCHAR(64) NOT NULL PRIMARY KEY,
  service        VARCHAR(60) NOT NULL,
  provider       VARCHAR(40),
  q1             SMALLINT    NOT NULL,
  q2             SMALLINT    NOT NULL,
  answered_by    VARCHAR(64) NOT NULL,
  answered_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT ck_service_survey_q1 CHECK (q1 BETWEEN 1 AND 3),
  CONSTRAINT ck_service_survey_q2 CHECK (q2 BETWEEN 1 AND 3)
);
CREATE INDEX ix_service_survey_service ON service_survey (service);
