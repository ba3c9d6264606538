package id.rakorbot.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a person on the roster may do. */
public enum Role {
  /** Bakesbangpol staff: approves registrations, reloads the config, receives exports. */
  ADMIN("admin"),
  /** Camat, lurah, Bhabinkamtibmas, Babinsa: sends /lapor reports. */
  PELAPOR("pelapor"),
  /** Attends the forums: receives reminders and answers RSVPs. */
  PESERTA("peserta"),
  /** Takes the minutes of forums: records arahan (tindak lanjut) with /arahan, like an admin. */
  NOTULIS("notulis"),
  /** Leaders (Wali Kota, Kapolres, Dandim, Sekda): open the web dashboard with /dasbor, like an admin. */
  PIMPINAN("pimpinan"),
  /** Kapolsek, Danramil, Satpol PP, BPBD: takes alerts in hand with "Saya tangani" (see {@code response:}). */
  RESPONDER("responder");

  private final String key;

  Role(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Optional<Role> of(String key) {
    return Arrays.stream(values()).filter(r -> r.key.equalsIgnoreCase(key.trim())).findFirst();
  }

  public static List<String> keys() {
    return Arrays.stream(values()).map(Role::key).toList();
  }
}
