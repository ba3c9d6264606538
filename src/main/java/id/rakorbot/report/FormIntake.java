package id.rakorbot.report;

import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.config.ReportsConfig.Category;
import id.rakorbot.error.UserMistake;
import id.rakorbot.outbox.Outbox;
import id.rakorbot.outbox.Priority;
import id.rakorbot.outbox.OutgoingFile;
import id.rakorbot.photo.FormPhoto;
import id.rakorbot.telegram.Groups;
import id.rakorbot.telegram.Html;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/**
 * A report from the Mini App's form, through the same service as {@code /lapor}: numbering, flood limit, nihil rules,
 * early warnings, siaga/awas alerts, copies, and the reply in the reporter's chat through the outbox. The form's
 * client-made id is its once-only key: a draft sent twice (a retry after the signal returned) is stored once.
 */
public final class FormIntake {

  /** How far back an incident time may go: a report is about what is happening, not a chronicle. */
  static final Duration OLDEST_INCIDENT = Duration.ofDays(7);

  private final ReportService service;
  private final Outbox outbox;
  private final Groups groups;

  FormIntake(ReportService service, Outbox outbox, Groups groups) {
    this.service = service;
    this.outbox = outbox;
    this.groups = groups;
  }

  /**
   * What the form sends; {@code clientId} is the draft's id, made on the phone; {@code occurredAt} the incident's local
   * time ({@code 2026-11-25T09:40}), empty for "now"; {@code photos} JPEGs in base64, scaled on the phone.
   */
  public record Form(String clientId, String category, String severity, String area, String description, boolean nihil,
      Double latitude, Double longitude, String occurredAt, List<String> photos) {
    public Form {
      photos = photos == null ? List.of() : List.copyOf(photos);
    }
  }

  /** The stored report's number, and whether this was a repeat of a draft already stored. */
  public record Stored(String number, boolean repeated) {}

  /** What was wrong, field by field, in Indonesian, to show next to each field. */
  public static final class Invalid extends RuntimeException {
    private final Map<String, String> fields;

    public Invalid(Map<String, String> fields) {
      super(String.join(" ", fields.values()));
      this.fields = Map.copyOf(fields);
    }

    public Map<String, String> fields() {
      return fields;
    }
  }

  /** A pelapor of the roster, or registered and approved with /daftar. */
  public boolean mayReport(Handle handle, RakorbotConfig config, long userId) {
    return Reporters.find(handle, config, userId).isPresent();
  }

  /** The area the form preselects: the reporter's roster or registration wilayah. */
  public Optional<String> areaOf(Handle handle, RakorbotConfig config, long userId) {
    return Reporters.find(handle, config, userId).flatMap(Reporters.Reporter::wilayah);
  }

  /**
   * A report of "Laporanku": its handler is whoever took its alert; {@code correctableUntil} is set while the reporter
   * may still correct it.
   */
  public record Mine(String number, String category, String severity, String area, String status, Instant createdAt,
      Optional<String> handler, Optional<Instant> correctableUntil, String description) {}

  /** The reporter's latest reports, newest first. */
  public List<Mine> mine(Handle handle, RakorbotConfig config, long userId, int limit) {
    Map<String, String> labels = new LinkedHashMap<>();
    config.reports().categories().forEach(c -> labels.put(c.key(), c.label()));
    labels.put(ReportService.NIHIL.key(), ReportService.NIHIL.label());
    List<Report> reports = Reports.recentOf(handle, userId, limit);
    Map<String, String> handlers = service.desk().handlers(handle, reports.stream().map(Report::number).toList());
    Instant now = service.clock().instant();
    return reports.stream().map(r -> new Mine(r.number(), labels.getOrDefault(r.category(), r.category()), r.severity().key(),
        r.area().orElse(""), ReportStatus.label(r.status()), r.createdAt(), Optional.ofNullable(handlers.get(r.number())),
        Corrections.open(r, userId, now) ? Optional.of(r.createdAt().plus(Corrections.WINDOW)) : Optional.empty(),
        r.description())).toList();
  }

