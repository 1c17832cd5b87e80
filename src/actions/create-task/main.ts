// create-task: starts a task for an automation (1 request after the login) and, with `wait`,
// polls it until it finishes, failing the step unless it finished with an allowed status.
import { MaestroClient, type Task } from '../../maestro/index.js'
import { ConnectionInputKinds, ConnectionInputs, readConnection } from '../shared/connection.js'
import type { ActionCore } from '../shared/core.js'
import type { InputKindTable } from '../shared/input-kinds.js'
import { createInputReader } from '../shared/inputs.js'
import { ActionFailure } from '../shared/run.js'
import { setOutputs, writeSummary } from '../shared/summary.js'
import {
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
  activityLabel: 'activity-label',
  parameters: 'parameters',
  test: 'test',
  priority: 'priority',
  minExecutionDate: 'min-execution-date',
  wait: 'wait',
  ...WaitInputs
} as const

export const Outputs = {
  taskId: 'task-id',
  state: 'state',
  finishStatus: 'finish-status',
  finishMessage: 'finish-message',
  task: 'task'
} as const

export const InputKinds = {
  ...ConnectionInputKinds,
  [Inputs.activityLabel]: { kind: 'text', required: true, example: 'demo-bot' },
  [Inputs.parameters]: { kind: 'mapping' },
  [Inputs.test]: { kind: 'boolean' },
  [Inputs.priority]: { kind: 'integer', min: 0, max: 10 },
  [Inputs.minExecutionDate]: { kind: 'date' },
  [Inputs.wait]: { kind: 'boolean' },
  ...WaitInputKinds
} as const satisfies InputKindTable<typeof Inputs>

export interface CreateTaskConfig extends WaitConfig {
  activityLabel: string
  parameters: Record<string, unknown>
  test: boolean
  priority: number
  minExecutionDate: string | undefined
  wait: boolean
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
    ...readWaitInputs(inputs)
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
      try {
        outcome = await waitForTaskInStep(client, task.id, config, {
          log: m => core.info(m),
          signals: options.signals,
          first: task
        })
      } catch (e) {
        // A poll or the interrupt failed: the task exists, so `if: always()` steps still get its id.
        setOutputs(core, taskOutputs(task))
        throw e
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
      ? `Maestro task ${task.id} ${waitSummaryVerb(outcome)}`
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
