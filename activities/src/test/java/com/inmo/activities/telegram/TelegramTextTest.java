package com.inmo.activities.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TelegramTextTest {

  @Test
  void aTextThatFitsIsOneMessageUntouched() {
    String text = "  Hola.  " + "a".repeat(4087);
    assertThat(text).hasSize(4096);

    assertThat(TelegramText.split(text)).containsExactly(text);
  }

  @Test
  void aLongTextIsCutAfterTheLastSentenceThatFits() {
    String first = "Uno. " + "palabra ".repeat(30) + "¿Te sirve el martes?";
    String second = "Y si no, " + "otra fecha ".repeat(10) + "fin";

    List<String> parts = TelegramText.split(first + " " + second, first.length() + 20);

    assertThat(parts.get(0)).isEqualTo(first); // not "… martes? Y si no, otra"
    assertThat(String.join(" ", parts)).isEqualTo(first + " " + second);
  }

  @Test
  void closingQuotesStayWithTheirSentence() {
    String first = "Ella dijo: «perfecto.»";
    List<String> parts = TelegramText.split(first + " Luego " + "x ".repeat(20), first.length() + 5);

    assertThat(parts.get(0)).isEqualTo(first);
  }

  @Test
  void withoutASentenceEndItCutsAtWhitespaceNeverMidWord() {
    String text = "departamento ".repeat(40).strip();

    List<String> parts = TelegramText.split(text, 100);

    assertThat(parts).allSatisfy(part -> {
      assertThat(part.length()).isLessThanOrEqualTo(100);
      assertThat(part).matches("departamento( departamento)*");
    });
    assertThat(String.join(" ", parts)).isEqualTo(text);
  }

  @Test
  void aSentenceEndEarlyInTheWindowDoesNotLeaveAStub() {
    String text = "Hola. " + "palabra ".repeat(30).strip();

    List<String> parts = TelegramText.split(text, 100);

    assertThat(parts.get(0)).startsWith("Hola. palabra").hasSizeGreaterThan(50);
  }

  @Test
  void aWordLongerThanAMessageIsCutHardButNeverInsideAnEmoji() {
    String word = "🏠".repeat(60); // 120 UTF-16 units

    List<String> parts = TelegramText.split("ver " + word, 51);

    assertThat(parts.get(0)).isEqualTo("ver");
    assertThat(parts.subList(1, parts.size())).allSatisfy(part -> {
      assertThat(part.length()).isLessThanOrEqualTo(51);
      assertThat(Character.isLowSurrogate(part.charAt(0))).isFalse();
      assertThat(Character.isHighSurrogate(part.charAt(part.length() - 1))).isFalse();
    });
    assertThat(String.join("", parts.subList(1, parts.size()))).isEqualTo(word);
  }

  @Test
  void lineBreaksAreBoundariesToo() {
    String text = "Opciones en Ñuñoa:\n" + "- depto ".repeat(10).strip();

    assertThat(TelegramText.split(text, 30).get(0)).isEqualTo("Opciones en Ñuñoa:");
  }
}
