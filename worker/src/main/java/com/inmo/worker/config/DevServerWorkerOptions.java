package com.inmo.worker.config;

import io.temporal.spring.boot.WorkerOptionsCustomizer;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded dev server keeps a restarted worker's workflows waiting on the dead worker's sticky queue
 * (signals unprocessed, queries timing out). With no sticky schedule-to-start wait, a restarted worker
 * picks its workflows up within a second. A real cluster handles this itself, so only dev mode sets it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "inmo.temporal-dev-server", havingValue = "true")
public class DevServerWorkerOptions {

  @Bean
  WorkerOptionsCustomizer noStickyWaitOnDevServer() {
    return (WorkerOptions.Builder builder, String workerName, String taskQueue) ->
        builder.setStickyQueueScheduleToStartTimeout(Duration.ZERO);
  }
}
