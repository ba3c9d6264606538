package id.rakorbot.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import id.rakorbot.audit.Actions;
import id.rakorbot.audit.Audit;
import id.rakorbot.audit.AuditEvent;
import id.rakorbot.audit.AuditPerson;
import id.rakorbot.audit.Source;
import id.rakorbot.config.CurrentConfig;
import id.rakorbot.config.Role;
import id.rakorbot.config.DashboardSettings;
import id.rakorbot.config.Official;
import id.rakorbot.config.RakorbotConfig;
import id.rakorbot.digest.Week;
import id.rakorbot.error.UserMistake;
import id.rakorbot.report.ReportCsv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code /dasbor} on the operations HTTP server: login, pages, downloads and assets. Every page and
 * download checks the session cookie and the roster on each request; every answer carries a strict
 * Content-Security-Policy (scripts and styles only from the dashboard itself, no inline script).
 */
final class DashboardHttp implements HttpHandler {

  private static final Logger log = LoggerFactory.getLogger(DashboardHttp.class);
  static final String COOKIE = "rakorbot_dasbor";
  private static final String HTML = "text/html; charset=utf-8";

  private final Jdbi jdbi;
  private final CurrentConfig config;
  private final Pages pages;
  private final AuditPage auditPage;
  private final Assets assets = new Assets();
  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

  DashboardHttp(Jdbi jdbi, CurrentConfig config, Pages pages) {
    this.jdbi = jdbi;
    this.config = config;
    this.pages = pages;
    this.auditPage = new AuditPage(pages);
  }

  /** An answer: status, type, body, and extra headers. */
  private record Answer(int status, String type, byte[] body, Map<String, String> headers) {
    static Answer html(int status, String html) {
      return new Answer(status, HTML, html.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static Answer redirect(String to) {
      return new Answer(303, HTML, new byte[0], Map.of("Location", to));
    }

    Answer with(String header, String value) {
      Map<String, String> all = new HashMap<>(headers);
      all.put(header, value);
      return new Answer(status, type, body, all);
    }
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Answer answer;
      try {
        answer = answer(exchange);
      } catch (UserMistake mistake) {
        answer = Answer.html(400, message("Pilihan tidak valid", mistake.getMessage(), "Kembali ke halaman sebelumnya dan pilih dari daftar."));
      } catch (RuntimeException e) {
        log.warn("Dashboard request {} failed", exchange.getRequestURI().getPath(), e);
        answer = Answer.html(500, message("Terjadi kesalahan", "Halaman tidak dapat ditampilkan saat ini.", "Coba muat ulang sebentar lagi."));
      }
      send(exchange, answer);
    }
  }

