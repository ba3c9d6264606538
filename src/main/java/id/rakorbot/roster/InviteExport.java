package id.rakorbot.roster;

import id.rakorbot.config.Official;
import id.rakorbot.config.RakorbotConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code roster invite --out undangan.csv}: one fresh personal invite link per person not yet bound, in Excel's
 * semicolon CSV (UTF-8 with BOM), for the admin to send by WhatsApp or SMS. The file holds phone numbers and
 * working links: it is the admin's to keep safe and delete once sent.
 */
public final class InviteExport {

  private InviteExport() {}

  /** Writes the file; returns how many links it holds. */
  public static int write(Jdbi jdbi, RakorbotConfig config, String botUsername, Clock clock, Path out) throws IOException {
    Map<String, Long> bound = Accounts.read(jdbi);
    List<Official> waiting = config.people().stream().filter(p -> !p.bound() && !bound.containsKey(p.key())).toList();
    Instant now = clock.instant();
    DateTimeFormatter day = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(config.bot().zone());
    List<String> lines = new ArrayList<>();
    lines.add(row(Stream.of("nama", "jabatan", "instansi", "wilayah", "nomor_hp", "tautan", "berlaku_sampai")));
    jdbi.useTransaction(handle -> {
      for (Official person : waiting) {
        String link = Invites.link(botUsername, Invites.create(handle, person, now));
        lines.add(row(Stream.of(person.name(), person.jabatan(), person.instansi(), person.wilayah(), person.phone(), link,
            day.format(now.plus(Invites.VALID)))));
      }
    });
    Files.writeString(out, "\uFEFF" + String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
    return waiting.size();
  }

  private static String row(Stream<String> cells) {
    return cells.map(c -> c == null ? "" : c)
        .map(c -> c.matches("[=+\\-@].*") ? "'" + c : c) // a cell Excel would run as a formula is shown as text
        .map(c -> "\"" + c.replace("\"", "\"\"") + "\"").collect(Collectors.joining(";"));
  }
}
