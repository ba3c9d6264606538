package id.rakorbot.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A person on the roster, from the YAML file or a row of the roster spreadsheet.
 *
 * @param userId Telegram user id, when the admin knows it; otherwise the account is bound by the person's shared
 *     contact, a personal invite link or a confirmed @username, and {@link CurrentConfig} fills it in
 * @param name full name with title, as it should appear in messages
 * @param jabatan position ("Camat Klojen", "Kapolres")
 * @param instansi the office the person belongs to (Polresta, Kodim, Kecamatan Klojen), if given
 * @param wilayah area the person answers for (kecamatan/kelurahan), if any
 * @param phone mobile number (personal data: shown only to admins, never logged), to bind a shared contact
 * @param roles what the person may do: admin, pelapor, peserta, notulis, pimpinan
 * @param groups ids of the groups the person belongs to
 * @param username Telegram @username without the @, if the person has one: /arahan may name them by it
 * @param atasan the person's superior on the roster (a username, user_id or phone number): an arahan this person
 *     lets run overdue goes to them ({@code follow_ups.escalate_after})
 * @param row where the person was declared ("peserta.xlsx baris 14"), for messages to the admin; not read from YAML
 */
public record Official(
    Long userId, String name, String jabatan, String instansi, String wilayah, String phone, List<String> roles,
    List<String> groups, String username, String atasan, @com.fasterxml.jackson.annotation.JsonIgnore String row) {

  public Official {
    roles = roles == null ? List.of() : List.copyOf(roles);
    groups = groups == null ? List.of() : List.copyOf(groups);
    username = username == null || username.isBlank() ? null : username.strip().replaceFirst("^@", "");
    phone = phone == null || phone.isBlank() ? null : phone.strip();
    atasan = atasan == null || atasan.isBlank() ? null : atasan.strip();
  }

  /**
   * Whether {@code reference} names this person, as the config names people elsewhere (a response level's
   * {@code people}, an {@code atasan}): by @username, by user_id, or by phone number.
   */
  public boolean isNamedBy(String reference) {
    String ref = reference.strip().replaceFirst("^@", "");
    if (username != null && username.equalsIgnoreCase(ref)) {
      return true;
    }
    if (userId != null && ref.equals(String.valueOf(userId))) {
      return true;
    }
    Optional<String> number = PhoneNumbers.normalise(ref);
    return phone != null && number.isPresent() && number.equals(PhoneNumbers.normalise(phone));
  }

  public boolean has(Role role) {
    return roles.stream().anyMatch(r -> r.toLowerCase(Locale.ROOT).equals(role.key()));
  }

  public boolean bound() {
    return userId != null;
  }

  /**
   * What identifies this person across edits of the roster, so that a binding survives them: the phone number
   * (normalised), else the @username, else the name. A user_id written by the admin binds by itself.
   */
  public String key() {
    Optional<String> number = Optional.ofNullable(phone).flatMap(PhoneNumbers::normalise);
    if (number.isPresent()) {
      return "hp:" + number.get();
    }
    if (username != null) {
      return "tg:" + username.toLowerCase(Locale.ROOT);
    }
    return "nama:" + (name == null ? "" : name.strip().toLowerCase(Locale.ROOT));
  }

  /** This person with an account bound to them. */
  public Official boundTo(long telegramUserId) {
    return new Official(telegramUserId, name, jabatan, instansi, wilayah, phone, roles, groups, username, atasan, row);
  }

  Official declaredAt(String where) {
    return new Official(userId, name, jabatan, instansi, wilayah, phone, roles, groups, username, atasan, where);
  }
}
