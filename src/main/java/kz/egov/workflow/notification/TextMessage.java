package kz.egov.workflow.notification;

import java.util.regex.Pattern;

/**
 * A text message to a Kazakh mobile number ({@code +7} and ten digits).
 *
 * @param purpose what it is for, e.g. {@code one-time-password}; the embedded gateway files messages by it
 */
public record TextMessage(String phone, String body, String purpose) {

  public static final Pattern PHONE = Pattern.compile("\\+7[0-9]{10}");

  public TextMessage {
    if (phone == null || !PHONE.matcher(phone).matches()) {
      throw new IllegalArgumentException("phone: +7 and 10 digits, not '" + phone + "'");
    }
    if (body == null || body.isBlank() || body.length() > 1000) {
      throw new IllegalArgumentException("body: 1 to 1000 characters");
    }
  }

  /** "+7701***4567": enough for the applicant to recognise the number, not enough to learn it. */
  public static String masked(String phone) {
    return phone.length() < 8 ? "***" : phone.substring(0, 5) + "***" + phone.substring(phone.length() - 4);
  }
}
