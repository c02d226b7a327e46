package com.inmo.activities.agent.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.activities.agent.AgentTurnActivities;
import com.inmo.activities.agent.ConversationalAgent;
import com.inmo.activities.agent.OfflineConversationalAgent;
import com.inmo.activities.agent.llm.LlmProviders;
import com.inmo.activities.agent.llm.ProviderChain;
import com.inmo.activities.agent.llm.ProviderKind;
import com.inmo.activities.agent.llm.ProviderSettings;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The evaluation set as a build gate. Against the offline agent (always): the thresholds below were set
 * from its first honest run (field 90.4%, intent 96.6%, flags 88.9%, DICOM 100%, forbidden 100% on 89
 * conversations) and the build fails under them. Against a real provider (only when {@code LLM_PROVIDER}
 * names one and its key is set): prints the scores, and fails if the DICOM rule was broken or a call
 * failed.
 */
class AgentEvalTest {

  static final double MIN_FIELD_ACCURACY = 0.90;
  static final double MIN_INTENT_ACCURACY = 0.96;
  static final double MIN_FLAG_ACCURACY = 0.88;

  static List<EvalCase> evalSet() {
    try {
      return AgentEval.load(Path.of(AgentEvalTest.class.getClassLoader().getResource("eval").toURI()));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theOfflineAgentStaysAboveItsThresholds() {
    EvalReport report = AgentEval.run(AgentEval.throughActivity("offline",
        new AgentTurnActivities(List.of(new OfflineConversationalAgent()))), evalSet());
    System.out.print(report.format());

    assertThat(report.cases()).isGreaterThanOrEqualTo(60);
    assertThat(report.errors()).isZero();
    assertThat(report.dicomCases()).isGreaterThanOrEqualTo(8);
    assertThat(report.dicomAdherence()).as("DICOM-rule adherence").isEqualTo(1.0);
    assertThat(report.forbiddenAdherence()).as("forbidden statements").isEqualTo(1.0);
    assertThat(report.fieldAccuracy()).as("field accuracy").isGreaterThanOrEqualTo(MIN_FIELD_ACCURACY);
    assertThat(report.intentAccuracy()).as("intent accuracy").isGreaterThanOrEqualTo(MIN_INTENT_ACCURACY);
    assertThat(report.flagAccuracy()).as("flag accuracy").isGreaterThanOrEqualTo(MIN_FLAG_ACCURACY);
  }

  static boolean realProviderConfigured() {
    String chosen = System.getenv("LLM_PROVIDER");
    return ProviderKind.byId(chosen).map(kind -> ProviderSettings.configured(kind, System.getenv())).orElse(false);
  }

  @Test
  @EnabledIf("realProviderConfigured")
  void theConfiguredRealProvider() {
    AgentEval.CostTally tally = new AgentEval.CostTally();
    ProviderChain chain = LlmProviders.chain(System.getenv(), tally);
    ConversationalAgent agent = AgentEval.throughActivity(String.join(" → ", chain.names()),
        new AgentTurnActivities(chain.agents()));

    EvalReport report = AgentEval.run(agent, evalSet());
    System.out.print(report.format());
    System.out.println("  LLM calls: " + tally);

    assertThat(report.errors()).as("calls that failed on every provider").isZero();
    assertThat(report.dicomAdherence()).as("DICOM-rule adherence").isEqualTo(1.0);
  }
}
