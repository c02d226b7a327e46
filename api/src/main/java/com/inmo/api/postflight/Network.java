package com.inmo.api.postflight;

import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * How postflight reaches the public URLs: the TLS trust (the JDK's own: a certificate the world's browsers would
 * refuse fails here too), the port plain HTTP is tried on, and how long each request may take. Tests bring a trust
 * holding their self-signed certificate and a local port.
 */
record Network(SSLContext tls, int plainHttpPort, Duration timeout) {

  static Network system() {
    try {
      return new Network(SSLContext.getDefault(), 80, Duration.ofSeconds(10));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no default TLS context", e);
    }
  }
}
