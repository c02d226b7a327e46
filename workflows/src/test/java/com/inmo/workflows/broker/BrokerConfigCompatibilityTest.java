package com.inmo.workflows.broker;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.workflows.agent.AgentPersona;
import io.temporal.api.common.v1.Payloads;
import io.temporal.common.converter.DefaultDataConverter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code voiceEnabled} joined the broker config after leads were already running: their histories hold
 * configs without it, which replay must read as before (voice was on: the old code placed calls), while a
 * config from today's api says what it says.
 */
class BrokerConfigCompatibilityTest {

  /** A BrokerConfig activity result as an older worker recorded it in a running lead's history. */
  static final String RECORDED_BEFORE = """
      {"brokerId":"b-1","slug":"demo","persona":{"name":"Sofía","tone":"cercano","brokerName":"Demo","zones":["Ñuñoa"],\
      "language":"es"},"businessHours":{"timeZone":"America/Santiago","alwaysOpen":true,"days":{}},"thresholds":null,\
      "followUpCadence":["PT10M"],"callsPerLeadPerDay":3,"callsPerLeadTotal":6,"callRetryDelay":"PT2H",\
      "notifyTelegramChatId":null}""";

  static BrokerConfig read(String json) {
    Payloads payloads = Payloads.newBuilder().addPayloads(io.temporal.api.common.v1.Payload.newBuilder()
        .putMetadata("encoding", com.google.protobuf.ByteString.copyFromUtf8("json/plain"))
        .setData(com.google.protobuf.ByteString.copyFrom(json, StandardCharsets.UTF_8))).build();
    return DefaultDataConverter.STANDARD_INSTANCE.fromPayloads(0, Optional.of(payloads), BrokerConfig.class,
        BrokerConfig.class);
  }

  @Test
  void aConfigRecordedBeforeTheFieldExistedReadsAsVoiceOn() {
    BrokerConfig old = read(RECORDED_BEFORE);

    assertThat(old.voiceEnabled()).isTrue();
    assertThat(old.slug()).isEqualTo("demo");
    assertThat(old.callsPerLeadTotal()).isEqualTo(6);
  }

  @Test
  void theFieldRoundTripsThroughTemporalsConverter() {
    BrokerConfig off = new BrokerConfig("b-1", "demo", new AgentPersona("Sofía", "cercano", "Demo", List.of(), "es"),
        BusinessHours.always("America/Santiago"), null, null, 3, 6, Duration.ofHours(2), null, false);
    Payloads written = DefaultDataConverter.STANDARD_INSTANCE.toPayloads(off).orElseThrow();

    assertThat(written.getPayloads(0).getData().toStringUtf8()).contains("\"voiceEnabled\":false");
    assertThat(DefaultDataConverter.STANDARD_INSTANCE.fromPayloads(0, Optional.of(written), BrokerConfig.class,
        BrokerConfig.class)).isEqualTo(off);
    assertThat(read(RECORDED_BEFORE.replace("\"notifyTelegramChatId\":null", "\"notifyTelegramChatId\":null,"
        + "\"voiceEnabled\":null")).voiceEnabled()).as("null, as absent").isTrue();
  }

  @Test
  void theConstructorWithoutItKeepsVoiceOn() {
    BrokerConfig config = new BrokerConfig("b-1", "demo", new AgentPersona("Sofía", "cercano", "Demo", List.of(), "es"),
        BusinessHours.always("America/Santiago"), null, null, 0, 0, null, null);
    assertThat(config.voiceEnabled()).isTrue();
    assertThat(config.withVoiceEnabled(false).voiceEnabled()).isFalse();
    assertThat(config.withVoiceEnabled(false)).usingRecursiveComparison().ignoringFields("voiceEnabled")
        .isEqualTo(config);
  }
}
