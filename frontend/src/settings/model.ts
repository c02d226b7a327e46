import type { Broker } from '../ui/useBroker';

export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type Unit = 'minutes' | 'hours' | 'days';

/** The `settings` document of BrokerView / BrokerForm. Unknown keys are kept as they came. */
export interface BrokerSettings {
  zones?: string[];
  businessHours?: { alwaysOpen?: boolean | null; days?: Partial<Record<Weekday, string[]>> | null } | null;
  thresholds?: { coldMax: number; warmMax: number; hotMin: number; qualifiedMin: number } | null;
  followUpCadence?: string[] | null;
  callsPerLeadPerDay?: number | null;
  callsPerLeadTotal?: number | null;
  callRetryDelay?: string | null;
  callsPerBrokerPerHour?: number | null;
  notifyTelegramChatId?: number | null;
  llmDailyTurns?: number | null;
  llmDailyBudgetUsd?: number | null;
  [other: string]: unknown;
}

export interface DurationInput {
  amount: string;
  unit: Unit;
}

export interface DayHours {
  open: boolean;
  from: string;
  to: string;
}

/** What the settings form edits: text for every input, converted once when saving. */
export interface SettingsForm {
  name: string;
  personaName: string;
  personaTone: string;
  timeZone: string;
  zones: string[];
  alwaysOpen: boolean;
  days: Record<Weekday, DayHours>;
  thresholds: { coldMax: string; warmMax: string; hotMin: string; qualifiedMin: string };
  cadence: DurationInput[];
  callsPerLeadPerDay: string;
  callsPerLeadTotal: string;
  callRetryDelay: DurationInput;
  callsPerBrokerPerHour: string;
  notifyTelegramChatId: string;
  llmDailyTurns: string;
  llmDailyBudgetUsd: string;
}

/** The form's field names as the api's validation messages name them. */
export const FIELDS = [
  'name',
  'personaName',
  'personaTone',
  'timeZone',
  'settings.zones',
  'settings.businessHours',
  ...WEEKDAYS.map((d) => `settings.businessHours.days.${d}`),
  'settings.thresholds',
  'settings.followUpCadence',
  'settings.callsPerLeadPerDay',
  'settings.callsPerLeadTotal',
  'settings.callRetryDelay',
  'settings.callsPerBrokerPerHour',
  'settings.notifyTelegramChatId',
  'settings.llmDailyTurns',
  'settings.llmDailyBudgetUsd',
] as const;

const ISO = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** An ISO-8601 duration (`PT10M`, `PT72H`, `P7D`) as an amount in its largest whole unit (`3 days`). */
export function parseDuration(iso: string | null | undefined): DurationInput {
  const match = iso ? ISO.exec(iso.trim().toUpperCase()) : null;
  if (!match) return { amount: '', unit: 'hours' };
  const [, d, h, m, s] = match;
  const seconds = Number(d ?? 0) * 86400 + Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0);
  if (seconds > 0 && seconds % 86400 === 0) return { amount: String(seconds / 86400), unit: 'days' };
  if (seconds > 0 && seconds % 3600 === 0) return { amount: String(seconds / 3600), unit: 'hours' };
  return { amount: String(Math.round(seconds / 60)), unit: 'minutes' };
}

/** Back to ISO-8601; an empty or broken amount is sent as typed so the api names the problem. */
export function formatDuration({ amount, unit }: DurationInput): string {
  const n = amount.trim();
  if (!/^\d+$/.test(n)) return n;
  if (unit === 'days') return `P${n}D`;
  if (unit === 'hours') return `PT${n}H`;
  return `PT${n}M`;
}

