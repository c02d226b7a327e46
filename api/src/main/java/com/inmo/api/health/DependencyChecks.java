package com.inmo.api.health;

import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.concurrent.TimeUnit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The three dependencies the api cannot work without: PostgreSQL, Redis and Temporal. */
@Configuration(proxyBeanMethods = false)
public class DependencyChecks {

  @Bean
  @Order(1)
  DependencyCheck databaseCheck(DatabaseClient db) {
    return check("database", () -> db.sql("SELECT 1").fetch().first().then());
  }

  @Bean
  @Order(2)
  DependencyCheck redisCheck(ReactiveRedisConnectionFactory redis) {
    return check("redis", () -> Mono.usingWhen(
        Mono.fromSupplier(redis::getReactiveConnection),
        connection -> connection.ping().then(),
        connection -> connection.closeLater()));
  }

  @Bean
  @Order(3)
  DependencyCheck temporalCheck(WorkflowServiceStubs stubs) {
    // GetSystemInfo is answered by every Temporal server, the embedded dev server included.
    return check("temporal", () -> Mono.fromRunnable(() -> stubs.blockingStub()
            .withDeadlineAfter(2, TimeUnit.SECONDS)
            .getSystemInfo(GetSystemInfoRequest.getDefaultInstance()))
        .subscribeOn(Schedulers.boundedElastic())
        .then());
  }

  private static DependencyCheck check(String name, java.util.function.Supplier<Mono<Void>> probe) {
    return new DependencyCheck() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Mono<Void> probe() {
        return Mono.defer(probe);
      }
    };
  }
}
