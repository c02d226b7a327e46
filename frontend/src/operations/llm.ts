/** `GET /api/v1/llm-calls/daily`: one row per UTC day and provider. */
export interface DailyUsage {
  day: string;
  provider: string;
  calls: number;
  failures: number;
  latencyP50Ms: number;
  latencyP90Ms: number;
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
}

export interface DayTotal {
  day: string;
  calls: number;
  failures: number;
  costUsd: number;
  /** the providers' medians weighted by their calls: one figure per day for the chart */
  latencyP50Ms: number;
}

/** `YYYY-MM-DD` of a date in UTC. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The `days` UTC days ending today, oldest first. */
export function lastDays(days: number, now: Date = new Date()): string[] {
  return Array.from({ length: days }, (_, i) => utcDay(new Date(now.getTime() - (days - 1 - i) * 86_400_000)));
}

/** One total per day of `days`, a day without calls as zeros (so the bars keep their places). */
export function totalsPerDay(rows: DailyUsage[], days: string[]): DayTotal[] {
  return days.map((day) => {
    const of = rows.filter((r) => r.day === day);
    const calls = of.reduce((n, r) => n + r.calls, 0);
    return {
      day,
      calls,
      failures: of.reduce((n, r) => n + r.failures, 0),
      costUsd: of.reduce((n, r) => n + Number(r.costUsd ?? 0), 0),
      latencyP50Ms: calls === 0 ? 0 : Math.round(of.reduce((n, r) => n + r.latencyP50Ms * r.calls, 0) / calls),
    };
  });
}
