package com.inmo.api.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code manifest.json} of a backup directory: when and by which build it was taken, the PostgreSQL server and
 * {@code pg_dump} versions, and per database its archive's size and SHA-256 (checked before any restore) and the
 * schema version it holds (Flyway's for the app, Temporal's {@code schema_version} for Temporal's two).
 *
 * @param createdAt ISO-8601 instant; what retention ({@code --keep-days}) goes by
 */
public record BackupManifest(int format, String createdAt, String appVersion, String postgresServer, String pgDump,
                             List<Archive> databases) {

  public static final String FILE = "manifest.json";
  static final int FORMAT = 1;
  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();

  public BackupManifest {
    databases = databases == null ? List.of() : List.copyOf(databases);
  }

  /**
   * One database's archive.
   *
   * @param role which of the stack's databases: {@value BackupTargets#APP}, {@value BackupTargets#TEMPORAL} or
   *             {@value BackupTargets#VISIBILITY}; a restore maps it onto the target's database of that role
   */
  public record Archive(String role, String database, String file, long bytes, String sha256, String schemaVersion) {
  }

  /** Written beside the archives, last, so a directory with a manifest holds a complete backup. */
  void write(Path dir) throws IOException {
    Path partial = dir.resolve(FILE + ".partial");
    try {
      Files.writeString(partial, JSON.writeValueAsString(this) + "\n");
    } catch (JacksonException e) {
      throw new IOException("could not write " + FILE + ": " + e.getOriginalMessage(), e);
    }
    Files.move(partial, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
  }

  /** The directory's manifest; a missing or unreadable one says why in the exception's message. */
  static BackupManifest read(Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    try {
      return JSON.readValue(Files.readString(file), BackupManifest.class);
    } catch (NoSuchFileException e) {
      throw new IOException("no " + FILE + " in " + dir + ": not a backup directory (or an incomplete one)", e);
    } catch (JacksonException e) {
      throw new IOException(file + " is not a backup manifest: " + e.getOriginalMessage(), e);
    }
  }

  Archive archive(String role) {
    return databases.stream().filter(a -> role.equals(a.role())).findFirst().orElse(null);
  }
}
