package kz.egov.workflow.notification;

/**
 * The port to the SMS gateway that texts applicants (R3 item 9, P3: the one-time password that confirms a
 * request). {@code embedded} keeps the messages in our database and logs them (demo, tests); {@code http} hands
 * them to the real gateway ({@code egov.notification.adapter}, docs/state-systems.md).
 */
public interface SmsGateway {

  /**
   * Sends the text; returns only once the gateway accepted it.
   *
   * @throws kz.egov.workflow.registry.StateSystemUnavailableException when the gateway does not accept it
   */
  void send(TextMessage message);
}
