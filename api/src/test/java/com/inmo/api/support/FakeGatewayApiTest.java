package com.inmo.api.support;

import com.inmo.api.gateway.FakeLeadGateway;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * {@link ApiIntegrationTest} with the lead workflows in memory ({@link FakeLeadGateway}, autowire it to script a
 * lead's state and read what the api sent it): for tests of the api's own behaviour, which need no workflow to
 * run. One shared context for all the classes that use it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApiIntegrationTest
@Import(FakeLeadGateway.class)
public @interface FakeGatewayApiTest {
}
