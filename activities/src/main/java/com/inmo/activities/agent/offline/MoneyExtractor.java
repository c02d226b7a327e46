package com.inmo.activities.agent.offline;

import com.inmo.activities.agent.offline.AmountScanner.Amount;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides, for each amount in a message, whether it is the lead's budget or monthly income. The money
 * word closest before the amount wins ("tengo un sueldo de 2 millones" is income, "gano 2 millones y
 * tengo 20 millones ahorrados" is both); "al mes"/"mensual" right after an amount marks income when no
 * word before says otherwise; a UF amount is always a budget (nobody quotes a salary in UF).
 */
final class MoneyExtractor {

  /** The two amounts found in one message, in pesos; either may be null. */
  record Money(Long budgetClp, Long monthlyIncomeClp) {
  }

  private static final Pattern INCOME_BEFORE = Pattern.compile(
      "\\b(gano|ganamos|gana|ganan|sueldo|sueldos|salario|renta|rentas|ingreso|ingresos|recibo|recibimos"
          + "|percibo|remuneracion|liquido|liquida)\\b");
  private static final Pattern BUDGET_BEFORE = Pattern.compile(
      "\\b(presupuesto|hasta|tengo|tenemos|busco algo de|algo de|puedo pagar|podemos pagar|pie|ahorrados?"
          + "|ahorros|valor|precio|cuesta|maximo|alrededor de|entre|cuento con|dispongo de)\\b");
  private static final Pattern INCOME_AFTER = Pattern.compile(
      "^[\\s,]*(al mes|mensual|mensuales|liquidos?|de sueldo|de renta|brutos?|por mes)\\b");
  /** Budget words that keep an amount a budget even when "al mes" follows (a monthly rent or dividend). */
  private static final Pattern STRONG_BUDGET = Pattern.compile(
      "\\b(presupuesto|puedo pagar|podemos pagar|hasta|arriendo|dividendo|pie)\\b");
  private static final Pattern SENTENCE_END = Pattern.compile("[!?;\\n]|\\.\\s");

  private final AmountScanner scanner = new AmountScanner();
  private final long clpPerUf;

  MoneyExtractor(long clpPerUf) {
    this.clpPerUf = clpPerUf;
  }

  /**
   * @param folded  the folded message with phones and e-mails already blanked out
   * @param asked   the field the agent just asked for ("budget", "monthlyIncome"), or null
   */
  Money extract(String folded, String asked) {
    List<Amount> amounts = scanner.scan(folded);
    Long budget = null;
    Long income = null;
    int previousEnd = 0;
    for (Amount amount : amounts) {
      Kind kind = classify(folded, amount, previousEnd, asked);
      previousEnd = amount.end();
      long clp = Math.round(amount.uf() ? amount.value() * clpPerUf : amount.value());
      if (kind == Kind.INCOME && income == null) {
        income = clp;
      } else if (kind == Kind.BUDGET && budget == null) {
        budget = clp;
      }
    }
    return new Money(budget, income);
  }

  private enum Kind { BUDGET, INCOME, NONE }

  private Kind classify(String folded, Amount amount, int previousEnd, String asked) {
    if (amount.uf()) {
      return Kind.BUDGET;
    }
    String before = folded.substring(sentenceStart(folded, previousEnd, amount.start()), amount.start());
    int income = lastMatch(INCOME_BEFORE, before);
    int budget = lastMatch(BUDGET_BEFORE, before);
    boolean monthlyAfter = INCOME_AFTER.matcher(folded.substring(amount.end())).find();
    if (income >= 0 || budget >= 0) {
      if (monthlyAfter && income < 0 && !STRONG_BUDGET.matcher(before).find()) {
        return Kind.INCOME; // "tengo 2 millones al mes"
      }
      return income > budget ? Kind.INCOME : Kind.BUDGET;
    }
    if (monthlyAfter) {
      return Kind.INCOME;
    }
    if ("monthlyIncome".equals(asked)) {
      return Kind.INCOME;
    }
    if ("budget".equals(asked)) {
      return Kind.BUDGET;
    }
    // A bare "1200000" with no money word around it may be anything (a code, a count): ignore it.
    return amount.bare() ? Kind.NONE : Kind.BUDGET;
  }

  private static int sentenceStart(String folded, int previousEnd, int amountStart) {
    String window = folded.substring(previousEnd, amountStart);
    int start = 0;
    Matcher m = SENTENCE_END.matcher(window);
    while (m.find()) {
      start = m.end();
    }
    return previousEnd + start;
  }

  private static int lastMatch(Pattern pattern, String text) {
    int last = -1;
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      last = m.start();
    }
    return last;
  }
}
