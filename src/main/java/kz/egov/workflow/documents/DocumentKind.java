package kz.egov.workflow.documents;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * The results the regulations end with, each "signed with the EDS of the provider's authorised person":
 * the licence (R2, R5), the certificate for the temporary export of cultural values (R1, R3), the archival
 * certificate (R4), and the motivated refusal after registration (all five).
 */
public enum DocumentKind {
  LICENCE("licence", "МЕМЛЕКЕТТІК ЛИЦЕНЗИЯ", "ГОСУДАРСТВЕННАЯ ЛИЦЕНЗИЯ", true),
  REFUSAL("refusal", "ҚЫЗМЕТ КӨРСЕТУДЕН ДӘЛЕЛДІ БАС ТАРТУ", "МОТИВИРОВАННЫЙ ОТКАЗ В ОКАЗАНИИ УСЛУГИ", true),
  CERTIFICATE("certificate", "МӘДЕНИ ҚҰНДЫЛЫҚТАРДЫ УАҚЫТША ӘКЕТУ ҚҰҚЫҒЫНА КУӘЛІК",
      "СВИДЕТЕЛЬСТВО НА ПРАВО ВРЕМЕННОГО ВЫВОЗА КУЛЬТУРНЫХ ЦЕННОСТЕЙ", true),
  ARCHIVAL_CERTIFICATE("archival-certificate", "МҰРАҒАТТЫҚ АНЫҚТАМА", "АРХИВНАЯ СПРАВКА", true);

  private final String code;
  private final String titleKk;
  private final String titleRu;
  private final boolean issued;

  DocumentKind(String code, String titleKk, String titleRu, boolean issued) {
    this.code = code;
    this.titleKk = titleKk;
    this.titleRu = titleRu;
    this.issued = issued;
  }

  /** As process variables, the database and the REST API write it. */
  @JsonValue
  public String code() {
    return code;
  }

  public String titleKk() {
    return titleKk;
  }

  public String titleRu() {
    return titleRu;
  }

  /** Whether this application can form the kind yet (its printed form is built). */
  public boolean issued() {
    return issued;
  }

  public static Optional<DocumentKind> ofCode(String code) {
    return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
  }

  @JsonCreator
  static DocumentKind fromJson(String code) {
    return ofCode(code).orElseThrow(() -> new IllegalArgumentException("no document kind '" + code + "'"));
  }
}
