package id.rakorbot.briefing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A stretch of time [from, to), with the two it is compared against. */
public record BriefingPeriod(Instant from, Instant to, ZoneId zone) {

  /** The stretch of the same length just before. */
  public BriefingPeriod previous() {
    Duration length = Duration.between(from, to);
    return new BriefingPeriod(from.minus(length), from, zone);
  }

  /** The same dates a year earlier (the seed's "semester pertama 2025 … dibanding 2024"). */
  public BriefingPeriod yearEarlier() {
    return new BriefingPeriod(from.atZone(zone).minusYears(1).toInstant(), to.atZone(zone).minusYears(1).toInstant(), zone);
  }
}
