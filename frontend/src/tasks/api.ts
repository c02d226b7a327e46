import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import type { Task, TaskPage } from './types';

/** The inbox shows this many open tasks; past it, the count says how many more there are. */
export const OPEN_TASKS_LIMIT = 100;

/** The viewer's open tasks (or only theirs), soonest due first. */
export function useOpenTasks(mine: boolean) {
  const query = { status: 'OPEN', mine, limit: OPEN_TASKS_LIMIT };
  return useQuery({
    queryKey: queryKeys.taskList(query),
    queryFn: ({ signal }) => api<TaskPage>('/api/v1/tasks', { query, signal }),
  });
}

/** Every task of one lead: open ones first, then the closed ones, last closed first. */
export function useLeadTasks(leadId: string) {
  return useQuery({
    queryKey: queryKeys.leadTasks(leadId),
    queryFn: ({ signal }) => api<TaskPage>('/api/v1/tasks', { query: { leadId, limit: 100 }, signal }),
  });
}

export type TaskAction = 'done' | 'dismiss';

/** Marks a task done or dismissed, with an optional note; the inbox and the lead's tasks refetch. */
export function useTaskAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ task, action, note }: { task: Task; action: TaskAction; note?: string }) =>
      api<Task>(`/api/v1/tasks/${encodeURIComponent(task.id)}/${action}`, {
        method: 'POST',
        body: note && note.trim() ? { note: note.trim() } : {},
      }),
    onSuccess: (_result, { task }) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.tasks });
      void queryClient.invalidateQueries({ queryKey: queryKeys.leadTasks(task.leadId) });
    },
  });
}
