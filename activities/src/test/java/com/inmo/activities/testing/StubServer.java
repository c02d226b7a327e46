package com.inmo.activities.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A local stand-in for a provider's HTTP API: a started MockWebServer that records every request and
 * hands it to {@link #answer}. A stub that throws answers 500 with the exception, so a broken stub shows as
 * a failing request rather than a hung one. Subclasses speak one provider's wire format each.
 */
public abstract class StubServer implements AutoCloseable {

  public final MockWebServer server = new MockWebServer();
  /** Every request, in the order it arrived. */
  public final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

  protected StubServer() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        requests.add(request);
        try {
          return answer(request);
        } catch (Exception e) {
          e.printStackTrace();
          return new MockResponse().setResponseCode(500).setBody(String.valueOf(e));
        }
      }
    });
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The provider's answer to one request. */
  protected abstract MockResponse answer(RecordedRequest request) throws Exception;

  /** The server's root without the trailing slash, as base-URL settings take it. */
  public String baseUrl() {
    return server.url("/").toString().replaceAll("/$", "");
  }

  public List<RecordedRequest> requests(String method, String pathPrefix) {
    return requests.stream().filter(r -> r.getMethod().equals(method) && r.getPath().startsWith(pathPrefix)).toList();
  }

  protected static MockResponse json(int status, String body) {
    return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json; charset=utf-8")
        .setBody(body);
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
