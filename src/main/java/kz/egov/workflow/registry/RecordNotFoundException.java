package kz.egov.workflow.registry;

/** A record asked for by its key does not exist: 404. */
public class RecordNotFoundException extends RuntimeException {

  public RecordNotFoundException(String message) {
    super(message);
  }
}
