import { useTranslation } from 'react-i18next';
import { Section, SectionBody } from '../leads/detail/Section';
import { useNow } from '../ui/time';
import { useLeadTasks } from './api';
import { ClosedTask, OpenTask } from './TaskItem';
import './tasks.css';

/** The lead's tasks for humans: the open ones to act on, then the closed ones as a timeline (who, when, note). */
export function LeadTasksCard({ leadId }: { leadId: string }) {
  const { t } = useTranslation('tasks');
  const tasks = useLeadTasks(leadId);
  const now = useNow(30_000);
  return (
    <Section title={t('leadTasks')} id="lead-tasks" testId="lead-tasks">
      <SectionBody query={tasks} lines={2}>
        {(page) => {
          const open = page.items.filter((task) => task.status === 'OPEN');
          const closed = page.items.filter((task) => task.status !== 'OPEN');
          if (page.items.length === 0) return <p className="muted">{t('noLeadTasks')}</p>;
          return (
            <>
              {open.length > 0 && (
                <ul className="task-list compact">
                  {open.map((task) => (
                    <OpenTask key={task.id} task={task} now={now} showLead={false} />
                  ))}
                </ul>
              )}
              {closed.length > 0 && (
                <>
                  <h3 className="subhead">{t('history')}</h3>
                  <ol className="timeline" data-testid="task-history">
                    {closed.map((task) => (
                      <ClosedTask key={task.id} task={task} now={now} />
                    ))}
                  </ol>
                </>
              )}
            </>
          );
        }}
      </SectionBody>
    </Section>
  );
}
