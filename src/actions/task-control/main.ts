// task-control: reads a Maestro task and, for interrupt / restart / cancel, changes it (one GET,
// then at most one POST, after the login). The GET comes first so an operation that makes no sense
// in the task's state (cancel a finished task, restart a running one) is never sent: the contract
// leaves open what Maestro does with it, and a silent state change would be worse than an error.
import { MaestroClient, type Task, type TaskState } from '../../maestro/index.js'
import { ConnectionInputKinds, ConnectionInputs, readConnection } from '../shared/connection.js'
import type { ActionCore } from '../shared/core.js'
import type { InputKindTable } from '../shared/input-kinds.js'
import { createInputReader } from '../shared/inputs.js'
import { ActionFailure } from '../shared/run.js'
import { setOutputs, writeSummary } from '../shared/summary.js'

export const Inputs = {
  ...ConnectionInputs,
  taskId: 'task-id',
  operation: 'operation',
  ifNotAllowed: 'if-not-allowed'
} as const

export const Outputs = {
  taskId: 'task-id',
  state: 'state',
  finishStatus: 'finish-status',
  finishMessage: 'finish-message',
  applied: 'applied',
  task: 'task'
} as const

export const TASK_OPERATIONS = ['get', 'interrupt', 'restart', 'cancel'] as const
export type TaskOperation = (typeof TASK_OPERATIONS)[number]
type ChangeOperation = Exclude<TaskOperation, 'get'>

/** What to do when the operation is not allowed in the task's state (upload-artifact's words). */
export const IF_NOT_ALLOWED = ['error', 'warn', 'ignore'] as const
export type IfNotAllowed = (typeof IF_NOT_ALLOWED)[number]

export const InputKinds = {
  ...ConnectionInputKinds,
  [Inputs.taskId]: { kind: 'integer', min: 1, max: Number.MAX_SAFE_INTEGER, required: true },
  [Inputs.operation]: { kind: 'enum', values: TASK_OPERATIONS, required: true },
  [Inputs.ifNotAllowed]: { kind: 'enum', values: IF_NOT_ALLOWED }
} as const satisfies InputKindTable<typeof Inputs>

/**
 * The states in which each operation is sent. Interrupt only asks the bot to stop, so it makes
 * sense until the task ends; cancel withdraws a task no Runner has picked up yet; restart runs a
 * task that ended once more.
 */
export const ALLOWED_STATES: Readonly<Record<ChangeOperation, readonly TaskState[]>> = {
  interrupt: ['START', 'RUNNING'],
  cancel: ['START'],
  restart: ['FINISHED', 'CANCELED']
}

export interface TaskControlConfig {
  taskId: number
  operation: TaskOperation
  ifNotAllowed: IfNotAllowed
}

/** Reads and validates every input of this action (no connection inputs). */
export function readTaskControlInputs(core: Pick<ActionCore, 'getInput'>): TaskControlConfig {
  const inputs = createInputReader(core)
  return {
    taskId: inputs.integer(Inputs.taskId, { min: 1, max: Number.MAX_SAFE_INTEGER }),
    operation: inputs.enum(Inputs.operation, { values: TASK_OPERATIONS }),
    ifNotAllowed: inputs.enum(Inputs.ifNotAllowed, { values: IF_NOT_ALLOWED, default: 'error' })
  }
}

function stateText(task: Task): string {
  return task.state === 'FINISHED' && task.finishStatus
    ? `FINISHED (${task.finishStatus})`
    : task.state
}

/**
 * Why `operation` is not sent for a task in this state, or undefined when it is allowed. The text
 * names the task, its state, the states the operation needs and what to do instead.
 */
export function notAllowedReason(operation: TaskOperation, task: Task): string | undefined {
  if (operation === 'get') return undefined
  const allowed = ALLOWED_STATES[operation]
  if (allowed.includes(task.state)) return undefined
  const ended = task.state === 'FINISHED' || task.state === 'CANCELED'
  let why: string
  if (ended) why = 'it has already ended'
  else if (operation === 'restart' && task.state === 'START')
    why = 'it has not run yet (it is waiting for a Runner)'
  else if (operation === 'restart') why = 'interrupt it or wait for it to finish first'
  else why = "a Runner already picked it up, use 'operation: interrupt' to ask the bot to stop"
  return (
    `Cannot ${operation} task ${task.id}: it is ${stateText(task)}; ${why}. ` +
    `'${operation}' applies only to a task in ${allowed.join(' or ')}.`
  )
}

function changeTask(client: MaestroClient, operation: ChangeOperation, id: number): Promise<Task> {
  if (operation === 'interrupt') return client.interruptTask(id)
  if (operation === 'restart') return client.restartTask(id)
  return client.cancelTask(id)
}

const DONE: Readonly<Record<ChangeOperation, string>> = {
  interrupt: 'asked to stop (interrupt)',
  restart: 'restarted',
  cancel: 'cancelled'
}

export async function run(core: ActionCore): Promise<void> {
  const connection = readConnection(core, { action: 'task-control' })
  const config = readTaskControlInputs(core)
  const { operation } = config

  const client = new MaestroClient(connection)
  let before: Task
  let task: Task
  let reason: string | undefined
  try {
    before = await client.getTask(config.taskId)
    task = before
    core.info(`Task ${task.id} of automation '${task.activityLabel}' is ${stateText(task)}`)
    reason = notAllowedReason(operation, task)
    if (operation !== 'get' && reason === undefined) {
      task = await changeTask(client, operation, config.taskId)
      core.info(`Task ${task.id} ${DONE[operation]}; it is now ${stateText(task)}`)
    }
  } finally {
    await client.close()
  }

  const applied = operation !== 'get' && reason === undefined
  if (reason !== undefined && config.ifNotAllowed === 'warn') core.warning(reason)
  if (reason !== undefined && config.ifNotAllowed === 'ignore') core.info(reason)
  const failure =
    reason !== undefined && config.ifNotAllowed === 'error'
      ? `${reason} (Set '${Inputs.ifNotAllowed}: warn' to let the step pass.)`
      : undefined

  setOutputs(core, {
    [Outputs.taskId]: task.id,
    [Outputs.state]: task.state,
    [Outputs.finishStatus]: task.finishStatus,
    [Outputs.finishMessage]: task.finishMessage,
    [Outputs.applied]: applied,
    [Outputs.task]: task
  })
  await writeSummary(core, {
    title:
      operation === 'get'
        ? `Maestro task ${task.id} is ${stateText(task)}`
        : applied
          ? `Maestro task ${task.id} ${DONE[operation]}`
          : `Maestro task ${task.id}: ${operation} not sent`,
    rows: [
      ['Automation', task.activityLabel],
      ['Task', task.id],
      ['Operation', operation],
      ['State before', operation === 'get' ? undefined : stateText(before)],
      ['State', stateText(task)],
      ['Finish message', task.finishMessage],
      ['Interrupt requested', task.interrupted ? 'yes' : undefined],
      ['Not sent because', reason]
    ]
  })
  if (failure !== undefined) throw new ActionFailure(failure)
}
