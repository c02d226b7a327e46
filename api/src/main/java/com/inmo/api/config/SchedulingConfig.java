package com.inmo.api.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The api's periodic chores ({@code @Scheduled} methods, e.g. deleting abandoned web chat sessions). Each
 * replica runs them; they are written to be idempotent, so two replicas doing one is harmless.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class SchedulingConfig {
}
