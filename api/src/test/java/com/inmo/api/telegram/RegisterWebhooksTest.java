package com.inmo.api.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code register-webhooks} against the local Bot API stub: what it registered, and what Telegram says. */
class RegisterWebhooksTest {

  static final String TOKEN = "123456:register-token";
  static final String URL = "https://api.inmo.test/webhooks/telegram";
  final BotApiStub telegram = new BotApiStub(TOKEN);

  @AfterEach
  void stop() {
    telegram.close();
  }

  record Result(int exit, String out) {
  }

  Result register(Map<String, String> env) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit = RegisterWebhooks.run(new String[] {"register-webhooks"}, env,
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8);
    System.out.print(text);
    return new Result(exit, text);
  }

  Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("TELEGRAM_TOKEN", TOKEN);
    env.put("TELEGRAM_WEBHOOK_URL", URL);
    env.put("TELEGRAM_WEBHOOK_SECRET", "the-webhook-secret");
    env.put("TELEGRAM_API_URL", telegram.url());
    env.put("VOICE_PROVIDER", "vapi");
    env.put("WEBHOOK_BASE_URL", "https://api.inmo.test/");
    env.put("VAPI_WEBHOOK_SECRET", "the-vapi-secret");
    return env;
  }

  @Test
  void setsTheWebhookWithTheSecretAndPrintsWhatTelegramSaysAndTheVoiceUrl() {
    Result result = register(env());

    assertThat(result.exit()).isZero();
    String body = telegram.calls("setWebhook").get(0).body();
    assertThat(BotApiStub.multipartField(body, "url")).isEqualTo(URL);
    assertThat(BotApiStub.multipartField(body, "secret_token")).isEqualTo("the-webhook-secret");
    assertThat(telegram.calls("getWebhookInfo")).hasSize(1);
    assertThat(result.out()).isEqualTo(
        "Telegram: setWebhook " + URL + " with the secret token, updates message, edited_message, my_chat_member: accepted\n"
            + "Telegram: getWebhookInfo url " + URL + ", pending updates 0, allowed updates message, edited_message, "
            + "my_chat_member, last error none\n"
            + "Voice: vapi is given https://api.inmo.test/webhooks/voice/vapi as the server URL of each call (set per "
            + "call, nothing to register)\n");
  }

  @Test
  void aRefusedTokenIsExit1WithTelegramsAnswer() {
    Map<String, String> env = env();
    env.put("TELEGRAM_TOKEN", "999:not-this-bot");

    Result result = register(env);

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.out()).contains("Telegram: FAIL setWebhook " + URL + " refused: 401");
  }

  @Test
  void withoutASecretNothingIsRegistered() {
    Map<String, String> env = env();
    env.remove("TELEGRAM_WEBHOOK_SECRET");

    Result result = register(env);

    assertThat(result.exit()).isEqualTo(1);
    assertThat(telegram.calls("setWebhook")).isEmpty();
    assertThat(result.out()).contains("Telegram: FAIL TELEGRAM_WEBHOOK_SECRET is not set");
  }

  @Test
  void pollingOrNoBotAndSimulatedVoiceHaveNothingToRegister() {
    Result polling = register(Map.of("TELEGRAM_TOKEN", TOKEN, "TELEGRAM_API_URL", telegram.url()));
    assertThat(polling.exit()).isZero();
    assertThat(polling.out()).startsWith("Telegram: TELEGRAM_WEBHOOK_URL is not set: the api long-polls Telegram")
        .contains("Voice: VOICE_PROVIDER=simulated: no provider calls back from outside");

    Result none = register(Map.of());
    assertThat(none.exit()).isZero();
    assertThat(none.out()).startsWith("Telegram: TELEGRAM_TOKEN is not set: no default bot, nothing to register");
    assertThat(telegram.calls).isEmpty();

    Result off = register(Map.of("ENVIRONMENT", "production"));
    assertThat(off.exit()).isZero();
    assertThat(off.out()).contains("Voice: VOICE_PROVIDER is not set: calling off (production never uses the "
        + "simulator), nothing to register");
  }

  @Test
  void aVoiceProviderWithoutItsWebhookSecretIsExit1() {
    Map<String, String> env = env();
    env.remove("VAPI_WEBHOOK_SECRET");
    Result result = register(env);
    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.out()).contains("Voice: FAIL VOICE_PROVIDER=vapi needs VAPI_WEBHOOK_SECRET");
  }

  @Test
  void aVoiceProviderWithoutAnHttpsBaseUrlIsExit1() {
    Map<String, String> env = new HashMap<>(Map.of("VOICE_PROVIDER", "bland"));
    assertThat(register(env).out()).contains("Voice: FAIL VOICE_PROVIDER=bland needs WEBHOOK_BASE_URL");
    env.put("WEBHOOK_BASE_URL", "http://api.inmo.test");
    Result result = register(env);
    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.out()).contains("Voice: FAIL WEBHOOK_BASE_URL must be https (bland calls back over HTTPS only): "
        + "http://api.inmo.test/webhooks/voice/bland");
  }
}
