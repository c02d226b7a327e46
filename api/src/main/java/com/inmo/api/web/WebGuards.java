package com.inmo.api.web;

import com.inmo.api.auth.AccountStates;
import com.inmo.api.config.Environments;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The guards {@code ENVIRONMENT=production} turns on, and those every environment has, applied to the
 * security chain: security headers, CORS, problem documents for 401/403, and (production) the request rate
 * limit. Dev mode: no rate limit, CORS for localhost origins, no HSTS.
 */
@Component
public class WebGuards {

  /** Paths anyone may call: token refresh and logout (they carry their own proof) and the API description. */
  public static final String[] PUBLIC_PATHS = {"/auth/refresh", "/auth/logout", "/v3/api-docs", "/v3/api-docs/**",
      "/docs", "/docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**"};

  static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
  /** The browsable API description is a page: its own scripts, styles and images, nothing from elsewhere. */
  static final String DOCS_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
      + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
      + "base-uri 'self'; form-action 'self'";
  /**
   * The dashboard (dev mode): its own scripts and styles, API calls and the live stream to this origin only.
   * No inline script runs, so a lead's text that slipped into markup still could not execute.
   */
  static final String DASHBOARD_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
      + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; media-src 'self' https:; "
      + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
  static final String HSTS = "max-age=31536000; includeSubDomains";

  private final boolean production;
  private final List<String> allowedOrigins;
  private final int perMinute;
  private final RateLimiter limiter;
  private final ClientAddress addresses;
  private final ReactiveJwtDecoder jwt;

  public WebGuards(@Value("${inmo.environment:development}") String environment,
                   @Value("${inmo.allowed-origins:}") String allowedOrigins,
                   @Value("${inmo.rate-limit.per-minute:60}") int perMinute,
                   RateLimiter limiter, ClientAddress addresses, ReactiveJwtDecoder jwt) {
    this.production = Environments.isProduction(environment);
    this.allowedOrigins = origins(allowedOrigins);
    this.perMinute = perMinute;
    this.limiter = limiter;
    this.addresses = addresses;
    this.jwt = jwt;
  }

  public boolean production() {
    return production;
  }

  public ServerHttpSecurity apply(ServerHttpSecurity http) {
    http.headers(headers -> headers
            .frameOptions(f -> f.mode(Mode.DENY))
            .contentTypeOptions(c -> { })
            .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
            // Spring's own HSTS writes only on https requests; behind a TLS-terminating proxy none is
            .hsts(ServerHttpSecurity.HeaderSpec.HstsSpec::disable)
            .writer(this::policyHeaders))
        .cors(cors -> cors.configurationSource(corsSource()))
        .exceptionHandling(e -> e
            .authenticationEntryPoint(WebGuards::unauthorized)
            .accessDeniedHandler(WebGuards::forbidden))
        // the bearer-token checks answer with the same documents (the chain adds the JWT decoder itself)
        .oauth2ResourceServer(rs -> rs
            .authenticationEntryPoint(WebGuards::unauthorized)
            .accessDeniedHandler(WebGuards::forbidden));
    if (production) {
      // after CORS, so a refused browser request still carries the headers that let it read the 429
      http.addFilterAfter(new RequestRateLimitFilter(limiter, addresses, jwt, perMinute), SecurityWebFiltersOrder.CORS);
    }
    return http;
  }

  private Mono<Void> policyHeaders(ServerWebExchange exchange) {
    HttpHeaders headers = exchange.getResponse().getHeaders();
    String path = exchange.getRequest().getPath().value();
    headers.set("Content-Security-Policy", isDocs(path) ? DOCS_CSP
        : DashboardPages.isDashboardPath(path) ? DASHBOARD_CSP : API_CSP);
    if (production) {
      headers.set("Strict-Transport-Security", HSTS);
    }
    return Mono.empty();
  }

  static boolean isDocs(String path) {
    return path.equals("/docs") || path.startsWith("/docs/") || path.startsWith("/swagger-ui")
        || path.startsWith("/webjars/");
  }

  UrlBasedCorsConfigurationSource corsSource() {
    CorsConfiguration cors = new CorsConfiguration();
    if (production) {
      cors.setAllowedOrigins(allowedOrigins);
    } else {
      cors.setAllowedOriginPatterns(List.of("http://localhost:[*]", "http://127.0.0.1:[*]", "https://localhost:[*]",
          "http://[::1]:[*]"));
    }
    cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
    cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT,
        "Last-Event-ID", "X-Requested-With"));
    cors.setExposedHeaders(List.of(HttpHeaders.RETRY_AFTER, HttpHeaders.LOCATION, "X-RateLimit-Limit",
        "X-RateLimit-Remaining"));
    // bearer tokens, not cookies: the browser need not send credentials
    cors.setAllowCredentials(false);
    cors.setMaxAge(3600L);
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration(WEBCHAT_PATHS, webchatCors());
    source.registerCorsConfiguration("/**", cors);
    return source;
  }

  /** The web chat's public endpoints, which the widget calls from any broker's own website. */
  static final String WEBCHAT_PATHS = "/api/v1/webchat/**";

  /**
   * The widget is embedded on brokers' websites, whose origins the api cannot list: the web chat answers
   * any origin. It carries no credentials and reads nothing but the visitor's own session, whose id only
   * that visitor holds; the dashboard's endpoints keep the strict rule above.
   */
  private static CorsConfiguration webchatCors() {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOriginPatterns(List.of("*"));
    cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
    cors.setAllowedHeaders(List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT, "Last-Event-ID"));
    cors.setExposedHeaders(List.of(HttpHeaders.RETRY_AFTER));
    cors.setAllowCredentials(false);
    cors.setMaxAge(3600L);
    return cors;
  }

  static List<String> origins(String raw) {
    if (raw == null || raw.isBlank()) {
      return List.of();
    }
    return Arrays.stream(raw.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s)
        .map(s -> s.toLowerCase(Locale.ROOT))
        .distinct()
        .toList();
  }

  static Mono<Void> forbidden(ServerWebExchange exchange, Exception denied) {
    return ProblemResponses.write(exchange, HttpStatus.FORBIDDEN, "Your role may not do this");
  }

  /** 401 as a problem document, saying whether the token was missing, expired or not valid. */
  static Mono<Void> unauthorized(ServerWebExchange exchange, AuthenticationException ex) {
    String detail;
    String challenge;
    if (ex instanceof InvalidBearerTokenException
        || (ex instanceof org.springframework.security.oauth2.core.OAuth2AuthenticationException oauth
            && oauth.getError() instanceof BearerTokenError)) {
      String message = String.valueOf(ex.getMessage()).toLowerCase(Locale.ROOT);
      detail = message.contains("expired")
          ? "The access token has expired: get a new one with POST /auth/refresh or log in again"
          : String.valueOf(ex.getMessage()).contains(AccountStates.ENDED) ? AccountStates.ENDED
          : "The access token is not valid";
      challenge = "Bearer error=\"invalid_token\", error_description=\"" + detail + "\"";
    } else {
      detail = "Authentication required: send an access token from POST /auth/login as a Bearer token";
      challenge = "Bearer";
    }
    exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
    return ProblemResponses.write(exchange, HttpStatus.UNAUTHORIZED, detail);
  }
}
