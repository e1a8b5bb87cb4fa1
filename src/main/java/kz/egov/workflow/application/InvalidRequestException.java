package kz.egov.workflow.application;

import java.util.List;

/**
 * Bad input from a caller: answered with 400 and every problem found, so that the caller fixes all of
 * them at once. Thrown before anything is written.
 */
public class InvalidRequestException extends RuntimeException {

  private final List<String> problems;

  public InvalidRequestException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public InvalidRequestException(String problem) {
    this(List.of(problem));
  }

  public List<String> problems() {
    return problems;
  }
}
