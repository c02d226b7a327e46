import { useEffect, useEffectEvent } from 'react';

/** A message that disappears after a few seconds, announced to screen readers. */
export function Toast({ message, onDone }: { message: string | null; onDone: () => void }) {
  const done = useEffectEvent(onDone);
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => done(), 4000);
    return () => clearTimeout(timer);
  }, [message]);
  return (
    <div role="status" aria-live="polite">
      {message && <div className="toast">{message}</div>}
    </div>
  );
}
