// Raises an alert on a Maestro task. One request after the login. With `fail-on-error: false`
// a Maestro failure (server, network, login) becomes a warning so an `if: failure()` step does
// not hide the failure it reports; a mistake in the step's inputs still fails it.
import { MaestroClient, type AlertType } from '../../maestro/index.js'
import { ConnectionInputKinds, ConnectionInputs, readConnection } from '../shared/connection.js'
import type { ActionCore } from '../shared/core.js'
import { readGithubContext, type GithubContext } from '../shared/github-context.js'
import { failOrWarn } from '../shared/fail-on-error.js'
import type { InputKindTable } from '../shared/input-kinds.js'
import { createInputReader } from '../shared/inputs.js'
import { setOutputs, writeSummary } from '../shared/summary.js'

export const ACTION_NAME = 'Alert'

export const Inputs = {
  ...ConnectionInputs,
  taskId: 'task-id',
  type: 'type',
  title: 'title',
  message: 'message',
  failOnError: 'fail-on-error'
} as const

export const Outputs = { alertId: 'alert-id' } as const

export const ALERT_TYPES = ['INFO', 'WARN', 'ERROR'] as const satisfies readonly AlertType[]

export const InputKinds = {
  ...ConnectionInputKinds,
  [Inputs.taskId]: { kind: 'integer', min: 1, max: Number.MAX_SAFE_INTEGER, required: true },
  [Inputs.type]: { kind: 'enum', values: ALERT_TYPES },
  [Inputs.title]: { kind: 'text' },
  [Inputs.message]: { kind: 'text' },
  [Inputs.failOnError]: { kind: 'boolean' }
} as const satisfies InputKindTable<typeof Inputs>

/** `CI #42: test`, or a plain fallback outside a workflow run. */
export function defaultTitle(ctx: GithubContext): string {
  if (!ctx.workflow) return 'GitHub Actions alert'
  const run = ctx.runNumber ? ` #${ctx.runNumber}` : ''
  const job = ctx.job ? `: ${ctx.job}` : ''
  return `${ctx.workflow}${run}${job}`
}

/** Repository, workflow, job, commit, actor and the run's address, one fact per line. */
export function defaultMessage(ctx: GithubContext): string {
  const lines: string[] = []
  const where = ctx.repository ? ` in ${ctx.repository}` : ''
  if (ctx.workflow) {
    const attempt = ctx.runAttempt && ctx.runAttempt !== '1' ? ` (attempt ${ctx.runAttempt})` : ''
    const run = ctx.runNumber ? ` run #${ctx.runNumber}${attempt}` : ''
    const job = ctx.job ? `, job '${ctx.job}'` : ''
    lines.push(`Workflow '${ctx.workflow}'${run}${job}${where}.`)
  } else if (where) {
    lines.push(`Repository ${ctx.repository}.`)
  }
  if (ctx.sha) {
    const ref = ctx.ref ? ` on ${ctx.ref.replace(/^refs\/(heads|tags)\//, '')}` : ''
    const event = ctx.eventName ? ` (${ctx.eventName})` : ''
    lines.push(`Commit ${ctx.sha.slice(0, 12)}${ref}${event}.`)
  }
  if (ctx.actor) lines.push(`Triggered by ${ctx.actor}.`)
  if (ctx.runUrl) lines.push(`Run: ${ctx.runUrl}`)
  return lines.length > 0 ? lines.join('\n') : 'Raised from GitHub Actions.'
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv
}

export async function run(core: ActionCore, options: RunOptions = {}): Promise<void> {
  const env = options.env ?? process.env
  const connection = readConnection(core, { env, action: 'alert' })
  const inputs = createInputReader(core)
  const taskId = inputs.integer(Inputs.taskId, { min: 1, max: Number.MAX_SAFE_INTEGER })
  const type = inputs.enum(Inputs.type, {
    values: ALERT_TYPES,
    aliases: { warning: 'WARN' },
    default: 'INFO'
  })
  const failOnError = inputs.boolean(Inputs.failOnError, true)
  const ctx = readGithubContext(env)
  const title = inputs.optional(Inputs.title) ?? defaultTitle(ctx)
  const message = inputs.optional(Inputs.message) ?? defaultMessage(ctx)

  const client = new MaestroClient(connection)
  let alertId: number
  try {
    const alert = await client.createAlert({ taskId, type, title, message })
    alertId = alert.id
  } catch (thrown) {
    failOrWarn(core, ACTION_NAME, failOnError, thrown)
    setOutputs(core, { [Outputs.alertId]: '' })
    return
  } finally {
    await client.close()
  }

  core.info(`Alert ${alertId} (${type}) raised on task ${taskId}: ${title}`)
  setOutputs(core, { [Outputs.alertId]: alertId })
  await writeSummary(core, {
    title: `Maestro alert raised on task ${taskId}`,
    rows: [
      ['Alert id', alertId],
      ['Type', type],
      ['Title', title],
      ['Message', message]
    ]
  })
}
