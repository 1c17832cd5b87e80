// Tasks: create, read, state updates (finish with the items rule, restart, interrupt, cancel), list.

import {
  type Id,
  type Page,
  TASK_FINISH_STATUSES,
  type Task,
  type CreateTaskRequest,
  type FinishTaskRequest,
  type ListTasksQuery
} from '../models.js'
import { MaestroInputError } from '../errors.js'
import { resolveItemCounts } from '../items.js'
import { type ApiContext, seg, requireText, requireId } from './context.js'

export async function createTask(ctx: ApiContext, request: CreateTaskRequest): Promise<Task> {
  const label = requireText(
    'activityLabel',
    request?.activityLabel,
    'create task',
    'automation label'
  )
  const operation = `create task for automation '${label}'`
  if (
    request.priority !== undefined &&
    !(Number.isInteger(request.priority) && request.priority >= 0 && request.priority <= 10)
  )
    throw new MaestroInputError(
      'priority',
      `The priority must be a whole number from 0 to 10, got '${request.priority}'.`,
      operation
    )
  let minExecutionDate: string | null = null
  if (request.minExecutionDate) {
    const d =
      request.minExecutionDate instanceof Date
        ? request.minExecutionDate
        : new Date(request.minExecutionDate)
    if (Number.isNaN(d.getTime()))
      throw new MaestroInputError(
        'minExecutionDate',
        `'${String(request.minExecutionDate)}' is not a date.`,
        operation
      )
    minExecutionDate = d.toISOString()
  }
  const body: Record<string, unknown> = {
    activityLabel: label,
    parameters: request.parameters ?? {},
    test: request.test ?? false,
    priority: request.priority ?? 0
  }
  if (minExecutionDate) body.minExecutionDate = minExecutionDate
  return ctx.call<Task>({
    operation,
    method: 'POST',
    path: '/api/v2/task',
    json: body,
    idempotency: 'create',
    notFound: `automation '${label}' (the activity label)`,
    read: 'json'
  })
}

export async function getTask(ctx: ApiContext, id: Id): Promise<Task> {
  const operation = `read task ${String(id)}`
  const taskId = requireId('taskId', id, operation)
  return ctx.call<Task>({
    operation,
    method: 'GET',
    path: `/api/v2/task/${seg(taskId)}`,
    idempotency: 'idempotent',
    notFound: `task ${taskId}`,
    read: 'json'
  })
}

function updateTask(
  ctx: ApiContext,
  id: Id,
  body: Record<string, unknown>,
  verb: string
): Promise<Task> {
  const operation = `${verb} task ${String(id)}`
  const taskId = requireId('taskId', id, operation)
  return ctx.call<Task>({
    operation,
    method: 'POST',
    path: `/api/v2/task/${seg(taskId)}`,
    json: body,
    idempotency: 'idempotent',
    notFound: `task ${taskId}`,
    read: 'json'
  })
}

export async function finishTask(
  ctx: ApiContext,
  id: Id,
  request: FinishTaskRequest
): Promise<Task> {
  const operation = `finish task ${String(id)}`
  if (!TASK_FINISH_STATUSES.includes(request?.finishStatus))
    throw new MaestroInputError(
      'finishStatus',
      `The finish status must be one of ${TASK_FINISH_STATUSES.join(', ')}, got '${String(request?.finishStatus)}'.`,
      operation
    )
  const items = resolveItemCounts({
    total: request.totalItems,
    processed: request.processedItems,
    failed: request.failedItems
  })
  if (items.warning) ctx.logger.warning(`Task ${String(id)}: ${items.warning}`)
  return updateTask(
    ctx,
    id,
    {
      state: 'FINISHED',
      finishStatus: request.finishStatus,
      finishMessage: request.finishMessage ?? '',
      totalItems: items.totalItems,
      processedItems: items.processedItems,
      failedItems: items.failedItems
    },
    'finish'
  )
}

export async function restartTask(ctx: ApiContext, id: Id): Promise<Task> {
  return updateTask(ctx, id, { state: 'START' }, 'restart')
}

export async function interruptTask(ctx: ApiContext, id: Id): Promise<Task> {
  return updateTask(ctx, id, { interrupted: true }, 'interrupt')
}

export async function cancelTask(ctx: ApiContext, id: Id): Promise<Task> {
  return updateTask(ctx, id, { state: 'CANCELED' }, 'cancel')
}

export async function listTasks(ctx: ApiContext, query: ListTasksQuery = {}): Promise<Page<Task>> {
  return ctx.call<Page<Task>>({
    operation: query.activityLabel
      ? `list tasks of automation '${query.activityLabel}'`
      : 'list tasks',
    method: 'GET',
    path: '/api/v2/task',
    query: { ...query },
    idempotency: 'idempotent',
    read: 'json'
  })
}
