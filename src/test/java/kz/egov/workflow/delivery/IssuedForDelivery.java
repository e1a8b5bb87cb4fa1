package kz.egov.workflow.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import kz.egov.workflow.documents.DocumentKind;
import kz.egov.workflow.documents.DocumentOrder;

/** An R4 archival certificate to deliver, as issueDocument would form it. */
final class IssuedForDelivery {

  private IssuedForDelivery() {}

  static DocumentOrder archival(String applicationId, String applicationNumber) {
    try {
      return new DocumentOrder(DocumentKind.ARCHIVAL_CERTIFICATE, applicationId, applicationNumber,
          OffsetDateTime.of(2026, 3, 2, 10, 0, 0, 0, ZoneOffset.ofHours(5)), "archival-certificate", "mangystau",
          null, "850315300128", "Серікбаев Ерлан Қайратұлы", null, new ObjectMapper().readTree("""
              {"archivalCertificateKind": "salary",
               "confirmedInformation": "2001–2005 жылдардағы жалақы мөлшері расталады / подтверждается размер заработной платы за 2001–2005 годы",
               "archivalReferences": [{"fund": "55", "inventory": "2", "file": "118"}]}"""),
          null, null, null, null, null, null);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
