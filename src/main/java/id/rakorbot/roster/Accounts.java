package id.rakorbot.roster;

import static id.rakorbot.telegram.Html.escape;

import id.rakorbot.config.CurrentConfig;
import id.rakorbot.config.Official;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.error.UserMistake;
import id.rakorbot.outbox.Outbox;
import id.rakorbot.outbox.Priority;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/**
 * Binds Telegram accounts to roster people, keeps them in the database, and puts them into the config in force.
 * The database is the record; {@link CurrentConfig} holds a copy, refreshed after each binding here and every
 * half minute for bindings made by another instance.
 */
public final class Accounts {

  private static final Logger log = LoggerFactory.getLogger(Accounts.class);

  /** How a person was bound. */
  enum Via {
    KONTAK("kontak", "nomor HP yang dibagikan"), UNDANGAN("undangan", "tautan undangan"), USERNAME("username", "username Telegram");

    final String key;
    final String words;

    Via(String key, String words) {
      this.key = key;
      this.words = words;
    }
  }

  private final Jdbi jdbi;
  private final CurrentConfig config;
  private final Outbox outbox;
  private final Clock clock;

  public Accounts(Jdbi jdbi, CurrentConfig config, Outbox outbox, Clock clock) {
    this.jdbi = jdbi;
    this.config = config;
    this.outbox = outbox;
    this.clock = clock;
  }

  Clock clock() {
    return clock;
  }

  /**
   * Reads the bindings into the config in force. One refresh at a time: two bindings committed together each refresh
   * after their commit, and without this the one that read first could set its older view last (a bound person shown
   * as unbound until the next periodic refresh; seen with the tests in two JVMs).
   */
  public synchronized void refresh() {
    config.bind(read(jdbi));
  }

  /** The bindings in the database, by person key; empty where the tables do not exist yet (check-config on a new database). */
  public static Map<String, Long> read(Jdbi jdbi) {
    return jdbi.withHandle(h -> h.attach(BindingDao.class).all().stream()
        .collect(Collectors.toMap(BindingDao.Binding::personKey, BindingDao.Binding::userId)));
  }

  /** After the roster changed: people no longer on it are unbound. */
  public void rosterChanged() {
    List<String> keys = config.file().people().stream().filter(o -> !o.bound()).map(Official::key).distinct().toList();
    int gone = jdbi.inTransaction(h -> keys.isEmpty() ? h.attach(BindingDao.class).unbindAll() : h.attach(BindingDao.class).keepOnly(keys));
    if (gone > 0) {
      log.info("{} account binding(s) removed with their people from the roster", gone);
    }
    refresh();
  }

  /** The roster people whose account is bound here rather than by a user_id in the file. */
  List<Official> bindable() {
    return config.file().people().stream().filter(o -> !o.bound()).toList();
  }

  Optional<Official> bindable(String key) {
    return bindable().stream().filter(o -> o.key().equals(key)).findFirst();
  }

  /** Whether the person has an account, bound here or written in the file. */
  boolean hasAccount(Official person) {
    return config.get().people().stream().anyMatch(o -> o.key().equals(person.key()) && o.bound());
  }

  /**
   * Binds {@code userId} to {@code person}, in the transaction of {@code handle}. An account that is someone else's
   * already is refused; a person who had another account gets this one, and the admins are told.
   */
  void bind(Handle handle, Official person, long userId, Via via) {
    RakorbotConfig current = config.get();
    BindingDao dao = handle.attach(BindingDao.class);
    Optional<String> otherPerson = config.file().official(userId).map(Official::name)
        .or(() -> dao.ofUser(userId).filter(b -> !b.personKey().equals(person.key()))
            .map(b -> current.people().stream().filter(o -> o.key().equals(b.personKey())).map(Official::name).findFirst()
                .orElse("orang lain")));
    if (otherPerson.isPresent()) {
      throw new UserMistake(RosterTexts.accountTaken(otherPerson.get()));
    }
    Optional<BindingDao.Binding> previous = dao.ofPerson(person.key());
    if (previous.isPresent() && previous.get().userId() == userId) {
      return; // already this person's account
    }
    previous.ifPresent(p -> dao.unbind(person.key()));
    dao.bind(person.key(), userId, via.key, clock.instant());
    log.info("{} bound to a Telegram account via {}{}", person.row() == null ? "A roster entry" : person.row(), via.key,
        previous.isPresent() ? " (replacing the previous account)" : "");
    if (previous.isPresent()) {
      tellAdmins(handle, current, "⚠️ Akun Telegram <b>" + escape(person.name()) + "</b> berganti: sebelumnya tertaut ke akun lain,"
          + " kini ke akun baru lewat " + via.words + ". Bila ini tidak diharapkan, hubungi yang bersangkutan.");
    }
    handle.afterCommit(this::refresh);
  }

  void tellAdmins(Handle handle, RakorbotConfig current, String html) {
    for (Official admin : current.admins()) {
      outbox.enqueue(handle, admin.userId(), SendMessage.builder().chatId(admin.userId()).text(html).parseMode(ParseMode.HTML).build(),
          Priority.BULK);
    }
  }
}
