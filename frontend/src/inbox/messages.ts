/** Texts of the inbox: leads waiting for a human. */
const es = {
  title: 'Bandeja',
  subtitle: 'Leads que esperan a una persona, y las tareas que los flujos piden al equipo.',
  waitingTitle: 'Esperan a un humano',
  empty: 'Nadie espera a un humano. La IA atiende a todos los leads.',
  requested: 'Pidió una persona',
  heldBy: 'Tomado por {{name}}',
  heldByYou: 'Tomado por ti',
  heldBySomeone: 'Tomado por un agente',
  waiting: 'Esperando',
  inHumanMode: 'En modo humano',
  elapsed: '{{label}} hace {{time}}',
  unknown: 'Sin reloj: el flujo no respondió',
  level: { 0: 'a tiempo', 1: 'más de 15 min', 2: 'más de 30 min', 3: 'más de 60 min' },
  legend:
    'El que más espera, primero. A los 15 min se recuerda al agente, a los 30 se alerta al administrador y a los 60 el lead vuelve a la IA.',
  open: 'Abrir',
  takeOver: 'Tomar control',
  lastMessage: 'Último mensaje {{when}}',
};
type Messages = typeof es;
const en: Messages = {
  title: 'Inbox',
  subtitle: 'Leads waiting for a person, and the tasks the workflows ask of the team.',
  waitingTitle: 'Waiting for a human',
  empty: 'Nobody is waiting for a human. The AI is attending every lead.',
  requested: 'Asked for a person',
  heldBy: 'Held by {{name}}',
  heldByYou: 'Held by you',
  heldBySomeone: 'Held by an agent',
  waiting: 'Waiting',
  inHumanMode: 'In human mode',
  elapsed: '{{label}} for {{time}}',
  unknown: 'No clock: the workflow did not answer',
  level: { 0: 'on time', 1: 'over 15 min', 2: 'over 30 min', 3: 'over 60 min' },
  legend:
    'Longest wait first. At 15 min the agent is reminded, at 30 the admin is alerted and at 60 the lead goes back to the AI.',
  open: 'Open',
  takeOver: 'Take over',
  lastMessage: 'Last message {{when}}',
};
export const inbox = { es, en };
