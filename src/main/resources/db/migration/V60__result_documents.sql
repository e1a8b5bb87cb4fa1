-- Result documents (docs/documents.md): licences, certificates and motivated refusals as issued, each with
-- its structured record (JSON), the PDF, the provider's detached CMS signature over the PDF and the PDF's
-- SHA-256. Plain SQL that runs on H2 and PostgreSQL alike (BYTEA and TEXT are understood by both).
CREATE TABLE result_document (
  document_number    VARCHAR(80)  NOT NULL PRIMARY KEY,
  kind               VARCHAR(30)  NOT NULL,
  -- the application's id: the process's business key
  application_id     VARCHAR(64)  NOT NULL,
  application_number VARCHAR(40),
  provider           VARCHAR(40)  NOT NULL,
  holder_id          VARCHAR(12)  NOT NULL,
  holder_name        VARCHAR(300) NOT NULL,
  issued_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  record_json        TEXT         NOT NULL,
  pdf                BYTEA        NOT NULL,
  signature          BYTEA        NOT NULL,
  pdf_sha256         CHAR(64)     NOT NULL,
  -- a retried job issues nothing new: one document of a kind per application
  CONSTRAINT uq_result_document_application UNIQUE (application_id, kind),
  CONSTRAINT ck_result_document_kind CHECK (kind IN ('licence', 'refusal', 'certificate', 'archival-certificate'))
);
CREATE INDEX ix_result_document_application ON result_document (application_id);
