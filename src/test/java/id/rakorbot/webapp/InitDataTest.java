package id.rakorbot.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** initData checked as Telegram specifies: signed with the bot token, not older than a day, with a user. */
class InitDataTest {

  static final String TOKEN = "123456:TEST-TOKEN";
  private static final Instant NOW = Instant.parse("2026-12-03T03:00:00Z");

  /** initData as Telegram builds it: the fields URL-encoded, the hash over their decoded values. */
  static String signed(long userId, Instant authDate, String token) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("query_id", "AAHdF6IQAAAAAN0XohDhrOrc");
    fields.put("user", "{\"id\":" + userId + ",\"first_name\":\"Siti\",\"last_name\":\"Aminah\",\"username\":\"siti_kauman\",\"language_code\":\"id\"}");
    fields.put("auth_date", String.valueOf(authDate.getEpochSecond()));
    fields.put("signature", "c2lnbmF0dXJl");
    fields.put("hash", InitData.sign(fields, token));
    return fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  @Test
  void aSignedFreshInitDataGivesItsUser() throws Exception {
    InitData.User user = InitData.verify(signed(100000005, NOW.minusSeconds(60), TOKEN), TOKEN, NOW);
    assertThat(user).isEqualTo(new InitData.User(100000005, "Siti", "Aminah", "siti_kauman"));
  }

  @Test
  void forgedExpiredOrMissingInitDataIsRefused() {
    String fresh = signed(100000005, NOW.minusSeconds(60), TOKEN);
    assertThatThrownBy(() -> InitData.verify(signed(100000005, NOW.minusSeconds(60), "654321:OTHER"), TOKEN, NOW))
        .isInstanceOf(InitData.Refused.class).hasMessageContaining("tidak cocok");
    assertThatThrownBy(() -> InitData.verify(fresh.replace("100000005", "100000001"), TOKEN, NOW)) // another user written in
        .isInstanceOf(InitData.Refused.class).hasMessageContaining("tidak cocok");
    assertThatThrownBy(() -> InitData.verify(fresh.replaceAll("&hash=[0-9a-f]+", ""), TOKEN, NOW)).isInstanceOf(InitData.Refused.class);
    assertThatThrownBy(() -> InitData.verify(signed(100000005, NOW.minusSeconds(25 * 3600), TOKEN), TOKEN, NOW))
        .isInstanceOf(InitData.Refused.class).hasMessageContaining("24 jam");
    assertThatThrownBy(() -> InitData.verify("", TOKEN, NOW)).isInstanceOf(InitData.Refused.class).hasMessageContaining("tidak ada");
    assertThatThrownBy(() -> InitData.verify(null, TOKEN, NOW)).isInstanceOf(InitData.Refused.class);
  }
}
