package id.rakorbot.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which reports a reader asks for: those created in {@code [from, to)}, real ones only unless {@code nihilToo},
 * of some categories, areas and severities (an empty list: any), open or not ({@code open} empty: either), with
 * a location only if {@code locatedOnly}. Every value is bound; none is ever written into the SQL.
 */
public record ReportQuery(Instant from, Instant to, boolean nihilToo, List<String> categories, List<String> areas,
    List<String> severities, Optional<Boolean> open, boolean locatedOnly) {

  public ReportQuery {
    if (!from.isBefore(to) && !from.equals(to)) {
      throw new IllegalArgumentException("A period that ends before it starts: " + from + " to " + to);
    }
    categories = List.copyOf(categories);
    areas = List.copyOf(areas);
    severities = List.copyOf(severities);
  }

  /** The real reports of {@code [from, to)}, any category, area, severity and status. */
  public static ReportQuery between(Instant from, Instant to) {
    return new ReportQuery(from, to, false, List.of(), List.of(), List.of(), Optional.empty(), false);
  }

  /** Nihil reports count too (a period's full list, as the CSV gives it). */
  public ReportQuery withNihil() {
    return new ReportQuery(from, to, true, categories, areas, severities, open, locatedOnly);
  }

  public ReportQuery inCategories(List<String> keys) {
    return new ReportQuery(from, to, nihilToo, keys, areas, severities, open, locatedOnly);
  }

  /** Of these areas only; an empty list keeps all areas. */
  public ReportQuery inAreas(List<String> names) {
    return new ReportQuery(from, to, nihilToo, categories, names, severities, open, locatedOnly);
  }

  public ReportQuery ofSeverities(List<String> keys) {
    return new ReportQuery(from, to, nihilToo, categories, areas, keys, open, locatedOnly);
  }

  /** Open ones ({@code true}) or those no longer open ({@code false}). */
  public ReportQuery open(boolean wanted) {
    return new ReportQuery(from, to, nihilToo, categories, areas, severities, Optional.of(wanted), locatedOnly);
  }

  public ReportQuery located() {
    return new ReportQuery(from, to, nihilToo, categories, areas, severities, open, true);
  }

  // What the DAO binds (an empty list binds as no condition).

  public String[] categoryKeys() {
    return categories.isEmpty() ? null : categories.toArray(String[]::new);
  }

  public String[] areaNames() {
    return areas.isEmpty() ? null : areas.toArray(String[]::new);
  }

  public String[] severityKeys() {
    return severities.isEmpty() ? null : severities.toArray(String[]::new);
  }

  public Boolean openWanted() {
    return open.orElse(null);
  }
}
