package com.inmo.activities.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.inmo.activities.calendar.LocalCalendarActivities;
import com.inmo.activities.leads.ApiLeadRecordActivities;
import com.inmo.activities.messaging.ChannelMessagingActivities;
import com.inmo.workflows.activity.BookingRequest;
import com.inmo.workflows.activity.BookingResult;
import com.inmo.workflows.activity.BrokerConfigRequest;
import com.inmo.workflows.activity.MessageRecord;
import com.inmo.workflows.activity.OutboundMessage;
import com.inmo.workflows.activity.SlotOffer;
import com.inmo.workflows.activity.SlotQuery;
import com.inmo.workflows.broker.BrokerConfig;
import com.inmo.workflows.lead.Channel;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The activities speak docs/internal-api.md: paths, token, JSON shapes, and what each status means. */
class ApiActivitiesWireTest {

  private final InternalApiStub api = new InternalApiStub();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void brokerSettingsAreReadWithTheTokenAndDefaultsFilled() {
    api.answer(200, """
        {"brokerId":"b-1","slug":"demo","persona":{"name":"Sofía","tone":"cercano","brokerName":"Demo",
         "zones":["Ñuñoa"],"language":"es"},
         "businessHours":{"alwaysOpen":false,"timeZone":"America/Santiago","days":{"MONDAY":["09:00:00","19:00:00"]}},
         "thresholds":{"coldMax":20,"warmMax":50,"hotMin":50,"qualifiedMin":75},
         "followUpCadence":["PT10M","PT24H"],"callsPerLeadPerDay":2,"callsPerLeadTotal":4,"callRetryDelay":"PT2H",
         "notifyTelegramChatId":null,"unknownFutureField":1}""");

    BrokerConfig config = new ApiLeadRecordActivities(api.client()).brokerConfig(new BrokerConfigRequest("demo"));

    RecordedRequest request = api.next();
    assertThat(request.getPath()).isEqualTo("/internal/v1/brokers/demo/config");
    assertThat(request.getHeader("X-Internal-Token")).isEqualTo(InternalApiStub.TOKEN);
    assertThat(config.persona().zones()).containsExactly("Ñuñoa");
    assertThat(config.followUpCadence()).containsExactly(Duration.ofMinutes(10), Duration.ofHours(24));
    assertThat(config.businessHours().days()).containsKey(java.time.DayOfWeek.MONDAY);
    assertThat(config.callsPerLeadPerDay()).isEqualTo(2);
  }

