// Alerts on a task, and messages to at most 50 recipients.

import {
  type CreateAlertRequest,
  type Alert,
  MAX_MESSAGE_RECIPIENTS,
  type SendMessageRequest
} from '../models.js'
import { MaestroInputError } from '../errors.js'
import { type ApiContext, requireText, requireId } from './context.js'

export async function createAlert(ctx: ApiContext, request: CreateAlertRequest): Promise<Alert> {
  const operation = `create alert for task ${String(request?.taskId)}`
  const taskId = requireId('taskId', request?.taskId, operation)
  requireText('title', request.title, operation, 'alert title')
  if (!['INFO', 'WARN', 'ERROR'].includes(request.type))
    throw new MaestroInputError(
      'type',
      `The alert type must be INFO, WARN or ERROR, got '${String(request.type)}'.`,
      operation
    )
  return ctx.call<Alert>({
    operation,
    method: 'POST',
    path: '/api/v2/alerts',
    json: { taskId, title: request.title, message: request.message ?? '', type: request.type },
    idempotency: 'create',
    notFound: `task ${taskId}`,
    read: 'json'
  })
}

export async function sendMessage(ctx: ApiContext, request: SendMessageRequest): Promise<void> {
  const operation = `send message '${request?.subject ?? ''}'`
  const emails = request?.emails ?? []
  const logins = request?.logins ?? []
  const count = emails.length + logins.length
  if (count === 0)
    throw new MaestroInputError(
      'recipients',
      'A message needs at least one email or login.',
      operation
    )
  if (count > MAX_MESSAGE_RECIPIENTS)
    throw new MaestroInputError(
      'recipients',
      `A message can have at most ${MAX_MESSAGE_RECIPIENTS} recipients (emails + logins); got ${count}. Split it into several messages.`,
      operation
    )
  requireText('subject', request.subject, operation, 'message subject')
  const type = request.type ?? 'TEXT'
  if (type !== 'TEXT' && type !== 'HTML')
    throw new MaestroInputError(
      'type',
      `The message type must be TEXT or HTML, got '${String(type)}'.`,
      operation
    )
  return ctx.call<void>({
    operation,
    method: 'POST',
    path: '/api/v2/message',
    json: {
      emails,
      logins,
      subject: request.subject,
      body: request.body ?? '',
      type,
      group: request.group ?? ''
    },
    idempotency: 'create',
    read: 'none'
  })
}
