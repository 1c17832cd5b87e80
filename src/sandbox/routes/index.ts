// Registers every /api/v2 route, one module per area of the contract.
import type { On } from '../context.js'
import type { App } from '../server.js'
import { registerAlerts } from './alerts.js'
import { registerArtifacts } from './artifacts.js'
import { registerBots } from './bots.js'
import { registerCredentials } from './credentials.js'
import { registerDatapools } from './datapools.js'
import { registerErrors } from './errors.js'
import { registerLogs } from './logs.js'
import { registerMessages } from './messages.js'
import { registerTasks } from './tasks.js'
import { registerWorkspace } from './workspace.js'

export function registerApi(on: On, app: App): void {
  registerWorkspace(on, app)
  registerTasks(on)
  registerLogs(on)
  registerAlerts(on)
  registerMessages(on)
  registerArtifacts(on)
  registerErrors(on)
  registerCredentials(on)
  registerDatapools(on)
  registerBots(on)
}
