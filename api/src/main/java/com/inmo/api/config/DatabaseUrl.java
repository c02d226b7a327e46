package com.inmo.api.config;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A PostgreSQL connection read from {@code DATABASE_URL} in any of the forms the old deployment guide
 * and today's drivers write it, rendered for both drivers the api uses: JDBC (Flyway) and R2DBC (queries).
 *
 * <p>Accepted: {@code postgresql://}, {@code postgres://}, {@code postgresql+asyncpg://} (SQLAlchemy),
 * {@code r2dbc:postgresql://}, {@code r2dbc:postgres://} and {@code jdbc:postgresql://}. Credentials may
 * sit in the authority or in {@code user}/{@code password} query parameters (the JDBC habit).
 */
public record DatabaseUrl(String host, int port, String database, String username, String password,
                          Map<String, String> parameters) {

  private static final int DEFAULT_PORT = 5432;

  public DatabaseUrl {
    // keep the order they were written in: the URLs we render must read like the one given
    parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  public static DatabaseUrl parse(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new IllegalArgumentException("DATABASE_URL is empty");
    }
    String url = raw.trim();
    String rest = stripScheme(url);
    URI uri;
    try {
      uri = URI.create("postgresql://" + rest);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("DATABASE_URL is not a valid URL: " + redact(url), e);
    }
    String host = uri.getHost();
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("DATABASE_URL names no host: " + redact(url));
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();

    Map<String, String> query = parseQuery(uri.getRawQuery());
    String username = query.remove("user");
    String password = query.remove("password");
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null && !userInfo.isEmpty()) {
      int colon = userInfo.indexOf(':');
      username = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
      if (colon >= 0) {
        password = decode(userInfo.substring(colon + 1));
      }
    }
    if (username == null || username.isBlank()) {
      username = "postgres";
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String database = path.startsWith("/") ? decode(path.substring(1)) : decode(path);
    if (database.isBlank()) {
      database = username; // libpq's rule: the database defaults to the user name
    }
    // asyncpg spells libpq's sslmode as "ssl"
    if (query.containsKey("ssl") && !query.containsKey("sslmode")) {
      query.put("sslmode", query.remove("ssl"));
    }
    return new DatabaseUrl(host, port, database, username, password == null ? "" : password, query);
  }

  /** The JDBC form Flyway and psql-minded tools use; credentials travel separately. */
  public String jdbcUrl() {
    return "jdbc:postgresql://" + hostForUrl() + ":" + port + "/" + database + queryString(parameters);
  }

  /** The R2DBC form; option names follow r2dbc-postgresql's spelling. */
  public String r2dbcUrl() {
    Map<String, String> options = new LinkedHashMap<>();
    parameters.forEach((key, value) -> {
      switch (key) {
        case "sslmode" -> options.put("sslMode", value);
        case "application_name", "ApplicationName" -> options.put("applicationName", value);
        case "currentSchema" -> options.put("schema", value);
        default -> { } // JDBC-only tuning knobs have no R2DBC twin; dropping them is safe
      }
    });
    return "r2dbc:postgresql://" + hostForUrl() + ":" + port + "/" + database + queryString(options);
  }

  /** The URL without its password, fit for logs and error messages. */
  public String describe() {
    return "postgresql://" + username + "@" + hostForUrl() + ":" + port + "/" + database;
  }

  private String hostForUrl() {
    return host.contains(":") ? "[" + host + "]" : host;
  }

  private static String stripScheme(String url) {
    String lower = url.toLowerCase();
    for (String scheme : new String[] {"jdbc:postgresql://", "r2dbc:postgresql://", "r2dbc:postgres://",
        "postgresql+asyncpg://", "postgresql+psycopg2://", "postgresql+psycopg://", "postgresql://", "postgres://"}) {
      if (lower.startsWith(scheme)) {
        return url.substring(scheme.length());
      }
    }
    throw new IllegalArgumentException("DATABASE_URL must be a PostgreSQL URL (postgresql://, postgres://, "
        + "postgresql+asyncpg://, r2dbc:postgresql:// or jdbc:postgresql://), got: " + redact(url));
  }

  private static Map<String, String> parseQuery(String rawQuery) {
    Map<String, String> out = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.put(key, value);
    }
    return out;
  }

  private static String queryString(Map<String, String> params) {
    if (params.isEmpty()) {
      return "";
    }
    return params.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&", "?", ""));
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static String encode(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Hides a password so a bad URL can be reported without leaking it. */
  static String redact(String url) {
    return url.replaceAll("(://[^:/@]*:)[^@]*@", "$1***@").replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  @Override
  public String toString() {
    return describe();
  }
}
