package id.rakorbot.warning;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The early warnings as the feature and its readers (the digest, the bahan rapat, the dashboard) ask for them. */
public final class EarlyWarnings {

  private EarlyWarnings() {}

  /** Whether rule {@code ruleId} already raised an alert for {@code scope} whose window lasts past {@code at}. */
  static boolean raised(Handle handle, String ruleId, String scope, Instant at) {
    return windowEnd(handle, ruleId, scope, at).isPresent();
  }

  /** The end of the window of the alert rule {@code ruleId} raised for {@code scope} that runs past {@code at}, if any. */
  static Optional<Instant> windowEnd(Handle handle, String ruleId, String scope, Instant at) {
    return dao(handle).windowEnd(ruleId, scope, at);
  }

  /** Open alerts of {@code scope} over some of {@code categories} whose window lasts past {@code at}. */
  static List<EarlyWarning> active(Handle handle, String scope, List<String> categories, Instant at) {
    return warnings(dao(handle).active(scope, categories.toArray(String[]::new), at));
  }

  /** Holds the place for this transaction: two lanes or instances never raise an alert for it at once. */
  static void lock(Handle handle, String scope) {
    dao(handle).lockScope(scope);
  }

  static EarlyWarning insert(Handle handle, String ruleId, String ruleName, String level, String scope, List<String> categories,
      List<String> reports, Instant firedAt, Instant windowEnd, int year) {
    EarlyWarningDao dao = dao(handle);
    long id = dao.nextId();
    dao.insert(id, "PD-" + year + "-" + String.format(Locale.ROOT, "%04d", id), ruleId, ruleName, level, scope,
        categories.toArray(String[]::new), reports.toArray(String[]::new), firedAt, windowEnd);
    return byId(handle, id).orElseThrow();
  }

  static void escalate(Handle handle, long from, long to) {
    dao(handle).escalate(from, to);
  }

  static Optional<EarlyWarning> byId(Handle handle, long id) {
    return dao(handle).byId(id).map(EarlyWarningDao.Stored::warning);
  }

  static Optional<EarlyWarning> byNumber(Handle handle, String number) {
    return dao(handle).byNumber(number.strip().toUpperCase(Locale.ROOT)).map(EarlyWarningDao.Stored::warning);
  }

  /** Open alerts, newest first. */
  public static List<EarlyWarning> open(Handle handle) {
    return warnings(dao(handle).open());
  }

  static boolean close(Handle handle, long id, long by, String note, Instant at) {
    return dao(handle).close(id, by, note, at);
  }

  /** Alerts raised in {@code [from, to)}, oldest first: what the digest and the bahan rapat count. */
  public static List<EarlyWarning> raisedBetween(Handle handle, Instant from, Instant to) {
    return warnings(dao(handle).raisedBetween(from, to));
  }

  private static List<EarlyWarning> warnings(List<EarlyWarningDao.Stored> stored) {
    return stored.stream().map(EarlyWarningDao.Stored::warning).toList();
  }

  private static EarlyWarningDao dao(Handle handle) {
    return handle.attach(EarlyWarningDao.class);
  }
}
