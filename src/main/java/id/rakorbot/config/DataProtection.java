package id.rakorbot.config;

/**
 * How long the bot keeps what it stores (UU PDP: data is destroyed at the end of its retention).
 *
 * @param retention per kind of data
 */
public record DataProtection(Retention retention) {

  public DataProtection {
    retention = retention == null ? Retention.defaults() : retention;
  }

  static DataProtection defaults() {
    return new DataProtection(null);
  }

  /**
   * @param updates how long a processed update stays in the inbox: also how long a repeated update id is
   *     recognised as a repeat (Telegram re-delivers unconfirmed updates for up to 24 hours); default 7 days
   */
  public record Retention(TimeSpan updates) {

    /** Telegram keeps an unconfirmed update 24 hours; a repeat must still be recognised after that, with a margin. */
    public static final java.time.Duration SHORTEST_UPDATES = java.time.Duration.ofDays(2);

    public Retention {
      updates = updates == null ? TimeSpan.days(7) : updates;
    }

    static Retention defaults() {
      return new Retention(null);
    }
  }
}
