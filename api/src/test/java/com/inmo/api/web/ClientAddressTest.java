package com.inmo.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

/** Whose address a request is: the peer's, unless the peer is a trusted proxy, which then tells. */
class ClientAddressTest {

  /** The compose network (nginx, and the host's Caddy through Docker's gateway), and the loopback. */
  final ClientAddress behindProxies = new ClientAddress("172.30.80.0/24, 127.0.0.1");

  static MockServerHttpRequest.BaseBuilder<?> from(String peer) {
    return MockServerHttpRequest.get("/auth/login").remoteAddress(new InetSocketAddress(peer, 40000));
  }

  @Test
  void aClientConnectingDirectlyIsItsPeerAddressWhateverItClaims() {
    assertThat(behindProxies.of(from("203.0.113.7").header("X-Forwarded-For", "198.51.100.1")
        .header("X-Real-IP", "198.51.100.2").build())).isEqualTo("203.0.113.7");
    assertThat(new ClientAddress("").of(from("172.30.80.5").header("X-Forwarded-For", "198.51.100.1").build()))
        .as("no trusted proxy configured").isEqualTo("172.30.80.5");
  }

  @Test
  void behindATrustedProxyTheRightmostUntrustedForwardedAddressIsTheClient() {
    // nginx (172.30.80.5) appended what Caddy (Docker's gateway) told it, which appended the real client
    assertThat(behindProxies.of(from("172.30.80.5")
        .header("X-Forwarded-For", "198.51.100.66, 203.0.113.9, 172.30.80.1").build())).isEqualTo("203.0.113.9");
    // the client's own claims to the left are never taken
    assertThat(behindProxies.of(from("172.30.80.5").header("X-Forwarded-For", "10.9.9.9").build()))
        .isEqualTo("10.9.9.9");
  }

  @Test
  void nginxsXRealIpServesWhenThereIsNoForwardedFor() {
    assertThat(behindProxies.of(from("172.30.80.5").header("X-Real-IP", "203.0.113.9").build()))
        .isEqualTo("203.0.113.9");
    assertThat(behindProxies.of(from("172.30.80.5").build())).isEqualTo("172.30.80.5");
  }

  @Test
  void aChainOfTrustedHopsOnlyIsTheLeftmost() {
    assertThat(behindProxies.of(from("127.0.0.1").header("X-Forwarded-For", "172.30.80.1, 172.30.80.5").build()))
        .isEqualTo("172.30.80.1");
  }

  @Test
  void aHopThatIsNoAddressIsUntrustedAndNeverLookedUp() {
    assertThat(behindProxies.of(from("172.30.80.5").header("X-Forwarded-For", "203.0.113.9, localhost").build()))
        .isEqualTo("localhost");
  }

  @Test
  void ipv6ProxiesAndClientsWork() {
    ClientAddress v6 = new ClientAddress("fd00:1::/64");
    assertThat(v6.of(from("fd00:1::5").header("X-Forwarded-For", "2001:db8::7").build())).isEqualTo("2001:db8::7");
  }

  @Test
  void aTrustedProxyThatIsNoAddressOrNetworkStopsTheStart() {
    assertThatThrownBy(() -> new ClientAddress("nginx")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TRUSTED_PROXIES").hasMessageContaining("nginx");
  }
}
