package com.inmo.activities.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.activities.agent.AgentTurnActivities;
import com.inmo.activities.agent.OfflineConversationalAgent;
import com.inmo.activities.agent.OptOutGuard;
import com.inmo.workflows.agent.AgentTurnResult;
import com.inmo.workflows.agent.Intent;
import java.util.List;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The agent activity reads an opt-out itself before any provider: a model that would answer
 * {@code optOut=false} (or fail to answer at all) is never asked, and the offline agent follows the same rule.
 */
class OptOutBeforeProvidersTest {

  private MockWebServer server;
  private final Fixtures.Records records = new Fixtures.Records();

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  private AgentTurnActivities activities(WireFormat wire) {
    String root = server.url("/").toString().replaceAll("/$", "");
    return new AgentTurnActivities(List.of(Fixtures.agent(wire, root, records)));
  }

  @ParameterizedTest
  @EnumSource(ProviderKind.class)
  void aClearOptOutIsHonouredWithoutAskingTheModel(ProviderKind kind) {
    WireFormat wire = WireFormat.of(kind);
    // what a model might say: it missed the opt-out
    server.enqueue(wire.ok(Fixtures.turn("¡Claro! ¿En qué comuna buscas?", "OTHER", null, f -> { }), 500, 30));

    AgentTurnResult result = activities(wire).converse(Fixtures.request("STOP"));

    assertThat(result.optOut()).isTrue();
    assertThat(result.intent()).isEqualTo(Intent.OPT_OUT);
    assertThat(result.reply()).isEqualTo(OptOutGuard.OPT_OUT_REPLY);
    assertThat(server.getRequestCount()).as("no provider call for an opt-out").isZero();
    assertThat(records.calls).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(ProviderKind.class)
  void anOptOutNeedsNoWorkingProvider(ProviderKind kind) {
    WireFormat wire = WireFormat.of(kind);
    server.enqueue(wire.serverError());

    AgentTurnResult result = activities(wire).converse(Fixtures.request("No me escriban más, gracias"));

    assertThat(result.optOut()).isTrue();
    assertThat(server.getRequestCount()).isZero();
  }

  @ParameterizedTest
  @EnumSource(ProviderKind.class)
  void theModelsOwnOptOutFlagStillCountsForWhatTheGuardLeavesToIt(ProviderKind kind) {
    WireFormat wire = WireFormat.of(kind);
    server.enqueue(wire.ok(Fixtures.turn("Entendido, no te escribiremos más.", "OPT_OUT", null, f -> { })
        .replace("\"optOut\":false", "\"optOut\":true"), 500, 30));

    AgentTurnResult result = activities(wire).converse(Fixtures.request("ya fue, no sigo con esto, adiós"));

    assertThat(server.getRequestCount()).isOne();
    assertThat(result.optOut()).isTrue();
  }

  @Test
  void theOfflineAgentGetsTheSameRule() {
    AgentTurnActivities offline = new AgentTurnActivities(List.of(new OfflineConversationalAgent()));

    AgentTurnResult stop = offline.converse(Fixtures.request("Sáquenme de su lista"));
    AgentTurnResult preference = offline.converse(Fixtures.request("no me escriban más por Telegram, prefiero WhatsApp"));

    assertThat(stop.optOut()).isTrue();
    assertThat(stop.reply()).isEqualTo(OptOutGuard.OPT_OUT_REPLY);
    assertThat(preference.optOut()).as("a channel preference is not an opt-out").isFalse();
    assertThat(preference.wantsHuman()).isTrue();
    assertThat(preference.reply()).isEqualTo(OptOutGuard.HAND_OFF_REPLY);
  }
}
