// wait-task: waits for an existing Maestro task to finish (one GET per poll after the login), and
// fails the step unless it finished with an allowed status: create-task's `wait`, for a task
// started elsewhere (another job, a schedule, a person).
import { MaestroClient, type Task } from '../../maestro/index.js'
import { ConnectionInputKinds, ConnectionInputs, readConnection } from '../shared/connection.js'
import type { ActionCore } from '../shared/core.js'
import type { InputKindTable } from '../shared/input-kinds.js'
import { createInputReader } from '../shared/inputs.js'
import { ActionFailure } from '../shared/run.js'
import { setOutputs, writeSummary } from '../shared/summary.js'
import {
  formatDuration,
  readWaitInputs,
  waitFailure,
  waitForTaskInStep,
  waitSummaryVerb,
  WaitInputKinds,
  WaitInputs,
  type SignalSource,
  type WaitConfig,
  type WaitOutcome
} from '../shared/wait-task.js'

export const Inputs = {
  ...ConnectionInputs,
  taskId: 'task-id',
  ...WaitInputs
} as const

export const Outputs = {
  taskId: 'task-id',
  state: 'state',
  finishStatus: 'finish-status',
  finishMessage: 'finish-message',
  totalItems: 'total-items',
  processedItems: 'processed-items',
  failedItems: 'failed-items',
  task: 'task'
} as const

export const InputKinds = {
  ...ConnectionInputKinds,
  [Inputs.taskId]: { kind: 'integer', min: 1, max: Number.MAX_SAFE_INTEGER, required: true },
  ...WaitInputKinds
} as const satisfies InputKindTable<typeof Inputs>

export interface WaitTaskConfig extends WaitConfig {
  taskId: number
}

/** Reads and validates every input of this action (no connection inputs). */
export function readWaitTaskInputs(core: Pick<ActionCore, 'getInput'>): WaitTaskConfig {
  const inputs = createInputReader(core)
  return {
    taskId: inputs.integer(Inputs.taskId, { min: 1, max: Number.MAX_SAFE_INTEGER }),
    ...readWaitInputs(inputs)
  }
}

/** Every output, from the task as last read ("" for what it does not report). */
export function taskOutputs(task: Task): Record<string, unknown> {
  return {
    [Outputs.taskId]: task.id,
    [Outputs.state]: task.state,
    [Outputs.finishStatus]: task.finishStatus,
    [Outputs.finishMessage]: task.finishMessage,
    [Outputs.totalItems]: task.totalItems,
    [Outputs.processedItems]: task.processedItems,
    [Outputs.failedItems]: task.failedItems,
    [Outputs.task]: task
  }
}

/** "8 of 10 processed, 2 failed"; undefined when the task reported no counts. */
export function describeItems(task: Task): string | undefined {
  const { totalItems: total, processedItems: processed, failedItems: failed } = task
  if (total === null && processed === null && failed === null) return undefined
  const parts: string[] = []
  if (total !== null) parts.push(`${total} in total`)
  if (processed !== null) parts.push(`${processed} processed`)
  if (failed !== null) parts.push(`${failed} failed`)
  return parts.join(', ')
}

export interface RunOptions {
  /** Where SIGINT/SIGTERM come from (tests); default: process. */
  signals?: SignalSource
  now?: () => number
}

export async function run(core: ActionCore, options: RunOptions = {}): Promise<void> {
  const connection = readConnection(core, { action: 'wait-task' })
  const config = readWaitTaskInputs(core)

  const now = options.now ?? Date.now
  const started = now()
  const client = new MaestroClient(connection)
  let last: Task | undefined
  let outcome: WaitOutcome<Task>
  try {
    outcome = await waitForTaskInStep(client, config.taskId, config, {
      log: m => core.info(m),
      signals: options.signals,
      onTask: task => {
        if (!last) core.info(`Waiting for task ${task.id} of automation '${task.activityLabel}'`)
        last = task
      }
    })
  } catch (e) {
    // A poll or the interrupt failed after the task was read: `if: always()` steps still get
    // its last known state. Before that (e.g. a 404), outputs stay unset: there is no task.
    if (last) setOutputs(core, taskOutputs(last))
    throw e
  } finally {
    await client.close()
  }

  const { task } = outcome
  setOutputs(core, taskOutputs(task))
  const failure = waitFailure(outcome, config)
  await writeSummary(core, {
    title: `Maestro task ${task.id} ${waitSummaryVerb(outcome)}`,
    rows: [
      ['Automation', task.activityLabel],
      ['Task', task.id],
      ['State', task.state],
      ['Finish status', task.finishStatus],
      ['Finish message', task.finishMessage],
      ['Items', describeItems(task)],
      ['Interrupted', task.interrupted ? 'yes' : undefined],
      ['Waited', formatDuration(now() - started)],
      ['Result', failure]
    ]
  })
  if (failure !== undefined) throw new ActionFailure(failure)
}
