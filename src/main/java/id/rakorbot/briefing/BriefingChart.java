package id.rakorbot.briefing;

import id.rakorbot.print.BarChart;
import java.util.List;

/** Reports per category in the period, the period before and the same period a year earlier, as a PNG. */
public final class BriefingChart {

  static final int WIDTH = 900;
  static final int HEIGHT = 500;

  private BriefingChart() {}

  public static byte[] png(Briefing briefing) {
    List<Briefing.CategoryChange> shown = briefing.categories().stream().filter(c -> c.now() + c.before() + c.yearEarlier() > 0).toList();
    List<String> labels = shown.isEmpty() ? List.of("Tidak ada laporan") : shown.stream().map(Briefing.CategoryChange::label).toList();
    return new BarChart("Laporan per kategori — " + briefing.meeting().schedule().title(), labels)
        .series("Periode ini", values(shown, Briefing.CategoryChange::now))
        .series("Periode sebelumnya", values(shown, Briefing.CategoryChange::before))
        .series("Periode sama tahun lalu", values(shown, Briefing.CategoryChange::yearEarlier))
        .png(WIDTH, HEIGHT);
  }

  private static List<Long> values(List<Briefing.CategoryChange> shown, java.util.function.ToLongFunction<Briefing.CategoryChange> value) {
    return shown.isEmpty() ? List.of(0L) : shown.stream().map(c -> value.applyAsLong(c)).toList();
  }
}