  /** A correction from "Laporanku", as /koreksi makes it (24 hours, the reporter's own, the admins told). */
  public String correct(Handle handle, RakorbotConfig config, long userId, String number, String text) {
    try {
      return Corrections.correct(handle, config, service, userId, number == null ? "" : number.strip(), text).number();
    } catch (UserMistake mistake) {
      throw new Invalid(Map.of("koreksi", Html.plain(mistake.getMessage())));
    }
  }

  /** Stores the form's report once, in the caller's transaction, and queues the reply in the reporter's private chat. */
  public Stored submit(Handle handle, RakorbotConfig config, long userId, Form form) {
    Map<String, String> wrong = new LinkedHashMap<>();
    String clientId = form.clientId() == null ? "" : form.clientId().strip();
    if (!clientId.matches("[0-9A-Za-z-]{8,64}")) {
      wrong.put("id", "Draf tanpa tanda pengenal yang sah; muat ulang formulir.");
    }
    Long key = wrong.isEmpty() ? onceOnlyKey(userId, clientId) : null;
    if (key != null) {
      Optional<Report> stored = Reports.byUpdate(handle, key);
      if (stored.isPresent()) {
        return new Stored(stored.get().number(), true);
      }
    }
    ReportService.Content content = content(config, form, wrong);
    List<FormPhoto> photos = photos(form, wrong);
    Optional<Instant> occurredAt = occurredAt(form, config.bot().zone(), service.clock().instant(), wrong);
    if (!wrong.isEmpty()) {
      throw new Invalid(wrong);
    }
    ReportService.Submitted submitted;
    try {
      submitted = service.submit(handle, config, new ReportService.Origin(userId, userId, Optional.empty(), key), content);
    } catch (UserMistake mistake) {
      throw new Invalid(Map.of(content.nihil() ? "wilayah" : "umum", Html.plain(mistake.getMessage())));
    }
    Report report = submitted.report();
    if (form.latitude() != null && form.longitude() != null) {
      Reports.locate(handle, userId, form.latitude(), form.longitude(), report.createdAt().minusSeconds(1));
    }
    occurredAt.ifPresent(at -> ReportPhotos.occurredAt(handle, report.id(), at));
    ReportPhotos.add(handle, report.id(), photos);
    if (report.severity().alarming() && !photos.isEmpty()) {
      photosToAlertGroups(handle, config, report, photos);
    }
    outbox.enqueue(handle, userId, SendMessage.builder().chatId(userId).parseMode(ParseMode.HTML)
        .text(ReportTexts.recordedFromForm(submitted, content.category(), config.bot().zone(), photos.size(), occurredAt)).build(),
        Priority.REPLY);
    return new Stored(report.number(), false);
  }

  /** A siaga or awas report's photos follow its alert into the alert groups; the outbox forgets their bytes once sent. */
  private void photosToAlertGroups(Handle handle, RakorbotConfig config, Report report, List<FormPhoto> photos) {
    for (String groupId : config.reports().alertGroups()) {
      groups.reachable(handle, groupId).ifPresent(group -> {
        for (int i = 0; i < photos.size(); i++) {
          String caption = "📷 Foto " + (i + 1) + "/" + photos.size() + " laporan <b>" + report.number() + "</b>";
          outbox.enqueueFile(handle, groups.chatIdOf(handle, group), group.topic(),
                  OutgoingFile.photo(report.number() + "-" + (i + 1) + ".jpg", photos.get(i).content(), caption), Priority.ALERT,
                  Optional.of("alert-photo:" + report.number() + ":" + groupId + ":" + (i + 1)))
              .ifPresent(id -> outbox.forgetOnceSent(handle, id));
        }
      });
    }
  }

  private static List<FormPhoto> photos(Form form, Map<String, String> wrong) {
    if (form.photos().size() > FormPhoto.MAX_PER_REPORT) {
      wrong.put("foto", "Paling banyak " + FormPhoto.MAX_PER_REPORT + " foto per laporan.");
      return List.of();
    }
    List<FormPhoto> photos = new ArrayList<>();
    for (String encoded : form.photos()) {
      FormPhoto.Result result = FormPhoto.decode(encoded);
      result.photo().ifPresentOrElse(photos::add, () -> wrong.putIfAbsent("foto", result.refusal()));
    }
    return photos;
  }

