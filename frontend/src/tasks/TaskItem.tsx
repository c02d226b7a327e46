import { useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useLeadAction } from '../leads/api';
import { formatDateTime, formatRelative } from '../ui/format';
import { useTimeZone } from '../ui/useBroker';
import { millis } from '../ui/time';
import { useTaskAction, type TaskAction } from './api';
import type { Task } from './types';

/**
 * The clock to tell a past moment's age by: `now` ticks every half minute, so a task opened or closed since
 * the last tick would read "in 5 seconds".
 */
export function notBefore(iso: string | null, now: number): number {
  return Math.max(now, millis(iso) ?? now);
}

/**
 * One open task: its lead (in the inbox), kind, title and detail, age and due time (red once overdue), who it
 * is for, and Done / Dismiss with an optional note. A call waiting for approval can be placed from here: the
 * call is the approval, and the task is then done by whoever approved it.
 */
export function OpenTask({ task, now, showLead }: { task: Task; now: number; showLead: boolean }) {
  const { t, i18n } = useTranslation('tasks');
  const { t: tl } = useTranslation('leads');
  const timeZone = useTimeZone();
  const due = millis(task.dueAt);
  const overdue = due !== null && due <= now;
  return (
    <li className={`card task-item${overdue ? ' overdue' : ''}`} data-testid="task" data-kind={task.kind}>
      <div className="task-main">
        {showLead && (
          <Link to={`/leads/${task.leadId}`} className="lead-name">
            {task.leadName || tl('unnamed')}
          </Link>
        )}
        <div className="task-badges">
          <span className="badge task-kind">{t(`kind.${task.kind}`, { defaultValue: task.kind })}</span>
          <span className="badge">
            {task.assigneeId ? t('assignee', { name: task.assigneeName ?? '—' }) : t('unassigned')}
          </span>
        </div>
        <div className="task-title">{task.title}</div>
        {task.detail && <div className="muted small task-detail">{task.detail}</div>}
        <div className="small task-times">
          <time
            className="muted"
            dateTime={task.createdAt}
            title={formatDateTime(task.createdAt, timeZone, i18n.language)}
          >
            {t('age', { when: formatRelative(task.createdAt, i18n.language, notBefore(task.createdAt, now)) })}
          </time>
          {task.dueAt && (
            <>
              <span className="muted"> · </span>
              <time
                className={overdue ? 'task-overdue' : 'muted'}
                dateTime={task.dueAt}
                data-testid="task-due"
                title={formatDateTime(task.dueAt, timeZone, i18n.language)}
              >
                {t(overdue ? 'overdue' : 'due', { when: formatRelative(task.dueAt, i18n.language, now) })}
              </time>
            </>
          )}
        </div>
      </div>
      <TaskActions task={task} />
    </li>
  );
}

function TaskActions({ task }: { task: Task }) {
  const { t } = useTranslation('tasks');
  const action = useTaskAction();
  const call = useLeadAction(task.leadId);
  const [note, setNote] = useState<string | null>(null);
  const noteId = useId();
  const pending = action.isPending || call.isPending;
  const close = (kind: TaskAction) => action.mutate({ task, action: kind, note: note ?? undefined });
  const error = action.error ?? call.error;

  return (
    <div className="task-actions">
      <div className="task-buttons">
        {task.kind === 'APPROVE_CALL' && (
          <button
            type="button"
            className="btn small"
            disabled={pending}
            onClick={() => call.mutate({ kind: 'call' }, { onSuccess: () => close('done') })}
          >
            {t('callNow')}
          </button>
        )}
        <button type="button" className="btn small primary" disabled={pending} onClick={() => close('done')}>
          {t('done')}
        </button>
        <button type="button" className="btn small" disabled={pending} onClick={() => close('dismiss')}>
          {t('dismiss')}
        </button>
        {note === null && (
          <button type="button" className="btn small ghost" onClick={() => setNote('')}>
            {t('addNote')}
          </button>
        )}
      </div>
      {note !== null && (
        <>
          <label className="sr-only" htmlFor={noteId}>
            {t('note')}
          </label>
          <input
            id={noteId}
            className="task-note"
            maxLength={1000}
            placeholder={t('note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </>
      )}
      {error && (
        <span className="form-error small" role="alert">
          {error.message}
        </span>
      )}
    </div>
  );
}

/** A closed task in the lead's history: what it was, how it ended, by whom, when, and the note. */
export function ClosedTask({ task, now }: { task: Task; now: number }) {
  const { t, i18n } = useTranslation('tasks');
  const timeZone = useTimeZone();
  const status = t(`status.${task.status}`);
  const when = formatRelative(task.doneAt, i18n.language, notBefore(task.doneAt, now));
  const by = task.doneBy
    ? task.doneByName
      ? t('closedBy', { status, name: task.doneByName, when })
      : t('closedBySomeone', { status, when })
    : t('closedByWorkflow', { status, when });
  return (
    <li data-testid="closed-task" data-status={task.status}>
      <div className="timeline-head">
        <span className="badge task-kind">{t(`kind.${task.kind}`, { defaultValue: task.kind })}</span>
        <span className="small">{task.title}</span>
      </div>
      <div className="small">
        <time
          className="muted"
          dateTime={task.doneAt ?? undefined}
          title={formatDateTime(task.doneAt, timeZone, i18n.language)}
        >
          {by}
        </time>
        {task.note && <div className="task-note-text">{task.note}</div>}
      </div>
    </li>
  );
}
