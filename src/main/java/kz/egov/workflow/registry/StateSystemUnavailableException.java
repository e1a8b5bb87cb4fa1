package kz.egov.workflow.registry;

/**
 * An outside state system could not give an answer: unreachable, too slow, an error status, or an answer
 * we cannot read. Not an answer such as "not found": a delegate lets it propagate so that the job is
 * retried and, once the retries are used up, ends as an incident in Cockpit.
 */
public class StateSystemUnavailableException extends RuntimeException {

  private final String system;

  public StateSystemUnavailableException(String system, String reason, Throwable cause) {
    super(system + ": " + reason, cause);
    this.system = system;
  }

  public StateSystemUnavailableException(String system, String reason) {
    this(system, reason, null);
  }

  public String system() {
    return system;
  }
}
