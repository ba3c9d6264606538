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
 * @param roles what the person may do: admin, pelapor, peserta
 * @param groups ids of the groups the person belongs to
 */
public record Official(
    Long userId, String name, String jabatan, String wilayah, List<String> roles, List<String> groups) {

  public Official {
    roles = roles == null ? List.of() : List.copyOf(roles);
    groups = groups == null ? List.of() : List.copyOf(groups);
  }

  public boolean has(Role role) {
    return roles.stream().anyMatch(r -> r.toLowerCase(Locale.ROOT).equals(role.key()));
  }
}
