package kz.egov.workflow.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.stereotype.Component;

/**
 * {@code ${signatureUploads.take(task, 'operatorSignature', 'cms')}}: the complete listener of a task where a
 * person certifies a request with the EDS in Tasklist (R5 №3 P5: the service-center operator). The signature
 * file their EDS tool wrote (a CMS: DER, base64 or PEM) becomes the bytes variable the signature check reads; the
 * file variable itself is removed. A missing, empty or unreadable file answers 400 through {@code /engine-rest}
 * and leaves the task open. Whether the signature is valid and whose it is, the next step judges
 * ({@code verifySignature}).
 */
@Component("signatureUploads")
public class SignatureUploads {

  static final int MAX_BYTES = 1024 * 1024;

  public void take(DelegateTask task, String fileVariable, String target) {
    if (!(task.getVariableTyped(fileVariable) instanceof FileValue file)) {
      throw new FormFieldValidationException(fileVariable, fileVariable
          + ": the signature file is required (ЭЦҚ қолтаңба файлы міндетті / файл подписи ЭЦП обязателен)");
    }
    byte[] content;
    try (InputStream in = file.getValue()) {
      content = in == null ? new byte[0] : in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (content.length == 0) {
      throw new FormFieldValidationException(fileVariable, fileVariable
          + ": the signature file is required (ЭЦҚ қолтаңба файлы міндетті / файл подписи ЭЦП обязателен)");
    }
    if (content.length > MAX_BYTES) {
      throw new FormFieldValidationException(fileVariable, fileVariable + ": a signature is at most " + MAX_BYTES
          + " bytes; is this the signature (.cms, .p7s) and not the document?");
    }
    byte[] der = der(content);
    if (der == null) {
      throw new FormFieldValidationException(fileVariable, fileVariable
          + ": not a CMS signature (DER, base64 or PEM) (ЭЦҚ қолтаңбасы емес / не подпись ЭЦП)");
    }
    task.getExecution().setVariable(target, Variables.byteArrayValue(der));
    task.removeVariable(fileVariable);
    task.getExecution().removeVariable(fileVariable);
  }

  /** A DER SEQUENCE as it is, or base64 / PEM text decoded to one; null when it is neither. */
  static byte[] der(byte[] content) {
    if ((content[0] & 0xff) == 0x30) {
      return content;
    }
    String text = new String(content, StandardCharsets.US_ASCII)
        .replaceAll("-----(BEGIN|END) [A-Z0-9 ]+-----", "").replaceAll("\\s", "");
    try {
      byte[] decoded = Base64.getDecoder().decode(text);
      return decoded.length > 0 && (decoded[0] & 0xff) == 0x30 ? decoded : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
