package com.inmo.api.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link ApiIntegrationTest} for the accounts and guards tests: the test client (loopback) is a trusted proxy, so
 * its {@code X-Forwarded-For} is believed and each
 * test logs in from an address of its own (login is limited per address in every environment), and a
 * test-only endpoint fails with a database error. One shared context for all the classes that use it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApiIntegrationTest
// open live streams re-check their viewer's access every second, so the tests see it within seconds
@TestPropertySource(properties = {"inmo.trusted-proxies=127.0.0.1,::1", "inmo.events.access-recheck=1s"})
@Import(FailingEndpoint.class)
public @interface AccountsApiTest {
}
