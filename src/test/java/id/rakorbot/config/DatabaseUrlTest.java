package id.rakorbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

  @Test
  void aPostgresqlUrlBecomesJdbcWithSeparateCredentials() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://rakor%40bot:s3cr%3At@db.local:5433/rakorbot?sslmode=require");

    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.local:5433/rakorbot?sslmode=require");
    assertThat(url.user()).contains("rakor@bot");
    assertThat(url.password()).contains("s3cr:t");
    assertThat(url.toString()).doesNotContain("s3cr");
  }

  @Test
  void aJdbcUrlIsTakenAsItIs() {
    assertThat(DatabaseUrl.parse("jdbc:postgresql://127.0.0.1:5432/test?user=postgres").jdbcUrl())
        .isEqualTo("jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
  }

  @Test
  void otherDatabasesAreRefused() {
    assertThatThrownBy(() -> DatabaseUrl.parse("mysql://localhost/db")).hasMessageContaining("postgresql://");
  }
}