function numberOrNull(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

const DEFAULT_DAY: DayHours = { open: false, from: '09:00', to: '19:00' };

export function toForm(broker: Broker): SettingsForm {
  const s = (broker.settings ?? {}) as BrokerSettings;
  const hours = s.businessHours ?? {};
  const days = Object.fromEntries(
    WEEKDAYS.map((day) => {
      const span = hours.days?.[day];
      return [day, span && span.length === 2 ? { open: true, from: span[0], to: span[1] } : { ...DEFAULT_DAY }];
    }),
  ) as Record<Weekday, DayHours>;
  const th = s.thresholds;
  return {
    name: broker.name ?? '',
    personaName: broker.personaName ?? '',
    personaTone: broker.personaTone ?? '',
    timeZone: broker.timeZone ?? 'America/Santiago',
    zones: [...(s.zones ?? [])],
    alwaysOpen: !!hours.alwaysOpen,
    days,
    thresholds: {
      coldMax: String(th?.coldMax ?? 20),
      warmMax: String(th?.warmMax ?? 50),
      hotMin: String(th?.hotMin ?? 50),
      qualifiedMin: String(th?.qualifiedMin ?? 75),
    },
    cadence: (s.followUpCadence ?? []).map(parseDuration),
    callsPerLeadPerDay: s.callsPerLeadPerDay == null ? '' : String(s.callsPerLeadPerDay),
    callsPerLeadTotal: s.callsPerLeadTotal == null ? '' : String(s.callsPerLeadTotal),
    callRetryDelay: parseDuration(s.callRetryDelay),
    callsPerBrokerPerHour: s.callsPerBrokerPerHour == null ? '' : String(s.callsPerBrokerPerHour),
    notifyTelegramChatId: s.notifyTelegramChatId == null ? '' : String(s.notifyTelegramChatId),
    llmDailyTurns: s.llmDailyTurns == null ? '' : String(s.llmDailyTurns),
    llmDailyBudgetUsd: s.llmDailyBudgetUsd == null ? '' : String(s.llmDailyBudgetUsd),
  };
}

/**
 * The PUT body. The api replaces the settings as a whole (a key left out falls back to its default), so
 * every setting is sent, and keys this form does not know (added by a newer api) go back as they came.
 */
export function toBody(form: SettingsForm, original: Broker) {
  const known = new Set([
    'zones',
    'businessHours',
    'thresholds',
    'followUpCadence',
    'callsPerLeadPerDay',
    'callsPerLeadTotal',
    'callRetryDelay',
    'callsPerBrokerPerHour',
    'notifyTelegramChatId',
    'llmDailyTurns',
    'llmDailyBudgetUsd',
  ]);
  const others = Object.fromEntries(Object.entries(original.settings ?? {}).filter(([key]) => !known.has(key)));
  const days: Partial<Record<Weekday, string[]>> = {};
  for (const day of WEEKDAYS) if (form.days[day].open) days[day] = [form.days[day].from, form.days[day].to];
  const th = form.thresholds;
  const settings: BrokerSettings = {
    ...others,
    zones: form.zones,
    businessHours: form.alwaysOpen ? { alwaysOpen: true, days: {} } : { alwaysOpen: false, days },
    thresholds: {
      coldMax: Number(th.coldMax),
      warmMax: Number(th.warmMax),
      hotMin: Number(th.hotMin),
      qualifiedMin: Number(th.qualifiedMin),
    },
    followUpCadence: form.cadence.map(formatDuration),
    callsPerLeadPerDay: numberOrNull(form.callsPerLeadPerDay),
    callsPerLeadTotal: numberOrNull(form.callsPerLeadTotal),
    callRetryDelay: form.callRetryDelay.amount.trim() === '' ? null : formatDuration(form.callRetryDelay),
    callsPerBrokerPerHour: numberOrNull(form.callsPerBrokerPerHour),
    notifyTelegramChatId: numberOrNull(form.notifyTelegramChatId),
    llmDailyTurns: numberOrNull(form.llmDailyTurns),
    llmDailyBudgetUsd: numberOrNull(form.llmDailyBudgetUsd),
  };
  return {
    name: form.name,
    personaName: form.personaName,
    personaTone: form.personaTone,
    timeZone: form.timeZone,
    settings,
  };
}

/** Every IANA time zone the browser knows, with the current one even if it does not. */
export function timeZones(current: string): string[] {
  let zones: string[];
  try {
    zones =
      (Intl as unknown as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  } catch {
    zones = [];
  }
  if (zones.length === 0)
    zones = [
      'America/Santiago',
      'America/Argentina/Buenos_Aires',
      'America/Bogota',
      'America/Lima',
      'America/Mexico_City',
      'Europe/Madrid',
      'UTC',
    ];
  return zones.includes(current) ? zones : [current, ...zones];
}
