package com.inmo.api.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The newest migration version this build ships, filtered from the parent POM's {@code inmo.schema.version}, and
 * the build's own version (what a backup's manifest records).
 */
public final class SchemaVersion {

  private static final Properties BUILD = load();
  public static final String KNOWN = BUILD.getProperty("schema.version");
  public static final String APP = BUILD.getProperty("app.version");

  private SchemaVersion() {
  }

  private static Properties load() {
    try (InputStream in = SchemaVersion.class.getResourceAsStream("/inmo-build.properties")) {
      Properties props = new Properties();
      props.load(in);
      return props;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
