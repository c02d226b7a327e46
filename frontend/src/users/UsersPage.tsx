import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import { useAuth, type Role } from '../auth/AuthProvider';
import { AccountsList, useAccountsPage } from '../ui/Accounts';
import { FormDialog } from '../ui/Dialog';
import { Field, FormError } from '../ui/Field';
import { errorProps, fieldErrors, type FieldErrors } from '../ui/problems';
import { useFormSubmit } from '../ui/useFormSubmit';

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

type Open = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'password'; user: User };

export default function UsersPage() {
  const { t } = useTranslation('users');
  const { me } = useAuth();
  const superadmin = me?.role === 'SUPERADMIN';
  const accounts = useAccountsPage<User, Open>({
    ns: 'users',
    listKey: queryKeys.users,
    pathOf: (user) => `/api/v1/users/${user.id}`,
    nameOf: (user) => user.fullName,
    reactivateWith: 'PATCH',
  });
  const { open, setOpen, close, done } = accounts;
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

  return (
    <div className="users">
      <AccountsList
        accounts={accounts}
        query={users}
        order={(list) =>
          [...list].sort((a, b) => Number(b.active) - Number(a.active) || a.fullName.localeCompare(b.fullName))
        }
        columns={[
          {
            header: t('name'),
            cell: (user) => (
              <>
                {user.fullName} {user.id === me?.id && <span className="muted">{t('you')}</span>}
              </>
            ),
          },
          { header: t('email'), cell: (user) => user.email },
          { header: t('role'), cell: (user) => t(`common:roles.${user.role}`) },
          ...(superadmin ? [{ header: t('broker'), cell: (user: User) => brokerName(user.brokerId) }] : []),
        ]}
        rowTestId="user-row"
        onAdd={() => setOpen({ kind: 'create' })}
        onEdit={(user) => setOpen({ kind: 'edit', user })}
        canDeactivate={(user) => user.id !== me?.id}
        extraActions={(user) => (
          <button
            type="button"
            className="btn small"
            aria-label={t('resetOf', { name: user.fullName })}
            onClick={() => setOpen({ kind: 'password', user })}
          >
            {t('resetPassword')}
          </button>
        )}
      />
      {open?.kind === 'create' && (
        <CreateUser
          brokers={superadmin ? (brokers.data ?? []) : null}
          onClose={close}
          onDone={(u) => done(t('created', { name: u.fullName }))}
        />
      )}
      {open?.kind === 'edit' && (
        <EditUser user={open.user} self={open.user.id === me?.id} onClose={close} onDone={() => done(t('saved'))} />
      )}
      {open?.kind === 'password' && (
        <ResetPassword user={open.user} onClose={close} onDone={() => done(t('passwordSaved'))} />
      )}
      {accounts.overlays}
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
  const { errors, pending, submit } = useFormSubmit(
    () =>
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
    userErrors,
    onDone,
  );
  return (
    <FormDialog
      title={t('add')}
      onClose={onClose}
      onSubmit={submit}
      pending={pending}
      submitLabel={pending ? t('creating') : t('create')}
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
  const { errors, pending, submit } = useFormSubmit(
    () => api<User>(`/api/v1/users/${user.id}`, { method: 'PATCH', body: { fullName: fullName.trim(), role, active } }),
    userErrors,
    onDone,
  );
  return (
    <FormDialog
      title={t('editOf', { name: user.fullName })}
      onClose={onClose}
      pending={pending}
      submitLabel={pending ? t('saving') : t('save')}
      onSubmit={submit}
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
  const { errors, pending, submit } = useFormSubmit(
    () => api(`/api/v1/users/${user.id}/password`, { method: 'PUT', body: { password } }),
    userErrors,
    onDone,
  );
  return (
    <FormDialog
      title={t('resetOf', { name: user.fullName })}
      onClose={onClose}
      pending={pending}
      submitLabel={pending ? t('saving') : t('save')}
      onSubmit={submit}
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
