package com.inmo.api.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

/**
 * The api as it runs, on a random port, against the machine's PostgreSQL (a database of its own, see
 {@link TestDatabaseEnvironmentPostProcessor}) and Redis, and the Temporal test environment.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.config.name=inmo-api", "spring.temporal.test-server.enabled=true",
        "inmo.demo.seed=true", "inmo.internal-api-token=test-internal-token"})
@AutoConfigureWebTestClient
public @interface ApiIntegrationTest {
}
