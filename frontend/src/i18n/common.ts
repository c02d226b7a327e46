/** Texts shared by every page: the shell, navigation, states, stages and statuses. */
const es = {
  appName: 'Inmo',
  nav: {
    home: 'Inicio', leads: 'Leads', pipeline: 'Pipeline', inbox: 'Bandeja', appointments: 'Visitas',
    calls: 'Llamadas', operations: 'Operaciones', settings: 'Configuración', users: 'Usuarios',
    brokers: 'Corredoras', testChat: 'Chat de prueba', menu: 'Menú', skip: 'Saltar al contenido',
  },
  shell: { logout: 'Cerrar sesión', language: 'Idioma', live: 'En vivo', connecting: 'Conectando…', offline: 'Sin conexión' },
  roles: { SUPERADMIN: 'Superadmin', ADMIN: 'Administrador', AGENT: 'Agente' },
  state: {
    loading: 'Cargando…', empty: 'Nada por aquí todavía.', error: 'No se pudo cargar.', retry: 'Reintentar',
    notFound: 'No encontrado', notFoundText: 'Esta página o este registro no existe, o no tienes acceso.',
    save: 'Guardar', saved: 'Guardado', cancel: 'Cancelar', close: 'Cerrar', confirm: 'Confirmar',
    previous: 'Anterior', next: 'Siguiente', search: 'Buscar', all: 'Todos', none: '—',
  },
  stage: {
    NEW: 'Nuevo', PROFILING: 'Perfilando', FINANCIAL_QUALIFICATION: 'Calificación financiera',
    POTENTIAL: 'Potencial', SCHEDULED: 'Visita agendada', WON: 'Ganado', LOST: 'Perdido',
  },
  status: { COLD: 'Frío', WARM: 'Tibio', HOT: 'Caliente', QUALIFIED: 'Calificado' },
  channel: { TELEGRAM: 'Telegram', WEBCHAT: 'Web chat', IMPORT: 'Importado', MANUAL: 'Manual' },
};

type Messages = typeof es;

const en: Messages = {
  appName: 'Inmo',
  nav: {
    home: 'Home', leads: 'Leads', pipeline: 'Pipeline', inbox: 'Inbox', appointments: 'Visits',
    calls: 'Calls', operations: 'Operations', settings: 'Settings', users: 'Users',
    brokers: 'Brokers', testChat: 'Test chat', menu: 'Menu', skip: 'Skip to content',
  },
  shell: { logout: 'Sign out', language: 'Language', live: 'Live', connecting: 'Connecting…', offline: 'Offline' },
  roles: { SUPERADMIN: 'Superadmin', ADMIN: 'Admin', AGENT: 'Agent' },
  state: {
    loading: 'Loading…', empty: 'Nothing here yet.', error: 'Could not load.', retry: 'Retry',
    notFound: 'Not found', notFoundText: 'This page or record does not exist, or you have no access to it.',
    save: 'Save', saved: 'Saved', cancel: 'Cancel', close: 'Close', confirm: 'Confirm',
    previous: 'Previous', next: 'Next', search: 'Search', all: 'All', none: '—',
  },
  stage: {
    NEW: 'New', PROFILING: 'Profiling', FINANCIAL_QUALIFICATION: 'Financial qualification',
    POTENTIAL: 'Potential', SCHEDULED: 'Visit booked', WON: 'Won', LOST: 'Lost',
  },
  status: { COLD: 'Cold', WARM: 'Warm', HOT: 'Hot', QUALIFIED: 'Qualified' },
  channel: { TELEGRAM: 'Telegram', WEBCHAT: 'Web chat', IMPORT: 'Imported', MANUAL: 'Manual' },
};

export const common = { es, en };
