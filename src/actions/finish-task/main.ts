// finish-task: marks a Maestro task FINISHED with a status, a message and item counts, in one
// request after the login. Everything is validated before the first request, the items rule
// included (the client's resolveItemCounts, with its field names mapped to our input names).
import {
  MaestroClient,
  MaestroInputError,
  TASK_FINISH_STATUSES,
  resolveItemCounts,
  type ItemCounts,
  type TaskFinishStatus
} from '../../maestro/index.js'
import { ConnectionInputKinds, ConnectionInputs, readConnection } from '../shared/connection.js'
import type { ActionCore } from '../shared/core.js'
import type { InputKindTable } from '../shared/input-kinds.js'
import { ActionInputError, createInputReader, type InputReader } from '../shared/inputs.js'
import { setOutputs, writeSummary } from '../shared/summary.js'

export const Inputs = {
  ...ConnectionInputs,
  taskId: 'task-id',
  status: 'status',
  message: 'message',
  totalItems: 'total-items',
  processedItems: 'processed-items',
  failedItems: 'failed-items'
} as const

export const Outputs = { state: 'state', finishStatus: 'finish-status' } as const

/** GitHub's `job.status` words, so `status: ${{ job.status }}` works. */
export const JOB_STATUS_ALIASES: Readonly<Record<string, TaskFinishStatus>> = {
  success: 'SUCCESS',
  failure: 'FAILED',
  cancelled: 'FAILED'
}

const COUNT = { kind: 'integer', min: 0, max: Number.MAX_SAFE_INTEGER } as const

export const InputKinds = {
  ...ConnectionInputKinds,
  [Inputs.taskId]: { kind: 'integer', min: 1, max: Number.MAX_SAFE_INTEGER, required: true },
  [Inputs.status]: { kind: 'enum', values: TASK_FINISH_STATUSES, required: true },
  [Inputs.message]: { kind: 'text' },
  [Inputs.totalItems]: COUNT,
  [Inputs.processedItems]: COUNT,
  [Inputs.failedItems]: COUNT
} as const satisfies InputKindTable<typeof Inputs>

/** The client's item field names -> our input names. */
const ITEM_INPUTS: Readonly<Record<string, string>> = {
  totalItems: Inputs.totalItems,
  processedItems: Inputs.processedItems,
  failedItems: Inputs.failedItems
}

const ITEMS_ACCEPTED =
  `whole numbers from 0; give at least two of ${Inputs.totalItems}, ${Inputs.processedItems} ` +
  `and ${Inputs.failedItems} with total = processed + failed (the third is derived), or none of them`

export interface FinishItems {
  total?: number
  processed?: number
  failed?: number
}

/**
 * Applies the contract's items rule (resolveItemCounts) and turns its MaestroInputError into an
 * ActionInputError naming our input, with the values given. Pure: no request is made.
 */
export function resolveItems(items: FinishItems): ItemCounts {
  try {
    return resolveItemCounts(items)
  } catch (e) {
    if (!(e instanceof MaestroInputError)) throw e
    const input = ITEM_INPUTS[e.field] ?? Inputs.totalItems
    const problem = e.message.replace(
      /\b(totalItems|processedItems|failedItems)\b/g,
      f => ITEM_INPUTS[f] ?? f
    )
    const given = (
      [
        [Inputs.totalItems, items.total],
        [Inputs.processedItems, items.processed],
        [Inputs.failedItems, items.failed]
      ] as const
    )
      .map(([name, v]) => `${name} '${v === undefined ? '' : v}'`)
      .join(', ')
    throw new ActionInputError(
      input,
      `${problem.replace(/\.$/, '')}, got ${given}. Accepted: ${ITEMS_ACCEPTED}`
    )
  }
}

function optionalCount(inputs: InputReader, name: string): number | undefined {
  if (inputs.raw(name) === '') return undefined
  return inputs.integer(name, { min: 0, max: Number.MAX_SAFE_INTEGER })
}

export interface FinishTaskConfig {
  taskId: number
  status: TaskFinishStatus
  message: string | undefined
  items: ItemCounts
}

/** Reads and validates every input of this action (no connection inputs). */
export function readFinishTaskInputs(core: Pick<ActionCore, 'getInput'>): FinishTaskConfig {
  const inputs = createInputReader(core)
  const taskId = inputs.integer(Inputs.taskId, { min: 1, max: Number.MAX_SAFE_INTEGER })
  const status = inputs.enum(Inputs.status, {
    values: TASK_FINISH_STATUSES,
    aliases: JOB_STATUS_ALIASES
  })
  const message = inputs.optional(Inputs.message)
  const items = resolveItems({
    total: optionalCount(inputs, Inputs.totalItems),
    processed: optionalCount(inputs, Inputs.processedItems),
    failed: optionalCount(inputs, Inputs.failedItems)
  })
  return { taskId, status, message, items }
}

export async function run(core: ActionCore): Promise<void> {
  const connection = readConnection(core, { action: 'finish-task' })
  const config = readFinishTaskInputs(core)

  const client = new MaestroClient(connection)
  let task
  try {
    // With no counts the client sends nulls and prints its one warning, as the SDKs do.
    task = await client.finishTask(config.taskId, {
      finishStatus: config.status,
      finishMessage: config.message,
      totalItems: config.items.totalItems,
      processedItems: config.items.processedItems,
      failedItems: config.items.failedItems
    })
  } finally {
    await client.close()
  }
  core.info(`Task ${task.id} is ${task.state} with ${task.finishStatus ?? config.status}`)

  setOutputs(core, {
    [Outputs.state]: task.state,
    [Outputs.finishStatus]: task.finishStatus ?? config.status
  })
  const counts =
    config.items.totalItems === null
      ? undefined
      : `${config.items.totalItems} total, ${config.items.processedItems} processed, ${config.items.failedItems} failed`
  await writeSummary(core, {
    title: `Maestro task ${task.id} finished: ${task.finishStatus ?? config.status}`,
    rows: [
      ['Task', task.id],
      ['Automation', task.activityLabel],
      ['State', task.state],
      ['Finish status', task.finishStatus ?? config.status],
      ['Message', task.finishMessage ?? config.message],
      ['Items', counts]
    ]
  })
}
