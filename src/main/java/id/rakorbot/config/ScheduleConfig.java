package id.rakorbot.config;

import java.util.List;

/**
 * One forum schedule as written in the config file. Values stay text here; the schedule feature parses
 * and checks them, so that every mistake can be reported with its line and column.
 *
 * @param id short stable key ("rakor_pks"), used in commands and button data
 * @param kind rakor, kopi_senja, ngopi_kamtibmas or lainnya
 * @param groups ids of the declared groups the reminders go to
 * @param mode luring, daring or hybrid
 * @param link the meeting link, for daring and hybrid
 * @param time local start time, "09.00" or "09:00"
 * @param duration how long the meeting takes ("2h", "90m")
 * @param repeat when it happens
 * @param reminders how long before the start to remind ("7d", "1d", "2h")
 * @param nudge which reminder also chases those who have not answered ("1d"), or "none"
 * @param briefing when the bahan rapat is posted ("H-1 08:00", the default for rakor and kopi_senja), or "none"
 * @param onHoliday skip or shift (to the next working day) when the date is a holiday
 * @param timeZone the schedule's zone when it differs from the bot's
 * @param calendar whether each announcement carries the meeting's calendar file (.ics); default yes
 */
public record ScheduleConfig(
    String id,
    String title,
    String kind,
    List<String> groups,
    String venue,
    String mode,
    String link,
    String agenda,
    String time,
    String duration,
    RepeatConfig repeat,
    List<String> reminders,
    String nudge,
    String onHoliday,
    String timeZone,
    String briefing,
    Boolean calendar) {

  public ScheduleConfig {
    groups = groups == null ? List.of() : List.copyOf(groups);
    reminders = reminders == null ? List.of() : List.copyOf(reminders);
  }

  /**
   * When a schedule happens.
   *
   * @param every week, month, quarter, once or cron
   * @param weekday day name, Indonesian or English ("rabu", "wednesday")
   * @param week which weekday of the month: 1-4 or "last" (terakhir)
   * @param day day of the month, 1-31 (the last day in shorter months)
   * @param startMonth for quarter: the first month of the cycle, 1-3 or a month name
   * @param date for once: the date, yyyy-mm-dd
   * @param cron for cron: a Quartz cron expression (seconds first)
   */
  public record RepeatConfig(
      String every, String weekday, String week, Integer day, String startMonth, String date, String cron) {}
}