  /** The incident's time: not in the future (a few minutes' clock drift allowed), not older than a week. */
  private static Optional<Instant> occurredAt(Form form, ZoneId zone, Instant now, Map<String, String> wrong) {
    if (form.occurredAt() == null || form.occurredAt().isBlank()) {
      return Optional.empty();
    }
    Instant at;
    try {
      at = LocalDateTime.parse(form.occurredAt().strip()).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      wrong.put("waktu", "Waktu kejadian tidak terbaca; pilih tanggal dan jam lagi.");
      return Optional.empty();
    }
    if (at.isAfter(now.plus(Duration.ofMinutes(10)))) {
      wrong.put("waktu", "Waktu kejadian belum terjadi; pilih waktu sebelum sekarang.");
    } else if (at.isBefore(now.minus(OLDEST_INCIDENT))) {
      wrong.put("waktu", "Waktu kejadian lebih dari 7 hari yang lalu; laporkan kepada admin secara langsung.");
    }
    return Optional.of(at);
  }

  private static ReportService.Content content(RakorbotConfig config, Form form, Map<String, String> wrong) {
    List<String> areas = config.reports().areas();
    Optional<String> area = Optional.empty();
    if (form.area() != null && !form.area().isBlank()) {
      try {
        area = Optional.of(ReportRequest.area(form.area().strip(), areas));
      } catch (UserMistake mistake) {
        wrong.put("wilayah", mistake.getMessage());
      }
    }
    if (form.latitude() != null || form.longitude() != null) {
      if (form.latitude() == null || form.longitude() == null || Math.abs(form.latitude()) > 90 || Math.abs(form.longitude()) > 180) {
        wrong.put("lokasi", "Lokasi tidak terbaca. Ambil lokasi lagi, atau kirim tanpa lokasi.");
      }
    }
    if (form.nihil()) {
      return new ReportService.Content(ReportService.NIHIL, Severity.NORMAL, area, "Nihil", true, Optional.empty());
    }
    Optional<Category> category = Optional.ofNullable(form.category()).filter(c -> !c.isBlank())
        .flatMap(c -> new Categories(config.reports().categories()).find(c.strip()));
    if (category.isEmpty()) {
      wrong.put("kategori", "Pilih kategori dari daftar.");
    }
    Optional<Severity> severity = Optional.ofNullable(form.severity()).flatMap(s -> Severity.of(s.strip().toLowerCase(Locale.ROOT)));
    if (severity.isEmpty()) {
      wrong.put("tingkat", "Pilih tingkat: normal, waspada, siaga atau awas.");
    }
    String description = form.description() == null ? "" : form.description().strip();
    if (description.isEmpty()) {
      wrong.put("uraian", "Tulis uraian singkat: apa, di mana, kapan.");
    } else if (description.length() > ReportRequest.MAX_DESCRIPTION) {
      wrong.put("uraian", "Uraian " + description.length() + " karakter; paling banyak " + ReportRequest.MAX_DESCRIPTION + ".");
    }
    return category.isEmpty() || severity.isEmpty() ? null
        : new ReportService.Content(category.get(), severity.get(), area, description, false, Optional.empty());
  }

  /**
   * The report's once-only key from the reporter and the draft's id: negative, so it can never be a Telegram update id
   * (the column that keeps a replayed update from storing a report twice keeps a re-sent draft out too). The reporter
   * is part of it, so that someone else's draft id can never answer with that person's report.
   */
  static long onceOnlyKey(long userId, String clientId) {
    long bits = UUID.nameUUIDFromBytes(("formulir:" + userId + ":" + clientId).getBytes(StandardCharsets.UTF_8))
        .getMostSignificantBits() & Long.MAX_VALUE;
    return -Math.max(1, bits);
  }
}
