const es = {
  title: 'Corredoras', subtitle: 'Cada corredora es un cliente con sus leads, usuarios y configuración.',
  add: 'Nueva corredora', name: 'Nombre', slug: 'Identificador (slug)', slugHint: 'Minúsculas, dígitos y guiones; no cambia después (va en los ids de los leads y en el widget).',
  timeZone: 'Zona horaria', personaName: 'Nombre del agente', personaTone: 'Tono del agente', state: 'Estado', actions: 'Acciones',
  active: 'Activa', inactive: 'Inactiva', isActive: 'Activa (sus usuarios pueden entrar)', empty: 'Todavía no hay corredoras.',
  edit: 'Editar', editOf: 'Editar {{name}}', deactivate: 'Desactivar', deactivateOf: 'Desactivar {{name}}', activate: 'Reactivar',
  deactivateConfirm: 'Los usuarios de {{name}} ya no podrán entrar. Sus leads y usuarios se conservan.',
  create: 'Crear corredora', creating: 'Creando…', save: 'Guardar', saving: 'Guardando…',
  created: 'Corredora {{name}} creada.', saved: 'Cambios guardados.', deactivated: '{{name}} quedó desactivada.', reactivated: '{{name}} quedó activa.',
};
type Messages = typeof es;
const en: Messages = {
  title: 'Brokers', subtitle: 'Each broker is a customer with its own leads, users and settings.',
  add: 'New broker', name: 'Name', slug: 'Identifier (slug)', slugHint: 'Lower case, digits and dashes; fixed once created (it is in the leads’ ids and the widget).',
  timeZone: 'Time zone', personaName: 'Agent name', personaTone: 'Agent tone', state: 'State', actions: 'Actions',
  active: 'Active', inactive: 'Inactive', isActive: 'Active (its users may sign in)', empty: 'No brokers yet.',
  edit: 'Edit', editOf: 'Edit {{name}}', deactivate: 'Deactivate', deactivateOf: 'Deactivate {{name}}', activate: 'Reactivate',
  deactivateConfirm: '{{name}}’s users will no longer sign in. Its leads and users are kept.',
  create: 'Create broker', creating: 'Creating…', save: 'Save', saving: 'Saving…',
  created: 'Broker {{name}} created.', saved: 'Changes saved.', deactivated: '{{name}} is deactivated.', reactivated: '{{name}} is active.',
};
export const brokers = { es, en };
