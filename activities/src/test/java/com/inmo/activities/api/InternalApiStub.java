package com.inmo.activities.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

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
    server.enqueue(new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
        .setBody(json));
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
    try {
      server.shutdown();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
