package kz.egov.workflow.application;

/** The API's addresses of an application and of what belongs to it. */
final class ApplicationLinks {

  static final String BASE = "/api/v1/applications";

  private ApplicationLinks() {}

  static String self(String id) {
    return BASE + "/" + id;
  }

  static String attachments(String id) {
    return self(id) + "/attachments";
  }

  /** The signed result and its forms, served by the documents part of the application. */
  static String result(String id) {
    return self(id) + "/result";
  }

  static String resultSignature(String id) {
    return self(id) + "/result.p7s";
  }

  static String resultJson(String id) {
    return self(id) + "/result.json";
  }
}
