package id.rakorbot.schedule;

/** What a schedule does when its date is a holiday. */
public enum HolidayPolicy {
  /** The meeting moves to the next working day; reminders say it was moved. */
  SHIFT,
  /** The meeting does not take place that time. */
  SKIP
}
