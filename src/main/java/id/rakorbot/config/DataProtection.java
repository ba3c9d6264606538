package id.rakorbot.config;

import java.time.Duration;

/**
 * Personal data as UU PDP 27/2022 asks: who answers for it, and how long each kind is kept before it is destroyed.
 *
 * @param officer the data protection officer (PPDP), shown by {@code /privasi}
 * @param retention per kind of data
 */
public record DataProtection(Officer officer, Retention retention) {

  public DataProtection {
    officer = officer == null ? Officer.unnamed() : officer;
    retention = retention == null ? Retention.defaults() : retention;
  }

  static DataProtection defaults() {
    return new DataProtection(null, null);
  }

  /** The PPDP (Pasal 53); unnamed until the admin writes one, and {@code /privasi} then points to the admins. */
  public record Officer(String name, String contact) {
    public Officer {
      name = name == null ? "" : name.strip();
      contact = contact == null ? "" : contact.strip();
    }

    static Officer unnamed() {
      return new Officer("", "");
    }

    public boolean named() {
      return !name.isEmpty();
    }
  }

  /**
   * @param updates how long a processed update stays in the inbox: also how long a repeated update id is
   *     recognised as a repeat (Telegram re-delivers unconfirmed updates for up to 24 hours); default 7 days
   * @param messages how long a sent (or given-up) message stays in the outbox; default 30 days
   * @param reports how long a report keeps its reporter, description, photo and location; default 5 years
   * @param photos how long a report's photo is kept; default 1 year
   * @param sessions how long dashboard sessions and links are kept after they end; default 90 days
   * @param audit how long the audit trail is kept; default 5 years, at least 1 year
   */
  public record Retention(TimeSpan updates, TimeSpan messages, TimeSpan reports, TimeSpan photos, TimeSpan sessions,
      TimeSpan audit) {

    /** Telegram keeps an unconfirmed update 24 hours; a repeat must still be recognised after that, with a margin. */
    public static final Duration SHORTEST_UPDATES = Duration.ofDays(2);
    /** A sent message is edited later (RSVP tallies until the meeting, alert buttons): a week is the least. */
    public static final Duration SHORTEST_MESSAGES = Duration.ofDays(7);
    /** A report is looked at again in the next weeks' digests and the next quarter's bahan rapat. */
    public static final Duration SHORTEST_REPORTS = Duration.ofDays(30);
    /** The database refuses to delete audit rows younger than this (V21's trigger). */
    public static final Duration SHORTEST_AUDIT = Duration.ofDays(365);

    public Retention {
      updates = updates == null ? TimeSpan.days(7) : updates;
      messages = messages == null ? TimeSpan.days(30) : messages;
      reports = reports == null ? TimeSpan.parse("5y") : reports;
      photos = photos == null ? TimeSpan.parse("1y") : photos;
      sessions = sessions == null ? TimeSpan.days(90) : sessions;
      audit = audit == null ? TimeSpan.parse("5y") : audit;
    }

    static Retention defaults() {
      return new Retention(null, null, null, null, null, null);
    }
  }
}
