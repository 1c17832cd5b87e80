// Reply values and the Spring-style error shape. Handlers return a Reply instead of writing to the
// response themselves, so the fault layer can cut or truncate any response the same way.
import { STATUS_CODES } from 'node:http'

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message)
  }
}

export type Reply =
  | { status: number; kind: 'json'; body: unknown; headers?: Record<string, string> }
  | {
      status: number
      kind: 'text'
      body: string
      contentType: string
      headers?: Record<string, string>
    }
  | { status: number; kind: 'empty'; headers?: Record<string, string> }
  | {
      status: number
      kind: 'file'
      path: string
      size: number
      contentType: string
      headers?: Record<string, string>
    }

export const json = (body: unknown, status = 200): Reply => ({ status, kind: 'json', body })
export const empty = (status = 200): Reply => ({ status, kind: 'empty' })
export const text = (
  body: string,
  contentType = 'text/plain; charset=utf-8',
  status = 200
): Reply => ({
  status,
  kind: 'text',
  body,
  contentType
})
export const file = (
  path: string,
  size: number,
  contentType = 'application/octet-stream'
): Reply => ({
  status: 200,
  kind: 'file',
  path,
  size,
  contentType
})

/** The body Spring Boot's default error handler sends. */
export function springError(status: number, message: string, path: string) {
  return {
    timestamp: new Date().toISOString(),
    status,
    error: STATUS_CODES[status] ?? 'Error',
    message,
    path
  }
}

export const errorReply = (status: number, message: string, path: string): Reply =>
  json(springError(status, message, path), status)
