/** The widget's texts: Spanish unless the script tag says `data-lang="en"`. */
export const TEXTS = {
  es: {
    open: 'Abrir el chat',
    close: 'Cerrar el chat',
    title: '¿Buscas propiedad? Conversemos',
    subtitle: 'Te respondemos al instante',
    message: 'Mensaje',
    send: 'Enviar',
    placeholder: 'Escribe tu mensaje…',
    greeting: '¡Hola! Cuéntanos qué buscas: comuna, tipo de propiedad, presupuesto…',
    you: 'Tú',
    agent: 'Agente',
    sending: 'enviando…',
    failed: 'No se pudo enviar. Revisa tu conexión e inténtalo de nuevo.',
    tooFast: 'Estás escribiendo muy rápido. Espera un momento e inténtalo de nuevo.',
  },
  en: {
    open: 'Open the chat',
    close: 'Close the chat',
    title: 'Looking for a property? Let’s talk',
    subtitle: 'We answer right away',
    message: 'Message',
    send: 'Send',
    placeholder: 'Write your message…',
    greeting: 'Hi! Tell us what you are looking for: area, property type, budget…',
    you: 'You',
    agent: 'Agent',
    sending: 'sending…',
    failed: 'Could not send. Check your connection and try again.',
    tooFast: 'You are writing too fast. Wait a moment and try again.',
  },
};
export type Lang = keyof typeof TEXTS;
export type Texts = (typeof TEXTS)['es'];
