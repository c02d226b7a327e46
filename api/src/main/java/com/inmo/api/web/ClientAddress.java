package com.inmo.api.web;

import java.net.InetSocketAddress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * The address a request came from, for rate limits. {@code X-Forwarded-For} is believed only with
 * {@code inmo.trust-forwarded-for=true} (the api behind a proxy that sets it): anyone can send the header,
 * so otherwise it would let a client pick a fresh identity per request. The last entry is taken, the one
 * the nearest proxy appended; earlier entries are whatever the client claimed.
 */
@Component
public class ClientAddress {

  private final boolean trustForwardedFor;

  public ClientAddress(@Value("${inmo.trust-forwarded-for:false}") boolean trustForwardedFor) {
    this.trustForwardedFor = trustForwardedFor;
  }

  public String of(ServerHttpRequest request) {
    if (trustForwardedFor) {
      String forwarded = request.getHeaders().getFirst("X-Forwarded-For");
      if (forwarded != null && !forwarded.isBlank()) {
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
          String hop = hops[i].trim();
          if (!hop.isEmpty() && !hop.equalsIgnoreCase("unknown")) {
            return hop.length() > 64 ? hop.substring(0, 64) : hop;
          }
        }
      }
    }
    InetSocketAddress remote = request.getRemoteAddress();
    if (remote == null) {
      return "unknown";
    }
    return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
  }
}
