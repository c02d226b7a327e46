package com.inmo.api.calendar.google;

import java.time.Duration;
import java.util.Arrays;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The authorization code for tokens at Google's token endpoint ({@code GOOGLE_OAUTH_TOKEN_URL}): a form POST
 * of {@code grant_type=authorization_code}, the code, the client's id and secret, the same redirect URI and
 * PKCE's verifier; the answer {@code {"access_token","expires_in","refresh_token","scope","token_type"}}, or
 * {@code {"error":"invalid_grant","error_description":…}} with a 400.
 */
@Component
public class GoogleTokenExchange {

  private final GoogleCalendarSettings settings;
  private final JsonMapper json;
  private final WebClient http;

  public GoogleTokenExchange(GoogleCalendarSettings settings, JsonMapper json) {
    this.settings = settings;
    this.json = json;
    this.http = WebClient.builder().build();
  }

  /** The tokens that matter here: the refresh token and the scopes granted. */
  public record Granted(String refreshToken, String scope) {

    public boolean calendarGranted() {
      return scope != null && Arrays.asList(scope.split(" ")).contains(GoogleCalendarSettings.SCOPE);
    }

    @Override
    public String toString() {
      return "Granted[scope=" + scope + "]";
    }
  }

  /** Why the exchange did not give a refresh token, as the settings page is told ({@code reason=}). */
  public static final class ExchangeFailed extends RuntimeException {

    private final String reason;

    public ExchangeFailed(String reason, String detail) {
      super(detail);
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }
  }

  public Mono<Granted> exchange(String code, String codeVerifier, String redirectUri) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("grant_type", "authorization_code");
    form.add("code", code);
    form.add("client_id", settings.clientId());
    form.add("client_secret", settings.clientSecret());
    form.add("redirect_uri", redirectUri);
    form.add("code_verifier", codeVerifier);
    return http.post().uri(settings.tokenUrl())
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .accept(MediaType.APPLICATION_JSON)
        .body(BodyInserters.fromFormData(form))
        .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
            .map(body -> read(response.statusCode().value(), body)))
        .timeout(Duration.ofSeconds(15))
        .onErrorMap(e -> !(e instanceof ExchangeFailed),
            e -> new ExchangeFailed("token_exchange", "Google's token endpoint could not be reached: " + e));
  }

  private Granted read(int status, String body) {
    JsonNode node;
    try {
      node = json.readTree(body);
    } catch (RuntimeException e) {
      throw new ExchangeFailed("token_exchange", "token endpoint answered " + status + " with no JSON");
    }
    if (status != 200 || node.hasNonNull("error")) {
      String error = node.path("error").asString("http_" + status);
      throw new ExchangeFailed("token_exchange", "token endpoint answered " + status + ": " + error);
    }
    String refresh = node.path("refresh_token").asString("");
    if (refresh.isBlank()) {
      throw new ExchangeFailed("no_refresh_token", "Google gave no refresh token (access_type=offline, prompt=consent)");
    }
    return new Granted(refresh, node.path("scope").asString(""));
  }
}