  @Test
  void aMessageIsPostedAsTheRecordWithIsoTimes() {
    api.answer(201, "{}");
    UUID lead = UUID.randomUUID();
    Instant at = Instant.parse("2026-12-01T13:00:00Z");

    new ApiLeadRecordActivities(api.client()).recordMessage(new MessageRecord(lead, "lead-demo-webchat-s", "demo",
        "INBOUND", "LEAD", null, "m-1", "Hola", at));

    RecordedRequest request = api.next();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getPath()).isEqualTo("/internal/v1/leads/" + lead + "/messages");
    assertThat(request.getBody().readUtf8()).contains("\"externalId\":\"m-1\"").contains("\"at\":\"2026-12-01T13:00:00Z\"");
  }

  @Test
  void openingALeadPostsTheSnapshotAndReadsWhatTheRowHolds() {
    api.answer(200, """
        {"created":false,"known":{"stage":"LOST","closeReason":"no response","source":"webchat","optedOut":false,
         "fields":{"name":"Julia Pérez","zone":"Ñuñoa","dicom":"CLEAN"},
         "lastMessages":[{"author":"LEAD","text":"Hola","at":"2026-11-01T13:00:00Z"}]}}""");
    UUID lead = UUID.randomUUID();
    com.inmo.workflows.activity.LeadSnapshot snapshot = new com.inmo.workflows.activity.LeadSnapshot(lead,
        "lead-demo-webchat-s", "demo", Channel.WEBCHAT, "s", "webchat", com.inmo.workflows.lead.QualificationFields.EMPTY,
        com.inmo.workflows.lead.LeadStage.NEW, com.inmo.workflows.scoring.ScoreBreakdown.ZERO, false, false, null,
        false, false, null, null, null);

    com.inmo.workflows.activity.LeadOpening opening = new ApiLeadRecordActivities(api.client()).openLead(snapshot);

    RecordedRequest request = api.next();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getPath()).isEqualTo("/internal/v1/leads/" + lead + "/open");
    assertThat(request.getBody().readUtf8()).contains("\"workflowId\":\"lead-demo-webchat-s\"");
    assertThat(opening.created()).isFalse();
    assertThat(opening.known().stage()).isEqualTo(com.inmo.workflows.lead.LeadStage.LOST);
    assertThat(opening.known().fields().name()).isEqualTo("Julia Pérez");
    assertThat(opening.known().lastMessages()).extracting(com.inmo.workflows.agent.ConversationTurn::text)
        .containsExactly("Hola");
  }

  @Test
  void aLeadRowNotThereYetIsRetriedAndABadRequestIsNot() {
    api.answer(409, "{\"detail\":\"lead not found\"}").answer(400, "{\"detail\":\"bad\"}");
    ApiLeadRecordActivities records = new ApiLeadRecordActivities(api.client());
    MessageRecord message = new MessageRecord(UUID.randomUUID(), "w", "demo", "INBOUND", "LEAD", null, "m", "x",
        Instant.now());

    assertThatThrownBy(() -> records.recordMessage(message)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("409");
    assertThatThrownBy(() -> records.recordMessage(message)).isInstanceOf(ApplicationFailure.class)
        .satisfies(e -> assertThat(((ApplicationFailure) e).isNonRetryable()).isTrue());
  }

  @Test
  void anUnreachableApiIsATransientFailure() {
    InternalApiClient down = new InternalApiClient("http://127.0.0.1:1", "t");

    assertThatThrownBy(() -> new ApiLeadRecordActivities(down).brokerConfig(new BrokerConfigRequest("demo")))
        .hasMessageContaining("could not be reached");
  }

  @Test
  void aTakenSlotIsAnAnswerNotAFailure() {
    Instant slot = Instant.parse("2026-12-02T13:00:00Z");
    api.answer(409, "{\"booked\":false,\"slotStart\":\"2026-12-02T13:00:00Z\",\"reason\":\"taken\"}");
    api.answer(201, "{\"booked\":true,\"appointmentId\":\"0b1c0d1e-0000-4000-8000-000000000001\","
        + "\"slotStart\":\"2026-12-02T13:00:00Z\",\"slotEnd\":\"2026-12-02T14:00:00Z\"}");
    LocalCalendarActivities calendar = new LocalCalendarActivities(api.client());
    BookingRequest request = new BookingRequest("demo", UUID.randomUUID(), "w", UUID.randomUUID(), slot, "Ana", null);

    BookingResult taken = calendar.book(request);
    BookingResult booked = calendar.book(request);

    assertThat(taken.booked()).isFalse();
    assertThat(taken.reason()).isEqualTo("taken");
    assertThat(booked.booked()).isTrue();
    assertThat(booked.slotEnd()).isEqualTo(Instant.parse("2026-12-02T14:00:00Z"));
    assertThat(api.next().getPath()).isEqualTo("/internal/v1/appointments");
  }

  @Test
  void freeSlotsAreAskedWithTheQueryInThePath() {
    api.answer(200, "{\"slots\":[\"2026-12-02T13:00:00Z\"],\"durationMinutes\":60}");

    SlotOffer offer = new LocalCalendarActivities(api.client()).availableSlots(
        new SlotQuery("demo", Instant.parse("2026-12-01T13:00:00Z"), 7, 3));

    assertThat(api.next().getPath()).isEqualTo("/internal/v1/brokers/demo/slots?from=2026-12-01T13:00:00Z&days=7&limit=3");
    assertThat(offer.slots()).containsExactly(Instant.parse("2026-12-02T13:00:00Z"));
  }

  @Test
  void aWebChatReplyIsDeliveredByRecordingItUnderItsIdempotencyKey() {
    api.answer(201, "{}");
    UUID lead = UUID.randomUUID();

    new ChannelMessagingActivities(api.client()).send(new OutboundMessage(lead, "lead-demo-webchat-s", "demo",
        Channel.WEBCHAT, "s", "¡Hola!", "lead-demo-webchat-s:ai:1", "AI", null));

    String body = api.next().getBody().readUtf8();
    assertThat(body).contains("\"direction\":\"OUTBOUND\"").contains("\"author\":\"AI\"")
        .contains("\"externalId\":\"lead-demo-webchat-s:ai:1\"");
  }
}
