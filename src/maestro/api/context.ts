// What every API area needs from the client: the transport (auth, retries, errors), the login,
// the logger and the secret hook; plus the small input checks and file transfer steps they share.

import {
  type Id,
  type FileSource,
  type ReopenableSource,
  type TransferResult,
  type DownloadResult
} from '../models.js'
import { MaestroError, MaestroInputError } from '../errors.js'
import { downloadToFile } from '../files.js'
import { type Transport, type Answer, type Logger, type RequestSpec } from '../http.js'
import { prepareUpload, type UploadSource } from '../multipart.js'

export interface ApiContext {
  call<T>(spec: RequestSpec<T>): Promise<T>
  transport: Transport
  /** The workspace login (organization label). */
  login: string
  logger: Logger
  /** Masks a value from now on (and hands it to the caller's onSecret). */
  onSecret(value: string): void
}

/** Encodes one path segment. */
export function seg(value: Id): string {
  return encodeURIComponent(String(value))
}

export function requireText(
  field: string,
  value: unknown,
  operation: string,
  what = field
): string {
  if (typeof value !== 'string' || !value.trim())
    throw new MaestroInputError(field, `The ${what} is empty.`, operation)
  return value
}

export function requireId(field: string, value: unknown, operation: string): Id {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return value.trim()
  throw new MaestroInputError(
    field,
    `The ${field} must be a whole number, got '${String(value)}'.`,
    operation
  )
}

export function fileSource(src: FileSource | ReopenableSource | string): UploadSource {
  return typeof src === 'string' ? { filePath: src } : src
}

export async function sendFile(
  ctx: ApiContext,
  operation: string,
  path: string,
  upload: Awaited<ReturnType<typeof prepareUpload>>,
  idempotency: 'idempotent' | 'create',
  notFound: string
): Promise<TransferResult> {
  await ctx.call<void>({
    operation,
    method: 'POST',
    path,
    upload,
    idempotency,
    notFound,
    read: 'none'
  })
  const result = upload.result()
  if (!result)
    throw new MaestroError(`Could not ${operation}: the file was not read to the end.`, {
      operation
    })
  return result
}

export function download(
  ctx: ApiContext,
  operation: string,
  path: string,
  query: RequestSpec<unknown>['query'],
  destPath: string,
  notFound: string
): Promise<DownloadResult> {
  return ctx.call<DownloadResult>({
    operation,
    method: 'GET',
    path,
    query,
    idempotency: 'idempotent',
    notFound,
    read: async (a: Answer) => {
      const raw = a.headers['content-length']
      const length = raw === undefined ? undefined : Number(Array.isArray(raw) ? raw[0] : raw)
      const expected = length !== undefined && Number.isFinite(length) ? length : undefined
      if (expected !== undefined) a.extendDeadline(ctx.transport.transferBudgetMs(expected))
      else a.extendDeadline(ctx.transport.transferBudgetMs(1024 ** 3)) // unknown size: the stall watchdog still applies
      return downloadToFile(a.body, destPath, expected)
    }
  })
}
