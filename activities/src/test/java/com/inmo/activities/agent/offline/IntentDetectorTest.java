package com.inmo.activities.agent.offline;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.workflows.agent.Intent;
import com.inmo.workflows.agent.Sentiment;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class IntentDetectorTest {

  private final SpanishFieldExtractor extractor = new SpanishFieldExtractor();
  private final IntentDetector detector = new IntentDetector();

  @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}/{2}")
  @CsvFileSource(resources = "/agent/offline/intent-cases.csv")
  void readsIntentSentimentAndRequests(String phrase, Intent intent, Sentiment sentiment, boolean wantsHuman,
                                       boolean wantsCall, boolean wantsVisit, boolean optOut) {
    IntentReading reading = detector.detect(phrase, extractor.extract(phrase, List.of(), null));

    assertThat(reading).as("reading of '%s'", phrase)
        .isEqualTo(new IntentReading(intent, sentiment, wantsHuman, wantsCall, wantsVisit, optOut));
  }

  @Test
  void aNullMessageIsNothing() {
    assertThat(detector.detect(null, null))
        .isEqualTo(new IntentReading(Intent.OTHER, Sentiment.NEUTRAL, false, false, false, false));
  }
}
