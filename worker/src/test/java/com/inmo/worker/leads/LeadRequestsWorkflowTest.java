package com.inmo.worker.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.inmo.workflows.activity.SlotQuery;
import com.inmo.workflows.lead.BookVisitRequest;
import com.inmo.workflows.lead.CallNowRequest;
import com.inmo.workflows.lead.HumanMessageRequest;
import com.inmo.workflows.lead.LeadView;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateHandle;
import io.temporal.client.WorkflowUpdateStage;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Requests from the dashboard: checked again under the lock, and applied once per idempotency key. */
class LeadRequestsWorkflowTest extends LeadWorkflowTestBase {

  @Test
  void twoBookingsAcceptedAtOnceNeverLeaveTwoVisits() throws Exception {
    String id = webchatLead("twobook");
    says(id, "Hola, me llamo Carla Soto");
    List<Instant> free = calendar.availableSlots(new SlotQuery("demo", now(), 7, 2)).slots();

    // the first booking is held at the calendar; the second is validated against the state before it
    CountDownLatch hold = new CountDownLatch(1);
    calendar.holdBooking = hold;
    WorkflowUpdateHandle<LeadView> first = book(id, new BookVisitRequest("u-1", free.get(0)));
    assertThat(calendar.bookingHeld.tryAcquire(20, TimeUnit.SECONDS)).isTrue();
    WorkflowUpdateHandle<LeadView> second = book(id, new BookVisitRequest("u-2", free.get(1)));
    calendar.holdBooking = null;
    hold.countDown();

    assertThat(first.getResultAsync().get(20, TimeUnit.SECONDS).appointment().start()).isEqualTo(free.get(0));
    assertThatThrownBy(() -> second.getResultAsync().get(20, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).rootCause().hasMessageContaining("already has a visit");
    assertThat(calendar.appointments).as("one appointment, none orphaned").hasSize(1);
    assertThat(state(id).appointment().start()).isEqualTo(free.get(0));
  }

  @Test
  void aHumanMessageRetriedWithTheSameKeyIsSentOnce() {
    String id = webchatLead("retried");
    says(id, "Hola, me llamo Pedro Lagos");
    int before = messenger.to(id).size();

    HumanMessageRequest message = new HumanMessageRequest("u-1", "Ana", "Hola Pedro, soy Ana del equipo", "key-1");
    lead(id).sendHumanMessage(message);
    LeadView again = lead(id).sendHumanMessage(message);
    lead(id).sendHumanMessage(new HumanMessageRequest("u-1", "Ana", "¿Te llamo mañana?", "key-2"));

    assertThat(again.humanMode()).isTrue();
    assertThat(messenger.to(id)).hasSize(before + 2);
    assertThat(messenger.to(id)).extracting(s -> s.message().text()).filteredOn(t -> t.startsWith("Hola Pedro"))
        .hasSize(1);
  }

  @Test
  void aCallRequestRetriedWithTheSameKeyPlacesOneCall() {
    String id = webchatLead("callonce");
    says(id, "Hola, me llamo Rosa Díaz y mi teléfono es +56 9 8111 2233");
    voice.webhookArrives = false;

    lead(id).callNow(new CallNowRequest("u-1", "call-key-1"));
    LeadView retried = lead(id).callNow(new CallNowRequest("u-1", "call-key-1"));

    assertThat(retried.callAttempts()).isEqualTo(1);
    assertThat(recorded(() -> voice.started.size(), n -> n >= 1)).isEqualTo(1);
  }

  private WorkflowUpdateHandle<LeadView> book(String id, BookVisitRequest request) {
    return WorkflowStub.fromTyped(lead(id)).startUpdate(UpdateOptions.newBuilder(LeadView.class)
        .setUpdateName("bookVisit").setWaitForStage(WorkflowUpdateStage.ACCEPTED).build(), request);
  }
}
