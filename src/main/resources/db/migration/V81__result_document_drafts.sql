-- Drafts of results that an official signs with his or her own EDS (R3 item 5 steps 5-6: the executor prepares
-- the certificate or the motivated refusal, the head signs it). The head's detached CMS covers the draft's exact
-- PDF bytes; once it verifies, the draft becomes the result_document (V60) with that signature. One draft per
-- application and kind; preparing again replaces it.
CREATE TABLE result_document_draft (
  application_id   VARCHAR(64)  NOT NULL,
  kind             VARCHAR(30)  NOT NULL,
  document_number  VARCHAR(80)  NOT NULL,
  -- the engine user who is to sign it (the head appointed to the application)
  signatory        VARCHAR(64)  NOT NULL,
  prepared_by      VARCHAR(64),
  prepared_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  record_json      TEXT         NOT NULL,
  pdf              BYTEA        NOT NULL,
  pdf_sha256       CHAR(64)     NOT NULL,
  CONSTRAINT pk_result_document_draft PRIMARY KEY (application_id, kind),
  CONSTRAINT ck_result_document_draft_kind CHECK (kind IN ('licence', 'refusal', 'certificate', 'archival-certificate'))
);
