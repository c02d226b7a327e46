package com.inmo.activities.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumbersTest {

  @ParameterizedTest(name = "{0} in {1} → {2}")
  @CsvSource({"9 8765 4321, CL, +56987654321", "+56 9 8765 4321, CL, +56987654321", "56987654321, CL, +56987654321",
      "(2) 2345 6789, CL, +56223456789", "+54 9 11 2345-6789, CL, +5491123456789", "987 654 321, PE, +51987654321"})
  void numbersBecomeE164(String raw, String region, String expected) {
    assertThat(PhoneNumbers.e164(raw, region)).isEqualTo(expected);
  }

  @Test
  void anInvalidNumberIsANonRetryableFailureThatDoesNotPrintTheNumber() {
    assertThatThrownBy(() -> PhoneNumbers.e164("9 8765", "CL"))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getOriginalMessage()).isEqualTo("invalid phone number '**765' (read as a number of CL)");
        });
  }
}
