package com.inmo.api.brokers;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.internal.InternalTokenFilter;
import com.inmo.api.seed.DemoSeeder;
import com.inmo.api.support.ApiIntegrationTest;
import com.inmo.api.support.InternalApi;
import com.inmo.api.support.TestData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiIntegrationTest
class BrokerConfigTest {

  @Autowired
  WebTestClient http;
  @Autowired
  com.inmo.api.internal.InternalServer internalServer;
  @Autowired
  DatabaseClient db;
  @Autowired
  JwtEncoder jwt;
  WebTestClient internal;
  TestData data;

  @BeforeEach
  void setUp() {
    internal = InternalApi.client(internalServer);
    data = new TestData(db, jwt);
  }

  @Test
  void activeBrokersAreListedWithTheirTimeZone() {
    List<Map<String, Object>> brokers = internal.get().uri("/internal/v1/brokers").exchange()
        .expectStatus().isOk()
        .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
        .returnResult().getResponseBody();

    assertThat(brokers).contains(Map.of("slug", "demo", "timeZone", "America/Santiago"));
  }

  @Test
  void theDemoBrokerIsAlwaysOpenWithItsZonesAndSpanishPersona() {
    internal.get().uri("/internal/v1/brokers/demo/config").exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.brokerId").isEqualTo(DemoSeeder.BROKER_ID.toString())
        .jsonPath("$.slug").isEqualTo("demo")
        .jsonPath("$.persona.name").isEqualTo("Sofía")
        .jsonPath("$.persona.brokerName").isEqualTo("Inmobiliaria Demo")
        .jsonPath("$.persona.language").isEqualTo("es")
        .jsonPath("$.persona.zones[1]").isEqualTo("Ñuñoa")
        .jsonPath("$.businessHours.alwaysOpen").isEqualTo(true)
        .jsonPath("$.businessHours.timeZone").isEqualTo("America/Santiago")
        .jsonPath("$.thresholds.coldMax").isEqualTo(20)
        .jsonPath("$.thresholds.qualifiedMin").isEqualTo(75)
        .jsonPath("$.followUpCadence[0]").isEqualTo("PT10M")
        .jsonPath("$.followUpCadence[3]").isEqualTo("PT168H")
        .jsonPath("$.callsPerLeadPerDay").isEqualTo(3)
        .jsonPath("$.callRetryDelay").isEqualTo("PT2H")
        .jsonPath("$.notifyTelegramChatId").isEmpty()
        // dev mode: no VOICE_PROVIDER is the simulator, so calls are on
        .jsonPath("$.voiceEnabled").isEqualTo(true);
  }

  @Test
  void aBrokerWithoutHoursGetsTheStandardWeekAndItsOwnSettingsApply() {
    TestData.TestBroker broker = data.broker("America/Bogota", """
        {"thresholds": {"coldMax": 10, "warmMax": 40, "hotMin": 40, "qualifiedMin": 80},
         "followUpCadence": ["PT30M", "not-a-duration", "PT48H"], "callsPerLeadPerDay": 1,
         "callRetryDelay": "PT4H", "notifyTelegramChatId": -1001234}""");

    internal.get().uri("/internal/v1/brokers/" + broker.slug() + "/config").exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.businessHours.alwaysOpen").isEqualTo(false)
        .jsonPath("$.businessHours.timeZone").isEqualTo("America/Bogota")
        .jsonPath("$.businessHours.days.MONDAY[0]").value(v -> assertThat(v.toString()).startsWith("09:00"))
        .jsonPath("$.businessHours.days.SATURDAY[1]").value(v -> assertThat(v.toString()).startsWith("14:00"))
        .jsonPath("$.businessHours.days.SUNDAY").doesNotExist()
        .jsonPath("$.thresholds.qualifiedMin").isEqualTo(80)
        .jsonPath("$.followUpCadence.length()").isEqualTo(2)
        .jsonPath("$.followUpCadence[1]").isEqualTo("PT48H")
        .jsonPath("$.callsPerLeadPerDay").isEqualTo(1)
        .jsonPath("$.callsPerLeadTotal").isEqualTo(6)
        .jsonPath("$.callRetryDelay").isEqualTo("PT4H")
        .jsonPath("$.notifyTelegramChatId").isEqualTo(-1001234);
  }

  @Test
  void configuredDaysReplaceTheStandardWeek() {
    TestData.TestBroker broker = data.broker("America/Santiago",
        "{\"businessHours\": {\"days\": {\"monday\": [\"10:00\", \"18:30\"], \"FUNDAY\": [\"1\", \"2\"]}}}");

    internal.get().uri("/internal/v1/brokers/" + broker.slug() + "/config").exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.businessHours.days.MONDAY[1]").value(v -> assertThat(v.toString()).startsWith("18:30"))
        .jsonPath("$.businessHours.days.TUESDAY").doesNotExist();
  }

  @Test
  void anUnknownBrokerIs404() {
    internal.get().uri("/internal/v1/brokers/nobody-here/config").exchange().expectStatus().isNotFound();
  }
}
