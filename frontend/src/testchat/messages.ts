const es = {
  title: 'Chat de prueba',
  subtitle: 'Escríbele al agente de tu corredora por el chat web, tal como lo haría un lead.',
  message: 'Mensaje', send: 'Enviar', sending: 'Enviando…', newConversation: 'Nueva conversación',
  placeholder: 'Escribe como lo haría un cliente…',
  empty: 'Escribe "hola" para empezar. El agente responde en segundos.',
  lead: 'Tú (lead)', agent: 'Agente', human: 'Agente humano', pending: 'enviando…',
  leadLink: 'Ver el lead creado', leadLinkHint: 'El lead aparece en el pipeline apenas el agente procesa el primer mensaje.',
  widgetDemo: 'Probar el widget en un sitio de ejemplo', widgetHint: 'El mismo chat que los clientes ven en el sitio web de la corredora.',
  embed: 'Código para el sitio web', embedHint: 'Pega esta línea antes de </body> en el sitio de la corredora.',
  broker: 'Corredora', chooseBroker: 'Elige una corredora', noBroker: 'No hay una corredora para chatear.',
  state: { idle: 'Sin conectar', connecting: 'Conectando…', live: 'En vivo', polling: 'Actualizando cada pocos segundos' },
  sendFailed: 'No se pudo enviar: {{message}}', startFailed: 'No se pudo abrir la conversación: {{message}}',
};
type Messages = typeof es;
const en: Messages = {
  title: 'Test chat',
  subtitle: 'Write to your brokerage’s agent through the web chat, exactly as a lead would.',
  message: 'Message', send: 'Send', sending: 'Sending…', newConversation: 'New conversation',
  placeholder: 'Write as a customer would…',
  empty: 'Write "hola" to start. The agent answers within seconds.',
  lead: 'You (lead)', agent: 'Agent', human: 'Human agent', pending: 'sending…',
  leadLink: 'Open the lead it created', leadLinkHint: 'The lead shows in the pipeline as soon as the agent handles the first message.',
  widgetDemo: 'Try the widget on a sample site', widgetHint: 'The same chat customers see on the brokerage’s website.',
  embed: 'Code for the website', embedHint: 'Paste this line before </body> on the brokerage’s site.',
  broker: 'Broker', chooseBroker: 'Choose a broker', noBroker: 'There is no broker to chat with.',
  state: { idle: 'Not connected', connecting: 'Connecting…', live: 'Live', polling: 'Refreshing every few seconds' },
  sendFailed: 'Could not send: {{message}}', startFailed: 'Could not open the conversation: {{message}}',
};
export const testchat = { es, en };
