package com.inmo.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.support.AccountsApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@AccountsApiTest
class OpenApiTest {

  @Autowired
  WebTestClient http;

  @Test
  @SuppressWarnings("unchecked")
  void theDescriptionIsPublicAndListsTheAccountEndpointsWithTheBearerScheme() {
    // the first description is built on demand from every controller: seconds on a loaded build machine
    Map<String, Object> doc = http.mutate().responseTimeout(java.time.Duration.ofSeconds(30)).build()
        .get().uri("/v3/api-docs").exchange()
        .expectStatus().isOk()
        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
        .returnResult().getResponseBody();

    Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
    assertThat(paths).containsKeys("/auth/login", "/auth/refresh", "/auth/logout", "/auth/me", "/api/v1/brokers",
        "/api/v1/brokers/current", "/api/v1/brokers/{id}", "/api/v1/users", "/api/v1/users/{id}",
        "/api/v1/users/{id}/password");
    assertThat(paths.get("/api/v1/brokers/{id}")).containsKeys("get", "put", "delete");
    assertThat(paths.get("/api/v1/users/{id}")).containsKeys("get", "patch", "delete");
    assertThat(paths.get("/api/v1/users")).containsKeys("get", "post");
    Map<String, Object> schemes = (Map<String, Object>) ((Map<String, Object>) doc.get("components"))
        .get("securitySchemes");
    assertThat((Map<String, Object>) schemes.get(OpenApiConfig.BEARER))
        .containsEntry("type", "http").containsEntry("scheme", "bearer").containsEntry("bearerFormat", "JWT");
    assertThat(doc.get("security").toString()).contains(OpenApiConfig.BEARER);
  }

  @Test
  void theBrowsableUiAnswersAtDocs() {
    String location = http.get().uri("/docs").exchange()
        .expectStatus().is3xxRedirection()
        .returnResult(Void.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);
    assertThat(location).isNotNull();

    String page = http.get().uri(location).exchange()
        .expectStatus().isOk()
        .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
        .expectHeader().valueEquals("Content-Security-Policy", WebGuards.DOCS_CSP)
        .expectBody(String.class).returnResult().getResponseBody();
    assertThat(page).containsIgnoringCase("swagger-ui");
    http.get().uri("/v3/api-docs/swagger-config").exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.url").isEqualTo("/v3/api-docs");
  }
}
