package com.inmo.api.support;

import java.io.IOException;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/** Servers a test owns so it can stop them and watch the api cope (the machine's own must keep running). */
public final class StoppableServers {

  private StoppableServers() {
  }

  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A Redis server on {@code port}, keeping nothing on disk; start it again on the same port after a stop. */
  public static RedisServer startRedis(int port) throws IOException {
    RedisServer server = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
        .setting("save \"\"").onShutdownForceStop(true).build();
    server.start();
    return server;
  }
}
