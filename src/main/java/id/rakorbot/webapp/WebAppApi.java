package id.rakorbot.webapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import id.rakorbot.config.CurrentConfig;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.audit.Actions;
import id.rakorbot.audit.Audit;
import id.rakorbot.audit.AuditPerson;
import id.rakorbot.error.UserMistake;
import id.rakorbot.followup.FollowUpForms;
import id.rakorbot.ops.HttpBodies;
import id.rakorbot.photo.FormPhoto;
import id.rakorbot.report.FormIntake;
import id.rakorbot.schedule.IndonesianTime;
import id.rakorbot.telegram.Html;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Mini App's API under {@code /app/api/}: {@code GET formulir} (categories, levels, areas, the reporter's own
 * area, the map), {@code POST laporan} (one report, once per draft id), {@code GET laporanku}, {@code POST koreksi},
 * and {@code GET}/{@code POST tindaklanjut} (the person's open arahan, progres or selesai). Every call carries
 * Telegram's {@code initData} in {@code Authorization: tma …}; a missing, forged or day-old one is 401, a user who may
 * not do what is asked (not a pelapor, not on the roster) 403. Answers are JSON in Indonesian; a mistake names its field.
 */
public final class WebAppApi implements HttpHandler {

  public static final String PATH = "/app/api/";
  private static final Logger log = LoggerFactory.getLogger(WebAppApi.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Three photos of at most 600 KB in base64, and the words. */
  private static final int MAX_BODY = 3 * 1024 * 1024;

  private final Jdbi jdbi;
  private final CurrentConfig config;
  private final FormIntake forms;
  private final FollowUpForms followUps;
  private final String botToken;
  private final Clock clock;

  public WebAppApi(Jdbi jdbi, CurrentConfig config, FormIntake forms, FollowUpForms followUps, String botToken, Clock clock) {
    this.jdbi = jdbi;
    this.config = config;
    this.forms = forms;
    this.followUps = followUps;
    this.botToken = botToken;
    this.clock = clock;
  }

  private record Answer(int status, JsonNode body) {}

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Answer answer;
      try {
        answer = answer(exchange);
      } catch (RuntimeException e) {
        log.warn("Mini App request {} failed", exchange.getRequestURI().getPath(), e);
        answer = error(500, "Terjadi kesalahan di server. Draf tetap tersimpan di ponsel dan dikirim lagi nanti.");
      }
      byte[] bytes = JSON.writeValueAsBytes(answer.body());
      var headers = exchange.getResponseHeaders();
      headers.set("Content-Type", "application/json; charset=utf-8");
      headers.set("Cache-Control", "no-store");
      headers.set("X-Content-Type-Options", "nosniff");
      headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
      HttpBodies.send(exchange, answer.status(), bytes);
    }
  }

  private enum Route {
    FORMULIR("GET"), LAPORAN("POST"), LAPORANKU("GET"), KOREKSI("POST"), TINDAKLANJUT("GET", "POST");

    private final List<String> methods;

    Route(String... methods) {
      this.methods = List.of(methods);
    }

    static Optional<Route> of(String path) {
      return java.util.Arrays.stream(values()).filter(r -> r.name().toLowerCase(java.util.Locale.ROOT).equals(path)).findFirst();
    }
  }

  private Answer answer(HttpExchange exchange) throws IOException {
    Optional<Route> found = Route.of(exchange.getRequestURI().getPath().substring(PATH.length()));
    String method = exchange.getRequestMethod();
    if (found.isEmpty()) {
      return error(404, "Alamat ini tidak dikenal.");
    }
    Route route = found.get();
    if (!route.methods.contains(method)) {
      return error(405, "Metode " + method + " tidak dipakai di sini.");
    }
    InitData.User user;
    try {
      user = InitData.verify(initData(exchange).orElse(null), botToken, clock.instant());
    } catch (InitData.Refused refused) {
      return error(401, refused.getMessage());
    }
    RakorbotConfig current = config.get();
    boolean reporter = jdbi.withHandle(h -> forms.mayReport(h, current, user.id()));
    boolean owner = followUps.mayOwn(current, user.id());
    if (route == Route.TINDAKLANJUT ? !owner : route == Route.FORMULIR ? !reporter && !owner : !reporter) {
      return error(403, route == Route.TINDAKLANJUT ? "Tindak lanjut hanya untuk anggota roster dan kontak OPD."
          : "Formulir ini untuk pelapor yang terdaftar. Daftar dulu dengan /daftar di chat bot, atau hubungi admin.");
    }
    try {
      return switch (route) {
        case FORMULIR -> new Answer(200, formulir(current, user, reporter, owner));
        case LAPORANKU -> new Answer(200, laporanku(current, user));
        case LAPORAN -> laporan(read(exchange), current, user);
        case KOREKSI -> koreksi(read(exchange), current, user);
        case TINDAKLANJUT -> method.equals("GET") ? new Answer(200, tindakLanjut(current, user)) : catatTindakLanjut(read(exchange), current, user);
      };
    } catch (Unreadable unreadable) {
      return error(unreadable.status, unreadable.getMessage());
    } catch (FormIntake.Invalid invalid) {
      ObjectNode wrong = JSON.createObjectNode().put("galat", "Periksa isian yang ditandai.");
      ObjectNode fields = wrong.putObject("kolom");
      invalid.fields().forEach(fields::put);
      return new Answer(400, wrong);
    }
  }

  /** A body too large or not JSON. */
  private static final class Unreadable extends RuntimeException {
    private final int status;

    Unreadable(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  private static JsonNode read(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      throw new Unreadable(413, "Isian terlalu besar.");
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new Unreadable(400, "Isian tidak terbaca.");
    }
  }

  private Answer laporan(JsonNode form, RakorbotConfig current, InitData.User user) {
    List<String> photos = new ArrayList<>();
    form.path("foto").forEach(p -> photos.add(p.asText()));
    var submitted = new FormIntake.Form(text(form, "id"), text(form, "kategori"), text(form, "tingkat"), text(form, "wilayah"),
        text(form, "uraian"), form.path("nihil").asBoolean(false), number(form, "lintang"), number(form, "bujur"), text(form, "waktu"),
        photos);
    FormIntake.Stored stored = jdbi.inTransaction(h -> forms.submit(h, current, user.id(), submitted));
    ObjectNode ok = JSON.createObjectNode().put("nomor", stored.number()).put("pesan", "Terkirim: " + stored.number())
        .put("ulang", stored.repeated());
    return new Answer(stored.repeated() ? 200 : 201, ok);
  }

  private Answer koreksi(JsonNode form, RakorbotConfig current, InitData.User user) {
    String number = jdbi.inTransaction(h -> {
      String corrected = forms.correct(h, current, user.id(), text(form, "nomor"), text(form, "teks"));
      Audit.miniApp(h, clock.instant(), AuditPerson.user(user.id(), name(current, user)), Actions.REPORT_CORRECTED, corrected,
          String.valueOf(text(form, "teks")).strip().length() + " karakter");
      return corrected;
    });
    return new Answer(200, JSON.createObjectNode().put("nomor", number).put("pesan", "Koreksi " + number + " tercatat."));
  }

  private JsonNode tindakLanjut(RakorbotConfig current, InitData.User user) {
    ArrayNode list = JSON.createArrayNode();
    jdbi.withHandle(h -> followUps.mine(h, current, user.id())).forEach(item -> {
      ObjectNode node = list.addObject().put("nomor", item.number()).put("arahan", item.description()).put("pemilik", item.owner())
          .put("tenggat", item.dueOn().toString()).put("lewat", item.overdue()).put("proses", item.inProgress());
      item.lastNote().ifPresent(n -> node.put("catatan_terakhir", n));
    });
    return list;
  }

  private Answer catatTindakLanjut(JsonNode form, RakorbotConfig current, InitData.User user) {
    Map<String, String> wrong = new LinkedHashMap<>();
    String clientId = Optional.ofNullable(text(form, "id")).map(String::strip).orElse("");
    if (!clientId.matches("[0-9A-Za-z-]{8,64}")) {
      wrong.put("id", "Draf tanpa tanda pengenal yang sah; muat ulang formulir.");
    }
    String kind = Optional.ofNullable(text(form, "jenis")).orElse("");
    if (!kind.equals("progres") && !kind.equals("selesai")) {
      wrong.put("jenis", "Pilih progres atau selesai.");
    }
    String note = Optional.ofNullable(text(form, "catatan")).map(String::strip).orElse("");
    if (note.isEmpty()) {
      wrong.put("catatan", "Tulis keterangan singkat: apa yang sudah dikerjakan.");
    } else if (note.length() > 2000) {
      wrong.put("catatan", "Keterangan " + note.length() + " karakter; paling banyak 2000.");
    }
    Optional<FormPhoto> photo = Optional.empty();
    if (form.hasNonNull("foto") && !form.path("foto").asText().isBlank()) {
      FormPhoto.Result result = FormPhoto.decode(form.path("foto").asText());
      photo = result.photo();
      if (photo.isEmpty()) {
        wrong.put("foto", result.refusal());
      }
    }
    if (!wrong.isEmpty()) {
      throw new FormIntake.Invalid(wrong);
    }
    Optional<FormPhoto> evidence = photo;
    try {
      FollowUpForms.Noted noted = jdbi.inTransaction(h -> followUps.note(h, current, user.id(), name(current, user), clientId,
          String.valueOf(text(form, "nomor")).strip(), kind, note, evidence));
      return new Answer(noted.repeated() ? 200 : 201, JSON.createObjectNode().put("nomor", noted.number()).put("pesan", noted.message()));
    } catch (UserMistake mistake) {
      throw new FormIntake.Invalid(Map.of("catatan", Html.plain(mistake.getMessage())));
    }
  }

  private static String name(RakorbotConfig current, InitData.User user) {
    return current.official(user.id()).map(o -> o.name())
        .orElse(String.join(" ", Optional.ofNullable(user.firstName()).orElse(""), Optional.ofNullable(user.lastName()).orElse("")).strip());
  }

  private JsonNode formulir(RakorbotConfig current, InitData.User user, boolean reporter, boolean owner) {
    ObjectNode out = JSON.createObjectNode().put("boleh_lapor", reporter).put("boleh_tindak_lanjut", owner);
    ArrayNode categories = out.putArray("kategori");
    current.reports().categories().forEach(c -> {
      ObjectNode node = categories.addObject().put("kunci", c.key()).put("label", c.label()).put("kelompok", c.group());
      ArrayNode aliases = node.putArray("alias");
      c.aliases().forEach(aliases::add);
    });
    ArrayNode levels = out.putArray("tingkat");
    levels.addObject().put("kunci", "normal").put("label", "Normal").put("arti", "kejadian biasa, cukup dicatat");
    levels.addObject().put("kunci", "waspada").put("label", "Waspada").put("arti", "perlu diperhatikan, bisa berkembang");
    levels.addObject().put("kunci", "siaga").put("label", "Siaga").put("arti", "perlu tindakan segera; langsung ke grup peringatan");
    levels.addObject().put("kunci", "awas").put("label", "Awas").put("arti", "keadaan genting, ada korban atau bentrokan");
    ArrayNode areas = out.putArray("wilayah");
    current.reports().areas().forEach(areas::add);
    jdbi.useHandle(h -> forms.areaOf(h, current, user.id()).ifPresent(a -> out.put("wilayah_saya", a)));
    out.put("batas_uraian", 2000).put("batas_foto", FormPhoto.MAX_PER_REPORT);
    var zone = current.bot().zone();
    out.put("zona", IndonesianTime.zone(zone)).put("selisih_menit", zone.getRules().getOffset(clock.instant()).getTotalSeconds() / 60);
    var map = current.dashboard();
    ObjectNode peta = out.putObject("peta").put("lintang", map.mapCenter().get(0)).put("bujur", map.mapCenter().get(1))
        .put("zoom", map.mapZoom());
    if (map.tileUrl() != null) {
      peta.put("ubin", map.tileUrl()).put("atribusi", map.tileAttribution());
    }
    return out;
  }

  private JsonNode laporanku(RakorbotConfig current, InitData.User user) {
    ArrayNode list = JSON.createArrayNode();
    jdbi.withHandle(h -> forms.mine(h, current, user.id(), 20)).forEach(r -> {
      ObjectNode node = list.addObject().put("nomor", r.number()).put("kategori", r.category()).put("tingkat", r.severity())
          .put("wilayah", r.area()).put("status", r.status()).put("waktu", r.createdAt().toString()).put("uraian", r.description());
      r.handler().ifPresent(h -> node.put("penangan", h));
      r.correctableUntil().ifPresent(until -> node.put("koreksi_sampai", until.toString()));
    });
    return list;
  }

  private static Optional<String> initData(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    return header != null && header.regionMatches(true, 0, "tma ", 0, 4) ? Optional.of(header.substring(4).strip()) : Optional.empty();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() ? value.asText() : null;
  }

  private static Double number(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isNumber() ? value.asDouble() : null;
  }

  private static Answer error(int status, String message) {
    return new Answer(status, JSON.createObjectNode().put("galat", message));
  }
}
