package kz.egov.workflow.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import kz.egov.workflow.scrapmetal.DemoSigner;

/**
 * The portal's and the payment gateway's requests of the R2 pilot (docs/applications.md), as JSON text, so
 * that the reliability tests send them through any HTTP client: the shared context's, or a plain one to an
 * application running in a child JVM.
 */
public final class R2Requests {

  public static final String SERVICE = "scrap-metal-license";
  /** The demo company (demo registry, demo PKI's company.p12). */
  public static final String BIN = "040540000123";
  /** A demo portal account acting for the demo company. */
  static final String PORTAL_LOGIN = "781122301233";
  static final String FEE = "43250.00";
  public static final ObjectMapper JSON = new ObjectMapper();
  static final byte[] SCAN = "%PDF-1.4\n% charter\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  private R2Requests() {}

  /** A portal application for an issuance, signed by {@code signer} over the document the portal shows. */
  public static ObjectNode portalApplication(String reference, String companyName, DemoSigner signer) throws Exception {
    ObjectNode formData = JSON.createObjectNode().put("companyName", companyName)
        .put("siteAddress", "Уральск, Промзона, 3");
    formData.putArray("metals").add("ferrous").add("non-ferrous");
    formData.putArray("subtypes").add("collection").add("storage").add("sale");
    ObjectNode document = JSON.createObjectNode().put("service", SERVICE).put("requestKind", "issuance")
        .put("applicantId", BIN);
    document.set("formData", formData);
    document.putArray("attachments").addObject().put("name", "charter.pdf").put("sha256", sha256(SCAN));

    ObjectNode request = JSON.createObjectNode().put("service", SERVICE).put("channel", "portal")
        .put("requestKind", "issuance").put("reference", reference).put("portalLogin", PORTAL_LOGIN);
    request.putObject("applicant").put("id", BIN).put("name", companyName);
    request.set("formData", formData);
    request.putArray("attachments").addObject().put("name", "charter.pdf").put("contentType", "application/pdf")
        .put("content", Base64.getEncoder().encodeToString(SCAN));
    request.put("signature", Base64.getEncoder().encodeToString(
        signer.signAttached(JSON.writeValueAsBytes(document))));
    return request;
  }

  /** The payment gateway's notification of the issuance fee for {@code reference}. */
  public static Map<String, Object> payment(String paymentId, String reference) {
    Map<String, Object> payment = new LinkedHashMap<>();
    payment.put("paymentId", paymentId);
    payment.put("payerId", BIN);
    payment.put("amountKzt", FEE);
    payment.put("service", SERVICE);
    payment.put("applicationReference", reference);
    payment.put("paidAt", OffsetDateTime.now(ZoneOffset.ofHours(5)).minusMinutes(2).truncatedTo(ChronoUnit.SECONDS)
        .toString());
    return payment;
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
