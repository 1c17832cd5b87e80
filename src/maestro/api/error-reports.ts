// Error reports on a task, with default tags, a screenshot and attachments.

import {
  type Id,
  type FileSource,
  type TransferResult,
  type CreateErrorRequest,
  type ErrorReport
} from '../models.js'
import { prepareUpload } from '../multipart.js'
import { type ApiContext, seg, requireText, requireId, fileSource, sendFile } from './context.js'
import { hostname, release, type as osType, userInfo } from 'node:os'

export async function createError(
  ctx: ApiContext,
  request: CreateErrorRequest
): Promise<ErrorReport> {
  const operation = `report an error for task ${String(request?.taskId)}`
  const taskId = requireId('taskId', request?.taskId, operation)
  requireText('type', request.type, operation, 'error type')
  return ctx.call<ErrorReport>({
    operation,
    method: 'POST',
    path: '/api/v2/error',
    json: {
      taskId,
      type: request.type,
      message: request.message ?? '',
      stackTrace: request.stackTrace ?? '',
      language: request.language ?? 'SHELL',
      tags: { ...defaultErrorTags(), ...(request.tags ?? {}) }
    },
    idempotency: 'create',
    notFound: `task ${taskId}`,
    read: 'json'
  })
}

export async function uploadErrorScreenshot(
  ctx: ApiContext,
  errorId: Id,
  file: FileSource | string
): Promise<TransferResult> {
  const operation = `send the screenshot of error ${String(errorId)}`
  const id = requireId('errorId', errorId, operation)
  const upload = await prepareUpload(fileSource(file), operation)
  return sendFile(
    ctx,
    operation,
    `/api/v2/error/${seg(id)}/screenshot`,
    upload,
    'idempotent',
    `error ${id}`
  )
}

export async function uploadErrorAttachment(
  ctx: ApiContext,
  errorId: Id,
  file: FileSource | string
): Promise<TransferResult> {
  const operation = `attach a file to error ${String(errorId)}`
  const id = requireId('errorId', errorId, operation)
  const upload = await prepareUpload(fileSource(file), operation)
  return sendFile(
    ctx,
    `attach '${upload.fileName}' to error ${id}`,
    `/api/v2/error/${seg(id)}/attachments`,
    upload,
    'create',
    `error ${id}`
  )
}

function defaultErrorTags(): Record<string, string> {
  let user: string
  try {
    user = userInfo().username
  } catch {
    user = process.env.USER ?? ''
  }
  return {
    user_name: user,
    host_name: hostname(),
    os_name: osType(),
    os_version: release(),
    node_version: process.version
  }
}
