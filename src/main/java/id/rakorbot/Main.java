package id.rakorbot;

import id.rakorbot.cli.ConfigSummary;
import id.rakorbot.cli.Environment;
import id.rakorbot.cli.Startup;
import id.rakorbot.health.HealthReport;
import id.rakorbot.config.ConfigException;
import id.rakorbot.error.UserMistake;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.storage.Database;
import id.rakorbot.config.DatabaseUrl;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line: {@code run} (the default), {@code check-config}, {@code health}, {@code digest}, {@code backup}, {@code restore}, {@code hapus-data} and the rest. */
@Command(name = "rakorbot", mixinStandardHelpOptions = true, version = "Rakorbot 0.1",
    resourceBundle = "id.rakorbot.cli", synopsisSubcommandLabel = "[PERINTAH]", // Indonesian headings and help-option texts for every subcommand
    description = "Bot Telegram untuk rapat koordinasi dan laporan kamtibmas.",
    subcommands = {Main.Run.class, Main.CheckConfig.class, Main.Health.class, Main.Digest.class, Main.Bahan.class,
        Main.Init.class, Main.Roster.class, DataCommands.Backup.class, DataCommands.Restore.class, DataCommands.Inventory.class,
        DataCommands.HapusData.class, Main.Help.class})
public final class Main implements Callable<Integer> {

  static final int BAD_INPUT = 2;
  static final String TOKEN_VARIABLE = "TELEGRAM_BOT_TOKEN";

  private final Function<String, String> environment;
  private final CountDownLatch stop;

  /** {@code stop} ends a running bot when counted down; SIGTERM and Ctrl+C count it down too. */
  Main(Function<String, String> environment, CountDownLatch stop) {
    this.environment = environment;
    this.stop = stop;
  }

  Function<String, String> environment() {
    return environment;
  }

