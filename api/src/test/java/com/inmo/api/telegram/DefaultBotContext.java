package com.inmo.api.telegram;

import com.inmo.api.support.ApiIntegrationTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

/**
 * The api with the default bot in webhook mode against a {@link BotApiStub}: one context shared by the
 * Telegram test classes that use this annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApiIntegrationTest
@ContextConfiguration(initializers = DefaultBotContext.Stub.class)
@interface DefaultBotContext {

  String TOKEN = "7000000001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
  String SECRET = "wh-secret_0123456789abcdef";
  String WEBHOOK_URL = "https://inmo.example.cl/webhooks/telegram";
  String DEFAULT_BROKER = "demo";

  final class Stub implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final BotApiStub BOT_API = new BotApiStub(TOKEN);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("telegramStub", Map.of(
          "inmo.telegram.token", TOKEN,
          "inmo.telegram.webhook-url", WEBHOOK_URL,
          "inmo.telegram.webhook-secret", SECRET,
          "inmo.telegram.api-url", BOT_API.url(),
          "inmo.telegram.default-broker", DEFAULT_BROKER,
          // the tests change what the stub answers and read /health right after
          "inmo.telegram.health-cache-ttl", "0s")));
    }
  }
}
