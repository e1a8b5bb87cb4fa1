package kz.egov.workflow.calendar;

import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ResourceLoader;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * The register of days off that change yearly: the days-off file plus the transfers added at run time
 * (table {@code egov_calendar_transfer}). Hands out the current {@link WorkingDayCalendar}; the data is
 * read again after {@code egov.calendar.refresh}, so that a transfer added on another node or an edited
 * external file takes effect without a restart.
 */
@Service
public class DaysOffRegister {

  private static final Logger log = LoggerFactory.getLogger(DaysOffRegister.class);

  private final CalendarProperties properties;
  private final WorkingHours hours;
  private final ResourceLoader resources;
  private final JdbcTemplate jdbc;

  private volatile Snapshot snapshot;

  private record Snapshot(WorkingDayCalendar calendar, List<RecordedTransfer> transfers,
      List<ReligiousDayOff> religiousDays, long readAtNanos) {}

  public DaysOffRegister(CalendarProperties properties, ResourceLoader resources, JdbcTemplate jdbc) {
    this.properties = properties;
    this.hours = properties.toWorkingHours();
    this.resources = resources;
    this.jdbc = jdbc;
    // a broken file stops the start, not the first deadline of the day
    DaysOffFile.read(resources.getResource(properties.data()));
  }

  /** The calendar on the current data. */
  public WorkingDayCalendar calendar() {
    return current().calendar();
  }

  public List<RecordedTransfer> transfers() {
    return current().transfers();
  }

  public List<ReligiousDayOff> religiousDays() {
    return current().religiousDays();
  }

  /**
   * Records a transfer after checking it against the current calendar: the worked day must now be a day
   * off and the day off a working day, and neither may belong to another transfer.
   *
   * @throws IllegalArgumentException with every problem found, before anything is written
   */
  public synchronized RecordedTransfer add(DayOffTransfer transfer, String recordedBy) {
    WorkingDayCalendar calendar = reload().calendar();
    List<String> problems = new ArrayList<>();
    if (transfer.workedDay().equals(transfer.dayOff())) {
      problems.add("workedDay and dayOff must be different days");
    } else {
      if (calendar.isWorkingDay(transfer.workedDay())) {
        problems.add("workedDay: " + transfer.workedDay() + " is already a working day ("
            + calendar.day(transfer.workedDay()).reason() + ")");
      }
      if (!calendar.isWorkingDay(transfer.dayOff())) {
        problems.add("dayOff: " + transfer.dayOff() + " is already not a working day ("
            + calendar.day(transfer.dayOff()).reason() + ")");
      }
    }
    for (RecordedTransfer existing : transfers()) {
      for (LocalDate day : List.of(transfer.workedDay(), transfer.dayOff())) {
        if (day.equals(existing.workedDay()) || day.equals(existing.dayOff())) {
          problems.add(day + " already belongs to the transfer " + existing.workedDay() + " → "
              + existing.dayOff() + " (" + existing.act() + ")");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems.stream().distinct().toList()));
    }
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    try {
      jdbc.update(connection -> {
      PreparedStatement insert = connection.prepareStatement("INSERT INTO egov_calendar_transfer"
          + " (worked_day, day_off, act, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?)", new String[] {"id"});
      insert.setObject(1, transfer.workedDay());
      insert.setObject(2, transfer.dayOff());
      insert.setString(3, transfer.act());
      insert.setString(4, recordedBy);
      insert.setObject(5, now);
      return insert;
      }, key);
    } catch (DuplicateKeyException e) {
      // recorded a moment ago on another node
      throw new IllegalArgumentException(transfer.workedDay() + " or " + transfer.dayOff()
          + " already belongs to another transfer");
    }
    long id = key.getKey().longValue();
    log.info("Transfer of a day off recorded by {}: {} worked, {} off ({})", recordedBy, transfer.workedDay(),
        transfer.dayOff(), transfer.act());
    reload();
    return transfers().stream().filter(t -> Long.valueOf(id).equals(t.id())).findFirst().orElseThrow();
  }

  /** Removes a transfer added at run time; the file's transfers are removed by editing the file. */
  public synchronized Optional<RecordedTransfer> remove(long id) {
    Optional<RecordedTransfer> found = transfers().stream().filter(t -> Long.valueOf(id).equals(t.id())).findFirst();
    if (found.isPresent()) {
      jdbc.update("DELETE FROM egov_calendar_transfer WHERE id = ?", id);
      log.info("Transfer of a day off {} removed: {} → {}", id, found.get().workedDay(), found.get().dayOff());
      reload();
    }
    return found;
  }

  private Snapshot current() {
    Snapshot s = snapshot;
    if (s == null || System.nanoTime() - s.readAtNanos() > properties.refresh().toNanos()) {
      synchronized (this) {
        s = snapshot;
        if (s == null || System.nanoTime() - s.readAtNanos() > properties.refresh().toNanos()) {
          s = reloadKeepingOldOnError(s);
        }
      }
    }
    return s;
  }

  private Snapshot reloadKeepingOldOnError(Snapshot old) {
    try {
      return reload();
    } catch (RuntimeException e) {
      if (old == null) {
        throw e;
      }
      // the previous data stays in force rather than every deadline failing; the log says why
      log.error("Days-off data could not be read again; the previous data stays in force", e);
      snapshot = new Snapshot(old.calendar(), old.transfers(), old.religiousDays(), System.nanoTime());
      return snapshot;
    }
  }

  private synchronized Snapshot reload() {
    DaysOffFile.Content file = DaysOffFile.read(resources.getResource(properties.data()));
    List<RecordedTransfer> stored = jdbc.query("SELECT id, worked_day, day_off, act, recorded_by, recorded_at"
        + " FROM egov_calendar_transfer ORDER BY worked_day", (rs, row) -> new RecordedTransfer(rs.getLong("id"),
        rs.getObject("worked_day", LocalDate.class), rs.getObject("day_off", LocalDate.class), rs.getString("act"),
        "database", rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class)));
    List<RecordedTransfer> all = Stream.concat(file.transfers().stream()
            .map(t -> new RecordedTransfer(null, t.workedDay(), t.dayOff(), t.act(), "file", null, null)),
        stored.stream()).sorted((a, b) -> a.workedDay().compareTo(b.workedDay())).toList();
    WorkingDayCalendar calendar = new WorkingDayCalendar(hours, file.religiousDays(),
        all.stream().map(RecordedTransfer::transfer).toList());
    snapshot = new Snapshot(calendar, all, file.religiousDays(), System.nanoTime());
    return snapshot;
  }
}
