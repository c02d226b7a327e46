package com.inmo.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.support.AccountsApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The dashboard as dev mode serves it (a fixture build under src/test/resources/inmo-dashboard): pages answer
 * index.html without a token, assets are cached for good, and the api's own paths keep their answers.
 */
@AccountsApiTest
class DashboardPagesTest {

  @Autowired
  WebTestClient http;

  @Test
  void everyClientRouteAnswersTheAppWithoutAToken() {
    for (String page : new String[] {"/", "/login", "/leads", "/leads/5f1c3c1e-0000-4000-8000-000000000001",
        "/pipeline", "/inbox", "/settings", "/test-chat"}) {
      String body = http.get().uri(page).accept(MediaType.TEXT_HTML).exchange()
          .expectStatus().isOk()
          .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
          .expectHeader().valueEquals("Content-Security-Policy", WebGuards.DASHBOARD_CSP)
          .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
          .expectBody(String.class).returnResult().getResponseBody();
      assertThat(body).as(page).contains("Inmo test dashboard");
    }
  }

  @Test
  void fingerprintedAssetsAreCachedForAYearAndTheWidgetIsNot() {
    http.get().uri("/assets/main-test.js").exchange()
        .expectStatus().isOk()
        .expectHeader().value(HttpHeaders.CACHE_CONTROL, v -> assertThat(v).contains("max-age=31536000", "immutable"));
    http.get().uri("/widget.js").exchange()
        .expectStatus().isOk()
        .expectHeader().contentTypeCompatibleWith("text/javascript")
        .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache");
    http.get().uri("/assets/missing.js").exchange().expectStatus().isNotFound();
  }

  @Test
  void theApisOwnPathsAreNotTakenByThePages() {
    http.get().uri("/api/v1/leads").exchange().expectStatus().isUnauthorized()
        .expectHeader().valueEquals("Content-Security-Policy", WebGuards.API_CSP);
    http.get().uri("/auth/me").exchange().expectStatus().isUnauthorized();
    http.get().uri("/health").exchange().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
    // an unknown top-level path is not a page: no index.html for it
    http.get().uri("/wp-admin").exchange().expectStatus().value(s -> assertThat(s).isIn(401, 404));
  }

  @Test
  void pagesAreReadOnly() {
    http.post().uri("/leads").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
        .expectStatus().value(s -> assertThat(s).isIn(401, 404, 405));
  }
}
