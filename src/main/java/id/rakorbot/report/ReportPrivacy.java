package id.rakorbot.report;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * What retention, erasure and {@code /data_saya} ask of the reports (UU PDP), in the caller's transaction: the report
 * tables stay this package's own.
 */
public final class ReportPrivacy {

  private ReportPrivacy() {}

  /** Anonymises the reports older than {@code cutoff} (with their corrections); their numbers. */
  public static List<String> anonymiseBefore(Handle handle, Instant cutoff, Instant now) {
    List<String> numbers = dao(handle).anonymiseBefore(cutoff, now);
    if (!numbers.isEmpty()) {
      dao(handle).dropCorrections(numbers.toArray(String[]::new));
      dao(handle).dropFormPhotos(numbers.toArray(String[]::new));
    }
    return numbers;
  }

  public static int dropPhotosBefore(Handle handle, Instant cutoff) {
    return dao(handle).dropPhotosBefore(cutoff) + dao(handle).dropFormPhotosBefore(cutoff);
  }

  public static int countOf(Handle handle, long userId) {
    return dao(handle).countOf(userId);
  }

  public static int heldOf(Handle handle, long userId) {
    return dao(handle).heldOf(userId);
  }

  /** The names a person reported under. */
  public static List<String> namesOf(Handle handle, long userId) {
    return dao(handle).namesOf(userId);
  }

  /** Erases a person from the reports: theirs anonymised (not those on legal hold), their name gone as a closer; their numbers. */
  public static List<String> eraseReporter(Handle handle, long userId, Instant now) {
    dao(handle).dropCorrectionsOf(userId);
    dao(handle).dropFormPhotosOf(userId);
    List<String> numbers = dao(handle).eraseReporter(userId, now);
    dao(handle).forgetCloser(userId);
    return numbers;
  }

  /** The person's reports and their corrections, as JSON arrays. */
  public static String reportsOfAsJson(Handle handle, long userId) {
    return dao(handle).reportsOfAsJson(userId);
  }

  public static String correctionsOfAsJson(Handle handle, long userId) {
    return dao(handle).correctionsOfAsJson(userId);
  }

  public static int registrationsOf(Handle handle, long userId) {
    return dao(handle).registrationsOf(userId);
  }

  public static List<String> registeredNamesOf(Handle handle, long userId) {
    return dao(handle).registeredNamesOf(userId);
  }

  /** Their registration as a reporter, a draft in progress and their flood windows; how many registrations. */
  public static int eraseRegistration(Handle handle, long userId) {
    return dao(handle).eraseRegistration(userId);
  }

  /** Flood-limit windows older than {@code cutoff} count for nothing any more. */
  public static int pruneFloodWindows(Handle handle, Instant cutoff) {
    return dao(handle).pruneFloodWindows(cutoff);
  }

  public static String registrationOfAsJson(Handle handle, long userId) {
    return dao(handle).registrationOfAsJson(userId);
  }

  public static String draftsOfAsJson(Handle handle, long userId) {
    return dao(handle).draftsOfAsJson(userId);
  }

  private static ReportPrivacyDao dao(Handle handle) {
    return handle.attach(ReportPrivacyDao.class);
  }
}
