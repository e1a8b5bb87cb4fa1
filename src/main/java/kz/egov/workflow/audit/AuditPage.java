package kz.egov.workflow.audit;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The auditors' page (static/audit/index.html) at a short address. */
@Controller
class AuditPage {

  @GetMapping({"/audit", "/audit/"})
  String page() {
    return "redirect:/audit/index.html";
  }
}
