package com.inmo.api.web;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * The address a request came from, for rate limits. Anyone can send {@code X-Forwarded-For}, so it is believed
 * only from the proxies named in {@code TRUSTED_PROXIES} (addresses or CIDR networks; compose: its own network,
 * where nginx runs and through whose gateway a proxy on the host connects). Then the client is the rightmost
 * address of {@code X-Forwarded-For} that is not itself a trusted proxy: each proxy appends the address it was
 * connected from, so everything left of that is whatever the client claimed. Without the header, nginx's
 * {@code X-Real-IP}. A hop that is no IP literal is never looked up: it counts as untrusted.
 */
@Component
public class ClientAddress {

  private final List<Network> trusted;

  public ClientAddress(@Value("${inmo.trusted-proxies:}") String trustedProxies) {
    this.trusted = Arrays.stream(trustedProxies == null ? new String[0] : trustedProxies.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .map(Network::parse)
        .toList();
  }

  public String of(ServerHttpRequest request) {
    String peer = peer(request);
    if (!isTrusted(peer)) {
      return peer;
    }
    String forwarded = request.getHeaders().getFirst("X-Forwarded-For");
    if (forwarded == null || forwarded.isBlank()) {
      String real = request.getHeaders().getFirst("X-Real-IP");
      return real == null || real.isBlank() ? peer : bounded(real.trim());
    }
    String[] hops = forwarded.split(",");
    String leftmost = peer;
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].trim();
      if (hop.isEmpty()) {
        continue;
      }
      if (!isTrusted(hop)) {
        return bounded(hop);
      }
      leftmost = hop;
    }
    return leftmost;
  }

  private boolean isTrusted(String address) {
    if (!InetAddresses.isInetAddress(address)) {
      return false;
    }
    InetAddress parsed = InetAddresses.forString(address);
    return trusted.stream().anyMatch(network -> network.contains(parsed));
  }

  private static String peer(ServerHttpRequest request) {
    InetSocketAddress remote = request.getRemoteAddress();
    if (remote == null) {
      return "unknown";
    }
    return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
  }

  private static String bounded(String hop) {
    return hop.length() > 64 ? hop.substring(0, 64) : hop;
  }

  /** An address or a CIDR network of trusted proxies. */
  private record Network(byte[] address, int prefix) {

    static Network parse(String spec) {
      int slash = spec.indexOf('/');
      String address = slash < 0 ? spec : spec.substring(0, slash);
      try {
        if (!InetAddresses.isInetAddress(address)) {
          throw new IllegalArgumentException("not an IP address");
        }
        byte[] bytes = InetAddresses.forString(address).getAddress();
        int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(spec.substring(slash + 1));
        if (prefix < 0 || prefix > bytes.length * 8) {
          throw new IllegalArgumentException("prefix out of range");
        }
        return new Network(bytes, prefix);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("TRUSTED_PROXIES must list IP addresses or CIDR networks "
            + "(e.g. 172.30.80.0/24), got '" + spec + "'", e);
      }
    }

    boolean contains(InetAddress candidate) {
      byte[] other = candidate.getAddress();
      if (other.length != address.length) {
        return false;
      }
      int whole = prefix / 8;
      for (int i = 0; i < whole; i++) {
        if (other[i] != address[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      int mask = (0xFF << (8 - rest)) & 0xFF;
      return rest == 0 || (other[whole] & mask) == (address[whole] & mask);
    }
  }
}
