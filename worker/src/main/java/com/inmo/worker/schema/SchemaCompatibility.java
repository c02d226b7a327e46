package com.inmo.worker.schema;

import com.inmo.activities.api.InternalApiClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before polling for work, the worker asks the api which schema the database holds and refuses to run
 * against one newer than it was built for: its activities would write what the new schema no longer
 * means. The worker never touches the database itself, so it asks the api's internal endpoint; while the
 * api is not up yet (compose starts both at once) it waits, up to a limit.
 */
public final class SchemaCompatibility {

  private static final Logger log = LoggerFactory.getLogger(SchemaCompatibility.class);

  static final String PATH = "/internal/v1/schema";

  private final InternalApiClient api;
  private final String apiUrl;

  public SchemaCompatibility(String apiUrl, String token) {
    this.apiUrl = apiUrl.replaceAll("/+$", "");
    this.api = new InternalApiClient(this.apiUrl, token);
  }

  public static String knownVersion() {
    try (InputStream in = SchemaCompatibility.class.getResourceAsStream("/inmo-build.properties")) {
      Properties props = new Properties();
      props.load(in);
      return props.getProperty("schema.version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for the api, then throws {@link IncompatibleSchemaException} when the schema is newer than known. */
  public void require(Duration maxWait) {
    String current = awaitCurrentVersion(maxWait);
    String known = knownVersion();
    if (compare(current, known) > 0) {
      throw new IncompatibleSchemaException("The database schema is at version " + current
          + " but this worker knows migrations up to " + known + ": deploy the newer worker instead");
    }
    log.info("Database schema at version {} (this worker knows up to {})", current, known);
  }

  private String awaitCurrentVersion(Duration maxWait) {
    Instant deadline = Instant.now().plus(maxWait);
    Duration pause = Duration.ofMillis(200);
    while (true) {
      try {
        InternalApiClient.Response response = api.get(PATH);
        if (response.status() == 401) {
          throw new IncompatibleSchemaException("The api at " + apiUrl
              + " refused INTERNAL_API_TOKEN: set the same value for the api and the worker");
        }
        if (response.status() == 200) {
          return InternalApiClient.JSON.readTree(response.body()).path("current").asText();
        }
        log.info("Waiting for the api's schema endpoint ({} answered {})", apiUrl + PATH, response.status());
      } catch (UncheckedIOException e) {
        log.info("Waiting for the api at {} ...", apiUrl);
      } catch (IOException e) {
        log.info("The api at {} answered something unreadable: {}", apiUrl, e.toString());
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IncompatibleSchemaException("The api at " + apiUrl + " did not answer within "
            + maxWait.toSeconds() + " s: is INMO_API_URL right and the api running?");
      }
      sleep(pause);
      pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(3)) > 0 ? Duration.ofSeconds(3) : pause.multipliedBy(2);
    }
  }

  static int compare(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      long p = i < x.length ? Long.parseLong(x[i]) : 0;
      long q = i < y.length ? Long.parseLong(y[i]) : 0;
      if (p != q) {
        return Long.compare(p, q);
      }
    }
    return 0;
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The worker must not start. */
  public static class IncompatibleSchemaException extends IllegalStateException {
    public IncompatibleSchemaException(String message) {
      super(message);
    }
  }
}
