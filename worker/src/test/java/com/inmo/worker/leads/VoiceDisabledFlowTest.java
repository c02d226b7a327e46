package com.inmo.worker.leads;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.activities.voice.DisabledVoiceActivities;
import com.inmo.workflows.activity.CallStarted;
import com.inmo.workflows.activity.CallStatusRequest;
import com.inmo.workflows.activity.StartCallRequest;
import com.inmo.workflows.activity.VoiceActivities;
import com.inmo.workflows.call.CallReport;
import com.inmo.workflows.lead.LeadView;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Production without a voice provider: the worker's voice activities refuse every call at once. A lead who asks
 * for a call gets no ring and no made-up transcript: the call ends FAILED after one attempt (the refusal is
 * non-retryable), with the reason on the lead's record.
 */
class VoiceDisabledFlowTest extends LeadWorkflowTestBase {

  /** The idempotency key of each startCall the workflows asked for. */
  final List<String> attempts = new CopyOnWriteArrayList<>();

  @Override
  VoiceActivities voiceActivities() {
    DisabledVoiceActivities off = new DisabledVoiceActivities();
    return new VoiceActivities() {
      @Override
      public CallStarted startCall(StartCallRequest request) {
        attempts.add(request.idempotencyKey());
        return off.startCall(request);
      }

      @Override
      public CallReport callStatus(CallStatusRequest request) {
        return off.callStatus(request);
      }
    };
  }

  @Test
  void aCallAskedForWithCallingOffFailsOnceWithoutATranscript() {
    String id = webchatLead("voice-off");
    says(id, "Hola, soy Ana Rojas y mi teléfono es 9 8765 4321");
    says(id, "¿Me pueden llamar?");
    say(id, "Sí");

    LeadView done = await(id, v -> "FAILED".equals(v.lastCallStatus()) && v.activeCallId() == null);
    List<String> notes = recorded(() -> records.messagesOf(id).stream().map(m -> m.body()).toList(),
        bodies -> bodies.stream().anyMatch(b -> b != null && b.contains("voice calling is off")));

    assertThat(attempts).as("refused once, never retried").hasSize(1);
    assertThat(notes).anySatisfy(body -> assertThat(body).contains("voice calling is off"));
    assertThat(notes).noneSatisfy(body -> assertThat(body).contains("Llamada completada"));
    assertThat(done.fields().zone()).as("no made-up call fields").isNull();
    assertThat(recorded(() -> records.openTasksOf(id), tasks -> !tasks.isEmpty())).as("a person calls instead")
        .extracting("kind").containsExactly(com.inmo.workflows.activity.TaskKind.CALL_LEAD.name());
  }

  @Test
  void withCallingOffAWantedCallIsATaskForAPersonAndNoCallIsTried() {
    records.config = records.config.withVoiceEnabled(false);
    String id = webchatLead("voice-task");
    says(id, "Hola, soy Luis Mella y mi teléfono es +56 9 5555 1234");
    says(id, "¿Me pueden llamar?");

    assertThat(attempts).as("no call workflow, no provider").isEmpty();
    assertThat(lastReply(id)).contains("asesor").contains("+56955551234");
    assertThat(records.openTasksOf(id)).singleElement().satisfies(task -> {
      assertThat(task.kind()).isEqualTo(com.inmo.workflows.activity.TaskKind.CALL_LEAD.name());
      assertThat(task.title()).isEqualTo("Llamar a Luis Mella");
      assertThat(task.detail()).contains("+56955551234");
    });
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> lead(id).callNow(
        new com.inmo.workflows.lead.CallNowRequest("u-1"))).rootCause().hasMessageContaining("calling is off");
  }
}
