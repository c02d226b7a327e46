import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, Skeleton } from '../ui/States';
import { useNow } from '../ui/time';
import { useOpenTasks } from './api';
import { OpenTask } from './TaskItem';
import './tasks.css';

/** The inbox's open tasks for humans, soonest due first (the api's order); live through the event stream. */
export function TasksSection() {
  const { t } = useTranslation('tasks');
  const [mine, setMine] = useState(false);
  const tasks = useOpenTasks(mine);
  const now = useNow(30_000);
  return (
    <section className="tasks-section" aria-labelledby="tasks-title" data-testid="tasks">
      <div className="section-head">
        <h2 id="tasks-title">
          {t('title')} {tasks.data && <span className="badge">{tasks.data.total}</span>}
        </h2>
        <label className="small tasks-mine">
          <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} /> {t('onlyMine')}
        </label>
      </div>
      <p className="muted small">{t('subtitle')}</p>
      {tasks.isPending ? (
        <div className="card" aria-busy="true">
          <Skeleton lines={3} height={20} />
        </div>
      ) : !tasks.data ? (
        <ErrorState error={tasks.error} onRetry={() => tasks.refetch()} />
      ) : tasks.data.items.length === 0 ? (
        <EmptyState title={t(mine ? 'emptyMine' : 'empty')} />
      ) : (
        <>
          <ul className="task-list">
            {tasks.data.items.map((task) => (
              <OpenTask key={task.id} task={task} now={now} showLead />
            ))}
          </ul>
          {tasks.data.total > tasks.data.items.length && (
            <p className="muted small">{t('more', { shown: tasks.data.items.length, total: tasks.data.total })}</p>
          )}
        </>
      )}
    </section>
  );
}
