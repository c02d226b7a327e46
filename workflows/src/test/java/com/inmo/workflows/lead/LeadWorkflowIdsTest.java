package com.inmo.workflows.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeadWorkflowIdsTest {

  @ParameterizedTest(name = "{0}/{1} -> {2}")
  @CsvSource({"demo, 12345, lead-demo-telegram-12345", "Demo, 12345, lead-demo-telegram-12345",
      "ACME-Propiedades, -100987, lead-acme-propiedades-telegram--100987"})
  void telegramIdIsLeadBrokerTelegramChat(String broker, long chatId, String expected) {
    assertThat(LeadWorkflowIds.telegram(broker, chatId)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}/{1} -> {2}")
  @CsvSource({"demo, s-1, lead-demo-webchat-s-1", "DEMO, AbC123, lead-demo-webchat-AbC123"})
  void webchatIdIsLeadBrokerWebchatSessionWithTheSessionKeptAsIs(String broker, String session, String expected) {
    assertThat(LeadWorkflowIds.webchat(broker, session)).isEqualTo(expected);
  }

  @Test
  void importedIdIsLeadBrokerUuid() {
    UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    assertThat(LeadWorkflowIds.imported("Demo", id)).isEqualTo("lead-demo-123e4567-e89b-12d3-a456-426614174000");
  }

  @Test
  void leadIdIsStableForTheSameWorkflowId() {
    String wf = LeadWorkflowIds.telegram("demo", 42);
    assertThat(LeadWorkflowIds.leadId(wf)).isEqualTo(LeadWorkflowIds.leadId("lead-demo-telegram-42"));
    assertThat(LeadWorkflowIds.leadId(wf)).isEqualTo(UUID.nameUUIDFromBytes("lead-demo-telegram-42".getBytes(
        java.nio.charset.StandardCharsets.UTF_8)));
  }

  @ParameterizedTest(name = "{0} != {1}")
  @CsvSource({"lead-demo-telegram-42, lead-demo-telegram-43", "lead-demo-telegram-42, lead-other-telegram-42",
      "lead-demo-telegram-42, lead-demo-webchat-42"})
  void leadIdDiffersForDifferentWorkflowIds(String a, String b) {
    assertThat(LeadWorkflowIds.leadId(a)).isNotEqualTo(LeadWorkflowIds.leadId(b));
  }

  @Test
  void sameChatOnTwoBrokersIsTwoLeads() {
    assertThat(LeadWorkflowIds.telegram("a", 1)).isNotEqualTo(LeadWorkflowIds.telegram("b", 1));
  }

  @ParameterizedTest(name = "attempt {1} -> {2}")
  @CsvSource({"lead-demo-telegram-42, 1, lead-demo-telegram-42-call-1",
      "lead-demo-webchat-s1, 7, lead-demo-webchat-s1-call-7"})
  void callIdIsWorkflowIdPlusAttempt(String workflowId, int attempt, String expected) {
    assertThat(LeadWorkflowIds.call(workflowId, attempt)).isEqualTo(expected);
  }
}
