package com.inmo.activities.voice;

import com.inmo.workflows.activity.CallStarted;
import com.inmo.workflows.activity.CallStatusRequest;
import com.inmo.workflows.activity.StartCallRequest;
import com.inmo.workflows.activity.VoiceActivities;
import com.inmo.workflows.call.CallReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real voice provider's activities, the same steps for each: read the broker's voice profile, normalise the
 * lead's number to E.164 in the broker's region (an invalid one fails here, before any HTTP request to the
 * provider), reserve the call in the budget (a cap reached fails here too), and only then ask the provider to
 * dial, recording its call id on the reservation. A retried start whose call was placed already returns that
 * call instead of dialling again.
 */
public abstract class ProviderVoiceActivities implements VoiceActivities {

  private static final Logger log = LoggerFactory.getLogger(ProviderVoiceActivities.class);
  private final String provider;
  private final CallBudget budget;

  protected ProviderVoiceActivities(String provider, CallBudget budget) {
    this.provider = provider;
    this.budget = budget;
  }

  /** Asks the provider to dial {@code e164}; answers the provider's call id. */
  protected abstract String place(StartCallRequest call, String e164, VoiceProfile profile);

  /** The provider's view of the call, mapped through {@code ProviderOutcomes}. */
  protected abstract CallReport poll(String providerCallId, String callWorkflowId);

  @Override
  public CallStarted startCall(StartCallRequest call) {
    VoiceProfile profile = budget.profile(call.brokerSlug());
    String e164 = PhoneNumbers.e164(call.phone(), profile.region());
    CallBudget.Grant grant = budget.reserve(call, provider);
    if (grant.providerCallId() != null) {
      log.info("Call {} was placed before as {} {}: not dialling again", call.idempotencyKey(), provider,
          grant.providerCallId());
      return new CallStarted(provider, grant.providerCallId());
    }
    String id = place(call, e164, profile);
    log.info("{} call {} placed for {}", provider, id, call.callWorkflowId());
    budget.placed(call.idempotencyKey(), provider, id);
    return new CallStarted(provider, id);
  }

  @Override
  public CallReport callStatus(CallStatusRequest request) {
    return poll(request.providerCallId(), request.callWorkflowId());
  }

  protected static String trimSlash(String url) {
    return url == null ? "" : url.trim().replaceAll("/+$", "");
  }
}
