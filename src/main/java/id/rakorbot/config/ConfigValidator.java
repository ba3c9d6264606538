package id.rakorbot.config;

import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks that need the whole bound file: zones, URLs, unique ids, references to declared groups. */
final class ConfigValidator {

  private static final Pattern GROUP_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

  private final SourceMap source;
  private final List<ConfigProblem> problems = new ArrayList<>();

  ConfigValidator(SourceMap source) {
    this.source = source;
  }

  List<ConfigProblem> validate(RakorbotConfig config) {
    checkBot(config.bot());
    checkTelegram(config.telegram());
    checkWebhook(config.telegram(), config.http());
    checkDatabase(config.database());
    checkRetention(config.dataProtection().retention());
    if (config.http().enabled() && (config.http().port() < 0 || config.http().port() > 65535)) {
      problem("/http/port", "port " + config.http().port() + " tidak valid. Isi 1-65535, misalnya 8080 (0: port bebas mana saja).");
    }
    Set<String> groupIds = checkGroups(config.groups());
    checkRoster(config.yamlRoster(), groupIds);
    return problems;
  }

  private void checkWebhook(TelegramSettings telegram, HttpSettings http) {
    if (!List.of("polling", "webhook").contains(telegram.mode())) {
      problem("/telegram/mode", "mode '" + telegram.mode() + "' tidak dikenal. Isi polling (bawaan) atau webhook.");
      return;
    }
    if (!telegram.webhookMode()) {
      return;
    }
    TelegramSettings.WebhookSettings webhook = telegram.webhook();
    if (webhook == null || webhook.url() == null || !webhook.url().startsWith("http")) {
      problem("/telegram", "mode webhook perlu 'webhook.url': alamat HTTPS publik yang diteruskan ke bot, misalnya"
          + " webhook: {url: https://bot.kota.go.id/telegram, secret: ${TELEGRAM_WEBHOOK_SECRET}}");
      return;
    }
    if (webhook.secret() == null || !webhook.secret().matches("[A-Za-z0-9_-]{1,256}")) {
      problem("/telegram/webhook/secret", "secret webhook wajib: 1-256 karakter A-Z, a-z, 0-9, _ atau -. Tulis"
          + " secret: ${TELEGRAM_WEBHOOK_SECRET} dan isi variabel itu, misalnya dengan: openssl rand -hex 32");
    }
    if (!webhook.path().startsWith("/")) {
      problem("/telegram/webhook/path", "path '" + webhook.path() + "' harus diawali '/', misalnya /telegram.");
    }
    if (webhook.maxConnections() < 1 || webhook.maxConnections() > 100) {
      problem("/telegram/webhook/max_connections", "max_connections harus 1-100 (bawaan 40).");
    }
    if (!http.enabled()) {
      problem("/telegram/mode", "mode webhook perlu server HTTP bot: tambahkan http: {port: 8080}.");
    }
  }

  private void checkBot(BotSettings bot) {
    try {
      ZoneId.of(bot.timeZone());
    } catch (DateTimeException e) {
      problem("/bot/time_zone", ConfigMessages.badZone(bot.timeZone()));
    }
    if (!bot.language().equals("id")) {
      problem("/bot/language", ConfigMessages.badLanguage(bot.language()));
    }
  }

  private void checkTelegram(TelegramSettings telegram) {
    try {
      URI uri = URI.create(telegram.apiUrl());
      boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
      boolean bare = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/");
      if (!web || uri.getHost() == null || !bare) {
        problem("/telegram/api_url", ConfigMessages.badApiUrl(telegram.apiUrl()));
      }
    } catch (IllegalArgumentException e) {
      problem("/telegram/api_url", ConfigMessages.badApiUrl(telegram.apiUrl()));
    }
    if (telegram.pollTimeoutSeconds() < 1 || telegram.pollTimeoutSeconds() > 50) {
      problem("/telegram/poll_timeout_seconds", ConfigMessages.badPollTimeout(telegram.pollTimeoutSeconds()));
    }
  }

  private void checkDatabase(DatabaseSettings database) {
    if (!database.embedded()) {
      try {
        DatabaseUrl.parse(database.url());
      } catch (IllegalArgumentException e) {
        problem("/database/url", ConfigMessages.badDatabaseUrl(e.getMessage()));
      }
    }
    if (database.maxPoolSize() < 2 || database.maxPoolSize() > 100) {
      problem("/database/max_pool_size", ConfigMessages.badPoolSize(database.maxPoolSize()));
    }
  }

  private void checkRetention(DataProtection.Retention retention) {
    shortest("updates", retention.updates(), DataProtection.Retention.SHORTEST_UPDATES, "masa simpan pembaruan",
        "Telegram dapat mengirim ulang pembaruan hingga 24 jam, jadi isi paling sedikit 2d (bawaan 7d).");
    shortest("messages", retention.messages(), DataProtection.Retention.SHORTEST_MESSAGES, "masa simpan pesan terkirim",
        "rekap kehadiran dan tombol peringatan masih disunting sesudah terkirim, jadi isi paling sedikit 7d (bawaan 30d).");
    shortest("reports", retention.reports(), DataProtection.Retention.SHORTEST_REPORTS, "masa simpan laporan",
        "rekap mingguan dan bahan rapat masih membaca laporan bulan lalu, jadi isi paling sedikit 30d (bawaan 5y).");
    shortest("photos", retention.photos(), Duration.ofDays(1), "masa simpan foto", "isi paling sedikit 1d (bawaan 1y).");
    shortest("sessions", retention.sessions(), Duration.ofDays(1), "masa simpan sesi dasbor", "isi paling sedikit 1d (bawaan 90d).");
    shortest("audit", retention.audit(), DataProtection.Retention.SHORTEST_AUDIT, "masa simpan jejak audit",
        "database menolak menghapus jejak audit yang belum setahun, jadi isi paling sedikit 1y (bawaan 5y).");
  }

