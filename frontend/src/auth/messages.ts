const es = {
  title: 'Inmo',
  subtitle: 'Inicia sesión para ver tus leads en vivo.',
  email: 'Correo',
  password: 'Contraseña',
  submit: 'Entrar',
  signingIn: 'Entrando…',
  failed: 'No se pudo iniciar sesión.',
};
const en: typeof es = {
  title: 'Inmo',
  subtitle: 'Sign in to watch your leads live.',
  email: 'Email',
  password: 'Password',
  submit: 'Sign in',
  signingIn: 'Signing in…',
  failed: 'Could not sign in.',
};
export const auth = { es, en };
