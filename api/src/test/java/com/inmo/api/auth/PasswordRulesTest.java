package com.inmo.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordRulesTest {

  @Test
  void aLongEnoughPasswordWithADigitAndASymbolPasses() {
    assertThat(PasswordRules.violations("Casa#2026")).isEmpty();
    assertThat(PasswordRules.violations("ñandú-99")).isEmpty();
    assertThat(PasswordRules.problem("Casa#2026")).isNull();
  }

  @Test
  void eachBrokenRuleIsNamed() {
    assertThat(PasswordRules.problem("Ab#1")).contains("at least 8 characters")
        .doesNotContain("must contain a digit").doesNotContain("must contain a symbol");
    assertThat(PasswordRules.problem("Abcdefg#")).contains("must contain a digit").doesNotContain("8 characters");
    assertThat(PasswordRules.problem("Abcdefg1")).contains("must contain a symbol")
        .doesNotContain("must contain a digit");
    assertThat(PasswordRules.problem("abc")).contains("8 characters").contains("must contain a digit")
        .contains("must contain a symbol");
    assertThat(PasswordRules.problem("")).contains("required");
    assertThat(PasswordRules.problem(null)).contains("required");
  }

  @Test
  void aSpaceIsNoSymbolAndBcryptsLimitIsAnnounced() {
    assertThat(PasswordRules.problem("abcd 1234")).contains("symbol");
    assertThat(PasswordRules.problem("#1" + "a".repeat(71))).contains("at most 72 bytes");
  }
}
