package kz.egov.workflow.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import kz.egov.workflow.signature.DemoPki;
import kz.egov.workflow.signature.SignatureVerdict;
import kz.egov.workflow.signature.SignatureVerifier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The certificate for the temporary export of cultural values (R1, R3) and the archival certificate (R4): formed
 * from the form's keys, printed in both languages, signed so that Bouncy Castle and OpenSSL verify it, stored once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class CertificateDocumentsTest {

  @Autowired ResultDocuments documents;
  @Autowired SignatureVerifier verifier;
  @Autowired DemoPki pki;
  @Autowired JdbcTemplate jdbc;
  @TempDir Path dir;

  static DocumentOrder certificate(String applicationId, String applicationNumber, String formData) throws Exception {
    return new DocumentOrder(DocumentKind.CERTIFICATE, applicationId, applicationNumber,
        OffsetDateTime.of(2026, 3, 2, 10, 0, 0, 0, ZoneOffset.ofHours(5)), "cultural-export-2017", "akmola", null,
        "850315300128", "Серікбаев Ерлан Қайратұлы", "Көкшетау қ., Абай к-сі, 5",
        formData == null ? null : new ObjectMapper().readTree(formData), null, null, null, null, null, null);
  }

  static final String CULTURAL_VALUES = """
      {"culturalValues": [
         {"description": "Домбыра, ағаш, XIX ғ., ұзындығы 98 см", "quantity": 1},
         {"description": "Ковёр ручной работы «Тұскиіз», шерсть", "quantity": "2"}],
       "destinationCountry": "Түркия / Турция",
       "exportPurpose": "Халықаралық көрмеге қатысу / участие в международной выставке",
       "exportFrom": "2026-04-01", "exportUntil": "2026-06-30"}""";

  static DocumentOrder archival(String applicationId, String applicationNumber, String formData) throws Exception {
    return new DocumentOrder(DocumentKind.ARCHIVAL_CERTIFICATE, applicationId, applicationNumber,
        OffsetDateTime.of(2026, 3, 2, 10, 0, 0, 0, ZoneOffset.ofHours(5)), "archival-certificate", "mangystau", null,
        "850315300128", "Серікбаев Ерлан Қайратұлы", null, new ObjectMapper().readTree(formData), null, null, null,
        null, null, null);
  }

  static final String ARCHIVAL = """
      {"archivalCertificateKind": "work-experience",
       "confirmedInformation": "Серікбаев Ерлан Қайратұлы 1995 жылғы 1 наурыздан 2003 жылғы 31 тамызға дейін «Маңғыстаумұнайгаз» АҚ-да бұрғылаушы болып жұмыс істеген (бұйрық № 45-к, 01.03.1995).",
       "archivalReferences": [{"fund": "112", "inventory": "3", "file": "45", "sheets": "12–14"}, "Ф. 7, оп. 1, д. 9"]}""";

  @Test
  void aCertificateListsTheValuesAndIsSignedByTheProvider() throws Exception {
    StoredDocument document = documents.issue(certificate("cd-certificate", "KZ-AKMOLA-2026-000501", CULTURAL_VALUES));

    ResultDocument record = document.record();
    assertThat(record.number()).isEqualTo("KZ-AKMOLA-2026-000501-CERT");
    assertThat(record.kind()).isEqualTo(DocumentKind.CERTIFICATE);
    assertThat(record.certificate().values()).containsExactly(
        new ResultDocument.CulturalValue("Домбыра, ағаш, XIX ғ., ұзындығы 98 см", 1),
        new ResultDocument.CulturalValue("Ковёр ручной работы «Тұскиіз», шерсть", 2));
    assertThat(record.certificate().exportUntil()).isEqualTo(LocalDate.of(2026, 6, 30));
    assertThat(record.provider().placeKk()).isEqualTo("Көкшетау қ.");

    String text = text(document.pdf());
    assertThat(text).contains("МӘДЕНИ ҚҰНДЫЛЫҚТАРДЫ УАҚЫТША ӘКЕТУ ҚҰҚЫҒЫНА КУӘЛІК",
        "СВИДЕТЕЛЬСТВО НА ПРАВО ВРЕМЕННОГО ВЫВОЗА КУЛЬТУРНЫХ ЦЕННОСТЕЙ", "№ KZ-AKMOLA-2026-000501-CERT",
        "Серікбаев Ерлан Қайратұлы", "ЖСН / ИИН 850315300128", "1. Домбыра, ағаш, XIX ғ., ұзындығы 98 см — 1 дана / шт.",
        "2. Ковёр ручной работы «Тұскиіз», шерсть — 2 дана / шт.", "Түркия / Турция", "01.04.2026 — 30.06.2026",
        "Халықаралық көрмеге қатысу", "Ақмола облысының мәдениет басқармасы", "Көкшетау қ. / г. Кокшетау",
        "№ KZ-AKMOLA-2026-000501, 02.03.2026");
    assertThat(DocumentRenderingTest.qrCodeOf(document.pdf())).isEqualTo(record.verificationUrl());
    assertSignedAndTamperEvident(document);
  }

  @Test
  void anArchivalCertificateStatesWhatTheArchiveConfirms() throws Exception {
    StoredDocument document = documents.issue(archival("cd-archival", "KZ-MANGYSTAU-2026-000502", ARCHIVAL));

    ResultDocument record = document.record();
    assertThat(record.number()).isEqualTo("KZ-MANGYSTAU-2026-000502-AC");
    assertThat(record.archivalCertificate().kindRu()).isEqualTo("о трудовом стаже");
    assertThat(record.archivalCertificate().archive())
        .isEqualTo("Маңғыстау облысының архивтер және құжаттама басқармасы / Управление архивов и документации"
            + " Мангистауской области");
    assertThat(record.archivalCertificate().references()).containsExactly(
        "қор № 112, тізімдеме № 3, іс № 45, парақтар 12–14 / фонд № 112, опись № 3, дело № 45, листы 12–14",
        "Ф. 7, оп. 1, д. 9");

    String text = text(document.pdf());
    assertThat(text).contains("МҰРАҒАТТЫҚ АНЫҚТАМА", "АРХИВНАЯ СПРАВКА", "еңбек өтілі туралы / о трудовом стаже",
        "«Маңғыстаумұнайгаз» АҚ-да бұрғылаушы болып жұмыс істеген", "қор № 112, тізімдеме № 3",
        "мынадай мәліметтер расталады", "Ф. 7, оп. 1, д. 9");
    // Kazakh letters intact (the foot adds ә and ү: "және", "түпнұсқалығын")
    assertThat(text).contains("Серікбаев Ерлан Қайратұлы", "еңбек өтілі", "бұрғылаушы", "Маңғыстау", "және",
        "түпнұсқалығын");
    assertSignedAndTamperEvident(document);

    // a kind we do not name is printed as written
    StoredDocument other = documents.issue(archival("cd-archival-other", "KZ-MANGYSTAU-2026-000503",
        "{\"archivalCertificateKind\": \"Жер учаскесін беру туралы шешім\", \"confirmedInformation\": \"Шешім № 12\"}"));
    assertThat(text(other.pdf())).contains("Жер учаскесін беру туралы шешім", "Шешім № 12");
  }

  @Test
  void whatTheFormLacksIsNamedAndNothingIsStored() throws Exception {
    assertThatThrownBy(() -> documents.issue(certificate("cd-bad-1", "KZ-AKMOLA-2026-000504", """
        {"culturalValues": [{"description": "", "quantity": 0}, {"description": "Сырмақ", "quantity": 1.5}],
         "exportFrom": "2026-07-01", "exportUntil": "2026-06-30"}""")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("formData.culturalValues[0].description: required")
        .hasMessageContaining("formData.culturalValues[0].quantity: a whole number from 1")
        .hasMessageContaining("formData.culturalValues[1].quantity")
        .hasMessageContaining("formData.destinationCountry")
        .hasMessageContaining("formData.exportPurpose")
        .hasMessageContaining("formData.exportUntil: not before exportFrom");
    assertThatThrownBy(() -> documents.issue(certificate("cd-bad-2", null, CULTURAL_VALUES)))
        .hasMessageContaining("applicationNumber");
    assertThatThrownBy(() -> documents.issue(archival("cd-bad-3", "KZ-MANGYSTAU-2026-000505", "{}")))
        .hasMessageContaining("formData.archivalCertificateKind").hasMessageContaining("formData.confirmedInformation");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM result_document WHERE application_id LIKE 'cd-bad-%'",
        Long.class)).isZero();
  }

  private void assertSignedAndTamperEvident(StoredDocument document) throws Exception {
    SignatureVerdict verdict = verifier.verify(document.signature(), document.pdf(), SignatureVerifier.Expected.none());
    assertThat(verdict.valid()).as(verdict.summary()).isTrue();
    assertThat(verdict.detached()).isTrue();
    byte[] altered = document.pdf().clone();
    altered[altered.length / 3] ^= 1;
    assertThat(verifier.verify(document.signature(), altered, SignatureVerifier.Expected.none()).valid()).isFalse();
    assertThat(documents.compare(document.number(), altered)).get().extracting(DocumentComparison::verdict)
        .isEqualTo("altered");
    assertThat(documents.verify(document.number())).get().extracting(DocumentVerification::signatureValid)
        .isEqualTo(true);

    Path pdf = Files.write(dir.resolve(document.number() + ".pdf"), document.pdf());
    Path p7s = Files.write(dir.resolve(document.number() + ".pdf.p7s"), document.signature());
    assertThat(openssl(p7s, pdf)).as("openssl cms -verify").isTrue();
    Files.write(pdf, altered);
    assertThat(openssl(p7s, pdf)).as("openssl on a changed PDF").isFalse();
  }

  private boolean openssl(Path p7s, Path content) throws Exception {
    Process process = new ProcessBuilder("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
        p7s.toString(), "-content", content.toString(), "-CAfile", pki.ensure().caCertificate().toString(),
        "-out", "/dev/null").redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return process.exitValue() == 0 && output.contains("Verification successful");
  }

  private static String text(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }
}
