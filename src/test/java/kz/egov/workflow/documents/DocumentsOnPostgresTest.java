package kz.egov.workflow.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import kz.egov.workflow.access.AccessProperties;
import kz.egov.workflow.signature.ResultSigner;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The documents' migration and SQL on a real PostgreSQL (embedded binaries): PDF and signature bytes, the JSON
 * record and the time zone read back as written; a taken number inside the engine's transaction leaves the
 * transaction usable (a savepoint), which PostgreSQL, unlike H2, would otherwise abort.
 */
class DocumentsOnPostgresTest {

  static EmbeddedPostgres postgres;
  static DataSource dataSource;
  static DocumentStore store;
  static ResultDocuments documents;
  static DataSourceTransactionManager transactions;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    dataSource = postgres.getPostgresDatabase();
    Flyway.configure().dataSource(dataSource).baselineOnMigrate(true).baselineVersion("0").load().migrate();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    store = new DocumentStore(jdbc, Jackson2ObjectMapperBuilder.json().build());
    transactions = new DataSourceTransactionManager(dataSource);
    AccessProperties access = new AccessProperties(List.of(new AccessProperties.Provider("wko", "WKO",
        "Батыс Қазақстан облысының кәсіпкерлік және индустрия басқармасы",
        "Управление предпринимательства и индустрии Западно-Казахстанской области", List.of("scrap-metal-license"))));
    DocumentsProperties properties = new DocumentsProperties("https://egov.example.kz/", Map.of(),
        Map.of("scrap-metal-license", new DocumentsProperties.Bilingual("Сынықтар", "Лом")));
    documents = new ResultDocuments(store, new DocumentRenderer(), signer(), null, access, properties, transactions);
  }

  /** A throw-away RSA key with a self-signed certificate: the signature is not what is tested here. */
  static ResultSigner signer() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    X500Name name = new X500Name("CN=ТЕСТОВ ТЕСТ,OU=BIN150540000017,O=Test");
    X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
        name, BigInteger.ONE, Date.from(Instant.now().minus(1, ChronoUnit.DAYS)),
        Date.from(Instant.now().plus(1, ChronoUnit.DAYS)), name, pair.getPublic())
        .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
    return new ResultSigner(pair.getPrivate(), List.of(certificate));
  }

  @AfterAll
  static void stop() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void aDocumentReadsBackAsStored() throws Exception {
    StoredDocument issued = documents.issue(ResultDocumentsTest.licence("pg-1", "KZ-WKO-LIC-2026-400001", "issuance"));

    StoredDocument read = store.byNumber("KZ-WKO-LIC-2026-400001").orElseThrow();
    assertThat(read.pdf()).isEqualTo(issued.pdf());
    assertThat(read.signature()).isEqualTo(issued.signature());
    assertThat(read.pdfSha256()).isEqualTo(ResultDocuments.sha256(read.pdf()));
    assertThat(read.record()).isEqualTo(issued.record());
    assertThat(read.record().issuedAt().getOffset()).isEqualTo(ZoneOffset.ofHours(5));
    assertThat(read.record().verificationUrl()).isEqualTo(
        "https://egov.example.kz/api/v1/documents/KZ-WKO-LIC-2026-400001/verify");
    assertThat(documents.issue(ResultDocumentsTest.licence("pg-1", "KZ-WKO-LIC-2026-400001", "issuance")).pdf())
        .isEqualTo(issued.pdf());
  }

  @Test
  void aTakenNumberInsideATransactionLeavesTheTransactionUsable() throws Exception {
    documents.issue(ResultDocumentsTest.licence("pg-2", "KZ-WKO-LIC-2026_400002", "issuance"));
    DocumentOrder clash = ResultDocumentsTest.licence("pg-3", "KZ-WKO-LIC-2026_400002", "issuance");

    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      assertThatThrownBy(() -> documents.issue(clash)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("already taken");
      assertThat(store.byNumber("KZ-WKO-LIC-2026_400002")).isPresent();
    });
    // '_' is no wildcard when duplicates are counted
    documents.issue(ResultDocumentsTest.licence("pg-4", "KZ-WKO-LIC-2026-400004", "issuance"));
    assertThat(store.countNumbered("KZ-WKO-LIC-2026_4")).isEqualTo(1);
    assertThat(store.countNumbered("KZ-WKO-LIC-2026-40000")).isGreaterThanOrEqualTo(1);
  }
}
