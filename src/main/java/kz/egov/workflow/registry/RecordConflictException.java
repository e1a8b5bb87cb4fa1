package kz.egov.workflow.registry;

/** The request contradicts what is already stored (a key taken, a repeat with other content): 409. */
public class RecordConflictException extends RuntimeException {

  public RecordConflictException(String message) {
    super(message);
  }
}