  private Answer answer(HttpExchange exchange) throws IOException {
    RakorbotConfig current = config.get();
    DashboardSettings settings = current.dashboard();
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    if (!settings.enabled()) {
      return Answer.html(404, message("Dasbor tidak aktif", "Dasbor web belum diaktifkan di konfigurasi.", "Admin mengisi dashboard.base_url."));
    }
    if (path.startsWith(Routes.ASSETS) || path.equals(Routes.FAVICON)) {
      return assets.get(path.equals(Routes.FAVICON) ? "favicon.ico" : path.substring(Routes.ASSETS.length()))
          .map(a -> new Answer(200, a.type(), a.bytes(), Map.of("Cache-Control", "public, max-age=86400")))
          .orElseGet(() -> Answer.html(404, message("Tidak ada", "Berkas ini tidak ada.", "")));
    }
    if (path.equals(Routes.LOGIN)) {
      return method.equals("POST") ? login(exchange, settings) : loginPage(Requests.query(exchange));
    }
    if (!method.equals("GET") && !(method.equals("POST") && path.equals(Routes.LOGOUT))) {
      return Answer.html(405, message("Tidak diizinkan", "Dasbor hanya untuk dibaca.", "")).with("Allow", "GET");
    }
    Optional<String> cookie = Requests.cookie(exchange, COOKIE);
    Optional<Access.Session> session = cookie.flatMap(token -> jdbi.withHandle(h -> Access.session(h, token, pages.now())));
    if (session.isEmpty()) {
      return notLoggedIn();
    }
    Optional<Official> viewer = Viewers.allowed(current, session.get().userId(), session.get().kiosk());
    if (viewer.isEmpty()) { // off the roster, or no longer admin (a kiosk) or pimpinan: their sessions end now
      long user = session.get().userId();
      jdbi.useTransaction(h -> {
        if (Viewers.allowed(current, user, false).isPresent()) {
          Access.endKiosksOf(h, user, pages.now());
        } else {
          Access.endEverythingOf(h, user, pages.now());
        }
      });
      return notLoggedIn();
    }
    if (path.equals(Routes.LOGOUT)) {
      if (!Requests.sameOrigin(exchange)) {
        return Answer.html(403, message("Ditolak", "Permintaan keluar datang dari halaman lain.", ""));
      }
      jdbi.useHandle(h -> Access.endSession(h, cookie.get()));
      return Answer.html(200, message("Anda telah keluar", "Sesi dasbor di perangkat ini sudah ditutup.",
          "Untuk masuk lagi, kirim /dasbor kepada bot lewat chat pribadi di Telegram.")).with("Set-Cookie", clearedCookie(settings));
    }
    if (session.get().kiosk() && !Routes.KIOSK.contains(path)) {
      return path.equals(Routes.BASE) || path.equals(Routes.BASE + "/") ? Answer.redirect(Routes.LAYAR)
          : Answer.html(403, message("Hanya Layar", "Tautan layar Command Center hanya menampilkan halaman Layar.", "Buka " + Routes.LAYAR + "."));
    }
    Map<String, String> query = Requests.query(exchange);
    if ((path.equals(Routes.JEJAK_AUDIT) || path.equals(Routes.JEJAK_AUDIT_CSV)) && !viewer.get().has(Role.ADMIN)) {
      return Answer.html(403, message("Khusus admin", "Jejak audit hanya dapat dibuka oleh admin Bakesbangpol.", "Buka " + Routes.RINGKASAN + "."));
    }
    if (!session.get().kiosk() && AUDITED.containsKey(path)) {
      audit(viewer.get(), origin(exchange), AUDITED.get(path), path.substring(Routes.BASE.length() + 1), describe(query));
    }
    return page(path, query, current, viewer.get().name(), session.get().kiosk());
  }

  /** The requests that show or hand out report data or the trail itself; a wall screen's refreshes are not (they would flood it). */
  private static final Map<String, String> AUDITED = Map.of(
      Routes.LAPORAN, Actions.DASHBOARD_VIEW, Routes.PETA_DATA, Actions.DASHBOARD_VIEW, Routes.LAYAR, Actions.DASHBOARD_VIEW,
      Routes.JEJAK_AUDIT, Actions.DASHBOARD_VIEW,
      Routes.LAPORAN_CSV, Actions.DASHBOARD_DOWNLOAD, Routes.REKAP_PDF, Actions.DASHBOARD_DOWNLOAD, Routes.JEJAK_AUDIT_CSV, Actions.DASHBOARD_DOWNLOAD);

  private void audit(Official viewer, String origin, String action, String subject, String details) {
    jdbi.useTransaction(h -> Audit.record(h, new AuditEvent(pages.now(), Source.DASHBOARD, origin,
        Optional.of(AuditPerson.user(viewer.userId(), viewer.name())), action, subject, Optional.empty(), details)));
  }

  /**
   * The filters of a request, as the trail keeps them: which week, category, area, of which actions. A name searched
   * for in the trail is not kept (the trail is append-only, and erasing that person could not remove it).
   */
  private static String describe(Map<String, String> query) {
    return query.entrySet().stream().filter(e -> !e.getValue().isBlank()).sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + "=" + (e.getKey().equals("pelaku") ? "(disaring)"
            : e.getValue().length() > 60 ? e.getValue().substring(0, 60) : e.getValue()))
        .collect(java.util.stream.Collectors.joining(" "));
  }

