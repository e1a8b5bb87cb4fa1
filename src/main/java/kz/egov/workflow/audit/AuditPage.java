package kz.egov.workflow.audit;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The auditors' page (static/audit/index.html) at a short address. */
@Controller
class AuditPage {

  /** Keeps the filters of the address (/audit?service=...&from=...), so that a shared link shows the same report. */
  @GetMapping({"/audit", "/audit/"})
  String page(jakarta.servlet.http.HttpServletRequest request) {
    String query = request.getQueryString();
    return "redirect:/audit/index.html" + (query == null ? "" : "?" + query);
  }
}
