// Datapools: create, read, summary, push, pull (204 = empty), entry read/update.

import {
  type Id,
  type Datapool,
  type CreateDatapoolRequest,
  type DatapoolSummary,
  type DatapoolEntry,
  type PushDatapoolEntryRequest,
  type UpdateDatapoolEntryRequest
} from '../models.js'
import { MaestroInputError } from '../errors.js'
import { readJson } from '../http.js'
import { type ApiContext, seg, requireText } from './context.js'

export async function createDatapool(
  ctx: ApiContext,
  request: CreateDatapoolRequest
): Promise<Datapool> {
  const label = requireText('label', request?.label, 'create datapool', 'datapool label')
  const operation = `create datapool '${label}'`
  return ctx.call<Datapool>({
    operation,
    method: 'POST',
    path: '/api/v2/datapool',
    json: {
      name: label,
      consumptionPolicy: 'FIFO',
      trigger: 'NEVER',
      autoRetry: true,
      maxAutoRetry: 0,
      abortOnError: true,
      maxErrorsBeforeInactive: 0,
      itemMaxProcessingTime: 0,
      active: true,
      repositoryLabel: 'DEFAULT',
      schema: [],
      ...request
    },
    idempotency: 'create',
    read: 'json'
  })
}

export async function getDatapool(ctx: ApiContext, label: string): Promise<Datapool> {
  const operation = `read datapool '${label}'`
  requireText('label', label, operation, 'datapool label')
  return ctx.call<Datapool>({
    operation,
    method: 'GET',
    path: `/api/v2/datapool/${seg(label)}`,
    idempotency: 'idempotent',
    notFound: `datapool '${label}'`,
    read: 'json'
  })
}

export async function getDatapoolSummary(ctx: ApiContext, label: string): Promise<DatapoolSummary> {
  const operation = `read the summary of datapool '${label}'`
  requireText('label', label, operation, 'datapool label')
  return ctx.call<DatapoolSummary>({
    operation,
    method: 'GET',
    path: `/api/v2/datapool/${seg(label)}/summary`,
    idempotency: 'idempotent',
    notFound: `datapool '${label}'`,
    read: 'json'
  })
}

export async function pushDatapoolEntry(
  ctx: ApiContext,
  label: string,
  request: PushDatapoolEntryRequest
): Promise<DatapoolEntry> {
  const operation = `push an entry to datapool '${label}'`
  requireText('label', label, operation, 'datapool label')
  if (!request?.values || typeof request.values !== 'object')
    throw new MaestroInputError(
      'values',
      'A datapool entry needs its values (an object).',
      operation
    )
  return ctx.call<DatapoolEntry>({
    operation,
    method: 'POST',
    path: `/api/v2/datapool/${seg(label)}/push`,
    json: { priority: request.priority ?? 0, values: request.values },
    idempotency: 'create',
    notFound: `datapool '${label}'`,
    read: 'json'
  })
}

export async function pullDatapoolEntry(
  ctx: ApiContext,
  label: string
): Promise<DatapoolEntry | null> {
  const operation = `pull an entry from datapool '${label}'`
  requireText('label', label, operation, 'datapool label')
  return ctx.call<DatapoolEntry | null>({
    operation,
    method: 'GET',
    path: `/api/v2/datapool/${seg(label)}/pull`,
    idempotency: 'create', // a pull takes an entry: sending it twice could take two
    notFound: `datapool '${label}'`,
    read: async a => {
      if (a.status === 204) {
        await a.body.dump()
        return null
      }
      return ((await readJson(a, operation)) as DatapoolEntry | undefined) ?? null
    }
  })
}

export async function getDatapoolEntry(
  ctx: ApiContext,
  label: string,
  entryId: Id
): Promise<DatapoolEntry> {
  const operation = `read entry ${String(entryId)} of datapool '${label}'`
  requireText('label', label, operation, 'datapool label')
  const id = requireText('entryId', String(entryId ?? ''), operation, 'entry id')
  return ctx.call<DatapoolEntry>({
    operation,
    method: 'GET',
    path: `/api/v2/datapool/${seg(label)}/entry/${seg(id)}`,
    idempotency: 'idempotent',
    notFound: `entry ${id} of datapool '${label}'`,
    read: 'json'
  })
}

export async function updateDatapoolEntry(
  ctx: ApiContext,
  label: string,
  entryId: Id,
  update: UpdateDatapoolEntryRequest
): Promise<DatapoolEntry> {
  const operation = `update entry ${String(entryId)} of datapool '${label}'`
  requireText('label', label, operation, 'datapool label')
  const id = requireText('entryId', String(entryId ?? ''), operation, 'entry id')
  return ctx.call<DatapoolEntry>({
    operation,
    method: 'POST',
    path: `/api/v2/datapool/${seg(label)}/entry/${seg(id)}`,
    json: update ?? {},
    idempotency: 'idempotent',
    notFound: `entry ${id} of datapool '${label}'`,
    read: async a => (await readJson(a, operation)) as DatapoolEntry
  })
}
