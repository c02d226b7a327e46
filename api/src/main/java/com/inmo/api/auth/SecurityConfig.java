package com.inmo.api.auth;

import com.inmo.api.internal.InternalServer;
import com.inmo.api.internal.InternalToken;
import com.inmo.api.internal.InternalTokenFilter;
import com.inmo.api.web.DashboardPages;
import com.inmo.api.web.WebGuards;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import javax.crypto.SecretKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * Stateless JWT security: bearer tokens signed HS256 with {@code SECRET_KEY}; the dashboard's REST
 * needs one, health and login do not, the internal endpoints (on the internal port only) take the worker's shared
 * token instead.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfig {

  /** The actuator endpoints the api exposes (management.endpoints.web.exposure in inmo-api.yml). */
  static final String[] METRICS_PATHS = {"/actuator/prometheus", "/actuator/health", "/actuator/health/**"};

  @Bean
  SecretKey jwtSigningKey(@Value("${inmo.secret-key:}") String secret) {
    return JwtKeys.hmacKey(secret);
  }

  @Bean
  JwtEncoder jwtEncoder(SecretKey jwtSigningKey) {
    return new NimbusJwtEncoder(new ImmutableSecret<>(jwtSigningKey));
  }

  /**
   * A signed, unexpired token whose user may still do what it says ({@link AccountStates}): a deactivated, demoted
   * or deleted user, a deactivated broker's, or a session logged out or reset, is refused at the next request. When
   * the database cannot tell, 503: neither let the token through nor call it invalid.
   */
  @Bean
  ReactiveJwtDecoder jwtDecoder(SecretKey jwtSigningKey, AccountStates accounts) {
    ReactiveJwtDecoder signed = NimbusReactiveJwtDecoder.withSecretKey(jwtSigningKey)
        .macAlgorithm(MacAlgorithm.HS256).build();
    return token -> signed.decode(token).flatMap(jwt -> accounts.permits(jwt)
        .onErrorMap(e -> new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
            "The account could not be checked; retry shortly", e))
        .flatMap(ok -> ok ? Mono.just(jwt) : Mono.error(new BadJwtException(AccountStates.ENDED))));
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return new BCryptPasswordEncoder();
  }

  @Bean
  SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http,
                                                @Value("${inmo.internal-api-token:}") String internalToken,
                                                InternalServer internalServer, WebGuards guards,
                                                Environment environment) {
    // Prometheus and its health probe: open on a management port of their own (INMO_METRICS_PORT, inside the
    // compose network), and in development; refused on the public port in production.
    boolean metricsOpen = !guards.production()
        || ManagementPortType.get(environment) == ManagementPortType.DIFFERENT;
    return guards.apply(http)
        .csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .addFilterAt(new InternalTokenFilter(new InternalToken(internalToken), internalServer::port),
            SecurityWebFiltersOrder.FIRST)
        .authorizeExchange(ex -> ex
            .pathMatchers("/health", "/auth/login", "/internal/**", "/webhooks/**",
                "/api/v1/webchat/**").permitAll()
            // the browser coming back from Google's consent page: the signed single-use state authenticates it
            .pathMatchers(HttpMethod.GET, "/oauth/google/callback").permitAll()
            .pathMatchers(WebGuards.PUBLIC_PATHS).permitAll()
            // the dashboard's pages and assets in dev mode (they hold no data; the api calls need a token)
            .pathMatchers(HttpMethod.GET, DashboardPages.publicPatterns()).permitAll()
            .pathMatchers(METRICS_PATHS).access((authentication, context) ->
                Mono.just(new AuthorizationDecision(metricsOpen)))
            .anyExchange().authenticated())
        .oauth2ResourceServer(rs -> rs.bearerTokenConverter(bearerTokensOutsideWebhooks()).jwt(jwt -> { }))
        .build();
  }

  /**
   * Webhooks authenticate with their own secrets (VAPI may send {@code Authorization: Bearer <secret>}), which
   * are no JWTs: the resource server leaves their Authorization header to them.
   */
  static ServerAuthenticationConverter bearerTokensOutsideWebhooks() {
    ServerBearerTokenAuthenticationConverter jwt = new ServerBearerTokenAuthenticationConverter();
    return exchange -> exchange.getRequest().getPath().value().startsWith("/webhooks/")
        ? Mono.empty() : jwt.convert(exchange);
  }
}
