/** One message of a lead's conversation (api ChatMessage); also the `data` of a `message` live event. */
export interface ChatMessage {
  id: string;
  direction: 'INBOUND' | 'OUTBOUND' | string;
  author: 'LEAD' | 'AI' | 'HUMAN' | 'SYSTEM' | string;
  authorUserId: string | null;
  body: string;
  at: string;
}
