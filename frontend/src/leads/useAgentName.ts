import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/AuthProvider';
import { useUsers } from './api';

/**
 * A user id as a name: "Tú" for the signed-in user, the name from the broker's users for an admin, "IA"
 * for the workflow's own moves, else "un agente" (an agent cannot list their colleagues).
 */
export function useAgentName(): (id: string | null | undefined) => string | null {
  const { t } = useTranslation('leads');
  const { me } = useAuth();
  const users = useUsers();
  return useCallback(
    (id) => {
      if (!id) return null;
      if (id.toLowerCase() === 'ai') return t('ai');
      if (me && id === me.id) return t('you');
      const user = users.data?.find((u) => u.id === id);
      return user ? user.fullName : t('someone');
    },
    [me, users.data, t],
  );
}
