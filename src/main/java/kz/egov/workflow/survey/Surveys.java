package kz.egov.workflow.survey;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The "quality and accessibility" questionnaire of every regulation's last appendix, table {@code service_survey}
 * (V62): one answer per application, counted per service.
 */
@Service
public class Surveys {

  /** The two questions of the appendix, in the order and with the answers it gives (1, 2, 3). */
  public enum Question {
    Q1("q1", "Электрондық мемлекеттік қызметті көрсету үдерісінің сапасына және нәтижесіне қанағаттанасыз ба?",
        "Удовлетворены ли Вы качеством процесса и результатом оказания электронной государственной услуги?",
        "Are you satisfied with the quality of the process and the result of the service?"),
    Q2("q2", "Электрондық мемлекеттік қызметті көрсету тәртібі туралы ақпараттың сапасына қанағаттанасыз ба?",
        "Удовлетворены ли Вы качеством информации о порядке оказания электронной государственной услуги?",
        "Are you satisfied with the quality of the information about the procedure?");

    public final String code;
    public final String kk;
    public final String ru;
    public final String en;

    Question(String code, String kk, String ru, String en) {
      this.code = code;
      this.kk = kk;
      this.ru = ru;
      this.en = en;
    }
  }

  /** 1 not satisfied, 2 partly satisfied, 3 satisfied: the appendix's answers, in Kazakh, Russian and English. */
  public static final Map<Integer, List<String>> ANSWERS = Map.of(
      1, List.of("қанағаттанған жоқпын", "не удовлетворен(а)", "not satisfied"),
      2, List.of("ішінара қанағаттанамын", "частично удовлетворен(а)", "partly satisfied"),
      3, List.of("қанағаттанамын", "удовлетворен(а)", "satisfied"));

  public record Answer(String applicationId, String service, String provider, int q1, int q2, String answeredBy,
      OffsetDateTime answeredAt) {}

  /** Per question: how many answered 1, 2 and 3. */
  public record Counts(String service, long answers, List<QuestionCounts> questions) {}

  public record QuestionCounts(String question, String textKk, String textRu, String textEn,
      Map<String, Long> counts) {}

  public static class AlreadyAnsweredException extends RuntimeException {
    public AlreadyAnsweredException(String applicationId) {
      super("The questionnaire of application " + applicationId + " has been answered already (once per application)");
    }
  }

  private final JdbcTemplate jdbc;

  public Surveys(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** @throws AlreadyAnsweredException on a second answer for the application */
  public Answer record(Answer answer) {
    try {
      jdbc.update("INSERT INTO service_survey (application_id, service, provider, q1, q2, answered_by, answered_at)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?)", answer.applicationId(), answer.service(), answer.provider(),
          answer.q1(), answer.q2(), answer.answeredBy(), answer.answeredAt());
      return answer;
    } catch (DuplicateKeyException e) {
      throw new AlreadyAnsweredException(answer.applicationId());
    }
  }

  public Optional<Answer> of(String applicationId) {
    return jdbc.query("SELECT * FROM service_survey WHERE application_id = ?", (rs, row) -> new Answer(
        rs.getString("application_id"), rs.getString("service"), rs.getString("provider"), rs.getInt("q1"),
        rs.getInt("q2"), rs.getString("answered_by"), rs.getObject("answered_at", OffsetDateTime.class)),
        applicationId).stream().findFirst();
  }

  public Counts counts(String service) {
    Map<String, Map<String, Long>> byQuestion = new LinkedHashMap<>();
    for (Question question : Question.values()) {
      Map<String, Long> counts = new LinkedHashMap<>();
      for (int answer = 1; answer <= 3; answer++) {
        counts.put(String.valueOf(answer), 0L);
      }
      // the column is the question's code (q1, q2): fixed names, never the caller's text
      jdbc.query("SELECT " + question.code + " AS answer, COUNT(*) AS n FROM service_survey WHERE service = ?"
          + " GROUP BY " + question.code, rs -> {
            counts.put(String.valueOf(rs.getInt("answer")), rs.getLong("n"));
          }, service);
      byQuestion.put(question.code, counts);
    }
    Long answers = jdbc.queryForObject("SELECT COUNT(*) FROM service_survey WHERE service = ?", Long.class, service);
    List<QuestionCounts> questions = java.util.Arrays.stream(Question.values()).map(q -> new QuestionCounts(q.code,
        q.kk, q.ru, q.en, byQuestion.get(q.code))).toList();
    return new Counts(service, answers == null ? 0 : answers, questions);
  }
}
