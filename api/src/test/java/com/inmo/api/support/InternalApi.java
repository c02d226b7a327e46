package com.inmo.api.support;

import com.inmo.api.internal.InternalServer;
import com.inmo.api.internal.InternalTokenFilter;
import java.time.Duration;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The api as the worker calls it: on its internal port, with the shared token. */
public final class InternalApi {

  private InternalApi() {
  }

  public static WebTestClient client(InternalServer server) {
    return withoutToken(server).mutate().defaultHeader(InternalTokenFilter.HEADER, TestData.INTERNAL_TOKEN).build();
  }

  public static WebTestClient withoutToken(InternalServer server) {
    return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + server.port())
        .responseTimeout(Duration.ofSeconds(30)).build();
  }
}