  private static String origin(HttpExchange exchange) {
    String forwarded = exchange.getRequestHeaders().getFirst("X-Forwarded-For");
    String address = forwarded != null && !forwarded.isBlank() ? forwarded.split(",")[0].strip()
        : exchange.getRemoteAddress() == null ? "?" : exchange.getRemoteAddress().getAddress().getHostAddress();
    return "dasbor " + (address.length() > 45 ? address.substring(0, 45) : address);
  }

  private Answer page(String path, Map<String, String> query, RakorbotConfig current, String viewer, boolean kiosk) {
    Week thisWeek = pages.thisWeek(current);
    return switch (path) {
      case Routes.JEJAK_AUDIT -> {
        var filter = AuditPage.Filter.parse(query, pages.now().atZone(Pages.zone(current)).toLocalDate());
        yield render("dasbor/jejak_audit.jte", jdbi.withHandle(h -> auditPage.page(h, current, viewer, filter)));
      }
      case Routes.JEJAK_AUDIT_CSV -> {
        var filter = AuditPage.Filter.parse(query, pages.now().atZone(Pages.zone(current)).toLocalDate());
        yield download("text/csv; charset=utf-8", "jejak-audit-" + filter.from() + "-" + filter.to() + ".csv",
            jdbi.withHandle(h -> AuditPage.csv(h, current, filter)));
      }
      case Routes.BASE, Routes.BASE + "/" -> Answer.redirect(Routes.RINGKASAN);
      case Routes.RINGKASAN -> render("dasbor/ringkasan.jte", jdbi.withHandle(h -> pages.ringkasan(h, current, viewer, week(query, thisWeek))));
      case Routes.LAPORAN -> {
        ReportFilter filter = ReportFilter.parse(query, current, thisWeek);
        yield render("dasbor/laporan.jte", jdbi.withHandle(h -> pages.laporan(h, current, viewer, filter)));
      }
      case Routes.LAPORAN_CSV -> {
        ReportFilter filter = ReportFilter.parse(query, current, thisWeek);
        byte[] csv = jdbi.withHandle(h -> ReportCsv.of(h, filter.query(), current.reports(), Pages.zone(current)));
        yield download("text/csv; charset=utf-8", "laporan-" + filter.week().label() + ".csv", csv);
      }
      case Routes.REKAP_PDF -> {
        Week week = week(query, thisWeek);
        yield download("application/pdf", "rekap-" + week.label() + ".pdf", jdbi.withHandle(h -> pages.pdf(h, current, week)));
      }
      case Routes.GRAFIK -> new Answer(200, "image/png", jdbi.withHandle(h -> pages.chart(h, current, week(query, thisWeek))),
          Map.of("Cache-Control", "private, no-store"));
      case Routes.PETA -> render("dasbor/peta.jte", pages.peta(current, viewer, ReportFilter.parse(query, current, thisWeek)));
      case Routes.PETA_DATA -> {
        ReportFilter filter = ReportFilter.parse(query, current, thisWeek);
        yield new Answer(200, "application/json", jdbi.withHandle(h -> ReportRows.markers(h, current, filter)), Map.of());
      }
      case Routes.FORUM -> render("dasbor/forum.jte", jdbi.withHandle(h -> pages.forum(h, current, viewer)));
      case Routes.TINDAK_LANJUT -> render("dasbor/tindak_lanjut.jte", jdbi.withHandle(h -> pages.tindakLanjut(h, current, viewer)));
      case Routes.LAYAR -> render("dasbor/layar.jte", new Views.LayarPage(pages.frame(current, "Layar", "layar", viewer),
          String.valueOf(current.dashboard().refreshSeconds()), jdbi.withHandle(h -> pages.layar(h, current, kiosk))));
      case Routes.LAYAR_ISI -> render("dasbor/layar_isi.jte", jdbi.withHandle(h -> pages.layar(h, current, kiosk)));
      default -> Answer.html(404, message("Halaman tidak ada", "Alamat ini tidak dikenal dasbor.", "Buka " + Routes.RINGKASAN + "."));
    };
  }

  private static Week week(Map<String, String> query, Week thisWeek) {
    String text = query.get("pekan");
    return text == null || text.isBlank() ? thisWeek : Week.parse(text, thisWeek.zone());
  }