  private void shortest(String key, TimeSpan span, Duration least, String what, String why) {
    String at = "/data_protection/retention/" + key;
    if (!span.valid()) {
      problem(at, ConfigMessages.badTimeSpan(span.text()));
    } else if (span.length().compareTo(least) < 0) {
      problem(at, what + " '" + span.text() + "' terlalu pendek: " + why);
    }
  }

  private Set<String> checkGroups(List<GroupConfig> groups) {
    Map<String, Integer> ids = new HashMap<>();
    Map<Long, Integer> chats = new HashMap<>();
    for (int i = 0; i < groups.size(); i++) {
      GroupConfig group = groups.get(i);
      String at = "/groups/" + i;
      if (group.id() == null || group.id().isBlank()) {
        problem(at, ConfigMessages.required("id", "forkopimda"));
      } else if (!GROUP_ID.matcher(group.id()).matches()) {
        problem(at + "/id", ConfigMessages.badGroupId(group.id()));
      } else if (ids.putIfAbsent(group.id(), i) != null) {
        problem(at + "/id", ConfigMessages.duplicate("id grup", group.id(), ids.get(group.id())));
      }
      if (group.chatId() == null) {
        // not bound yet: an admin adds the bot to the group and taps its name (check-config says which wait)
      } else if (group.chatId() == 0) {
        problem(at + "/chat_id", ConfigMessages.zeroChatId());
      } else if (chats.putIfAbsent(group.chatId(), i) != null) {
        problem(at + "/chat_id", ConfigMessages.duplicate("chat_id", group.chatId().toString(), chats.get(group.chatId())));
      }
      if (group.name() == null || group.name().isBlank()) {
        problem(at, ConfigMessages.required("name", "Forkopimda Kota Malang"));
      }
      if (group.timeZone() != null) {
        try {
          ZoneId.of(group.timeZone().trim());
        } catch (DateTimeException e) {
          problem(at + "/time_zone", ConfigMessages.badZone(group.timeZone()));
        }
      }
      if (group.autoDeleteMinutes() != null && (group.autoDeleteMinutes() < 1 || group.autoDeleteMinutes() > 1440)) {
        problem(at + "/auto_delete_minutes", "auto_delete_minutes " + group.autoDeleteMinutes()
            + " tidak dapat dipakai: tulis 1 sampai 1440 (menit), misalnya 10.");
      }
    }
    return new LinkedHashSet<>(ids.keySet());
  }

  private void checkRoster(List<Official> roster, Set<String> groupIds) {
    Map<Long, Integer> users = new HashMap<>();
    Map<String, Integer> phones = new HashMap<>();
    for (int i = 0; i < roster.size(); i++) {
      Official official = roster.get(i);
      String at = "/roster/" + i;
      if (official.userId() == null) {
        if (official.phone() == null && official.username() == null) {
          problem(at, "isi nomor HP (phone: 0812...) atau username Telegram agar akun orang ini dapat ditautkan"
              + " tanpa user_id; user_id juga boleh diisi bila sudah diketahui.");
        }
      } else if (official.userId() <= 0) {
        problem(at + "/user_id", ConfigMessages.badUserId(official.userId()));
      } else if (users.putIfAbsent(official.userId(), i) != null) {
        problem(at + "/user_id", ConfigMessages.duplicate("user_id", official.userId().toString(), users.get(official.userId())));
      }
      if (official.name() == null || official.name().isBlank()) {
        problem(at, ConfigMessages.required("name", "Drs. Budi Santoso"));
      }
      if (official.phone() != null) {
        var number = PhoneNumbers.normalise(official.phone());
        if (number.isEmpty()) {
          problem(at + "/phone", RosterMessages.badPhone(official.phone()));
        } else if (phones.putIfAbsent(number.get(), i) != null) {
          problem(at + "/phone", "nomor HP ini sudah dipakai di roster nomor " + (phones.get(number.get()) + 1)
              + ". Satu nomor untuk satu orang.");
        }
      }
      for (int r = 0; r < official.roles().size(); r++) {
        if (Role.of(official.roles().get(r)).isEmpty()) {
          problem(at + "/roles/" + r, ConfigMessages.unknownRole(official.roles().get(r)));
        }
      }
      for (int g = 0; g < official.groups().size(); g++) {
        if (!groupIds.contains(official.groups().get(g))) {
          problem(at + "/groups/" + g, ConfigMessages.unknownGroup(official.groups().get(g), groupIds));
        }
      }
    }
  }

  private void problem(String pointer, String message) {
    problems.add(source.problem(pointer, message));
  }
}
