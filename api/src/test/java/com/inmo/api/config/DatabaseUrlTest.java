package com.inmo.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "postgresql://inmo:s3cret@db.example.com:6543/leads?sslmode=require",
      "postgres://inmo:s3cret@db.example.com:6543/leads?sslmode=require",
      "postgresql+asyncpg://inmo:s3cret@db.example.com:6543/leads?ssl=require",
      "r2dbc:postgresql://inmo:s3cret@db.example.com:6543/leads?sslmode=require",
      "jdbc:postgresql://db.example.com:6543/leads?user=inmo&password=s3cret&sslmode=require",
  })
  void everyFormOfTheGuideMeansTheSameConnection(String raw) {
    DatabaseUrl url = DatabaseUrl.parse(raw);

    assertThat(url.host()).isEqualTo("db.example.com");
    assertThat(url.port()).isEqualTo(6543);
    assertThat(url.database()).isEqualTo("leads");
    assertThat(url.username()).isEqualTo("inmo");
    assertThat(url.password()).isEqualTo("s3cret");
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/leads?sslmode=require");
    assertThat(url.r2dbcUrl()).isEqualTo("r2dbc:postgresql://db.example.com:6543/leads?sslMode=require");
  }

  @Test
  void defaultsFollowLibpq() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://app@localhost");

    assertThat(url.port()).isEqualTo(5432);
    assertThat(url.database()).isEqualTo("app");
    assertThat(url.password()).isEmpty();
  }

  @Test
  void percentEncodedCredentialsAreDecoded() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://in%40mo:p%40ss%3Aw%2Ford+x@127.0.0.1/inmo");

    assertThat(url.username()).isEqualTo("in@mo");
    assertThat(url.password()).isEqualTo("p@ss:w/ord+x");
  }

  @Test
  void ipv6HostsAreBracketedAgain() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://postgres@[::1]:5433/inmo");

    assertThat(url.host()).isEqualTo("::1");
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5433/inmo");
  }

  @Test
  void jdbcOnlyParametersStayOutOfTheR2dbcUrl() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://u@h/d?connectTimeout=5&application_name=inmo");

    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/d?connectTimeout=5&application_name=inmo");
    assertThat(url.r2dbcUrl()).isEqualTo("r2dbc:postgresql://h:5432/d?applicationName=inmo");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "mysql://u:secretpw@h/d|must be a PostgreSQL URL",
      "postgresql:///nohost|names no host",
      "' '|empty",
  })
  void badUrlsAreRefusedWithoutLeakingThePassword(String raw, String expected) {
    assertThatThrownBy(() -> DatabaseUrl.parse(raw))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(expected)
        .message().doesNotContain("secretpw");
  }

  @Test
  void describeNeverShowsThePassword() {
    assertThat(DatabaseUrl.parse("postgresql://u:topsecret@h/d").toString())
        .isEqualTo("postgresql://u@h:5432/d");
  }
}
