package com.inmo.api.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The newest migration version this build ships, filtered from the parent POM's {@code inmo.schema.version}. */
public final class SchemaVersion {

  public static final String KNOWN = load();

  private SchemaVersion() {
  }

  private static String load() {
    try (InputStream in = SchemaVersion.class.getResourceAsStream("/inmo-build.properties")) {
      Properties props = new Properties();
      props.load(in);
      return props.getProperty("schema.version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
