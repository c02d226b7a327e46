package com.inmo.api.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * Lets the codecs hold a whole 1 MB internal body (their default is 256 KB), so that the size limit is
 * {@link BodySizeLimitFilter}'s to enforce, with its 413, per endpoint.
 */
@Configuration(proxyBeanMethods = false)
public class CodecConfig implements WebFluxConfigurer {

  @Override
  public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
    configurer.defaultCodecs().maxInMemorySize((int) BodySizeLimitFilter.INTERNAL_LIMIT + 64 * 1024);
  }
}
