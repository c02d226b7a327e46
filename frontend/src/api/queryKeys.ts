/**
 * Every cached query's key, in one place, so the live event stream can invalidate exactly what an event
 * changes. Keys are hierarchical: invalidating `['leads']` refreshes every lead list and detail.
 */
export const queryKeys = {
  me: ['me'] as const,
  broker: ['broker', 'current'] as const,
  brokers: ['brokers'] as const,
  users: ['users'] as const,
  leads: ['leads'] as const,
  leadList: (params: object) => ['leads', 'list', params] as const,
  lead: (id: string) => ['leads', 'detail', id] as const,
  leadMessages: (id: string) => ['leads', 'detail', id, 'messages'] as const,
  leadStages: (id: string) => ['leads', 'detail', id, 'stages'] as const,
  // under the lead's detail key: every event naming the lead refreshes them too
  leadCalls: (id: string) => ['leads', 'detail', id, 'calls'] as const,
  leadAppointments: (id: string) => ['leads', 'detail', id, 'appointments'] as const,
  leadSlots: (id: string) => ['leads', 'detail', id, 'slots'] as const,
  leadTasks: (id: string) => ['leads', 'detail', id, 'tasks'] as const,
  dashboardConfig: ['dashboard', 'config'] as const,
  pipeline: ['pipeline'] as const,
  appointments: ['appointments'] as const,
  calls: ['calls'] as const,
  inbox: ['inbox'] as const,
  tasks: ['tasks'] as const,
  taskList: (params: object) => ['tasks', 'list', params] as const,
  operations: ['operations'] as const,
  llmCosts: ['operations', 'llm'] as const,
  calendar: ['calendar'] as const,
  telegram: ['telegram'] as const,
  // home, pipeline, appointments, calls: under the roots the live events invalidate
  pipelineMetrics: (params: object) => ['pipeline', 'metrics', params] as const,
  appointmentList: (params: object) => ['appointments', 'list', params] as const,
  callList: (params: object) => ['calls', 'list', params] as const,
  // operations, settings, users, brokers, test chat
  brokerProfile: ['broker', 'profile'] as const,
  brokerList: (params: object) => ['brokers', params] as const,
  userList: (params: object) => ['users', params] as const,
  attention: ['operations', 'attention'] as const,
  providers: ['operations', 'providers'] as const,
  llmBudget: ['operations', 'llm-budget'] as const,
  llmDaily: (from: string, to: string) => ['operations', 'llm', from, to] as const,
  health: ['operations', 'health'] as const,
  calendarGoogle: ['calendar', 'google'] as const,
  telegramBot: (slug: string) => ['telegram', slug] as const,
};
