const es = {
  title: 'Operaciones',
  subtitle: 'Lo que necesita una mano: leads detenidos, proveedores que fallan y el costo del modelo.',
  attention: {
    title: 'Leads que requieren atención', lead: 'Lead', reason: 'Motivo', since: 'Desde', action: 'Acción',
    retry: 'Reintentar', retrying: 'Reintentando…', retried: 'Reintento enviado a {{name}}.', noReason: 'Sin detalle',
    empty: 'Ningún lead requiere atención.', unnamed: 'Sin nombre', more: 'Mostrando {{shown}} de {{total}}.',
    retryFailed: 'No se pudo reintentar: {{message}}',
  },
  providers: {
    title: 'Proveedores', llm: 'Modelos de lenguaje (últimas 24 h)', provider: 'Proveedor', state: 'Estado',
    calls: 'Llamadas', failures: 'Fallas', errorRate: 'Tasa de error', latency: 'Latencia p50', lastError: 'Último error',
    empty: 'Sin llamadas al modelo en las últimas 24 h.',
    ok: 'OK', degraded: 'Con fallas', failing: 'Fallando',
  },
  channels: {
    telegram: 'Webhook de Telegram', calendar: 'Calendario', services: 'Servicios',
    webhookOk: 'Registrado', webhookNotRegistered: 'No registrado', polling: 'Modo polling', pollingRunning: 'En ejecución',
    pollingStopped: 'Detenido', noTelegram: 'Sin bot de Telegram configurado en el servidor.',
    pending: 'Pendientes: {{count}}', lastError: 'Último error: {{message}}', botConnected: 'Bot de la corredora: conectado ({{bot}})',
    botMissing: 'Bot de la corredora: no conectado', up: 'Operativo', down: 'Caído',
    calendarConnected: 'Google Calendar conectado ({{calendar}})', calendarDisconnected: 'Google Calendar desconectado: hay que volver a conectarlo',
    calendarNotConnected: 'Google Calendar no conectado: se usa el calendario local', notAvailable: 'No disponible',
    manage: 'Administrar en Configuración',
  },
  budget: {
    title: 'Presupuesto diario de IA', subtitle: 'Hoy, {{day}} ({{zone}}). Se cambia en Configuración.',
    turns: '{{turns}} de {{limit}} turnos', cost: '{{cost}} de {{budget}}', turnsMeter: 'Turnos de IA de hoy', costMeter: 'Costo de IA de hoy',
    available: 'Disponible', spent: 'Agotado',
    spentHint: 'Hasta mañana la IA no responde: los mensajes nuevos pasan a una persona del equipo.',
  },
  llm: {
    title: 'Costo y latencia del modelo por día', subtitle: 'Últimos 14 días (UTC).', day: 'Día', provider: 'Proveedor',
    calls: 'Llamadas', failures: 'Fallas', p50: 'p50', p90: 'p90', tokens: 'Tokens (entrada / salida)', cost: 'Costo (USD)',
    costChart: 'Costo por día (USD)', latencyChart: 'Latencia p50 por día (ms)', total: 'Total', empty: 'Sin llamadas al modelo en estos días.',
  },
};
type Messages = typeof es;
const en: Messages = {
  title: 'Operations',
  subtitle: 'What needs a hand: stuck leads, failing providers and what the model costs.',
  attention: {
    title: 'Leads needing attention', lead: 'Lead', reason: 'Reason', since: 'Since', action: 'Action',
    retry: 'Retry', retrying: 'Retrying…', retried: 'Retry sent for {{name}}.', noReason: 'No detail',
    empty: 'No lead needs attention.', unnamed: 'No name', more: 'Showing {{shown}} of {{total}}.',
    retryFailed: 'Could not retry: {{message}}',
  },
  providers: {
    title: 'Providers', llm: 'Language models (last 24 h)', provider: 'Provider', state: 'State',
    calls: 'Calls', failures: 'Failures', errorRate: 'Error rate', latency: 'p50 latency', lastError: 'Last error',
    empty: 'No model calls in the last 24 h.',
    ok: 'OK', degraded: 'Degraded', failing: 'Failing',
  },
  channels: {
    telegram: 'Telegram webhook', calendar: 'Calendar', services: 'Services',
    webhookOk: 'Registered', webhookNotRegistered: 'Not registered', polling: 'Polling mode', pollingRunning: 'Running',
    pollingStopped: 'Stopped', noTelegram: 'No Telegram bot configured on the server.',
    pending: 'Pending: {{count}}', lastError: 'Last error: {{message}}', botConnected: 'Broker bot: connected ({{bot}})',
    botMissing: 'Broker bot: not connected', up: 'Up', down: 'Down',
    calendarConnected: 'Google Calendar connected ({{calendar}})', calendarDisconnected: 'Google Calendar disconnected: connect it again',
    calendarNotConnected: 'Google Calendar not connected: the local calendar is used', notAvailable: 'Not available',
    manage: 'Manage in Settings',
  },
  budget: {
    title: 'Daily AI budget', subtitle: 'Today, {{day}} ({{zone}}). Changed in Settings.',
    turns: '{{turns}} of {{limit}} turns', cost: '{{cost}} of {{budget}}', turnsMeter: 'Today’s AI turns', costMeter: 'Today’s AI cost',
    available: 'Available', spent: 'Spent',
    spentHint: 'Until tomorrow the AI does not answer: new messages go to a person of the team.',
  },
  llm: {
    title: 'Model cost and latency per day', subtitle: 'Last 14 days (UTC).', day: 'Day', provider: 'Provider',
    calls: 'Calls', failures: 'Failures', p50: 'p50', p90: 'p90', tokens: 'Tokens (in / out)', cost: 'Cost (USD)',
    costChart: 'Cost per day (USD)', latencyChart: 'p50 latency per day (ms)', total: 'Total', empty: 'No model calls in these days.',
  },
};
export const operations = { es, en };
