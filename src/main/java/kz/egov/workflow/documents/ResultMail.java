package kz.egov.workflow.documents;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Sends a stored result to the applicant's e-mail (R4 №1 P8, №2 P8: "hands the result over or sends it to the
 * applicant's e-mail"): the signed PDF and its detached signature ({@code .pdf.p7s}) as attachments, with a short
 * text in Kazakh and Russian that names the document and the link to verify it. Spring Mail sends through the SMTP
 * server of {@code spring.mail.*}; without one the step fails with a message that says so (an incident, never a
 * result reported as sent).
 */
@Service
public class ResultMail {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private final ObjectProvider<JavaMailSender> senders;
  private final DeliveryProperties properties;

  public ResultMail(ObjectProvider<JavaMailSender> senders, DeliveryProperties properties) {
    this.senders = senders;
    this.properties = properties;
  }

  /** What was sent: the message's id, for the record. */
  public record Sent(String messageId, String to, String documentNumber) {}

  /**
   * @throws IllegalArgumentException when {@code to} is not an e-mail address
   * @throws IllegalStateException when no SMTP server is configured
   * @throws MailException when the SMTP server cannot be reached or refuses the message (the job retries)
   */
  public Sent send(StoredDocument document, String to) {
    InternetAddress recipient = address(to);
    JavaMailSender sender = senders.getIfAvailable();
    if (sender == null) {
      throw new IllegalStateException("No SMTP server is configured, so the result " + document.number()
          + " cannot be e-mailed: set spring.mail.host and spring.mail.port (SPRING_MAIL_HOST, SPRING_MAIL_PORT)"
          + " and retry the step in Cockpit");
    }
    withTimeouts(sender);
    ResultDocument record = document.record();
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper mail = new MimeMessageHelper(message, true, "UTF-8");
      mail.setFrom(properties.mail().from());
      mail.setTo(recipient);
      mail.setSubject(record.kind().titleKk() + " / " + record.kind().titleRu() + " № " + record.number());
      mail.setText(text(record), false);
      mail.addAttachment(record.number() + ".pdf", new ByteArrayResource(document.pdf()), "application/pdf");
      mail.addAttachment(record.number() + ".pdf.p7s", new ByteArrayResource(document.signature()),
          "application/pkcs7-signature");
      message.saveChanges();
      String messageId = message.getMessageID();
      sender.send(message);
      return new Sent(messageId, recipient.getAddress(), record.number());
    } catch (MessagingException e) {
      throw new IllegalStateException("the e-mail with result " + record.number() + " cannot be composed: "
          + e.getMessage(), e);
    }
  }

  static String text(ResultDocument record) {
    String application = record.applicationNumber() == null ? record.applicationId() : record.applicationNumber();
    String issued = DATE.format(record.issuedAt());
    return "Құрметті " + record.applicant().name() + "!\n\n"
        + "№ " + application + " өтініміңіз бойынша мемлекеттік қызмет көрсету нәтижесі қоса беріліп отыр: "
        + record.kind().titleKk().toLowerCase(java.util.Locale.ROOT) + " № " + record.number() + ", " + issued
        + " (PDF), " + record.provider().nameKk() + " ЭЦҚ-сымен қол қойылған (.p7s файлы).\n"
        + "Құжаттың түпнұсқалығын тексеру: " + record.verificationUrl() + "\n\n"
        + "Уважаемый(ая) " + record.applicant().name() + "!\n\n"
        + "Направляем результат оказания государственной услуги по Вашему заявлению № " + application + ": "
        + record.kind().titleRu().toLowerCase(java.util.Locale.ROOT) + " № " + record.number() + " от " + issued
        + " (PDF), подписанный ЭЦП: " + record.provider().nameRu() + " (файл .p7s).\n"
        + "Проверка подлинности документа: " + record.verificationUrl() + "\n\n"
        + "Бірыңғай байланыс орталығы / Единый контакт-центр: 1414\n";
  }

  private static InternetAddress address(String to) {
    try {
      InternetAddress address = new InternetAddress(to == null ? "" : to.strip(), true);
      if (!address.getAddress().contains("@")) {
        throw new AddressException("no domain", to);
      }
      return address;
    } catch (AddressException e) {
      throw new IllegalArgumentException("resultEmail '" + to + "' is not an e-mail address", e);
    }
  }

  /** JavaMail waits forever by default: a hung SMTP server would hold a job executor thread. */
  private void withTimeouts(JavaMailSender sender) {
    if (sender instanceof JavaMailSenderImpl impl) {
      Properties session = impl.getJavaMailProperties();
      String millis = String.valueOf(properties.mail().timeout().toMillis());
      for (String protocol : new String[] {"smtp", "smtps"}) {
        session.putIfAbsent("mail." + protocol + ".connectiontimeout", millis);
        session.putIfAbsent("mail." + protocol + ".timeout", millis);
        session.putIfAbsent("mail." + protocol + ".writetimeout", millis);
      }
    }
  }
}
