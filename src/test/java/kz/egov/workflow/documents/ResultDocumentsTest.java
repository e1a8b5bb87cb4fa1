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

/** Issuing with the demo provider key: signed, verifiable by us and by OpenSSL, stored once per application. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class ResultDocumentsTest {

  @Autowired ResultDocuments documents;
  @Autowired SignatureVerifier verifier;
  @Autowired DemoPki pki;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @TempDir Path dir;

  static DocumentOrder licence(String applicationId, String licenceNumber, String requestKind) throws Exception {
    return new DocumentOrder(DocumentKind.LICENCE, applicationId, "KZ-WKO-2026-9" + applicationId.hashCode() % 1000,
        OffsetDateTime.of(2026, 3, 30, 10, 0, 0, 0, ZoneOffset.ofHours(5)), "scrap-metal-license", "wko", requestKind,
        "040540000123", "ТОО \"Батыс Металл Трейд\"", "Орал қ., Құрманғазы к-сі, 12",
        new ObjectMapper().readTree("""
            {"subtypes": ["заготовка лома черных металлов", "қара металл сынықтарын өңдеу"],
             "place": {"address": "Орал қ., Өнеркәсіп аймағы, 7"}}"""),
        licenceNumber, LocalDate.of(2026, 4, 14), null, null, null, null);
  }

  static DocumentOrder refusal(String applicationId, String applicationNumber, String reason) {
    return new DocumentOrder(DocumentKind.REFUSAL, applicationId, applicationNumber, null, "scrap-metal-license",
        "wko", "issuance", "040540000123", "ТОО \"Батыс Металл Трейд\"", null, null, null, null, "P10", reason,
        "Біліктілік талаптарына сәйкес келмейді", "Несоответствие квалификационным требованиям");
  }

  private long stored(String applicationId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM result_document WHERE application_id = ?", Long.class,
        applicationId);
  }

  @Test
  void aLicenceIsSignedByTheProviderAndTheSignatureVerifies() throws Exception {
    StoredDocument document = documents.issue(licence("rd-licence-1", "KZ-WKO-LIC-2026-100001", "issuance"));

    ResultDocument record = document.record();
    assertThat(record.number()).isEqualTo("KZ-WKO-LIC-2026-100001");
    assertThat(record.kind()).isEqualTo(DocumentKind.LICENCE);
    assertThat(record.provider().nameKk()).isEqualTo("Батыс Қазақстан облысының кәсіпкерлік және индустрия басқармасы");
    assertThat(record.provider().placeRu()).isEqualTo("г. Уральск");
    assertThat(record.licence().activityRu()).startsWith("Сбор (заготовка), хранение");
    assertThat(record.licence().subtypes()).containsExactly("заготовка лома черных металлов",
        "қара металл сынықтарын өңдеу");
    assertThat(record.licence().place()).isEqualTo("Орал қ., Өнеркәсіп аймағы, 7");
    assertThat(record.verificationUrl()).isEqualTo("http://localhost:8080/api/v1/documents/KZ-WKO-LIC-2026-100001/verify");
    assertThat(record.signer().bin()).startsWith(DemoPki.PROVIDER_BIN_PREFIX);
    assertThat(record.signer().head()).isTrue();
    assertThat(document.pdfSha256()).isEqualTo(ResultDocuments.sha256(document.pdf())).hasSize(64);

    SignatureVerdict verdict = verifier.verify(document.signature(), document.pdf(), SignatureVerifier.Expected.none());
    assertThat(verdict.valid()).as(verdict.summary()).isTrue();
    assertThat(verdict.detached()).isTrue();
    assertThat(verdict.signer().certificate().bin()).isEqualTo(record.signer().bin());

    byte[] altered = document.pdf().clone();
    altered[altered.length / 2] ^= 1;
    assertThat(verifier.verify(document.signature(), altered, SignatureVerifier.Expected.none()).valid()).isFalse();

    try (PDDocument pdf = Loader.loadPDF(document.pdf())) {
      assertThat(new PDFTextStripper().getText(pdf)).contains("қара металл сынықтарын өңдеу", "Өнеркәсіп аймағы");
    }
    assertThat(DocumentRenderingTest.qrCodeOf(document.pdf())).isEqualTo(record.verificationUrl());
  }

  @Test
  void openSslVerifiesTheSignatureWithTheDemoCa() throws Exception {
    StoredDocument document = documents.issue(licence("rd-openssl", "KZ-WKO-LIC-2026-100002", "issuance"));
    Path pdf = Files.write(dir.resolve("result.pdf"), document.pdf());
    Path p7s = Files.write(dir.resolve("result.p7s"), document.signature());

    assertThat(openssl(p7s, pdf)).as("openssl cms -verify").isZero();
    Files.write(pdf, DocumentRenderingTest.licence("KZ-WKO-LIC-2026-100002", java.util.List.of(), null)
        .number().getBytes());
    assertThat(openssl(p7s, pdf)).as("another content").isNotZero();
  }

  private int openssl(Path p7s, Path content) throws Exception {
    Process process = new ProcessBuilder("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
        p7s.toString(), "-content", content.toString(), "-CAfile", pki.ensure().caCertificate().toString(),
        "-out", "/dev/null").redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return process.exitValue() == 0 && output.contains("Verification successful") ? 0 : Math.max(1, process.exitValue());
  }

  @Test
  void issuingAgainForTheSameApplicationReturnsTheStoredDocument() throws Exception {
    StoredDocument first = documents.issue(licence("rd-retry", "KZ-WKO-LIC-2026-100003", "issuance"));
    StoredDocument again = documents.issue(licence("rd-retry", "KZ-WKO-LIC-2026-100003", "issuance"));

    assertThat(again.number()).isEqualTo(first.number());
    assertThat(again.pdf()).isEqualTo(first.pdf());
    assertThat(again.signature()).isEqualTo(first.signature());
    assertThat(again.record()).isEqualTo(first.record());
    assertThat(stored("rd-retry")).isEqualTo(1);
  }

  @Test
  void aRefusalIsNumberedAfterItsApplicationAndNeedsAReason() {
    StoredDocument refusal = documents.issue(refusal("rd-refusal", "KZ-WKO-2026-900777", "no weighing equipment"));
    assertThat(refusal.number()).isEqualTo("KZ-WKO-2026-900777-REF");
    assertThat(refusal.record().refusal().reasonRu()).isEqualTo("Несоответствие квалификационным требованиям");
    assertThat(refusal.record().refusal().step()).isEqualTo("P10");

    assertThatThrownBy(() -> documents.issue(refusal("rd-refusal-no-reason", "KZ-WKO-2026-900778", null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refusalReason");
    assertThat(stored("rd-refusal-no-reason")).isZero();
    assertThatThrownBy(() -> documents.issue(refusal("rd-refusal-no-number", null, "reason")))
        .hasMessageContaining("applicationNumber");
  }

  @Test
  void aLicenceWithoutItsNumberOrWithAnUnknownProviderIsAModellingError() throws Exception {
    assertThatThrownBy(() -> documents.issue(licence("rd-no-number", null, "issuance")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("licenceNumber");
    DocumentOrder base = licence("rd-no-provider", "KZ-WKO-LIC-2026-100004", "issuance");
    DocumentOrder unknownProvider = new DocumentOrder(base.kind(), base.applicationId(), base.applicationNumber(),
        null, base.service(), "atyrau", null, base.applicantId(), base.applicantName(), null, null,
        base.licenceNumber(), null, null, null, null, null);
    assertThatThrownBy(() -> documents.issue(unknownProvider)).hasMessageContaining("provider 'atyrau'");
    DocumentOrder certificate = new DocumentOrder(DocumentKind.CERTIFICATE, "rd-certificate", "KZ-AKMOLA-2026-000001",
        null, "cultural-export-2017", "akmola", null, "850315300128", "Серікбаев Ерлан", null, null, null, null, null,
        null, null, null);
    assertThatThrownBy(() -> documents.issue(certificate)).hasMessageContaining("formData.culturalValues");
    assertThat(stored("rd-no-number") + stored("rd-no-provider") + stored("rd-certificate")).isZero();
  }

  @Test
  void aDuplicateGetsItsOwnNumberAndALicenceNumberTakenByAnotherApplicationIsRefused() throws Exception {
    documents.issue(licence("rd-original", "KZ-WKO-LIC-2026-100005", "issuance"));
    StoredDocument duplicate = documents.issue(licence("rd-duplicate-1", "KZ-WKO-LIC-2026-100005", "duplicate"));
    StoredDocument second = documents.issue(licence("rd-duplicate-2", "KZ-WKO-LIC-2026-100005", "duplicate"));

    assertThat(duplicate.number()).isEqualTo("KZ-WKO-LIC-2026-100005-D1");
    assertThat(second.number()).isEqualTo("KZ-WKO-LIC-2026-100005-D2");
    assertThat(duplicate.record().licence().number()).isEqualTo("KZ-WKO-LIC-2026-100005");
    assertThat(duplicate.record().licence().duplicate()).isTrue();

    assertThatThrownBy(() -> documents.issue(licence("rd-other", "KZ-WKO-LIC-2026-100005", "issuance")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("already taken");
    assertThat(stored("rd-other")).isZero();
  }

  @Test
  void theStoredRecordReadsBackAsIssued() throws Exception {
    StoredDocument issued = documents.issue(licence("rd-read", "KZ-WKO-LIC-2026-100006", "re-issuance"));

    StoredDocument read = documents.byNumber("KZ-WKO-LIC-2026-100006").orElseThrow();
    assertThat(read.record()).isEqualTo(issued.record());
    assertThat(read.record().issuedAt().getOffset()).isEqualTo(ZoneOffset.ofHours(5));
    assertThat(json.writeValueAsString(read.record())).contains("\"kind\":\"licence\"", "\"requestKind\":\"re-issuance\"");
    assertThat(documents.resultOf("rd-read")).get().extracting(StoredDocument::number)
        .isEqualTo("KZ-WKO-LIC-2026-100006");
  }
}
