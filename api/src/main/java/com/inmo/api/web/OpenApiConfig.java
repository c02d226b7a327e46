package com.inmo.api.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description ({@code /v3/api-docs}, browsable at {@code /docs}). Every operation takes the bearer
 * token from {@code POST /auth/login} unless it says otherwise. The worker's {@code /internal/**} endpoints are left
 * out ({@code springdoc.paths-to-exclude}): they are served on the internal port only, and docs/internal-api.md is
 * their contract.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {

  public static final String BEARER = "bearer";

  @Bean
  OpenAPI inmoOpenApi() {
    return new OpenAPI()
        .info(new Info().title("Inmo API").version("v1")
            .description("AI lead agent for real-estate brokers: accounts, tenants, leads, pipeline, live events."))
        .components(new Components()
            .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("The access_token from POST /auth/login")))
        .addSecurityItem(new SecurityRequirement().addList(BEARER));
  }
}
