package kz.egov.workflow.registry;

/** Which adapter stands behind a state system's port: our own tables, or the real system over HTTP. */
public enum StateSystemAdapter {
  /** Data in this application's database, managed over {@code /api/v1}: works out of the box. */
  EMBEDDED,
  /** The real system behind the e-gov gateway, reached over HTTP. */
  HTTP
}
