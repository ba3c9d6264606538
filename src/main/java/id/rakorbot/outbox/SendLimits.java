package id.rakorbot.outbox;

import java.time.Duration;

/**
 * How fast the bot may send: messages a second in all, the gap between two messages to one chat, and
 * messages a minute to one group, of which replies and bulk messages may use only {@code groupShareNotUrgent};
 * and how long the changes of a live tally are gathered into one edit ({@code tallyCoalesce}), since every
 * edit spends the group's minute too. Production always uses {@link #TELEGRAM}; tests that are not about
 * these limits relax them, so that a simulated ten weeks do not wait on real minutes.
 */
public record SendLimits(int perSecond, Duration perChat, int groupPerMinute, int groupShareNotUrgent, Duration tallyCoalesce) {

  /** Telegram's published limits (about 30 a second, one a second per chat, 20 a minute per group); tallies every 2 s. */
  public static final SendLimits TELEGRAM = new SendLimits(30, Duration.ofSeconds(1), 20, 15, Duration.ofSeconds(2));

  public SendLimits {
    if (perSecond < 1 || groupPerMinute < 1 || groupShareNotUrgent < 1 || groupShareNotUrgent > groupPerMinute
        || perChat.isNegative() || tallyCoalesce.isNegative()) {
      throw new IllegalArgumentException("Impossible send limits: " + perSecond + "/s, " + perChat + " per chat, "
          + groupShareNotUrgent + " of " + groupPerMinute + "/min per group");
    }
  }

  /** Far above anything a test sends: the order of classes and chats still holds, the waiting does not. */
  public static SendLimits relaxed() {
    return new SendLimits(10_000, Duration.ZERO, 100_000, 100_000, Duration.ofMillis(100));
  }
}
