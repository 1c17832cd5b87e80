// Bots: versions, deploy, package upload, release, delete.

import {
  type FileSource,
  type TransferResult,
  type BotVersion,
  type DeployBotRequest,
  type ReopenableSource,
  type UploadBotOptions
} from '../models.js'
import { MaestroInputError } from '../errors.js'
import { readJson } from '../http.js'
import { prepareUpload } from '../multipart.js'
import { type ApiContext, seg, requireText, fileSource, sendFile } from './context.js'

export async function getBotVersions(ctx: ApiContext, botId: string): Promise<BotVersion[]> {
  const operation = `read the versions of bot '${botId}'`
  requireText('botId', botId, operation, 'bot id')
  return ctx.call<BotVersion[]>({
    operation,
    method: 'GET',
    path: '/api/v2/bot',
    query: { botId },
    idempotency: 'idempotent',
    read: async a => ((await readJson(a, operation)) as BotVersion[] | undefined) ?? []
  })
}

export async function deployBot(ctx: ApiContext, request: DeployBotRequest): Promise<void> {
  const botId = requireText('botId', request?.botId, 'deploy bot', 'bot id')
  const operation = `deploy version '${String(request.version)}' of bot '${botId}'`
  requireText('version', request.version, operation, 'bot version')
  if (!['PYTHON', 'JAVA', 'JAVASCRIPT', 'TYPESCRIPT', 'COMMAND'].includes(request.technology))
    throw new MaestroInputError(
      'technology',
      `The technology must be one of PYTHON, JAVA, JAVASCRIPT, TYPESCRIPT, COMMAND, got '${String(request.technology)}'.`,
      operation
    )
  return ctx.call<void>({
    operation,
    method: 'POST',
    path: '/api/v2/bot',
    json: {
      organization: ctx.login,
      botId,
      version: request.version,
      technology: request.technology,
      command: request.command ?? null,
      repositoryLabel: request.repositoryLabel ?? 'DEFAULT'
    },
    idempotency: 'create',
    read: 'none'
  })
}

export async function uploadBot(
  ctx: ApiContext,
  botId: string,
  version: string,
  file: FileSource | ReopenableSource | string,
  options: UploadBotOptions = {}
): Promise<TransferResult> {
  const operation = `upload the package of bot '${botId}' version '${version}'`
  requireText('botId', botId, operation, 'bot id')
  requireText('version', version, operation, 'bot version')
  const upload = await prepareUpload(fileSource(file), operation)
  return sendFile(
    ctx,
    operation,
    `/api/v2/bot/upload/${seg(botId)}/version/${seg(version)}`,
    upload,
    options.exactlyOnce ? 'create' : 'idempotent',
    `bot '${botId}' version '${version}' (deploy it first)`
  )
}

export async function releaseBot(ctx: ApiContext, botId: string, version: string): Promise<void> {
  const operation = `release version '${version}' of bot '${botId}'`
  requireText('botId', botId, operation, 'bot id')
  requireText('version', version, operation, 'bot version')
  return ctx.call<void>({
    operation,
    method: 'POST',
    path: '/api/v2/bot/release',
    json: { botId, version },
    idempotency: 'idempotent',
    notFound: `bot '${botId}' version '${version}'`,
    read: 'none'
  })
}

export async function deleteBotVersion(
  ctx: ApiContext,
  botId: string,
  version: string
): Promise<void> {
  const operation = `delete version '${version}' of bot '${botId}'`
  requireText('botId', botId, operation, 'bot id')
  requireText('version', version, operation, 'bot version')
  return ctx.call<void>({
    operation,
    method: 'DELETE',
    path: `/api/v2/bot/${seg(botId)}/version/${seg(version)}`,
    idempotency: 'idempotent',
    notFound: `bot '${botId}' version '${version}'`,
    read: 'none'
  })
}