  private Answer loginPage(Map<String, String> query) {
    String token = query.getOrDefault("t", "");
    if (!Tokens.wellFormed(token)) {
      return refusedLink();
    }
    return render("dasbor/masuk.jte", new Views.LoginPage(token)).with("Referrer-Policy", "no-referrer");
  }

  /** Spends the link (a login link once; a kiosk link again and again) and sets the session cookie. */
  private Answer login(HttpExchange exchange, DashboardSettings settings) throws IOException {
    if (!Requests.sameOrigin(exchange)) {
      return Answer.html(403, message("Ditolak", "Permintaan masuk datang dari halaman lain.", "Buka tautan dari Telegram langsung."));
    }
    String token = Requests.form(exchange).getOrDefault("t", "");
    RakorbotConfig current = config.get();
    Optional<Access.Opened> opened = jdbi.inTransaction(h -> Access.redeem(h, token, pages.now(), Duration.ofHours(settings.sessionHours()),
        (user, kiosk) -> Viewers.allowed(current, user, kiosk).isPresent()));
    if (opened.isEmpty()) {
      return refusedLink();
    }
    String to = opened.get().session().kiosk() ? Routes.LAYAR : Routes.RINGKASAN;
    Viewers.allowed(current, opened.get().session().userId(), opened.get().session().kiosk()).ifPresent(viewer ->
        audit(viewer, origin(exchange), Actions.DASHBOARD_LOGIN, opened.get().session().kiosk() ? "layar kios" : "dasbor", ""));
    return Answer.redirect(to).with("Set-Cookie", cookie(settings, opened.get().token(), opened.get().lifetime()));
  }

  private Answer refusedLink() {
    return Answer.html(401, message("Tautan tidak berlaku",
        "Tautan masuk ini sudah dipakai, sudah lewat 10 menit, atau sudah dicabut.",
        "Kirim /dasbor kepada bot lewat chat pribadi di Telegram untuk mendapat tautan baru."));
  }

  private Answer notLoggedIn() {
    return Answer.html(401, message("Silakan masuk",
        "Dasbor ini hanya untuk pimpinan dan admin yang terdaftar.",
        "Kirim /dasbor kepada bot lewat chat pribadi di Telegram; bot membalas dengan tautan masuk sekali pakai yang berlaku 10 menit."));
  }

  private String message(String title, String text, String hint) {
    StringOutput out = new StringOutput();
    templates.render("dasbor/pesan.jte", new Views.MessagePage(title, text, hint), out);
    return out.toString();
  }

  private Answer render(String template, Object page) {
    StringOutput out = new StringOutput();
    templates.render(template, page, out);
    return Answer.html(200, out.toString()).with("Cache-Control", "private, no-store");
  }

  private static Answer download(String type, String name, byte[] bytes) {
    return new Answer(200, type, bytes, Map.of("Content-Disposition", "attachment; filename=\"" + name + "\"", "Cache-Control", "private, no-store"));
  }

  private static String cookie(DashboardSettings settings, String token, Duration lifetime) {
    return COOKIE + "=" + token + "; Path=" + Routes.BASE + "; Max-Age=" + lifetime.toSeconds() + "; HttpOnly; SameSite=Strict"
        + (settings.secure() ? "; Secure" : "");
  }

  private static String clearedCookie(DashboardSettings settings) {
    return COOKIE + "=; Path=" + Routes.BASE + "; Max-Age=0; HttpOnly; SameSite=Strict" + (settings.secure() ? "; Secure" : "");
  }

  private void send(HttpExchange exchange, Answer answer) throws IOException {
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Type", answer.type());
    headers.set("Content-Security-Policy", contentSecurityPolicy(config.get().dashboard()));
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("X-Frame-Options", "DENY");
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("Cache-Control", "no-store");
    answer.headers().forEach(headers::set);
    id.rakorbot.ops.HttpBodies.send(exchange, answer.status(), answer.body());
  }

  /** Scripts, styles and data only from the dashboard; images also from the map's tile server. */
  static String contentSecurityPolicy(DashboardSettings settings) {
    return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:"
        + settings.tileOrigin().map(o -> " " + o).orElse("")
        + "; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
  }
}
