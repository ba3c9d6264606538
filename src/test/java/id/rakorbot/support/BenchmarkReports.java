package id.rakorbot.support;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;

/** Reports for the benchmarks, made by PostgreSQL itself: spread evenly over two years up to {@code now}. */
public final class BenchmarkReports {

  private BenchmarkReports() {}

  /**
   * {@code reports} reports over {@code areas} areas named "Desa n" and the categories in turn; a sixth each
   * waspada, siaga and awas, every 20th nihil, a third closed, every 4th with coordinates around Malang.
   */
  public static void insert(Handle h, int reports, int areas, List<String> categories, Instant now) {
    h.createUpdate("""
            INSERT INTO report (id, number, reporter_id, reporter_name, chat_id, category, severity, area, description,
                                nihil, status, latitude, longitude, created_at)
            SELECT i, 'LAP-BENCH-' || i, 1000 + i % 2000, 'Pelapor ' || (i % 2000), -1, (:categories)[1 + i % :categoryCount],
                   (ARRAY['normal','normal','normal','waspada','siaga','awas'])[1 + (i * 7) % 6],
                   'Desa ' || (1 + (i * 13) % :areas), 'Uraian kejadian nomor ' || i || ' di wilayah, dengan rincian secukupnya.',
                   i % 20 = 0, CASE WHEN i % 3 = 0 THEN 'closed' ELSE 'open' END,
                   CASE WHEN i % 4 = 0 THEN -7.9 - (i % 997) / 5000.0 END, CASE WHEN i % 4 = 0 THEN 112.6 + (i % 991) / 5000.0 END,
                   CAST(:now AS timestamptz) - make_interval(secs => (i::double precision / :reports) * 2 * 365 * 86400)
            FROM generate_series(1, :reports) AS i""")
        .bind("categories", categories.toArray(new String[0])).bind("categoryCount", categories.size()).bind("areas", areas)
        .bind("reports", reports).bind("now", now)
        .execute();
  }

  /** Fifteen categories, as a regency's config has. */
  public static final List<String> CATEGORIES = List.of("narkoba", "judi", "pencurian", "begal", "penganiayaan", "penculikan",
      "tawuran", "konflik_sosial", "unjuk_rasa", "pemilu", "bencana", "kemacetan", "infrastruktur", "pangan", "lainnya");

  /**
   * A regency-sized config: {@code groups} groups (g1…), 40 peserta in g1 and g2, a monthly rakor, a quarterly Kopi
   * Senja, a weekly Ngopi Kamtibmas, the fifteen categories and {@code areas} areas.
   */
  public static String regencyConfig(int groups, int areas) {
    StringBuilder yaml = new StringBuilder("groups:\n");
    for (int g = 1; g <= groups; g++) {
      yaml.append("  - {id: g").append(g).append(", chat_id: ").append(-1009000000000L - g).append(", name: Grup ").append(g)
          .append(", region: Kabupaten Bench}\n");
    }
    yaml.append("roster:\n");
    for (int p = 1; p <= 40; p++) {
      yaml.append("  - {user_id: ").append(500000 + p).append(", name: Peserta ").append(p).append(", roles: [peserta], groups: [g1, g2]}\n");
    }
    yaml.append("""
        schedules:
          - {id: rakor, title: Rakor Forkopimda, kind: rakor, groups: [g1], time: "09:00", repeat: {every: month, weekday: rabu, week: last}}
          - {id: kopi_senja, title: Kopi Senja Forkopimda, kind: kopi_senja, groups: [g1], time: "15:30",
             repeat: {every: quarter, start_month: januari, weekday: rabu, week: 1}}
          - {id: ngopi, title: Ngopi Kamtibmas, kind: ngopi_kamtibmas, groups: [g2], time: "19:30", repeat: {every: week, weekday: kamis}}
        reports:
          categories:
        """);
    CATEGORIES.forEach(c -> yaml.append("    - {key: ").append(c).append(", label: ").append(c).append("}\n"));
    yaml.append("  areas: [").append(IntStream.rangeClosed(1, areas).mapToObj(i -> "Desa " + i).collect(Collectors.joining(", "))).append("]\n");
    return yaml.toString();
  }
}
