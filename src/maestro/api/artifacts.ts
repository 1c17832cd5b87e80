// Artifacts ("result files"): record + streamed file upload, paged list, read, download.

import {
  type Id,
  type Page,
  type Artifact,
  type UploadArtifactRequest,
  type UploadArtifactResult,
  type DownloadResult,
  type ListArtifactsQuery
} from '../models.js'
import { MaestroError, MaestroInputError, withHint } from '../errors.js'
import { isDirectory, safeFileName } from '../files.js'
import { prepareUpload, type UploadSource } from '../multipart.js'
import { type ApiContext, seg, requireText, requireId, sendFile, download } from './context.js'

export async function uploadArtifact(
  ctx: ApiContext,
  request: UploadArtifactRequest
): Promise<UploadArtifactResult> {
  const name = requireText('name', request?.name, 'upload artifact', 'artifact name')
  const taskId = requireId('taskId', request.taskId, `upload artifact '${name}'`)
  const operation = `upload artifact '${name}' for task ${taskId}`
  const source: UploadSource =
    request.filePath !== undefined
      ? { filePath: request.filePath, fileName: request.fileName }
      : request.open !== undefined
        ? { open: request.open, fileName: request.fileName, sizeHint: request.sizeHint }
        : { stream: request.stream, size: request.size, fileName: request.fileName }
  const upload = await prepareUpload(source, operation)
  const artifact = await ctx.call<Artifact>({
    operation: `create the record of artifact '${name}' for task ${taskId}`,
    method: 'POST',
    path: '/api/v2/artifact',
    json: { taskId, name, filename: upload.fileName },
    idempotency: 'create',
    notFound: `task ${taskId}`,
    read: 'json'
  })
  if (artifact?.id === undefined || artifact?.id === null)
    throw new MaestroError(`Could not ${operation}: the answer has no artifact id.`, {
      operation
    })
  let result
  try {
    result = await sendFile(
      ctx,
      `send file '${upload.fileName}' to artifact ${artifact.id} ('${name}')`,
      `/api/v2/artifact/log/${seg(artifact.id)}`,
      upload,
      'idempotent',
      `artifact ${artifact.id}`
    )
  } catch (e) {
    // The record cannot be taken back (the API has no delete): say it is there, empty.
    throw withHint(
      e,
      `Artifact ${artifact.id} ('${name}') was created in Maestro without its file and stays there; posting again makes a new one.`
    )
  }
  return { artifact, ...result }
}

export async function listArtifacts(
  ctx: ApiContext,
  query: ListArtifactsQuery = {}
): Promise<Artifact[]> {
  const operation = 'list artifacts'
  const size = query.pageSize ?? 100
  if (!(Number.isInteger(size) && size > 0))
    throw new MaestroInputError('pageSize', 'pageSize must be a positive whole number.', operation)
  const all: Artifact[] = []
  for (let page = 0; page < 100_000; page++) {
    const p = await ctx.call<Page<Artifact>>({
      operation: `${operation} (page ${page + 1})`,
      method: 'GET',
      path: '/api/v2/artifact',
      query: { size, page, sort: query.sort ?? 'dateCreation,desc', days: query.days ?? 7 },
      idempotency: 'idempotent',
      read: 'json'
    })
    const content = p?.content ?? []
    all.push(...content)
    if (
      content.length === 0 ||
      p.last === true ||
      (typeof p.totalPages === 'number' && page + 1 >= p.totalPages)
    )
      break
  }
  return all
}

export async function getArtifact(ctx: ApiContext, id: Id): Promise<Artifact> {
  const operation = `read artifact ${String(id)}`
  const artifactId = requireId('artifactId', id, operation)
  return ctx.call<Artifact>({
    operation,
    method: 'GET',
    path: `/api/v2/artifact/${seg(artifactId)}`,
    idempotency: 'idempotent',
    notFound: `artifact ${artifactId}`,
    read: 'json'
  })
}

export async function downloadArtifact(
  ctx: ApiContext,
  id: Id,
  destPath: string
): Promise<DownloadResult> {
  const operation = `download artifact ${String(id)}`
  const artifactId = requireId('artifactId', id, operation)
  requireText('destPath', destPath, operation, 'destination path')
  let target = destPath
  if (await isDirectory(destPath)) {
    const artifact = await getArtifact(ctx, artifactId)
    target = `${destPath.replace(/[\\/]+$/, '')}/${safeFileName(artifact.fileName || artifact.name, `artifact-${artifactId}`)}`
  }
  return download(
    ctx,
    operation,
    `/api/v2/artifact/${seg(artifactId)}/file`,
    undefined,
    target,
    `artifact ${artifactId}`
  )
}
