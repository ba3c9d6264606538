package id.rakorbot.webapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import id.rakorbot.config.CurrentConfig;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.report.FormIntake;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Mini App's API under {@code /app/api/}: {@code GET formulir} (categories, levels, areas, the reporter's own
 * area), {@code POST laporan} (one report, once per draft id), {@code GET laporanku}. Every call carries Telegram's
 * {@code initData} in {@code Authorization: tma …}; a missing, forged or day-old one is 401, a user who is not a pelapor
 * 403. Answers are JSON in Indonesian; a mistake names its field.
 */
public final class WebAppApi implements HttpHandler {

  public static final String PATH = "/app/api/";
  private static final Logger log = LoggerFactory.getLogger(WebAppApi.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY = 64 * 1024;

  private final Jdbi jdbi;
  private final CurrentConfig config;
  private final FormIntake forms;
  private final String botToken;
  private final Clock clock;

  public WebAppApi(Jdbi jdbi, CurrentConfig config, FormIntake forms, String botToken, Clock clock) {
    this.jdbi = jdbi;
    this.config = config;
    this.forms = forms;
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
      exchange.sendResponseHeaders(answer.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private Answer answer(HttpExchange exchange) throws IOException {
    String route = exchange.getRequestURI().getPath().substring(PATH.length());
    String method = exchange.getRequestMethod();
    boolean known = route.equals("formulir") || route.equals("laporan") || route.equals("laporanku");
    if (!known) {
      return error(404, "Alamat ini tidak dikenal.");
    }
    if (!method.equals(route.equals("laporan") ? "POST" : "GET")) {
      return error(405, "Metode " + method + " tidak dipakai di sini.");
    }
    InitData.User user;
    try {
      user = InitData.verify(initData(exchange).orElse(null), botToken, clock.instant());
    } catch (InitData.Refused refused) {
      return error(401, refused.getMessage());
    }
    RakorbotConfig current = config.get();
    if (!jdbi.withHandle(h -> forms.mayReport(h, current, user.id()))) {
      return error(403, "Formulir ini untuk pelapor yang terdaftar. Daftar dulu dengan /daftar di chat bot, atau hubungi admin.");
    }
    return switch (route) {
      case "formulir" -> new Answer(200, formulir(current, user));
      case "laporanku" -> new Answer(200, laporanku(current, user));
      default -> laporan(exchange, current, user);
    };
  }

  private Answer laporan(HttpExchange exchange, RakorbotConfig current, InitData.User user) throws IOException {
    byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      return error(413, "Isian terlalu besar.");
    }
    JsonNode form;
    try {
      form = JSON.readTree(body);
    } catch (IOException e) {
      return error(400, "Isian tidak terbaca.");
    }
    var submitted = new FormIntake.Form(text(form, "id"), text(form, "kategori"), text(form, "tingkat"), text(form, "wilayah"),
        text(form, "uraian"), form.path("nihil").asBoolean(false), number(form, "lintang"), number(form, "bujur"));
    try {
      FormIntake.Stored stored = jdbi.inTransaction(h -> forms.submit(h, current, user.id(), submitted));
      ObjectNode ok = JSON.createObjectNode().put("nomor", stored.number()).put("pesan", "Terkirim: " + stored.number())
          .put("ulang", stored.repeated());
      return new Answer(stored.repeated() ? 200 : 201, ok);
    } catch (FormIntake.Invalid invalid) {
      ObjectNode wrong = JSON.createObjectNode().put("galat", "Periksa isian yang ditandai.");
      ObjectNode fields = wrong.putObject("kolom");
      invalid.fields().forEach(fields::put);
      return new Answer(400, wrong);
    }
  }

  private JsonNode formulir(RakorbotConfig current, InitData.User user) {
    ObjectNode out = JSON.createObjectNode();
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
    out.put("batas_uraian", 2000);
    return out;
  }

  private JsonNode laporanku(RakorbotConfig current, InitData.User user) {
    ArrayNode list = JSON.createArrayNode();
    jdbi.withHandle(h -> forms.mine(h, current, user.id(), 20)).forEach(r -> list.addObject().put("nomor", r.number())
        .put("kategori", r.category()).put("tingkat", r.severity()).put("wilayah", r.area()).put("status", r.status())
        .put("waktu", r.createdAt().toString()));
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
