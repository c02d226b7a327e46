import { common } from './common';
import { auth } from '../auth/messages';
import { pipeline } from '../pipeline/messages';
import { home } from '../home/messages';
import { appointments } from '../appointments/messages';
import { calls } from '../calls/messages';
import { leads } from '../leads/messages';
import { conversations } from '../conversations/messages';
import { inbox } from '../inbox/messages';
import { operations } from '../operations/messages';
import { settings } from '../settings/messages';
import { users } from '../users/messages';
import { brokers } from '../brokers/messages';
import { testchat } from '../testchat/messages';
import { tasks } from '../tasks/messages';

/**
 * Every namespace of the dashboard's texts: each feature folder keeps its own `messages.ts`
 * (`{ es: {...}, en: {...} }`) and is listed here once.
 */
const namespaces = {
  common,
  auth,
  pipeline,
  home,
  appointments,
  calls,
  leads,
  conversations,
  inbox,
  operations,
  settings,
  users,
  brokers,
  testchat,
  tasks,
};

type Namespaces = typeof namespaces;
export const resources = {
  es: Object.fromEntries(Object.entries(namespaces).map(([ns, m]) => [ns, m.es])),
  en: Object.fromEntries(Object.entries(namespaces).map(([ns, m]) => [ns, m.en])),
} as unknown as Record<'es' | 'en', Record<keyof Namespaces, Record<string, unknown>>>;
