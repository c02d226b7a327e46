import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import { useAuth, type Role } from '../auth/AuthProvider';
import { PageHeader } from '../ui/PageHeader';
import { EmptyState, QueryState, Skeleton } from '../ui/States';
import { ConfirmDialog, FormDialog } from '../ui/Dialog';
import { Field, FormError } from '../ui/Field';
import { errorProps, fieldErrors, type FieldErrors } from '../ui/problems';
import { Toast } from '../ui/Toast';
import '../ui/table.css';

/** `UserView` of the api. */
export interface User {
  id: string;
  brokerId: string | null;
  email: string;
  fullName: string;
  role: Role;
  active: boolean;
  createdAt?: string;
  updatedAt?: string;
}

interface BrokerOption {
  id: string;
  slug: string;
  name: string;
}

const USER_FIELDS = ['email', 'fullName', 'role', 'password', 'brokerId'];
const PASSWORD_ALIAS = { 'Password rejected': 'password' };

/** The api's validation answer, a duplicate e-mail (409) on the e-mail field. */
function userErrors(error: unknown): FieldErrors {
  if (error instanceof ApiError && error.status === 409 && /e-?mail/i.test(error.message))
    return { email: error.message };
  return fieldErrors(error, USER_FIELDS, PASSWORD_ALIAS);
}

type Open =
  | { kind: 'create' }
  | { kind: 'edit'; user: User }
  | { kind: 'password'; user: User }
  | { kind: 'deactivate'; user: User }
  | null;

export default function UsersPage() {
  const { t } = useTranslation('users');
  const { me } = useAuth();
  const superadmin = me?.role === 'SUPERADMIN';
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<Open>(null);
  const [toast, setToast] = useState<string | null>(null);
  const users = useQuery({
    queryKey: queryKeys.userList({}),
    queryFn: ({ signal }) => api<User[]>('/api/v1/users', { signal }),
  });
  const brokers = useQuery({
    queryKey: queryKeys.brokerList({}),
    queryFn: ({ signal }) => api<BrokerOption[]>('/api/v1/brokers', { signal }),
    enabled: superadmin,
  });
  const brokerName = (id: string | null) => brokers.data?.find((b) => b.id === id)?.name ?? '—';

  const reactivate = useMutation({
    mutationFn: (user: User) => api<User>(`/api/v1/users/${user.id}`, { method: 'PATCH', body: { active: true } }),
    onSuccess: (user) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.users });
      setToast(t('reactivated', { name: user.fullName }));
    },
    onError: (error) => setToast(error instanceof Error ? error.message : String(error)),
  });

  const done = (message: string) => {
    setOpen(null);
    setToast(message);
    void queryClient.invalidateQueries({ queryKey: queryKeys.users });
  };

  return (
    <div className="users">
      <PageHeader
        title={t('title')}
        actions={
          <button type="button" className="btn primary" onClick={() => setOpen({ kind: 'create' })}>
            {t('add')}
          </button>
        }
      >
        <p className="muted">{t('subtitle')}</p>
      </PageHeader>
      <QueryState query={users} skeleton={<Skeleton lines={5} />}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState title={t('empty')} />
          ) : (
            <div className="table-wrap">
              <table className="data stack">
                <thead>
                  <tr>
                    <th scope="col">{t('name')}</th>
                    <th scope="col">{t('email')}</th>
                    <th scope="col">{t('role')}</th>
                    {superadmin && <th scope="col">{t('broker')}</th>}
                    <th scope="col">{t('state')}</th>
                    <th scope="col">{t('actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...list]
                    .sort((a, b) => Number(b.active) - Number(a.active) || a.fullName.localeCompare(b.fullName))
                    .map((user) => {
                      const self = user.id === me?.id;
                      return (
                        <tr key={user.id} className={user.active ? '' : 'inactive'} data-testid="user-row">
                          <td data-label={t('name')}>
                            {user.fullName} {self && <span className="muted">{t('you')}</span>}
                          </td>
                          <td data-label={t('email')}>{user.email}</td>
                          <td data-label={t('role')}>{t(`common:roles.${user.role}`)}</td>
                          {superadmin && <td data-label={t('broker')}>{brokerName(user.brokerId)}</td>}
                          <td data-label={t('state')}>
                            <span className={`badge ${user.active ? 'health-ok' : ''}`}>
                              {user.active ? t('active') : t('inactive')}
                            </span>
                          </td>
                          <td>
                            <div className="row-actions">
                              <button
                                type="button"
                                className="btn small"
                                aria-label={t('editOf', { name: user.fullName })}
                                onClick={() => setOpen({ kind: 'edit', user })}
                              >
                                {t('edit')}
                              </button>
                              <button
                                type="button"
                                className="btn small"
                                aria-label={t('resetOf', { name: user.fullName })}
                                onClick={() => setOpen({ kind: 'password', user })}
                              >
                                {t('resetPassword')}
                              </button>
                              {user.active ? (
                                !self && (
                                  <button
                                    type="button"
                                    className="btn small danger"
                                    aria-label={t('deactivateOf', { name: user.fullName })}
                                    onClick={() => setOpen({ kind: 'deactivate', user })}
                                  >
                                    {t('deactivate')}
                                  </button>
                                )
                              ) : (
                                <button
                                  type="button"
                                  className="btn small"
                                  disabled={reactivate.isPending}
                                  onClick={() => reactivate.mutate(user)}
                                >
                                  {t('activate')}
                                </button>
                              )}
                            </div>
                          </td>
                        </tr>
                      );
                    })}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
      {open?.kind === 'create' && (
        <CreateUser
          brokers={superadmin ? (brokers.data ?? []) : null}
          onClose={() => setOpen(null)}
          onDone={(u) => done(t('created', { name: u.fullName }))}
        />
      )}
      {open?.kind === 'edit' && (
        <EditUser
          user={open.user}
          self={open.user.id === me?.id}
          onClose={() => setOpen(null)}
          onDone={() => done(t('saved'))}
        />
      )}
      {open?.kind === 'password' && (
        <ResetPassword user={open.user} onClose={() => setOpen(null)} onDone={() => done(t('passwordSaved'))} />
      )}
      {open?.kind === 'deactivate' && (
        <Deactivate
          user={open.user}
          onClose={() => setOpen(null)}
          onDone={() => done(t('deactivated', { name: open.user.fullName }))}
        />
      )}
      <Toast message={toast} onDone={() => setToast(null)} />
    </div>
  );
}

