package kz.egov.workflow.application;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * An application that passed every check of {@code POST /api/v1/applications}, ready to be stored and
 * started. {@code reference} is the caller's id for it, or null (then a UUID is the id). A request confirmed by a
 * one-time password (R3 P3) has no {@code cms} but the password's id and the code the applicant entered.
 */
public record SubmittedApplication(String reference, String service, String provider, String channel,
    String requestKind, String applicantId, String applicantName, String portalLogin, ObjectNode formData,
    List<Attachment> attachments, String cms, String licenceNumber, String requestSha256, String oneTimePasswordId,
    String oneTimePasswordCode) {

  /** One attached document: its name, media type, bytes and their SHA-256 (hex). */
  public record Attachment(int position, String name, String contentType, byte[] content, String sha256) {}
}
