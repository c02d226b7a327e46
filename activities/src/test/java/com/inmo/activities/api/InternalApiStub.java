package com.inmo.activities.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** A local stand-in for the api's internal endpoints (docs/internal-api.md), answering what it is told to. */
public final class InternalApiStub implements AutoCloseable {

  public static final String TOKEN = "test-token";
  public final MockWebServer server = new MockWebServer();

  public InternalApiStub() {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public InternalApiClient client() {
    return new InternalApiClient(server.url("/").toString(), TOKEN);
  }

  public InternalApiStub answer(int status, String json) {
    server.enqueue(new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json")
        .body(json).build());
    return this;
  }

  public RecordedRequest next() {
    try {
      return server.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
