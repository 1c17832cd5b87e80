// A sandbox Maestro for action tests: started for real on loopback with its test hooks on, plus
// typed helpers over those hooks (request log, state, faults, the Runner).
import { Agent, fetch } from 'undici'
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js'

export interface RecordedRequest {
  seq: number
  method: string
  path: string
  query: Record<string, string>
  status: number | null
  headers: Record<string, string>
  bodyBytes: number
  durationMs: number
  /** Arrival, ms since the epoch */
  at: number
}

export interface FaultSpec {
  method?: string
  path: string
  times?: number
  delayMs?: number
  status?: number
  retryAfter?: string
  /** An HTTP-date Retry-After this many seconds after the answer */
  retryAfterDate?: number
  location?: string
  body?: unknown
  reset?: 'before-response' | 'during-request' | 'during-response'
  afterBytes?: number
  truncate?: boolean
}

export interface RunTaskSpec {
  finishStatus: 'SUCCESS' | 'FAILED' | 'PARTIALLY_COMPLETED'
  finishMessage?: string
  runningAfterMs?: number
  finishAfterMs?: number
  /** Instead of finishAfterMs: finish just after this many reads of the task (GET /task/{id}). */
  finishAfterReads?: number
  totalItems?: number
  processedItems?: number
  failedItems?: number
  /** The bot watches `interrupted` and, once asked, finishes with this status. */
  interruptStatus?: 'SUCCESS' | 'FAILED' | 'PARTIALLY_COMPLETED'
}

export interface TestSandbox extends Sandbox {
  /** BOTCITY_SERVER, BOTCITY_LOGIN and BOTCITY_KEY for this sandbox, for an action's env. */
  env: Record<string, string>
  /** Requests to /api/v2 received so far (secrets redacted). */
  requests(): Promise<RecordedRequest[]>
  /** Requests other than the login, which every fresh action process makes first. */
  apiRequests(): Promise<RecordedRequest[]>
  clearRequests(): Promise<void>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the sandbox's own records, read by tests
  state(): Promise<any>
  fault(spec: FaultSpec): Promise<void>
  /** Faults not used up yet, with how often each was used. */
  faults(): Promise<Array<FaultSpec & { id: number; remaining: number | null; used: number }>>
  clearFaults(): Promise<void>
  runTask(taskId: number | string, spec: RunTaskSpec): Promise<void>
  expireTokens(afterCalls?: number): Promise<void>
  reset(): Promise<void>
}

export async function startTestSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const sandbox = await startSandbox({ port: 0, ...options, control: true })
  // Over https the hooks trust the sandbox's own certificate (the actions under test do not).
  const dispatcher = options.tls ? new Agent({ connect: { ca: options.tls.cert } }) : undefined
  const control = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${sandbox.url}/_sandbox/${path}`, {
      dispatcher,
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body)
    })
    const text = await response.text()
    if (!response.ok) throw new Error(`sandbox ${method} ${path}: ${response.status} ${text}`)
    return text ? JSON.parse(text) : undefined
  }
  const requests = async () => (await control('GET', 'requests')) as RecordedRequest[]
  return {
    ...sandbox,
    close: async () => {
      await sandbox.close()
      await dispatcher?.close()
    },
    env: { BOTCITY_SERVER: sandbox.url, BOTCITY_LOGIN: sandbox.login, BOTCITY_KEY: sandbox.key },
    requests,
    apiRequests: async () => (await requests()).filter(r => r.path !== '/api/v2/workspace/login'),
    clearRequests: async () => void (await control('DELETE', 'requests')),
    state: () => control('GET', 'state'),
    fault: async spec => void (await control('POST', 'faults', spec)),
    faults: async () =>
      (await control('GET', 'faults')) as Awaited<ReturnType<TestSandbox['faults']>>,
    clearFaults: async () => void (await control('DELETE', 'faults')),
    runTask: async (id, spec) => void (await control('POST', `tasks/${id}/run`, spec)),
    expireTokens: async afterCalls =>
      void (await control('POST', 'tokens/expire', afterCalls === undefined ? {} : { afterCalls })),
    reset: async () => void (await control('POST', 'reset'))
  }
}

/**
 * One request to the sandbox's API as a logged-in client would send it, for a test to set the
 * scene (a task made by "another job"); its answer's JSON. Logs in on every call: tests clear the
 * request log afterwards.
 */
export async function sandboxApi<T>(
  sandbox: Pick<Sandbox, 'url' | 'login' | 'key'>,
  method: string,
  path: string,
  body?: unknown
): Promise<T> {
  const login = await fetch(`${sandbox.url}/api/v2/workspace/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: sandbox.login, key: sandbox.key })
  })
  const { accessToken } = (await login.json()) as { accessToken: string }
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      token: accessToken,
      organization: sandbox.login
    },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  return (await response.json()) as T
}