function CreateUser({
  brokers,
  onClose,
  onDone,
}: {
  brokers: BrokerOption[] | null;
  onClose: () => void;
  onDone: (user: User) => void;
}) {
  const { t } = useTranslation('users');
  const [email, setEmail] = useState('');
  const [fullName, setFullName] = useState('');
  const [role, setRole] = useState<Role>('AGENT');
  const [password, setPassword] = useState('');
  const [brokerId, setBrokerId] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation({
    mutationFn: () =>
      api<User>('/api/v1/users', {
        method: 'POST',
        body: {
          email: email.trim(),
          fullName: fullName.trim(),
          role,
          password,
          ...(brokers ? { brokerId: brokerId || null } : {}),
        },
      }),
    onSuccess: onDone,
    onError: (error) => setErrors(userErrors(error)),
  });
  function submit() {
    setErrors({});
    create.mutate();
  }
  return (
    <FormDialog
      title={t('add')}
      onClose={onClose}
      onSubmit={submit}
      pending={create.isPending}
      submitLabel={create.isPending ? t('creating') : t('create')}
    >
      <FormError errors={errors} />
      <Field label={t('name')} id="user-name" error={errors.fullName}>
        <input
          id="user-name"
          autoComplete="off"
          value={fullName}
          onChange={(e) => setFullName(e.target.value)}
          {...errorProps(errors, 'fullName', 'user-name')}
        />
      </Field>
      <Field label={t('email')} id="user-email" error={errors.email}>
        <input
          id="user-email"
          type="email"
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          {...errorProps(errors, 'email', 'user-email')}
        />
      </Field>
      <Field label={t('role')} id="user-role" error={errors.role}>
        <select
          id="user-role"
          value={role}
          onChange={(e) => setRole(e.target.value as Role)}
          {...errorProps(errors, 'role', 'user-role')}
        >
          <option value="AGENT">{t('common:roles.AGENT')}</option>
          <option value="ADMIN">{t('common:roles.ADMIN')}</option>
        </select>
      </Field>
      {brokers && (
        <Field label={t('broker')} id="user-broker" error={errors.brokerId}>
          <select
            id="user-broker"
            value={brokerId}
            onChange={(e) => setBrokerId(e.target.value)}
            {...errorProps(errors, 'brokerId', 'user-broker')}
          >
            <option value="">{t('chooseBroker')}</option>
            {brokers.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field label={t('password')} id="user-password" error={errors.password} hint={t('passwordHint')}>
        <input
          id="user-password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          {...errorProps(errors, 'password', 'user-password', true)}
        />
      </Field>
    </FormDialog>
  );
}

function EditUser({
  user,
  self,
  onClose,
  onDone,
}: {
  user: User;
  self: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation('users');
  const [fullName, setFullName] = useState(user.fullName);
  const [role, setRole] = useState<Role>(user.role);
  const [active, setActive] = useState(user.active);
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: () =>
      api<User>(`/api/v1/users/${user.id}`, { method: 'PATCH', body: { fullName: fullName.trim(), role, active } }),
    onSuccess: onDone,
    onError: (error) => setErrors(userErrors(error)),
  });
  return (
    <FormDialog
      title={t('editOf', { name: user.fullName })}
      onClose={onClose}
      pending={save.isPending}
      submitLabel={save.isPending ? t('saving') : t('save')}
      onSubmit={() => {
        setErrors({});
        save.mutate();
      }}
    >
      <FormError errors={errors} />
      <Field label={t('name')} id="edit-name" error={errors.fullName}>
        <input
          id="edit-name"
          value={fullName}
          onChange={(e) => setFullName(e.target.value)}
          {...errorProps(errors, 'fullName', 'edit-name')}
        />
      </Field>
      <Field label={t('role')} id="edit-role" error={errors.role}>
        <select
          id="edit-role"
          value={role}
          disabled={self || user.role === 'SUPERADMIN'}
          onChange={(e) => setRole(e.target.value as Role)}
        >
          {user.role === 'SUPERADMIN' && <option value="SUPERADMIN">{t('common:roles.SUPERADMIN')}</option>}
          <option value="AGENT">{t('common:roles.AGENT')}</option>
          <option value="ADMIN">{t('common:roles.ADMIN')}</option>
        </select>
      </Field>
      <label className="check">
        <input type="checkbox" checked={active} disabled={self} onChange={(e) => setActive(e.target.checked)} />
        {t('isActive')}
      </label>
    </FormDialog>
  );
}

function ResetPassword({ user, onClose, onDone }: { user: User; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation('users');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: () => api(`/api/v1/users/${user.id}/password`, { method: 'PUT', body: { password } }),
    onSuccess: onDone,
    onError: (error) => setErrors(userErrors(error)),
  });
  return (
    <FormDialog
      title={t('resetOf', { name: user.fullName })}
      onClose={onClose}
      pending={save.isPending}
      submitLabel={save.isPending ? t('saving') : t('save')}
      onSubmit={() => {
        setErrors({});
        save.mutate();
      }}
    >
      <FormError errors={errors} />
      <p className="muted small">{t('passwordResetHint')}</p>
      <Field label={t('newPassword')} id="reset-password" error={errors.password} hint={t('passwordHint')}>
        <input
          id="reset-password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          {...errorProps(errors, 'password', 'reset-password', true)}
        />
      </Field>
    </FormDialog>
  );
}

function Deactivate({ user, onClose, onDone }: { user: User; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation('users');
  const remove = useMutation({
    mutationFn: () => api(`/api/v1/users/${user.id}`, { method: 'DELETE' }),
    onSuccess: onDone,
  });
  return (
    <ConfirmDialog
      title={t('deactivateOf', { name: user.fullName })}
      confirmLabel={t('deactivate')}
      pending={remove.isPending}
      error={remove.error?.message}
      onConfirm={() => remove.mutate()}
      onClose={onClose}
    >
      {t('deactivateConfirm', { name: user.fullName })}
    </ConfirmDialog>
  );
}
