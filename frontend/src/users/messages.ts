const es = {
  title: 'Usuarios', subtitle: 'Administradores y agentes de la corredora.',
  add: 'Nuevo usuario', name: 'Nombre', email: 'Correo', role: 'Rol', state: 'Estado', broker: 'Corredora', actions: 'Acciones',
  active: 'Activo', inactive: 'Inactivo', you: '(tú)', empty: 'Todavía no hay usuarios.',
  edit: 'Editar', editOf: 'Editar a {{name}}', resetPassword: 'Cambiar contraseña', resetOf: 'Cambiar la contraseña de {{name}}',
  deactivate: 'Desactivar', deactivateOf: 'Desactivar a {{name}}', activate: 'Reactivar',
  deactivateConfirm: '{{name}} no podrá volver a entrar y sus sesiones se cerrarán. Sus leads y mensajes conservan su nombre.',
  create: 'Crear usuario', creating: 'Creando…', save: 'Guardar', saving: 'Guardando…',
  password: 'Contraseña', newPassword: 'Nueva contraseña', passwordHint: 'Al menos 8 caracteres, con un dígito y un símbolo (# ! - _ .).',
  passwordResetHint: 'Las sesiones abiertas del usuario se cerrarán.',
  isActive: 'Puede entrar (activo)', chooseBroker: 'Elige una corredora',
  created: 'Usuario {{name}} creado.', saved: 'Cambios guardados.', passwordSaved: 'Contraseña cambiada.', deactivated: '{{name}} quedó desactivado.',
  reactivated: '{{name}} quedó activo.',
};
type Messages = typeof es;
const en: Messages = {
  title: 'Users', subtitle: 'The brokerage’s admins and agents.',
  add: 'New user', name: 'Name', email: 'Email', role: 'Role', state: 'State', broker: 'Broker', actions: 'Actions',
  active: 'Active', inactive: 'Inactive', you: '(you)', empty: 'No users yet.',
  edit: 'Edit', editOf: 'Edit {{name}}', resetPassword: 'Change password', resetOf: 'Change the password of {{name}}',
  deactivate: 'Deactivate', deactivateOf: 'Deactivate {{name}}', activate: 'Reactivate',
  deactivateConfirm: '{{name}} will not be able to sign in and their sessions end. Their leads and messages keep their name.',
  create: 'Create user', creating: 'Creating…', save: 'Save', saving: 'Saving…',
  password: 'Password', newPassword: 'New password', passwordHint: 'At least 8 characters, with a digit and a symbol (# ! - _ .).',
  passwordResetHint: 'The user’s open sessions will end.',
  isActive: 'May sign in (active)', chooseBroker: 'Choose a broker',
  created: 'User {{name}} created.', saved: 'Changes saved.', passwordSaved: 'Password changed.', deactivated: '{{name}} is deactivated.',
  reactivated: '{{name}} is active.',
};
export const users = { es, en };
