// What a route handler sees. Handlers get parsed input and return a Reply; they never touch the
// socket, so auth, logging and fault injection stay in one place (server.ts).
import type { IncomingHttpHeaders } from 'node:http'
import type { Reply } from './http.js'
import type { State, StoredFile } from './state.js'
import type { Timers } from './timers.js'

export interface Ctx {
  method: string
  path: string
  params: Record<string, string>
  query: URLSearchParams
  headers: IncomingHttpHeaders
  state: State
  timers: Timers
  /** The request body parsed as JSON (400 on malformed JSON). */
  json(): Promise<unknown>
  /** Streams the multipart part named `file` to the data folder, hashing it on the way. */
  upload(): Promise<StoredFile>
  /** Deletes a file this sandbox stored earlier (a replaced upload). */
  discard(file: StoredFile | null): Promise<void>
}

export type Handler = (c: Ctx) => Reply | Promise<Reply>
export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE'
export type On = (method: Method, path: string, handler: Handler, opts?: { auth?: boolean }) => void
