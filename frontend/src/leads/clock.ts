/**
 * How long a lead in human mode has waited for a person: 0 under 15 min, 1 from 15, 2 from 30, 3 from 60,
 * the moments the workflow reminds, alerts, then gives the lead back to the AI.
 */
export function clockLevel(elapsedMs: number): 0 | 1 | 2 | 3 {
  const minutes = elapsedMs / 60_000;
  if (minutes >= 60) return 3;
  if (minutes >= 30) return 2;
  if (minutes >= 15) return 1;
  return 0;
}
