package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Applications received through {@code POST /api/v1/applications} (docs/applications.md): the request as
 * submitted, its attachments, and the first answer, so that a retry with the same Idempotency-Key gets it
 * again. A Java migration only because attachments of up to 10 MiB need a large binary column, which H2
 * calls BLOB and PostgreSQL BYTEA; everything else is the same SQL on both.
 */
public class V50__applications extends BaseJavaMigration {

  private static final String TABLES = """
      CREATE TABLE application (
        id                  VARCHAR(64)  NOT NULL PRIMARY KEY,
        service             VARCHAR(80)  NOT NULL,
        channel             VARCHAR(40)  NOT NULL,
        request_kind        VARCHAR(40),
        applicant_id        CHAR(12)     NOT NULL,
        applicant_name      VARCHAR(300),
        portal_login        CHAR(12),
        submitted_by        VARCHAR(255) NOT NULL,
        idempotency_key     VARCHAR(100) NOT NULL,
        request_sha256      CHAR(64)     NOT NULL,
        form_data           TEXT         NOT NULL,
        cms                 TEXT,
        process_instance_id VARCHAR(64),
        response            TEXT,
        created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT uq_application_idempotency UNIQUE (submitted_by, idempotency_key)
      );
      CREATE INDEX ix_application_applicant ON application (applicant_id, created_at);
      CREATE TABLE application_attachment (
        application_id VARCHAR(64)  NOT NULL REFERENCES application (id),
        position       INTEGER      NOT NULL,
        name           VARCHAR(255) NOT NULL,
        content_type   VARCHAR(255) NOT NULL,
        size_bytes     BIGINT       NOT NULL,
        sha256         CHAR(64)     NOT NULL,
        content        %s           NOT NULL,
        PRIMARY KEY (application_id, position)
      )""";

  @Override
  public void migrate(Context context) throws Exception {
    String database = context.getConnection().getMetaData().getDatabaseProductName();
    String binary = database.toLowerCase().contains("postgres") ? "BYTEA" : "BLOB";
    try (Statement statement = context.getConnection().createStatement()) {
      for (String sql : TABLES.formatted(binary).split(";")) {
        statement.execute(sql.strip());
      }
    }
  }
}
