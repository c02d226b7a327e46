package com.inmo.activities.voice.bland;

import com.fasterxml.jackson.databind.JsonNode;
import com.inmo.activities.voice.CallBudget;
import com.inmo.activities.voice.ProviderHttp;
import com.inmo.activities.voice.ProviderJson;
import com.inmo.activities.voice.ProviderVoiceActivities;
import com.inmo.activities.voice.VoiceProfile;
import com.inmo.workflows.activity.StartCallRequest;
import com.inmo.workflows.call.CallReport;
import io.temporal.failure.ApplicationFailure;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The {@code bland} voice provider: {@code POST {BLAND_BASE_URL}/v1/calls} with the briefing as the call's task,
 * our webhook and the call's metadata, and {@code GET /v1/calls/{id}} when the webhook did not arrive.
 */
public class BlandVoiceActivities extends ProviderVoiceActivities {

  private final BlandSettings settings;
  private final ProviderHttp http = new ProviderHttp("Bland", Duration.ofSeconds(20));

  public BlandVoiceActivities(BlandSettings settings, CallBudget budget) {
    super("bland", budget);
    this.settings = settings;
  }

  private Map<String, String> auth() {
    return Map.of("authorization", settings.apiKey());
  }

  @Override
  protected String place(StartCallRequest call, String e164, VoiceProfile profile) {
    JsonNode answer = http.post(settings.baseUrl() + "/v1/calls", auth(), BlandCalls.sendCall(settings, call, e164,
        profile));
    String id = ProviderJson.text(answer.get("call_id"));
    if (!"success".equalsIgnoreCase(ProviderJson.text(answer.get("status"))) || id == null) {
      throw ApplicationFailure.newNonRetryableFailure("Bland did not queue the call: " + answer,
          ProviderHttp.REJECTED);
    }
    return id;
  }

  @Override
  protected CallReport poll(String providerCallId, String callWorkflowId) {
    JsonNode call = http.get(settings.baseUrl() + "/v1/calls/"
        + URLEncoder.encode(providerCallId, StandardCharsets.UTF_8), auth());
    return BlandCalls.report(callWorkflowId, providerCallId, call);
  }
}