  public static void main(String[] args) {
    System.exit(execute(args, System::getenv, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs one command line; what tests call. */
  public static int execute(String[] args, Function<String, String> environment, PrintWriter out, PrintWriter err) {
    return execute(args, environment, out, err, new CountDownLatch(1));
  }

  static int execute(String[] args, Function<String, String> environment, PrintWriter out, PrintWriter err,
      CountDownLatch stop) {
    var main = new Main(new Environment(environment), stop);
    return new CommandLine(main, new Factory(main)).setOut(out).setErr(err)
        .setParameterExceptionHandler(Main::wrongUsage)
        .setExecutionExceptionHandler(Main::failed)
        .execute(args);
  }

  /** A mistyped command line: what was wrong in Indonesian, then the usage of that command. */
  private static int wrongUsage(CommandLine.ParameterException e, String[] args) {
    PrintWriter err = e.getCommandLine().getErr();
    err.println(switch (e) {
      case CommandLine.MissingParameterException missing -> "Pilihan wajib belum diisi: " + String.join(", ",
          missing.getMissing().stream().map(arg -> arg instanceof CommandLine.Model.OptionSpec option
              ? option.longestName() : arg.paramLabel()).sorted().toList()) + ".";
      case CommandLine.UnmatchedArgumentException unmatched -> "Perintah atau pilihan tidak dikenal: "
          + String.join(" ", unmatched.getUnmatched()) + ".";
      default -> "Baris perintah tidak valid: " + e.getMessage();
    });
    err.println();
    e.getCommandLine().usage(err);
    return BAD_INPUT;
  }

  /**
   * The command line's one edge for errors: a config that cannot be used lists its problems, a mistake in what was
   * asked says what and how (both exit 2); anything else is one line for the admin, the stack trace only in the log.
   */
  private static int failed(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
    PrintWriter err = commandLine.getErr();
    if (e instanceof ConfigException config) {
      return configError(config, err);
    }
    if (e instanceof UserMistake mistake) {
      err.println(mistake.getMessage());
      return BAD_INPUT;
    }
    org.slf4j.LoggerFactory.getLogger(Main.class).debug("Command failed", e);
    err.println("Gagal: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    return 1;
  }

  /** Without a subcommand, runs the bot. */
  @Override
  public Integer call() throws Exception {
    return new Run(this).call();
  }

  RakorbotConfig loadConfig(Path given) {
    var loader = Rakorbot.configLoader(environment);
    return loader.load(loader.choose(given));
  }

  static int configError(ConfigException e, PrintWriter err) {
    err.println("Konfigurasi tidak valid:");
    e.problems().forEach(problem -> err.println("  " + problem));
    return BAD_INPUT;
  }

  /** What every subcommand shares: the parent's environment, picocli's streams, and {@code --config}. */
  abstract static class ConfigCommand implements Callable<Integer> {
    final Main main;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Option(names = {"-h", "--help"}, usageHelp = true, descriptionKey = "help")
    boolean help;
    @Option(names = "--config", paramLabel = "BERKAS", description = "Berkas konfigurasi (bawaan: $RAKORBOT_CONFIG atau config/rakorbot.yaml)")
    Path config;

    ConfigCommand(Main main) {
      this.main = main;
    }

    PrintWriter out() {
      return spec == null ? new PrintWriter(System.out, true) : spec.commandLine().getOut();
    }

    PrintWriter err() {
      return spec == null ? new PrintWriter(System.err, true) : spec.commandLine().getErr();
    }

    /** The config of {@code --config} (or the default); a config that cannot be used is explained by the edge. */
    RakorbotConfig load() {
      return main.loadConfig(config);
    }

    /** Makes {@code out} a folder to write into (created if missing), or says why it cannot be one. */
    void requireOutputFolder(Path out) {
      try {
        java.nio.file.Files.createDirectories(out);
      } catch (java.io.IOException e) {
        throw new UserMistake("Folder tujuan " + out + " tidak dapat dipakai" + (java.nio.file.Files.exists(out)
            ? ": sudah ada berkas dengan nama itu. " : ". ") + "--out menerima nama folder, misalnya --out hasil/.");
      }
    }
  }

  /** A command that writes files into a folder given with {@code --out}. */
  abstract static class WritingCommand extends ConfigCommand {
    @Option(names = "--out", paramLabel = "FOLDER", required = true, description = "folder tujuan (dibuat bila belum ada)")
    Path out;

    WritingCommand(Main main) {
      super(main);
    }
  }

  @Command(name = "run", description = "Menjalankan bot (bawaan).")
  static final class Run extends ConfigCommand {

    Run(Main main) {
      super(main);
    }

    @Override
    public Integer call() throws Exception {
      PrintWriter err = err();
      RakorbotConfig loaded = load();
      String token = main.environment.apply(TOKEN_VARIABLE);
      if (token == null || token.isBlank()) {
        err.println("Token bot belum diisi: buat bot lewat @BotFather di Telegram (perintah /newbot), lalu jalankan"
            + " 'export " + TOKEN_VARIABLE + "=<token dari BotFather>' sebelum memulai Rakorbot.");
        return BAD_INPUT;
      }
      CountDownLatch closed = new CountDownLatch(1);
      Thread onSigterm = new Thread(() -> {
        main.stop.countDown();
        awaitQuietly(closed);
      }, "shutdown");
      Runtime.getRuntime().addShutdownHook(onSigterm);
      try {
        return runUntilStopped(loaded, token.trim(), err);
      } finally {
        closed.countDown();
        try {
          Runtime.getRuntime().removeShutdownHook(onSigterm);
        } catch (IllegalStateException e) {
          // already shutting down: the hook is waiting for 'closed', which is done
        }
      }
    }

    /** Stops in this order: background loops, then the database they use, so none of them sees it vanish. */
    private int runUntilStopped(RakorbotConfig loaded, String token, PrintWriter err) throws Exception {
      var startup = new Startup(loaded.telegram(), token, main.stop);
      if (startup.awaitBotApi() == Startup.Reach.BAD_TOKEN) {
        err.println(Startup.BAD_TOKEN);
        return 1;
      }
      if (main.stop.getCount() == 0) {
        return 0;
      }
      Database database;
      try {
        database = Database.open(loaded.database());
      } catch (RuntimeException e) {
        err.println(Startup.databaseFailed(loaded.database(), e));
        return 1;
      }
      try (database) {
        Rakorbot bot;
        try {
          bot = Rakorbot.start(Rakorbot.configLoader(main.environment), loaded, database, token, Clock.systemUTC());
        } catch (TelegramApiException e) {
          err.println("Tidak dapat terhubung ke Bot API di " + loaded.telegram().apiUrlForDisplay()
              + ": " + e.getMessage() + ". Periksa token dan TELEGRAM_API_URL.");
          return 1;
        }
        try (bot) {
          main.stop.await();
        }
      }
      return 0;
    }
  }

  @Command(name = "check-config", description = "Memeriksa berkas konfigurasi dan menampilkan ringkasannya.")
  static final class CheckConfig extends ConfigCommand {

    CheckConfig(Main main) {
      super(main);
    }

    @Option(names = "--now", paramLabel = "WAKTU",
        description = "saat yang dipakai ringkasan, misalnya 2026-11-20T08:00+07:00 (bawaan: sekarang; untuk contoh yang dapat diulang)")
    String now;

    @Override
    public Integer call() {
      RakorbotConfig loaded = load();
      out().print(ConfigSummary.of(loaded, now == null ? Instant.now() : moment(now), bound(loaded)));
      out().flush();
      return 0;
    }

    /** The bindings in the server database of DATABASE_URL, read only (nothing migrated); the embedded one is not started. */
    private static ConfigSummary.Bound bound(RakorbotConfig config) {
      if (config.database().embedded()) {
        return ConfigSummary.Bound.unread("bawaan tidak dibuka oleh check-config");
      }
      try {
        DatabaseUrl url = DatabaseUrl.parse(config.database().url());
        var jdbi = org.jdbi.v3.core.Jdbi.create(url.jdbcUrl(), url.credentials());
        try {
          return new ConfigSummary.Bound(true, "", id.rakorbot.roster.Accounts.read(jdbi), id.rakorbot.telegram.Groups.bound(jdbi));
        } catch (org.jdbi.v3.core.JdbiException e) {
          if (e.getCause() instanceof java.sql.SQLException sql && "42P01".equals(sql.getSQLState())) {
            return new ConfigSummary.Bound(true, "", java.util.Map.of(), java.util.Map.of()); // a new database: nothing bound yet
          }
          throw e;
        }
      } catch (RuntimeException e) {
        return ConfigSummary.Bound.unread("tidak dapat dibaca");
      }
    }

    private static Instant moment(String text) {
      try {
        return java.time.OffsetDateTime.parse(text).toInstant();
      } catch (java.time.format.DateTimeParseException e) {
        throw new UserMistake("--now '" + text + "' tidak dapat dibaca. Tulis tanggal, jam dan zona, misalnya 2026-11-20T08:00+07:00.");
      }
    }
  }

  @Command(name = "health", description = "Memeriksa kesehatan bot yang berjalan: database, polling, loop latar, antrean (untuk HEALTHCHECK).")
  static final class Health extends ConfigCommand {

    Health(Main main) {
      super(main);
    }

    @Override
    public Integer call() {
      PrintWriter out = out();
      RakorbotConfig loaded = load();
      if (loaded.database().embedded()) {
        out.println("TIDAK SEHAT: pemeriksaan kesehatan memerlukan DATABASE_URL (PostgreSQL bawaan hanya untuk mencoba).");
        return 1;
      }
      try {
        DatabaseUrl url = DatabaseUrl.parse(loaded.database().url());
        var jdbi = Database.unpooled(url);
        var report = HealthReport.read(jdbi, Instant.now());
        report.lines().forEach(out::println);
        return report.healthy() ? 0 : 1;
      } catch (RuntimeException e) {
        out.println("TIDAK SEHAT: database tidak dapat dihubungi (" + e.getMessage() + ").");
        return 1;
      }
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Command(name = "digest", description = "Menulis rekap mingguan sebuah grup ke berkas (teks, PNG, CSV), tanpa Telegram.")
  static final class Digest extends WritingCommand {
    @Option(names = "--group", paramLabel = "GRUP", required = true, description = "id grup dari konfigurasi, misalnya forkopimda")
    String group;
    @Option(names = "--week", paramLabel = "PEKAN", required = true, description = "pekan ISO, misalnya 2026-W47")
    String week;

    Digest(Main main) {
      super(main);
    }

    @Override
    public Integer call() throws Exception {
      RakorbotConfig loaded = load();
      var target = loaded.groupById(group).orElseThrow(() -> new UserMistake("Grup '" + group
          + "' tidak ada di konfigurasi. Grup yang ada: "
          + String.join(", ", loaded.groups().stream().map(id.rakorbot.config.GroupConfig::id).toList()) + "."));
      id.rakorbot.digest.Week parsed = id.rakorbot.digest.Week.parse(week, target.zone(loaded.bot().zone()));
      requireOutputFolder(out);
      try (Database database = Database.open(loaded.database())) {
        var sessions = new id.rakorbot.schedule.Sessions(new id.rakorbot.config.CurrentConfig(loaded), Clock.systemUTC());
        var digest = database.jdbi().inTransaction(h -> id.rakorbot.digest.Digests.build(h, loaded, target, parsed, sessions));
        byte[] csvBytes = database.jdbi().inTransaction(h -> id.rakorbot.digest.Digests.csv(h, loaded, digest));
        Path text = out.resolve("rekap-" + group + "-" + parsed.label() + ".txt");
        Path chart = out.resolve("rekap-" + group + "-" + parsed.label() + ".png");
        Path pdf = out.resolve("rekap-" + group + "-" + parsed.label() + ".pdf");
        Path csv = out.resolve("laporan-" + parsed.label() + ".csv");
        java.nio.file.Files.writeString(text, String.join("\n\n", digest.parts()) + "\n");
        java.nio.file.Files.write(chart, digest.chart());
        java.nio.file.Files.write(pdf, id.rakorbot.digest.Digests.pdf(loaded, digest, java.time.ZonedDateTime.now(parsed.zone())));
        java.nio.file.Files.write(csv, csvBytes);
        PrintWriter stdout = out();
        stdout.println("Rekap " + group + " pekan " + parsed.label() + " ditulis:");
        for (Path written : List.of(text, chart, pdf, csv)) {
          stdout.println("  " + written);
        }
        stdout.flush();
        return 0;
      }
    }
  }

  @Command(name = "bahan", description = "Menulis bahan rapat sebuah pertemuan ke berkas teks, tanpa Telegram.")
  static final class Bahan extends WritingCommand {
    @Option(names = "--schedule", paramLabel = "JADWAL", required = true, description = "id jadwal dari konfigurasi, misalnya rakor_pks")
    String schedule;
    @Option(names = "--occurrence", paramLabel = "SESI", description = "nomor sesi (lihat /jadwal); bawaan: pertemuan berikutnya")
    Long occurrence;

    Bahan(Main main) {
      super(main);
    }

    @Override
    public Integer call() throws Exception {
      RakorbotConfig loaded = load();
      var book = id.rakorbot.schedule.ScheduleBook.of(loaded);
      var named = book.byId(schedule);
      if (named.isEmpty()) {
        throw new UserMistake("Jadwal '" + schedule + "' tidak ada di konfigurasi. Jadwal yang ada: "
            + String.join(", ", book.all().stream().map(id.rakorbot.schedule.Schedule::id).toList()) + ".");
      }
      requireOutputFolder(out);
      try (Database database = Database.open(loaded.database())) {
        var sessions = new id.rakorbot.schedule.Sessions(new id.rakorbot.config.CurrentConfig(loaded), Clock.systemUTC());
        var meeting = database.jdbi().inTransaction(h -> occurrence == null
            ? book.calendar().next(named.get(), Instant.now(), 1).stream().findFirst()
            : sessions.byId(h, occurrence).map(id.rakorbot.schedule.Sessions.Session::occurrence)
                .filter(o -> o.schedule().id().equals(schedule)));
        if (meeting.isEmpty()) {
          throw new UserMistake(occurrence == null ? "Jadwal '" + schedule + "' tidak punya pertemuan lagi."
              : "Sesi " + occurrence + " bukan pertemuan jadwal '" + schedule + "'. Lihat nomor sesi dengan /jadwal.");
        }
        var briefing = database.jdbi().inTransaction(h -> id.rakorbot.briefing.Briefings.build(h, loaded, meeting.get(), Instant.now()));
        byte[] csvBytes = database.jdbi().inTransaction(h -> id.rakorbot.briefing.BriefingFiles.csvBytes(h, loaded, briefing));
        String stem = id.rakorbot.briefing.BriefingFiles.stem(briefing);
        byte[] chartBytes = id.rakorbot.briefing.BriefingChart.png(briefing);
        Path text = out.resolve("bahan-" + stem + ".txt");
        Path chart = out.resolve("bahan-" + stem + ".png");
        Path pdf = out.resolve("bahan-" + stem + ".pdf");
        Path csv = out.resolve("laporan-bahan-" + stem + ".csv");
        java.nio.file.Files.writeString(text, String.join("\n\n", id.rakorbot.briefing.BriefingText.parts(briefing)) + "\n");
        java.nio.file.Files.write(chart, chartBytes);
        java.nio.file.Files.write(pdf, id.rakorbot.briefing.BriefingPdf.render(loaded, briefing, chartBytes,
            java.time.ZonedDateTime.now(meeting.get().start().getZone())));
        java.nio.file.Files.write(csv, csvBytes);
        PrintWriter stdout = out();
        stdout.println("Bahan rapat " + schedule + " untuk " + id.rakorbot.schedule.IndonesianTime.dateTime(meeting.get().start()) + " ditulis:");
        for (Path written : List.of(text, chart, pdf, csv)) {
          stdout.println("  " + written);
        }
        stdout.flush();
        return 0;
      }
    }
  }

  @Command(name = "init", description = "Menulis config/rakorbot.yaml untuk satu kabupaten/kota dari daftar wilayah Kemendagri 2025.")
  static final class Init extends ConfigCommand {
    @Option(names = "--wilayah", required = true, paramLabel = "KODE|NAMA", description = "kode (35.73) atau nama (\"Kota Malang\")")
    String wilayah;
    @Option(names = "--out", paramLabel = "BERKAS", description = "berkas yang ditulis (bawaan: config/rakorbot.yaml)")
    Path out = Path.of("config", "rakorbot.yaml");
    @Option(names = "--force", description = "menimpa berkas yang sudah ada")
    boolean force;

    Init(Main main) {
      super(main);
    }

    @Override
    public Integer call() throws Exception {
      var found = id.rakorbot.region.RegionList.load().find(wilayah);
      if (found instanceof id.rakorbot.region.RegionList.Found.None none) {
        throw new UserMistake("Kabupaten/kota '" + wilayah + "' tidak ditemukan di daftar wilayah Kemendagri 2025."
            + (none.suggestions().isEmpty() ? " Tulis kodenya, misalnya --wilayah 35.73, atau namanya, misalnya --wilayah \"Kota Malang\"."
                : " Maksud Anda " + String.join(" atau ", none.suggestions()) + "?"));
      }
      var regency = ((id.rakorbot.region.RegionList.Found.One) found).regency();
      if (java.nio.file.Files.exists(out) && !force) {
        throw new UserMistake("Berkas " + out + " sudah ada dan tidak ditimpa. Tulis ke berkas lain dengan --out, atau tambahkan"
            + " --force untuk menimpanya.");
      }
      if (out.toAbsolutePath().getParent() != null) {
        java.nio.file.Files.createDirectories(out.toAbsolutePath().getParent());
      }
      String yaml = id.rakorbot.region.InitConfig.yaml(regency);
      java.nio.file.Files.writeString(out, yaml, java.nio.charset.StandardCharsets.UTF_8);
      int villages = regency.districts().stream().mapToInt(d -> d.villages().size()).sum();
      out().println(out + " ditulis untuk " + regency.regency().nama() + " (" + regency.regency().kode() + "), "
          + regency.province().nama() + ": " + regency.districts().size() + " kecamatan, " + villages + " kelurahan/desa, zona "
          + regency.zone().getId() + ".");
      out().println("Berikutnya: isi roster (lihat komentar di berkas), lalu periksa dengan: java -jar target/rakorbot.jar check-config"
          + (out.equals(Path.of("config", "rakorbot.yaml")) ? "" : " --config " + out));
      return 0;
    }
  }

  @Command(name = "roster", description = "Daftar peserta: tautan undangan pribadi bagi yang belum tertaut.",
      subcommands = {Main.RosterInvite.class})
  static final class Roster implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      throw new CommandLine.ParameterException(spec.commandLine(), "Sebutkan perintahnya, misalnya: roster invite --out undangan.csv");
    }
  }

  @Command(name = "invite", description = "Menulis satu tautan undangan (sekali pakai, 14 hari) per orang yang belum tertaut ke berkas CSV.")
  static final class RosterInvite extends ConfigCommand {
    @Option(names = "--out", required = true, paramLabel = "BERKAS", description = "berkas CSV yang ditulis, misalnya undangan.csv")
    Path out;
    @Option(names = "--bot-username", paramLabel = "NAMA", description = "@username bot (bawaan: ditanyakan ke Telegram dengan TELEGRAM_BOT_TOKEN)")
    String botUsername;

    RosterInvite(Main main) {
      super(main);
    }

    @Override
    public Integer call() throws Exception {
      RakorbotConfig loaded = load();
      String username = botUsername == null ? null : botUsername.strip().replaceFirst("^@", "");
      if (username == null) {
        String token = main.environment.apply(TOKEN_VARIABLE);
        if (token == null || token.isBlank()) {
          throw new UserMistake("Tautan undangan memuat @username bot. Isi " + TOKEN_VARIABLE + " (bot menanyakannya ke Telegram)"
              + " atau tulis --bot-username NamaBot.");
        }
        try (var api = new id.rakorbot.telegram.BotApi(token.trim(), loaded.telegram().apiUrl(), 1)) {
          username = api.username();
        } catch (TelegramApiException e) {
          throw new UserMistake("Telegram tidak dapat ditanya @username bot (" + e.getMessage() + "). Periksa " + TOKEN_VARIABLE
              + ", atau tulis --bot-username NamaBot.");
        }
      }
      try (Database database = Database.open(loaded.database())) {
        int written = id.rakorbot.roster.InviteExport.write(database.jdbi(), loaded, username, Clock.systemUTC(), out);
        out().println(written == 0 ? "Semua orang di roster sudah tertaut; " + out + " hanya berisi judul kolom."
            : written + " tautan undangan ditulis ke " + out + ". Berkas ini memuat nomor HP dan tautan yang masih berlaku:"
                + " kirimkan lewat WhatsApp/SMS, lalu hapus berkasnya.");
      }
      return 0;
    }
  }

  @Command(name = "help", helpCommand = true, description = "Menampilkan bantuan sebuah perintah, misalnya: help digest.")
  static final class Help implements Runnable {
    @CommandLine.Parameters(arity = "0..1", paramLabel = "PERINTAH", description = "run, check-config, health, digest atau bahan")
    String command;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      CommandLine parent = spec.commandLine().getParent();
      CommandLine target = command == null ? parent : parent.getSubcommands().get(command);
      if (target == null) {
        throw new CommandLine.ParameterException(spec.commandLine(), "Perintah '" + command + "' tidak ada.");
      }
      target.usage(spec.commandLine().getOut());
    }
  }

  /** Gives the subcommands the environment of their parent. */
  private record Factory(Main main) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (ConfigCommand.class.isAssignableFrom(type)) {
        return type.getDeclaredConstructor(Main.class).newInstance(main);
      }
      return CommandLine.defaultFactory().create(type);
    }
  }
}
