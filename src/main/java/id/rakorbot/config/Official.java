package id.rakorbot.config;

import java.util.List;
import java.util.Locale;

/**
 * A person on the roster.
 *
 * @param userId Telegram user id (numeric; ask the person to send /start to the bot to see it)
 * @param name full name with title, as it should appear in messages
 * @param jabatan position ("Camat Klojen", "Kapolres")
 * @param wilayah area the person answers for (kecamatan/kelurahan), if any
 * @param roles what the person may do: admin, pelapor, peserta, notulis, pimpinan
 * @param groups ids of the groups the person belongs to
 * @param username Telegram @username without the @, if the person has one: /arahan may name them by it
 */
public record Official(
    Long userId, String name, String jabatan, String wilayah, List<String> roles, List<String> groups, String username) {

  public Official {
    roles = roles == null ? List.of() : List.copyOf(roles);
    groups = groups == null ? List.of() : List.copyOf(groups);
    username = username == null || username.isBlank() ? null : username.strip().replaceFirst("^@", "");
  }

  public boolean has(Role role) {
    return roles.stream().anyMatch(r -> r.toLowerCase(Locale.ROOT).equals(role.key()));
  }
}
