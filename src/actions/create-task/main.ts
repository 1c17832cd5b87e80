// create-task: starts a task for an automation (1 request after the login) and, with `wait`,
// polls it until it finishes, failing the step unless it finished with an allowed status.
import {
  MaestroClient,
  TASK_FINISH_STATUSES,
  type Task,
  type TaskFinishStatus
} from '../../maestro/index.js'
import { ConnectionInputKinds, ConnectionInputs, readConnection } from '../shared/connection.js'
import type { ActionCore } from '../shared/core.js'
import type { InputKindTable } from '../shared/input-kinds.js'
import { createInputReader, parseEnum } from '../shared/inputs.js'
import { ActionFailure } from '../shared/run.js'
import { setOutputs, writeSummary } from '../shared/summary.js'
import {
  finishedAsAllowed,
  formatDuration,
  waitForTask,
  type WaitOutcome
} from '../shared/wait-task.js'

export const Inputs = {
  ...ConnectionInputs,
  activityLabel: 'activity-label',
  parameters: 'parameters',
  test: 'test',
  priority: 'priority',
  minExecutionDate: 'min-execution-date',
  wait: 'wait',
  waitTimeoutSeconds: 'wait-timeout-seconds',
  pollIntervalSeconds: 'poll-interval-seconds',
  interruptOnTimeout: 'interrupt-on-timeout',
  allowedStatuses: 'allowed-statuses'
} as const

export const Outputs = {
  taskId: 'task-id',
  state: 'state',
  finishStatus: 'finish-status',
  finishMessage: 'finish-message',
  task: 'task'
} as const

/** Five days: the longest a self-hosted job may run. */
export const MAX_WAIT_SECONDS = 5 * 24 * 3600

export const InputKinds = {
  ...ConnectionInputKinds,
  [Inputs.activityLabel]: { kind: 'text', required: true, example: 'demo-bot' },
  [Inputs.parameters]: { kind: 'mapping' },
  [Inputs.test]: { kind: 'boolean' },
  [Inputs.priority]: { kind: 'integer', min: 0, max: 10 },
  [Inputs.minExecutionDate]: { kind: 'date' },
  [Inputs.wait]: { kind: 'boolean' },
  [Inputs.waitTimeoutSeconds]: { kind: 'seconds', min: 1, max: MAX_WAIT_SECONDS },
  [Inputs.pollIntervalSeconds]: { kind: 'seconds', min: 1, max: 3600 },
  [Inputs.interruptOnTimeout]: { kind: 'boolean' },
  [Inputs.allowedStatuses]: { kind: 'enum', values: TASK_FINISH_STATUSES, list: true }
} as const satisfies InputKindTable<typeof Inputs>

/**
 * `allowed-statuses`: one per line or comma-separated, case-insensitive, each one of the three
 * finish statuses. Empty means SUCCESS only. Duplicates are dropped.
 */
export function parseAllowedStatuses(input: string, raw: string): TaskFinishStatus[] {
  const items = raw
    .split(/[\r\n,]+/)
    .map(s => s.trim())
    .filter(s => s !== '')
  if (items.length === 0) return ['SUCCESS']
  const out: TaskFinishStatus[] = []
  for (const item of items) {
    const status = parseEnum(input, item, { values: TASK_FINISH_STATUSES })
    if (!out.includes(status)) out.push(status)
  }
  return out
}

export interface CreateTaskConfig {
  activityLabel: string
  parameters: Record<string, unknown>
  test: boolean
  priority: number
  minExecutionDate: string | undefined
  wait: boolean
  timeoutMs: number
  pollIntervalMs: number
  interruptOnTimeout: boolean
  allowedStatuses: TaskFinishStatus[]
}

/** Reads and validates every input of this action (no connection inputs), wait inputs included. */
export function readCreateTaskInputs(core: Pick<ActionCore, 'getInput'>): CreateTaskConfig {
  const inputs = createInputReader(core)
  return {
    activityLabel: inputs.required(Inputs.activityLabel),
    parameters: inputs.mapping(Inputs.parameters),
    test: inputs.boolean(Inputs.test, false),
    priority: inputs.integer(Inputs.priority, { min: 0, max: 10, default: 0 }),
    minExecutionDate: inputs.dateTime(Inputs.minExecutionDate),
    wait: inputs.boolean(Inputs.wait, false),
    timeoutMs: inputs.secondsToMs(Inputs.waitTimeoutSeconds, {
      min: 1,
      max: MAX_WAIT_SECONDS,
      default: 3600
    }),
    pollIntervalMs: inputs.secondsToMs(Inputs.pollIntervalSeconds, {
      min: 1,
      max: 3600,
      default: 10
    }),
    interruptOnTimeout: inputs.boolean(Inputs.interruptOnTimeout, false),
    allowedStatuses: parseAllowedStatuses(
      Inputs.allowedStatuses,
      inputs.raw(Inputs.allowedStatuses)
    )
  }
}

