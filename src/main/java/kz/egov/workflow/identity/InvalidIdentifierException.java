package kz.egov.workflow.identity;

/** An IIN or BIN that is not one: the message names the number and what is wrong with it. */
public class InvalidIdentifierException extends IllegalArgumentException {

  public InvalidIdentifierException(String message) {
    super(message);
  }
}
