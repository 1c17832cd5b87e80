// Alerts: a short notice tied to a task, shown in the Maestro portal.
import type { On } from '../context.js'
import { json } from '../http.js'
import { ALERT_TYPES, now, type Alert } from '../state.js'
import { fields } from '../validate.js'
import { findTask } from './tasks.js'

export function registerAlerts(on: On): void {
  on('POST', '/alerts', async c => {
    const f = fields(await c.json())
    const task = findTask(c.state, f.id('taskId', 'task'))
    const alert: Alert = {
      id: c.state.nextId('alert'),
      taskId: task.id,
      title: f.str('title'),
      message: f.str('message'),
      type: f.enum('type', ALERT_TYPES),
      date: now(),
      activityLabel: task.activityLabel,
      activityName: task.activityName,
      organizationLabel: c.state.seed.login,
      userEmail: null
    }
    c.state.alerts.push(alert)
    return json(alert)
  })
}