/** The message that fails the step after waiting, or undefined when the step passes. */
export function waitFailure(
  outcome: WaitOutcome<Task>,
  config: Pick<CreateTaskConfig, 'allowedStatuses' | 'interruptOnTimeout'>
): string | undefined {
  const { task } = outcome
  const left = (interrupted: boolean) =>
    interrupted
      ? 'Asked Maestro to interrupt it.'
      : `It was left running (set '${Inputs.interruptOnTimeout}: true' to interrupt it).`
  if (outcome.kind === 'timed-out') {
    return (
      `Timed out after ${formatDuration(outcome.waitedMs)} waiting for task ${task.id} ` +
      `to finish; its last state was ${task.state} (${Inputs.waitTimeoutSeconds}). ` +
      left(outcome.interrupted)
    )
  }
  if (outcome.kind === 'cancelled') {
    return (
      `The step was cancelled while waiting for task ${task.id} (last state ${task.state}). ` +
      left(outcome.interrupted)
    )
  }
  if (finishedAsAllowed(task, config.allowedStatuses)) return undefined
  const allowed = `Allowed finish statuses: ${config.allowedStatuses.join(', ')} ('${Inputs.allowedStatuses}')`
  if (task.state !== 'FINISHED') {
    return `Task ${task.id} was ${task.state} in Maestro without finishing. ${allowed}.`
  }
  const why = task.finishMessage ? `: ${task.finishMessage}` : ' (no finish message)'
  return `Task ${task.id} finished with ${task.finishStatus ?? 'no status'}${why}. ${allowed}.`
}

type SignalSource = Pick<NodeJS.Process, 'on' | 'off'>

/** An AbortSignal that fires on SIGINT/SIGTERM (a cancelled workflow), until disposed. */
function abortOnSignals(
  source: SignalSource,
  log: (message: string) => void
): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController()
  const onSignal = (name: NodeJS.Signals) => {
    if (!controller.signal.aborted) log(`Received ${name}: the workflow is being cancelled`)
    controller.abort()
  }
  source.on('SIGINT', onSignal)
  source.on('SIGTERM', onSignal)
  return {
    signal: controller.signal,
    dispose: () => {
      source.off('SIGINT', onSignal)
      source.off('SIGTERM', onSignal)
    }
  }
}

export interface RunOptions {
  /** Where SIGINT/SIGTERM come from (tests); default: process. */
  signals?: SignalSource
}

export async function run(core: ActionCore, options: RunOptions = {}): Promise<void> {
  const connection = readConnection(core, { action: 'create-task' })
  const config = readCreateTaskInputs(core)

  const client = new MaestroClient(connection)
  let task: Task
  let outcome: WaitOutcome<Task> | undefined
  try {
    task = await client.createTask({
      activityLabel: config.activityLabel,
      parameters: config.parameters,
      test: config.test,
      priority: config.priority,
      minExecutionDate: config.minExecutionDate
    })
    core.info(`Created task ${task.id} for automation '${task.activityLabel}' (${task.state})`)
    if (config.wait) {
      const log = (m: string) => core.info(m)
      const cancel = abortOnSignals(options.signals ?? process, log)
      try {
        outcome = await waitForTask(
          client,
          task.id,
          {
            timeoutMs: config.timeoutMs,
            pollIntervalMs: config.pollIntervalMs,
            interruptOnTimeout: config.interruptOnTimeout,
            signal: cancel.signal,
            log
          },
          task
        )
      } catch (e) {
        // A poll or the interrupt failed: the task exists, so `if: always()` steps still get its id.
        setOutputs(core, taskOutputs(task))
        throw e
      } finally {
        cancel.dispose()
      }
      task = outcome.task
    }
  } finally {
    await client.close()
  }

  // Outputs and summary first, so `if: always()` steps can read them when the step fails below.
  setOutputs(core, taskOutputs(task))
  const failure = outcome ? waitFailure(outcome, config) : undefined
  const parameterNames = Object.keys(config.parameters)
  await writeSummary(core, {
    title: outcome
      ? `Maestro task ${task.id} ${summaryVerb(outcome)}`
      : `Maestro task ${task.id} created`,
    rows: [
      ['Automation', task.activityLabel],
      ['Task', task.id],
      ['State', task.state],
      ['Finish status', task.finishStatus],
      ['Finish message', task.finishMessage],
      ['Test task', task.test ? 'yes' : undefined],
      ['Priority', config.priority],
      ['Not before', config.minExecutionDate],
      // names only: values may be sensitive
      ['Parameters', parameterNames.length > 0 ? parameterNames.join(', ') : undefined],
      ['Result', failure]
    ]
  })
  if (failure !== undefined) throw new ActionFailure(failure)
}

function taskOutputs(task: Task): Record<string, unknown> {
  return {
    [Outputs.taskId]: task.id,
    [Outputs.state]: task.state,
    [Outputs.finishStatus]: task.finishStatus,
    [Outputs.finishMessage]: task.finishMessage,
    [Outputs.task]: task
  }
}

function summaryVerb(outcome: WaitOutcome<Task>): string {
  if (outcome.kind === 'timed-out') return 'did not finish in time'
  if (outcome.kind === 'cancelled') return 'was still running when the step was cancelled'
  if (outcome.task.state !== 'FINISHED') return `was ${outcome.task.state}`
  return `finished: ${outcome.task.finishStatus ?? 'no status'}`
}
