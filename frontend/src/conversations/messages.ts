/** Texts of a lead's conversation and the human composer. */
const es = {
  title: 'Conversación',
  empty: 'Todavía no hay mensajes.',
  author: { LEAD: 'Lead', AI: 'IA', HUMAN: 'Agente', SYSTEM: 'Sistema' },
  message: 'Mensaje',
  placeholder: 'Escribe como agente…',
  send: 'Enviar',
  sending: 'Enviando…',
  hint: 'Enter envía · Shift+Enter nueva línea',
  tooLong: 'Máximo 4000 caracteres.',
  aiActive: 'La IA está conversando con este lead. Toma el control para escribirle tú.',
  newMessages: 'Mensajes nuevos',
};
type Messages = typeof es;
const en: Messages = {
  title: 'Conversation',
  empty: 'No messages yet.',
  author: { LEAD: 'Lead', AI: 'AI', HUMAN: 'Agent', SYSTEM: 'System' },
  message: 'Message',
  placeholder: 'Write as an agent…',
  send: 'Send',
  sending: 'Sending…',
  hint: 'Enter sends · Shift+Enter new line',
  tooLong: 'At most 4000 characters.',
  aiActive: 'The AI is talking with this lead. Take over to write yourself.',
  newMessages: 'New messages',
};
export const conversations = { es, en };
