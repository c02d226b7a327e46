package com.inmo.api.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The polling loop ends with the context: no call to the Bot API after {@code stop()}. */
class LongPollingStopTest {

  @Test
  void stopEndsTheLoop() throws InterruptedException {
    BotApiStub stub = new BotApiStub(LongPollingTest.TOKEN);
    TelegramProperties props = new TelegramProperties(LongPollingTest.TOKEN, "", "", stub.url(), "demo", null,
        null);
    BotApi api = new BotApi(props);
    LongPolling polling = new LongPolling(props, api, null, new WebhookBots(props, null));
    try {
      polling.start();
      await().atMost(Duration.ofSeconds(10)).until(() -> stub.calls("getUpdates").size() >= 2);

      polling.stop();
      int calls = stub.calls.size();
      await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> stub.calls.size() == calls);

      assertThat(polling.isRunning()).isFalse();
      assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("telegram-long-polling"));
    } finally {
      api.destroy();
      stub.close();
    }
  }
}
