import { useState, type ReactNode } from 'react';
import { useMutation, useQueryClient, type QueryKey, type UseMutationResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { DataTable, type Column } from './DataTable';
import { ConfirmDialog } from './Dialog';
import { PageHeader } from './PageHeader';
import { QueryState, Skeleton } from './States';
import { Toast } from './Toast';

/**
 * The pages that list accounts (users, brokers). Each one's messages name these pieces with the same keys,
 * in its own words: `title`, `subtitle`, `add`, `empty`, `state`, `actions`, `active`, `inactive`, `edit`,
 * `editOf`, `deactivate`, `deactivateOf`, `deactivateConfirm`, `deactivated`, `activate`, `reactivated`.
 */
type AccountsNs = 'users' | 'brokers';

interface Account {
  id: string;
  active: boolean;
}

/** What an accounts page keeps: see useAccountsPage. */
export interface AccountsPage<A extends Account, Open> {
  ns: AccountsNs;
  nameOf: (account: A) => string;
  open: Open | null;
  setOpen: (open: Open | null) => void;
  close: () => void;
  /** Closes the open dialog, says `message` in a toast and refreshes the list. */
  done: (message: string) => void;
  reactivate: UseMutationResult<A, Error, A>;
  deactivate: (account: A) => void;
  /** The deactivation dialog while one is open, and the toast: render them once on the page. */
  overlays: ReactNode;
}

/**
 * An accounts page's dialogs and messages. `Open` is the page's own dialog; deactivating (`DELETE` on
 * `pathOf(account)`, after asking) and reactivating (`reactivateWith` on it with `{ active: true }`) are the
 * same everywhere, and every change ends with a toast and a refreshed `listKey`.
 */
export function useAccountsPage<A extends Account, Open>({
  ns,
  listKey,
  pathOf,
  nameOf,
  reactivateWith,
}: {
  ns: AccountsNs;
  listKey: QueryKey;
  pathOf: (account: A) => string;
  nameOf: (account: A) => string;
  reactivateWith: 'PUT' | 'PATCH';
}): AccountsPage<A, Open> {
  const { t } = useTranslation(ns);
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<Open | null>(null);
  const [deactivating, setDeactivating] = useState<A | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const close = () => {
    setOpen(null);
    setDeactivating(null);
  };
  const done = (text: string) => {
    close();
    setMessage(text);
    void queryClient.invalidateQueries({ queryKey: listKey });
  };
  const reactivate = useMutation({
    mutationFn: (account: A) => api<A>(pathOf(account), { method: reactivateWith, body: { active: true } }),
    onSuccess: (account) => done(t('reactivated', { name: nameOf(account) })),
    onError: (error) => setMessage(error.message),
  });
  const overlays = (
    <>
      {deactivating && (
        <DeactivateDialog
          ns={ns}
          name={nameOf(deactivating)}
          path={pathOf(deactivating)}
          onClose={close}
          onDone={done}
        />
      )}
      <Toast message={message} onDone={() => setMessage(null)} />
    </>
  );
  return {
    ns,
    nameOf,
    open,
    setOpen,
    close,
    done,
    reactivate,
    deactivate: setDeactivating,
    overlays,
  };
}

/**
 * An accounts page's header (title, subtitle, Add) and its table: the page's own `columns`, then each
 * account's state and buttons (Edit, `extraActions`, Deactivate or Reactivate); inactive rows are greyed.
 */
export function AccountsList<A extends Account, Open>({
  accounts,
  query,
  order = (list) => list,
  columns,
  rowTestId,
  onAdd,
  onEdit,
  canDeactivate = () => true,
  extraActions,
}: {
  accounts: AccountsPage<A, Open>;
  query: { data: A[] | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
  order?: (list: A[]) => A[];
  columns: Column<A>[];
  rowTestId: string;
  onAdd: () => void;
  onEdit: (account: A) => void;
  canDeactivate?: (account: A) => boolean;
  extraActions?: (account: A) => ReactNode;
}) {
  const { t } = useTranslation(accounts.ns);
  return (
    <>
      <PageHeader
        title={t('title')}
        actions={
          <button type="button" className="btn primary" onClick={onAdd}>
            {t('add')}
          </button>
        }
      >
        <p className="muted">{t('subtitle')}</p>
      </PageHeader>
      <QueryState query={query} skeleton={<Skeleton lines={5} />}>
        {(list) => (
          <DataTable
            rows={order(list)}
            rowKey={(account) => account.id}
            rowTestId={rowTestId}
            rowClassName={(account) => (account.active ? undefined : 'inactive')}
            empty={t('empty')}
            columns={[
              ...columns,
              { header: t('state'), cell: (account) => <ActiveBadge ns={accounts.ns} active={account.active} /> },
              {
                header: t('actions'),
                label: false,
                cell: (account) => (
                  <AccountActions
                    accounts={accounts}
                    account={account}
                    canDeactivate={canDeactivate(account)}
                    onEdit={() => onEdit(account)}
                  >
                    {extraActions?.(account)}
                  </AccountActions>
                ),
              },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}

/** An account's state: a green Active or a grey Inactive. */
function ActiveBadge({ ns, active }: { ns: AccountsNs; active: boolean }) {
  const { t } = useTranslation(ns);
  return <span className={`badge ${active ? 'health-ok' : ''}`}>{active ? t('active') : t('inactive')}</span>;
}

/**
 * An account's buttons, named after it for screen readers: Edit, the page's own (`children`), then
 * Deactivate (unless `canDeactivate` is false, as on one's own account) or, once inactive, Reactivate.
 */
function AccountActions<A extends Account, Open>({
  accounts,
  account,
  canDeactivate = true,
  onEdit,
  children,
}: {
  accounts: AccountsPage<A, Open>;
  account: A;
  canDeactivate?: boolean;
  onEdit: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation(accounts.ns);
  const name = accounts.nameOf(account);
  return (
    <div className="row-actions">
      <button type="button" className="btn small" aria-label={t('editOf', { name })} onClick={onEdit}>
        {t('edit')}
      </button>
      {children}
      {account.active ? (
        canDeactivate && (
          <button
            type="button"
            className="btn small danger"
            aria-label={t('deactivateOf', { name })}
            onClick={() => accounts.deactivate(account)}
          >
            {t('deactivate')}
          </button>
        )
      ) : (
        <button
          type="button"
          className="btn small"
          disabled={accounts.reactivate.isPending}
          onClick={() => accounts.reactivate.mutate(account)}
        >
          {t('activate')}
        </button>
      )}
    </div>
  );
}

/** Asks before deactivating an account, then sends `DELETE path`; the api's refusal shows in place. */
function DeactivateDialog({
  ns,
  name,
  path,
  onClose,
  onDone,
}: {
  ns: AccountsNs;
  name: string;
  path: string;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation(ns);
  const remove = useMutation({
    mutationFn: () => api(path, { method: 'DELETE' }),
    onSuccess: () => onDone(t('deactivated', { name })),
  });
  return (
    <ConfirmDialog
      title={t('deactivateOf', { name })}
      confirmLabel={t('deactivate')}
      pending={remove.isPending}
      error={remove.error?.message}
      onConfirm={() => remove.mutate()}
      onClose={onClose}
    >
      {t('deactivateConfirm', { name })}
    </ConfirmDialog>
  );
}
