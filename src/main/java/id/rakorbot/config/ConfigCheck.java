package id.rakorbot.config;

import java.util.List;

/**
 * A check that a feature adds to config loading (schedules check their recurrences, for example), so
 * that its problems are reported with file, line and column like all others.
 */
public interface ConfigCheck {

  /** A problem at a JSON pointer into the file ("/schedules/0/time"). */
  record Problem(String pointer, String message) {}

  List<Problem> check(RakorbotConfig config);
}
