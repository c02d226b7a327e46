package com.inmo.activities.voice.vapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.inmo.activities.voice.CallBudget;
import com.inmo.activities.voice.ProviderHttp;
import com.inmo.activities.voice.ProviderJson;
import com.inmo.activities.voice.ProviderVoiceActivities;
import com.inmo.activities.voice.VoiceProfile;
import com.inmo.workflows.activity.StartCallRequest;
import com.inmo.workflows.call.CallReport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The {@code vapi} voice provider: {@code POST {VAPI_BASE_URL}/call} with a transient assistant (the broker's
 * persona, the call's purpose, what is known of the lead, the qualification fields to extract, our webhook and
 * the call's metadata), and {@code GET /call/{id}} when the end-of-call report did not arrive.
 */
public class VapiVoiceActivities extends ProviderVoiceActivities {

  private final VapiSettings settings;
  private final ProviderHttp http = new ProviderHttp("VAPI", Duration.ofSeconds(20));

  public VapiVoiceActivities(VapiSettings settings, CallBudget budget) {
    super("vapi", budget);
    this.settings = settings;
  }

  private Map<String, String> auth() {
    return Map.of("Authorization", "Bearer " + settings.apiKey());
  }

  @Override
  protected String place(StartCallRequest call, String e164, VoiceProfile profile) {
    JsonNode created = http.post(settings.baseUrl() + "/call", auth(),
        VapiCalls.createCall(settings, call, e164, profile));
    String id = ProviderJson.text(created.get("id"));
    if (id == null) {
      throw new IllegalStateException("VAPI created a call without an id: " + created);
    }
    return id;
  }

  @Override
  protected CallReport poll(String providerCallId, String callWorkflowId) {
    JsonNode call = http.get(settings.baseUrl() + "/call/" + URLEncoder.encode(providerCallId, StandardCharsets.UTF_8),
        auth());
    return VapiCalls.report(callWorkflowId, call);
  }
}
