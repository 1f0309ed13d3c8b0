import { notifications } from '@mantine/notifications';
import { ApiError } from './api';

/**
 * Shows an API failure where the user will see it: field errors next to their inputs (via setErrors),
 * anything else as a notification.
 */
export function showApiError(err: unknown, setErrors?: (errors: Record<string, string>) => void): void {
  if (err instanceof ApiError) {
    const fields = err.fieldErrors();
    if (setErrors && Object.keys(fields).length > 0) {
      setErrors(fields);
      return;
    }
    notifications.show({ color: 'red', title: err.problem.title, message: err.message });
    return;
  }
  notifications.show({
    color: 'red',
    title: 'Something went wrong',
    message: String((err as Error)?.message ?? err),
  });
}

export function notifySaved(message: string): void {
  notifications.show({ color: 'teal', message });
}
