package com.inmo.activities.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.inmo.activities.agent.AgentTurnActivities;
import com.inmo.activities.agent.OfflineConversationalAgent;
import com.inmo.activities.agent.OptOutGuard;
import com.inmo.activities.api.InternalApiClient;
import com.inmo.activities.api.InternalApiStub;
import com.inmo.workflows.activity.TeamNotification;
import com.inmo.workflows.agent.AgentTurnResult;
import com.inmo.workflows.agent.Intent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The broker's daily LLM budget, asked of the api before a model is called: a spent budget calls no
 * provider and hands the lead to the team with a graceful reply; the team is told once; the offline agent
 * costs nothing and never asks; an opt-out is answered before the budget matters.
 */
class LlmBudgetBeforeProvidersTest {

  private static final String SPENT = """
      {"brokerSlug":"demo","day":"2026-12-01","turns":2000,"turnsLimit":2000,"costUsd":3.41,"budgetUsd":20,
       "spent":true,"notifyTeam":%s}""";
  private static final String AVAILABLE = """
      {"brokerSlug":"demo","day":"2026-12-01","turns":12,"turnsLimit":2000,"costUsd":0.05,"budgetUsd":20,
       "spent":false,"notifyTeam":false}""";

  private MockWebServer llm;
  private InternalApiStub api;
  private final Fixtures.Records records = new Fixtures.Records();
  private final List<TeamNotification> told = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    llm = new MockWebServer();
    llm.start();
    api = new InternalApiStub();
  }

  @AfterEach
  void stop() throws Exception {
    llm.shutdown();
    api.close();
  }

  private AgentTurnActivities activities(ProviderKind kind) {
    String root = llm.url("/").toString().replaceAll("/$", "");
    return new AgentTurnActivities(List.of(Fixtures.agent(WireFormat.of(kind), root, records)),
        new ApiLlmBudget(api.client()), told::add);
  }

  @ParameterizedTest
  @EnumSource(ProviderKind.class)
  void aSpentBudgetCallsNoProviderAndHandsTheLeadToTheTeamTellingItOnce(ProviderKind kind) throws Exception {
    api.answer(200, SPENT.formatted("true")).answer(200, SPENT.formatted("false"));
    AgentTurnActivities activities = activities(kind);

    AgentTurnResult first = activities.converse(Fixtures.request("me llamo Juan y busco en Ñuñoa"));
    AgentTurnResult second = activities.converse(Fixtures.request("¿sigues ahí?"));

    for (AgentTurnResult result : List.of(first, second)) {
      assertThat(result.reply()).isEqualTo(SafeReplies.BUDGET_SPENT_REPLY);
      assertThat(result.wantsHuman()).isTrue();
      assertThat(result.optOut()).isFalse();
      assertThat(result.intent()).isEqualTo(Intent.OTHER);
    }
    assertThat(llm.getRequestCount()).as("no model was called").isZero();
    assertThat(records.calls).isEmpty();
    RecordedRequest check = api.next();
    assertThat(check.getMethod()).isEqualTo("POST");
    assertThat(check.getPath()).isEqualTo("/internal/v1/llm-budget/checks");
    assertThat(check.getHeader("X-Internal-Token")).isEqualTo(InternalApiStub.TOKEN);
    JsonNode body = InternalApiClient.JSON.readTree(check.getBody().readUtf8());
    assertThat(body.path("leadId").asText()).isEqualTo("lead-demo-telegram-42");
    assertThat(told).singleElement().satisfies(n -> {
      assertThat(n.brokerSlug()).isEqualTo("demo");
      assertThat(n.kind()).isEqualTo("LLM_BUDGET_SPENT");
      assertThat(n.key()).isEqualTo("llm-budget-spent:demo:2026-12-01");
      assertThat(n.text()).contains("2000 turnos", "US$ 20", "una persona del equipo");
    });
  }

  @ParameterizedTest
  @EnumSource(ProviderKind.class)
  void withBudgetLeftTheModelAnswers(ProviderKind kind) {
    api.answer(200, AVAILABLE);
    llm.enqueue(WireFormat.of(kind).ok(Fixtures.goodTurn(), 800, 90));

    AgentTurnResult result = activities(kind).converse(Fixtures.request("me llamo Juan y busco en Ñuñoa"));

    assertThat(result.intent()).isEqualTo(Intent.PROVIDE_INFO);
    assertThat(llm.getRequestCount()).isOne();
    assertThat(told).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {404, 500, 503})
  void whenTheApiCannotTellTheModelIsCalledAnyway(int status) {
    api.answer(status, "{\"status\":" + status + "}");
    llm.enqueue(WireFormat.of(ProviderKind.GEMINI).ok(Fixtures.goodTurn(), 800, 90));

    AgentTurnResult result = activities(ProviderKind.GEMINI).converse(Fixtures.request("me llamo Juan"));

    assertThat(result.intent()).isEqualTo(Intent.PROVIDE_INFO);
    assertThat(llm.getRequestCount()).isOne();
  }

  @Test
  void anUnreachableApiDoesNotStopTheTurn() throws Exception {
    InternalApiClient nowhere = new InternalApiClient("http://127.0.0.1:1", "t");
    llm.enqueue(WireFormat.of(ProviderKind.OPENAI).ok(Fixtures.goodTurn(), 800, 90));
    String root = llm.url("/").toString().replaceAll("/$", "");
    AgentTurnActivities activities = new AgentTurnActivities(List.of(Fixtures.agent(WireFormat.of(ProviderKind.OPENAI),
        root, records)), new ApiLlmBudget(nowhere), told::add);

    assertThat(activities.converse(Fixtures.request("me llamo Juan")).intent()).isEqualTo(Intent.PROVIDE_INFO);
  }

  @Test
  void anOptOutIsAnsweredBeforeTheBudgetIsAsked() {
    AgentTurnResult result = activities(ProviderKind.CLAUDE).converse(Fixtures.request("STOP"));

    assertThat(result.optOut()).isTrue();
    assertThat(result.reply()).isEqualTo(OptOutGuard.OPT_OUT_REPLY);
    assertThat(api.server.getRequestCount()).isZero();
    assertThat(llm.getRequestCount()).isZero();
  }

  @Test
  void theOfflineAgentCostsNothingAndNeverAsks() {
    AgentTurnActivities offline = new AgentTurnActivities(List.of(new OfflineConversationalAgent()),
        new ApiLlmBudget(api.client()), told::add);

    AgentTurnResult result = offline.converse(Fixtures.request("me llamo Juan y busco en Ñuñoa"));

    assertThat(result.extracted().zone()).isEqualTo("Ñuñoa");
    assertThat(api.server.getRequestCount()).isZero();
  }
}
