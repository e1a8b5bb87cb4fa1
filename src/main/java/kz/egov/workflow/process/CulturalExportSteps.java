package kz.egov.workflow.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import kz.egov.workflow.identity.IdentificationNumbers;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * {@code ${culturalExport}}: the people's steps of R3 (item 5; the certificate for the temporary export of
 * cultural values, 2017 edition), checked when each task is completed, so that a wrong form answers 400 through
 * {@code /engine-rest} and the task stays open.
 *
 * <p>The applicant brings the documents <em>and the items</em> (the objects considered cultural values): they are
 * tracked in {@code items}, a list of {@code {description, quantity, received, sentToCommission, returned,
 * handedOver}}. What the clerk received (step 1) is the record ({@code itemsReceived}, never edited later): the
 * commission returns what it was sent (step 4) and the clerk hands back exactly what was received (step 7).
 */
@Component("culturalExport")
public class CulturalExportSteps {

  static final int MIN_REASON = Decisions.MIN_REASON;

  private final ObjectMapper json;
  private final ResultDrafts drafts;

  public CulturalExportSteps(ObjectMapper json, ResultDrafts drafts) {
    this.json = json;
    this.drafts = drafts;
  }

  /** One item: as declared, as received, and where it went. */
  record Item(String description, int quantity, Integer received, Integer sentToCommission, Integer returned,
      Integer handedOver) {}

  // --- step 1: the office clerk receives the documents and the items, registers them

  /**
   * Create listener of step 1: a request from the portal (P6) brings its form; its fields and the declared items
   * fill the clerk's form, who records what the applicant actually brought.
   */
  public void prefill(DelegateTask task) {
    JsonNode form = variable(task, "formData");
    if (form == null || !form.isObject()) {
      return;
    }
    for (String key : List.of("destinationCountry", "exportPurpose", "exportFrom", "exportUntil", "contactPhone")) {
      if (form.hasNonNull(key) && task.getVariable(key) == null) {
        task.setVariable(key, form.get(key).asText());
      }
    }
    if (form.has("paperCopy") && task.getVariable("paperCopy") == null) {
      task.setVariable("paperCopy", form.get("paperCopy").asBoolean(false));
    }
    if (task.getVariable("items") == null && form.path("culturalValues").isArray()) {
      ArrayNode items = json.createArrayNode();
      form.get("culturalValues").forEach(v -> items.addObject().put("description", v.path("description").asText())
          .put("quantity", v.path("quantity").asInt()));
      task.setVariable("items", SpinValues.jsonValue(items.toString()).create());
    }
  }

