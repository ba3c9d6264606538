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

  /** A movable clock that reads {@code localTime} in WIB now. */
  public static Movable movableWib(String localTime) {
    return new Movable(ZonedDateTime.parse(localTime + "+07:00[Asia/Jakarta]").toInstant());
  }

  /** A clock that runs with real time and can be moved forward at once, as a season test needs. */
  public static final class Movable extends Clock {
    private volatile Duration offset;

    public Movable(Instant startingAt) {
      this.offset = Duration.between(Instant.now(), startingAt);
    }

    /** From now on reads {@code instant} (and runs on from there); never moves back. */
    public void moveTo(Instant instant) {
      Duration wanted = Duration.between(Instant.now(), instant);
      if (wanted.compareTo(offset) > 0) {
        offset = wanted;
      }
    }

    /** This clock's reading minus the wall clock's. */
    public Duration offset() {
      return offset;
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset);
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      throw new UnsupportedOperationException("the bot converts zones itself");
    }
  }

  public static Clock startingAt(Instant instant) {
    return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), instant));
  }
}
