package com.inmo.activities.agent.llm;

import com.inmo.activities.agent.LlmBudget;
import com.inmo.activities.api.InternalApiClient;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The budget as the api keeps it: {@code POST /internal/v1/llm-budget/checks} (docs/internal-api.md). Any
 * answer but 200 (no broker owns the lead, Redis down) and any failure to reach the api read as
 * {@link LlmBudget.Status#UNKNOWN}: logged, and the model is called.
 */
public final class ApiLlmBudget implements LlmBudget {

  public static final String PATH = "/internal/v1/llm-budget/checks";
  private static final Logger log = LoggerFactory.getLogger(ApiLlmBudget.class);
  private final InternalApiClient api;

  public ApiLlmBudget(InternalApiClient api) {
    this.api = api;
  }

  @Override
  public Status check(String leadId) {
    try {
      InternalApiClient.Response response = api.post(PATH, Map.of("leadId", leadId));
      if (response.status() == 200) {
        return response.as(Status.class);
      }
      log.warn("The LLM budget of lead {} is unknown (the api answered {}); calling the model", leadId,
          response.status());
    } catch (RuntimeException e) {
      log.warn("The LLM budget of lead {} is unknown ({}); calling the model", leadId, e.toString());
    }
    return Status.UNKNOWN;
  }
}