  /**
   * Complete listener of step 1: the documents and every declared item received ({@code documentsReceived =
   * true}), or the application not accepted ({@code false}) with the clerk's reason ({@code notAcceptedReason}:
   * an incomplete set of documents is not accepted, Law on public services art. 20 item 2).
   */
  public void receive(DelegateTask task) {
    Object accepted = task.getVariable("documentsReceived");
    if (Boolean.FALSE.equals(accepted)) {
      String reason = text(task, "notAcceptedReason");
      if (reason == null || reason.length() < MIN_REASON) {
        throw new FormFieldValidationException("notAcceptedReason", "notAcceptedReason: tick documentsReceived when"
            + " the documents and the items are received, or say which documents are missing, at least " + MIN_REASON
            + " characters (қабылдамау себебі / причина отказа в приеме)");
      }
      return;
    }
    List<String> problems = new ArrayList<>();
    String applicantId = text(task, "applicantId");
    if (applicantId == null) {
      problems.add("applicantId: the applicant's IIN or BIN (ЖСН/БСН / ИИН/БИН)");
    } else {
      IdentificationNumbers.iinOrBinProblem(applicantId).ifPresent(p -> problems.add("applicantId: " + p));
    }
    if (text(task, "applicantName") == null) {
      problems.add("applicantName: the applicant's name (аты / наименование)");
    }
    String country = required(task, "destinationCountry", "the country the values are taken to", problems);
    String purpose = required(task, "exportPurpose", "the purpose of the export", problems);
    LocalDate from = date(task, "exportFrom", problems);
    LocalDate until = date(task, "exportUntil", problems);
    if (from != null && until != null && until.isBefore(from)) {
      problems.add("exportUntil: not before exportFrom (" + from + ")");
    }
    String phone = text(task, "contactPhone");
    if (phone != null && !phone.matches("\\+7[0-9]{10}")) {
      problems.add("contactPhone: +7 and 10 digits");
    }
    if (!Boolean.TRUE.equals(accepted)) {
      problems.add("documentsReceived: the documents of item 9 of the standard are received (құжаттар қабылданды /"
          + " документы приняты), or not accepted with notAcceptedReason");
    }
    List<Item> items = items(task, "items", problems);
    if (items.isEmpty() && problems.stream().noneMatch(p -> p.startsWith("items"))) {
      problems.add("items: at least one item considered a cultural value (заттар / предметы)");
    }
    List<Item> received = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      String at = "items[" + (i + 1) + "] '" + item.description() + "'";
      if (item.received() == null) {
        problems.add(at + ": how many were received (қабылданды / принято)");
      } else if (item.received() != item.quantity()) {
        problems.add(at + ": declared " + item.quantity() + ", received " + item.received()
            + " — the applicant brings every declared item (R3 item 5 step 1); correct the quantity or receive them all");
      }
      received.add(new Item(item.description(), item.quantity(), item.received(), null, null, null));
    }
    fail(problems);
    ObjectNode form = object(variable(task, "formData"));
    ArrayNode values = form.putArray("culturalValues");
    received.forEach(i -> values.addObject().put("description", i.description()).put("quantity", i.quantity()));
    form.put("destinationCountry", country).put("exportPurpose", purpose).put("exportFrom", from.toString())
        .put("exportUntil", until.toString()).put("paperCopy", Boolean.TRUE.equals(task.getVariable("paperCopy")));
    if (phone != null) {
      form.put("contactPhone", phone);
    }
    task.setVariable("formData", SpinValues.jsonValue(form.toString()).create());
    task.setVariable("paperCopy", Boolean.TRUE.equals(task.getVariable("paperCopy")));
    task.setVariable("applicantId", applicantId);
    task.setVariable("applicantName", text(task, "applicantName"));
    setItems(task, "itemsReceived", received);
    track(task, received);
    task.setVariable("itemsReceivedBy", ResultDrafts.actor(task));
    task.setVariable("itemsReceivedAt", ClockUtil.getCurrentTime());
  }

  // --- step 3: the responsible executor checks the documents

  /** Complete listener of step 3: to the commission with the items, or a motivated refusal (its draft). */
  public void check(DelegateTask task) {
    Object decision = task.getVariable("executorDecision");
    if ("refuse".equals(decision)) {
      String reason = reason(task, "decisionReason");
      track(task, received(task).stream()
          .map(i -> new Item(i.description(), i.quantity(), i.received(), 0, null, null)).toList());
      drafts.prepareRefusal(task, "3", reason);
      task.setVariable("refusalDetail", reason);
    } else if ("commission".equals(decision)) {
      // the commission examines every item received
      track(task, received(task).stream()
          .map(i -> new Item(i.description(), i.quantity(), i.received(), i.received(), null, null)).toList());
      task.setVariable("sentToCommissionAt", ClockUtil.getCurrentTime());
    } else {
      throw new FormFieldValidationException("executorDecision", "executorDecision must be 'commission' (send the"
          + " documents and items to the expert commission) or 'refuse' (a motivated refusal), not "
          + (decision == null ? "empty" : "'" + decision + "'") + " (шешім / решение)");
    }
  }

  // --- step 4: the expert commission

  /** Complete listener of step 4: the conclusion, and the items back as they were sent. */
  public void conclude(DelegateTask task) {
    List<String> problems = new ArrayList<>();
    Object conclusion = task.getVariable("commissionConclusion");
    if (!"positive".equals(conclusion) && !"negative".equals(conclusion)) {
      problems.add("commissionConclusion: 'positive' (the items may be exported temporarily) or 'negative' (қорытынды"
          + " / заключение)");
    }
    String text = text(task, "commissionConclusionText");
    if ("negative".equals(conclusion) && (text == null || text.length() < MIN_REASON)) {
      problems.add("commissionConclusionText: a negative conclusion states its grounds, at least " + MIN_REASON
          + " characters (негіздеме / обоснование)");
    }
    List<Item> sent = current(task);
    List<Item> submitted = items(task, "items", problems);
    List<Item> back = new ArrayList<>();
    for (int i = 0; i < sent.size(); i++) {
      Item item = sent.get(i);
      Integer returned = i < submitted.size() && sameItem(submitted.get(i), item) ? submitted.get(i).returned() : null;
      String at = "items[" + (i + 1) + "] '" + item.description() + "'";
      if (returned == null) {
        problems.add(at + ": how many the commission returns (қайтарылды / возвращено)");
      } else if (!returned.equals(item.sentToCommission())) {
        problems.add(at + ": " + item.sentToCommission() + " sent to the commission, " + returned
            + " returned — the commission gives every item back to the executor (R3 item 5 step 4)");
      }
      back.add(new Item(item.description(), item.quantity(), item.received(), item.sentToCommission(), returned,
          null));
    }
    if (submitted.size() != sent.size() && problems.stream().noneMatch(p -> p.startsWith("items:"))) {
      problems.add("items: " + sent.size() + " items were sent to the commission; the list may not change");
    }
    fail(problems);
    track(task, back);
    task.setVariable("commissionConcludedBy", ResultDrafts.actor(task));
    task.setVariable("commissionConcludedAt", ClockUtil.getCurrentTime());
    if ("negative".equals(conclusion) && task.getVariable("decisionReason") == null) {
      // the executor's refusal (step 5) starts from the commission's grounds
      task.setVariable("decisionReason", text);
    }
  }

  // --- step 5: the executor prepares the certificate (or, after a negative conclusion, the motivated refusal)

  public void prepare(DelegateTask task) {
    if ("positive".equals(task.getVariable("commissionConclusion"))) {
      drafts.prepareCertificate(task);
    } else {
      String reason = reason(task, "decisionReason");
      drafts.prepareRefusal(task, "5", reason);
      task.setVariable("refusalDetail", reason);
    }
  }

  // --- R3 item 3: the paper copy

  /** Complete listener: the clerk printed the electronic result and stamped it; who and when are recorded. */
  public void stampPaperCopy(DelegateTask task) {
    if (!Boolean.TRUE.equals(task.getVariable("paperCopyStamped"))) {
      throw new FormFieldValidationException("paperCopyStamped", "paperCopyStamped: the printed copy is certified"
          + " with the provider's stamp before it is handed over (мөрмен куәландырылды / заверено печатью)");
    }
    task.setVariable("paperCopyStampedBy", ResultDrafts.actor(task));
    task.setVariable("paperCopyStampedAt", ClockUtil.getCurrentTime());
  }

  // --- step 7: the office clerk hands over the result and the items

  public void handOver(DelegateTask task) {
    List<String> problems = new ArrayList<>();
    if (text(task, "recipientName") == null) {
      problems.add("recipientName: who received the result and the items (алушы / получатель)");
    }
    if (!Boolean.TRUE.equals(task.getVariable("identityChecked"))) {
      problems.add("identityChecked: the recipient's identity document is checked (жеке басы тексерілді / личность"
          + " проверена)");
    }
    List<Item> kept = current(task);
    List<Item> submitted = items(task, "items", problems);
    List<Item> handed = new ArrayList<>();
    for (int i = 0; i < kept.size(); i++) {
      Item item = kept.get(i);
      Integer given = i < submitted.size() && sameItem(submitted.get(i), item) ? submitted.get(i).handedOver() : null;
      String at = "items[" + (i + 1) + "] '" + item.description() + "'";
      if (given == null) {
        problems.add(at + ": how many are handed back (қайтарылды / выдано)");
      } else if (!given.equals(item.received())) {
        problems.add(at + ": " + item.received() + " received from the applicant, " + given + " handed back — the"
            + " applicant gets back exactly what was received (R3 item 5 step 7) (қабылданғаны " + item.received()
            + " / принято " + item.received() + ")");
      }
      handed.add(new Item(item.description(), item.quantity(), item.received(), item.sentToCommission(),
          item.returned(), given));
    }
    if (submitted.size() != kept.size() && problems.stream().noneMatch(p -> p.startsWith("items:"))) {
      problems.add("items: " + kept.size() + " items were received; hand back each of them, the list may not change");
    }
    fail(problems);
    track(task, handed);
    task.setVariable("handedOverBy", ResultDrafts.actor(task));
    task.setVariable("handedOverAt", ClockUtil.getCurrentTime());
  }

  // --- the items

  /** The record of step 1, with what happened to the items since ({@code itemsTracked}). */
  private List<Item> current(DelegateTask task) {
    List<Item> received = received(task);
    List<String> ignored = new ArrayList<>();
    List<Item> tracked = items(task.getVariable("itemsTracked"), ignored);
    List<Item> merged = new ArrayList<>();
    for (int i = 0; i < received.size(); i++) {
      Item r = received.get(i);
      Item t = i < tracked.size() ? tracked.get(i) : r;
      merged.add(new Item(r.description(), r.quantity(), r.received(), t.sentToCommission(), t.returned(), null));
    }
    return merged;
  }

  private List<Item> received(DelegateTask task) {
    List<String> problems = new ArrayList<>();
    List<Item> received = items(task, "itemsReceived", problems);
    if (!problems.isEmpty() || received.isEmpty()) {
      throw new IllegalStateException("Step '" + task.getName() + "': the items received at step 1 (itemsReceived)"
          + " are missing or unreadable: " + problems);
    }
    return received;
  }

  private static boolean sameItem(Item submitted, Item recorded) {
    return Objects.equals(submitted.description(), recorded.description());
  }

  private List<Item> items(DelegateTask task, String name, List<String> problems) {
    return items(task.getVariable(name), problems);
  }

  private List<Item> items(Object variable, List<String> problems) {
    JsonNode list = tree(variable);
    List<Item> items = new ArrayList<>();
    if (list == null || list.isNull()) {
      return items;
    }
    if (!list.isArray()) {
      problems.add("items: a list of {description, quantity, received, ...}");
      return items;
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode node = list.get(i);
      String at = "items[" + (i + 1) + "]";
      String description = node.path("description").isValueNode() ? node.path("description").asText().strip() : "";
      if (description.isEmpty() || description.length() > 500) {
        problems.add(at + ".description: what the item is (name, author, material, size), 1 to 500 characters");
      }
      Integer quantity = count(node.get("quantity"));
      if (quantity == null || quantity < 1) {
        problems.add(at + ".quantity: a whole number from 1");
        quantity = 0;
      }
      items.add(new Item(description, quantity, count(node.get("received")), count(node.get("sentToCommission")),
          count(node.get("returned")), count(node.get("handedOver"))));
    }
    return items;
  }

  /** A whole number from a form (a number, or digits as text); null when empty or not one. */
  private static Integer count(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isIntegralNumber() && node.canConvertToInt() && node.asInt() >= 0) {
      return node.asInt();
    }
    if (node.isNumber() && node.asDouble() == Math.rint(node.asDouble()) && node.asDouble() >= 0
        && node.asDouble() < 1_000_000) {
      return (int) node.asDouble();
    }
    if (node.isTextual() && node.asText().strip().matches("[0-9]{1,6}")) {
      return Integer.valueOf(node.asText().strip());
    }
    return null;
  }

  /**
   * What happened to the items so far: {@code itemsTracked}, which only these listeners write (a form submits
   * {@code items}, which is overwritten before the listener runs), and {@code items}, the forms' copy.
   */
  private void track(DelegateTask task, List<Item> items) {
    setItems(task, "itemsTracked", items);
    setItems(task, "items", items);
  }

  private void setItems(DelegateTask task, String name, List<Item> items) {
    ArrayNode list = json.createArrayNode();
    for (Item item : items) {
      ObjectNode node = list.addObject().put("description", item.description()).put("quantity", item.quantity());
      putCount(node, "received", item.received());
      putCount(node, "sentToCommission", item.sentToCommission());
      putCount(node, "returned", item.returned());
      putCount(node, "handedOver", item.handedOver());
    }
    task.setVariable(name, SpinValues.jsonValue(list.toString()).create());
  }

  private static void putCount(ObjectNode node, String name, Integer value) {
    if (value != null) {
      node.put(name, value);
    }
  }

  // --- form values

  private String reason(DelegateTask task, String name) {
    String reason = text(task, name);
    if (reason == null || reason.length() < MIN_REASON) {
      throw new FormFieldValidationException(name, "a motivated refusal states its reason (item 9-1 of the standard),"
          + " at least " + MIN_REASON + " characters (бас тарту себебі / причина отказа)");
    }
    return reason;
  }

  private static void fail(List<String> problems) {
    if (!problems.isEmpty()) {
      String field = problems.get(0).split("[:\\[. ]", 2)[0];
      throw new FormFieldValidationException(field, String.join("; ", problems));
    }
  }

  private static String required(DelegateTask task, String name, String meaning, List<String> problems) {
    String value = text(task, name);
    if (value == null) {
      problems.add(name + ": " + meaning + ", required");
    } else if (value.length() > 500) {
      problems.add(name + ": at most 500 characters");
    }
    return value;
  }

  private static LocalDate date(DelegateTask task, String name, List<String> problems) {
    String value = text(task, name);
    if (value == null) {
      problems.add(name + ": a date (YYYY-MM-DD), required");
      return null;
    }
    try {
      return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
    } catch (DateTimeParseException e) {
      problems.add(name + " '" + value + "': a date (YYYY-MM-DD)");
      return null;
    }
  }

  private static String text(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    if (value instanceof java.util.Date date) {
      return date.toInstant().atOffset(java.time.ZoneOffset.ofHours(5)).toLocalDate().toString();
    }
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  private JsonNode variable(DelegateTask task, String name) {
    return tree(task.getVariable(name));
  }

  /** Spin JSON, a JSON string, a list or a map as a Jackson tree. */
  private JsonNode tree(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof java.util.Collection<?> || value instanceof java.util.Map<?, ?>) {
      return json.valueToTree(value);
    }
    try {
      return json.readTree(value.toString());
    } catch (JsonProcessingException e) {
      return json.getNodeFactory().textNode(value.toString());
    }
  }

  private ObjectNode object(JsonNode node) {
    return node instanceof ObjectNode object ? object.deepCopy() : json.createObjectNode();
  }
}
