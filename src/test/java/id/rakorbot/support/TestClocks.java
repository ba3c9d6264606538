package id.rakorbot.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;

/** Clocks for running the bot at a chosen moment: they read that time now and run on from there. */
public final class TestClocks {

  private TestClocks() {}

  /** A clock that reads {@code localTime} in WIB (e.g. {@code 2026-01-27T08:59:50}) now. */
  public static Clock wib(String localTime) {
    return startingAt(ZonedDateTime.parse(localTime + "+07:00[Asia/Jakarta]").toInstant());
  }

  public static Clock startingAt(Instant instant) {
    return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), instant));
  }
}
