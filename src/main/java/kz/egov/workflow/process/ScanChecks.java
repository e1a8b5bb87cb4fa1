package kz.egov.workflow.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.stereotype.Component;

/**
 * {@code ${scans.check(task, 'scanApplication', 'scanPremises,scanOther')}}: the complete listener of a task
 * where an employee attaches scans (R2 №2 P6). The required ones are there, every one is a PDF, JPEG or PNG
 * by its content (not its name) and at most {@value #MAX_BYTES} bytes. A violation answers 400 through
 * {@code /engine-rest} and leaves the task open.
 */
@Component("scans")
public class ScanChecks {

  static final long MAX_BYTES = 10L * 1024 * 1024;

  public void check(DelegateTask task, String required, String optional) {
    // Tasklist's embedded forms send every file input, also one where nothing was chosen, as an empty file:
    // an empty optional scan is no scan, and an empty required one is a missing one
    Set<String> dropped = new HashSet<>();
    for (String name : names(optional)) {
      if (task.getVariableTyped(name) instanceof FileValue file && isEmpty(file)) {
        task.removeVariable(name);
        dropped.add(name);
      }
    }
    for (String name : names(required)) {
      if (!(task.getVariableTyped(name) instanceof FileValue file) || isEmpty(file)) {
        throw new FormFieldValidationException(name, name + ": the scan is required (сканерленген көшірме міндетті / скан обязателен)");
      }
    }
    for (String name : concat(names(required), names(optional))) {
      if (dropped.contains(name)) {
        continue;
      }
      if (task.getVariableTyped(name) instanceof FileValue file) {
        checkFile(name, file);
      } else if (task.getVariable(name) != null) {
        throw new FormFieldValidationException(name, name + ": must be a file");
      }
    }
  }

  private static void checkFile(String name, FileValue file) {
    byte[] head = new byte[8];
    long size = 0;
    try (InputStream in = file.getValue()) {
      if (in == null) {
        throw new FormFieldValidationException(name, name + ": the file is empty");
      }
      int read = in.readNBytes(head, 0, head.length);
      size = read;
      byte[] buffer = new byte[64 * 1024];
      int n;
      while ((n = in.read(buffer)) > 0) {
        size += n;
        if (size > MAX_BYTES) {
          throw new FormFieldValidationException(name, name + ": larger than 10 MB (10 МБ-тан артық / больше 10 МБ)");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (size == 0) {
      throw new FormFieldValidationException(name, name + ": the file is empty");
    }
    if (!isPdf(head) && !isJpeg(head) && !isPng(head)) {
      throw new FormFieldValidationException(name, name + " ('" + file.getFilename()
          + "'): not a PDF, JPEG or PNG file (PDF, JPEG, PNG ғана / только PDF, JPEG, PNG)");
    }
  }

  private static boolean isEmpty(FileValue file) {
    try (InputStream in = file.getValue()) {
      return in == null || in.read() < 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A PDF, JPEG or PNG by its first bytes (attachments sent through the API, R4 P3). */
  static boolean isScan(byte[] content) {
    if (content == null || content.length < 4) {
      return false;
    }
    byte[] head = java.util.Arrays.copyOf(content, 8);
    return isPdf(head) || isJpeg(head) || isPng(head);
  }

  private static boolean isPdf(byte[] head) {
    return head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F';
  }

  private static boolean isJpeg(byte[] head) {
    return (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF;
  }

  private static boolean isPng(byte[] head) {
    return (head[0] & 0xFF) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G';
  }

  private static String[] names(String list) {
    return list == null ? new String[0]
        : Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toArray(String[]::new);
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
