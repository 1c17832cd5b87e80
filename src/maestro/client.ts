// MaestroClient: one method per call of the contract. Each method names its operation (for
// messages), its idempotency class (for retries) and what a 404 refers to; the transport does
// the rest.

import { hostname, release, type as osType, userInfo } from 'node:os'
import { setTimeout as delay } from 'node:timers/promises'
import { MaestroError, MaestroHttpError, MaestroInputError } from './errors.js'
import { downloadToFile, isDirectory, safeFileName } from './files.js'
import { readJson, Transport, type Answer, type Logger, type RequestSpec } from './http.js'
import { resolveItemCounts } from './items.js'
import {
  MAX_MESSAGE_RECIPIENTS,
  TASK_FINISH_STATUSES,
  type Alert,
  type Artifact,
  type BotVersion,
  type CreateAlertRequest,
  type CreateDatapoolRequest,
  type CreateErrorRequest,
  type CreateLogRequest,
  type CreateTaskRequest,
  type CredentialSet,
  type Datapool,
  type DatapoolEntry,
  type DatapoolSummary,
  type DeployBotRequest,
  type DownloadResult,
  type ErrorReport,
  type FileSource,
  type FinishTaskRequest,
  type Id,
  type ListArtifactsQuery,
  type ListTasksQuery,
  type Log,
  type LogEntriesQuery,
  type LogEntry,
  type LogEntryValues,
  type LoginResponse,
  type Page,
  type PushDatapoolEntryRequest,
  type SendMessageRequest,
  type SetCredentialOutcome,
  type Task,
  type TransferResult,
  type UpdateDatapoolEntryRequest,
  type UploadArtifactRequest,
  type UploadArtifactResult,
  type VersionResponse
} from './models.js'
import { prepareUpload, type UploadSource } from './multipart.js'
import { Redactor } from './redact.js'
import { DEFAULT_RETRY, type RetrySettings } from './retry.js'
import { normalizeServerUrl } from './url.js'
import { defaultUserAgent } from './version.js'

export interface MaestroClientOptions {
  server: string
  login: string
  /** Workspace access key; optional when accessToken is given. */
  key?: string
  /** Reuse a token obtained earlier (e.g. by a login step). */
  accessToken?: string
  /** Extra CA bundle, PEM text (added to Node's trusted roots). */
  caCertificate?: string
  /** Do not verify the server certificate (a warning is logged). */
  insecureSkipTlsVerify?: boolean
  /** Per request, default 60000. */
  timeoutMs?: number
  /** File transfers get timeoutMs + size / this rate; default 256 KiB/s. */
  transferMinBytesPerSecond?: number
  retry?: { attempts?: number; baseDelayMs?: number; maxDelayMs?: number; maxRetryAfterMs?: number }
  sleep?: (ms: number) => Promise<void>
  onSecret?: (value: string) => void
  logger?: Logger
  /** Prepended to `maestro-actions/<version> (+node <version>)`. */
  userAgent?: string
}

const silentLogger: Logger = { debug() {}, info() {}, warning() {} }
const DAY_MS = 86_400_000

/** Encodes one path segment. */
function seg(value: Id): string {
  return encodeURIComponent(String(value))
}

function requireText(field: string, value: unknown, operation: string, what = field): string {
  if (typeof value !== 'string' || !value.trim())
    throw new MaestroInputError(field, `The ${what} is empty.`, operation)
  return value
}

function requireId(field: string, value: unknown, operation: string): Id {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return value.trim()
  throw new MaestroInputError(
    field,
    `The ${field} must be a whole number, got '${String(value)}'.`,
    operation
  )
}

function fileSource(src: FileSource | string): UploadSource {
  return typeof src === 'string' ? { filePath: src } : src
}

export class MaestroClient {
  readonly #t: Transport
  readonly #login: string
  readonly #logger: Logger
  readonly #redactor = new Redactor()
  readonly #onSecret: (value: string) => void
  readonly #baseUrl: string

  constructor(options: MaestroClientOptions) {
    const logger = options.logger ?? silentLogger
    const onSecret = options.onSecret ?? (() => {})
    this.#onSecret = (v: string) => {
      onSecret(v)
      this.#redactor.add(v)
    }
    // Known secrets are masked before anything could print them.
    if (options.key) this.#onSecret(options.key)
    if (options.accessToken) this.#onSecret(options.accessToken)
    const server = normalizeServerUrl(options.server)
    requireText(
      'login',
      options.login,
      'configure the Maestro client',
      'login (workspace organization label)'
    )
    if (!options.key && !options.accessToken)
      throw new MaestroInputError(
        'key',
        'Give the workspace key, or an access token from an earlier login.',
        'configure the Maestro client'
      )
    if (server.warning) logger.warning(server.warning)
    if (options.insecureSkipTlsVerify)
      logger.warning(
        `TLS certificate verification is OFF for ${server.baseUrl}: anyone on the network path can read the key and the data. Use caCertificate instead.`
      )
    const timeoutMs = options.timeoutMs ?? 60_000
    if (!(timeoutMs > 0))
      throw new MaestroInputError(
        'timeoutMs',
        'timeoutMs must be a positive number.',
        'configure the Maestro client'
      )
    const retry: RetrySettings = { ...DEFAULT_RETRY }
    for (const k of ['attempts', 'baseDelayMs', 'maxDelayMs', 'maxRetryAfterMs'] as const) {
      const v = options.retry?.[k]
      if (v !== undefined) {
        if (!(Number.isFinite(v) && v >= (k === 'attempts' ? 1 : 0)))
          throw new MaestroInputError(
            `retry.${k}`,
            `retry.${k} must be a number >= ${k === 'attempts' ? 1 : 0}.`,
            'configure the Maestro client'
          )
        retry[k] = k === 'attempts' ? Math.floor(v) : v
      }
    }
    this.#login = options.login
    this.#logger = logger
    this.#baseUrl = server.baseUrl
    this.#t = new Transport({
      server,
      login: options.login,
      key: options.key,
      accessToken: options.accessToken,
      caCertificate: options.caCertificate,
      insecureSkipTlsVerify: options.insecureSkipTlsVerify,
      timeoutMs,
      transferMinBytesPerSecond: options.transferMinBytesPerSecond ?? 256 * 1024,
      retry,
      sleep: options.sleep ?? (ms => delay(ms)),
      random: Math.random,
      onSecret: this.#onSecret,
      logger,
      userAgent: options.userAgent
        ? `${options.userAgent} ${defaultUserAgent()}`
        : defaultUserAgent(),
      redactor: this.#redactor
    })
  }

  /** The current access token (after login, or the one given). */
  get accessToken(): string | undefined {
    return this.#t.accessToken
  }

  /** The normalised server URL. */
  get serverUrl(): string {
    return this.#baseUrl
  }

  /** Replaces known secrets in `text` with `***` (for callers building their own messages). */
  redact(text: string): string {
    return this.#redactor.redact(text)
  }

  async close(): Promise<void> {
    await this.#t.close()
  }

  #call<T>(spec: RequestSpec<T>): Promise<T> {
    return this.#t.request(spec)
  }

  // ---------------------------------------------------------------- version and login

  /** `GET /api/v2/maestro/version` (no auth). Only called when asked. */
  async getVersion(): Promise<VersionResponse> {
    return this.#call<VersionResponse>({
      operation: `read the Maestro version of ${this.#baseUrl}`,
      method: 'GET',
      path: '/api/v2/maestro/version',
      auth: false,
      idempotency: 'idempotent',
      notFound: 'the version endpoint (is the server URL the Maestro address?)',
      read: 'json'
    })
  }

  /** Logs in with the key now (other calls do it lazily). The token goes to onSecret first. */
  async login(): Promise<LoginResponse> {
    return this.#t.login()
  }

  // ---------------------------------------------------------------- tasks

  async createTask(request: CreateTaskRequest): Promise<Task> {
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
    return this.#call<Task>({
      operation,
      method: 'POST',
      path: '/api/v2/task',
      json: body,
      idempotency: 'create',
      notFound: `automation '${label}' (the activity label)`,
      read: 'json'
    })
  }

  async getTask(id: Id): Promise<Task> {
    const operation = `read task ${String(id)}`
    const taskId = requireId('taskId', id, operation)
    return this.#call<Task>({
      operation,
      method: 'GET',
      path: `/api/v2/task/${seg(taskId)}`,
      idempotency: 'idempotent',
      notFound: `task ${taskId}`,
      read: 'json'
    })
  }

  #updateTask(id: Id, body: Record<string, unknown>, verb: string): Promise<Task> {
    const operation = `${verb} task ${String(id)}`
    const taskId = requireId('taskId', id, operation)
    return this.#call<Task>({
      operation,
      method: 'POST',
      path: `/api/v2/task/${seg(taskId)}`,
      json: body,
      idempotency: 'idempotent',
      notFound: `task ${taskId}`,
      read: 'json'
    })
  }

  /** Finishes a task, applying the items rule (see resolveItemCounts). */
  async finishTask(id: Id, request: FinishTaskRequest): Promise<Task> {
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
    if (items.warning) this.#logger.warning(`Task ${String(id)}: ${items.warning}`)
    return this.#updateTask(
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

  async restartTask(id: Id): Promise<Task> {
    return this.#updateTask(id, { state: 'START' }, 'restart')
  }

  async interruptTask(id: Id): Promise<Task> {
    return this.#updateTask(id, { interrupted: true }, 'interrupt')
  }

  async cancelTask(id: Id): Promise<Task> {
    return this.#updateTask(id, { state: 'CANCELED' }, 'cancel')
  }

  /** One page of tasks (dashboard use). */
  async listTasks(query: ListTasksQuery = {}): Promise<Page<Task>> {
    return this.#call<Page<Task>>({
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

  // ---------------------------------------------------------------- logs

  async createLog(request: CreateLogRequest): Promise<Log> {
    const label = requireText(
      'activityLabel',
      request?.activityLabel,
      'create execution log',
      'log label'
    )
    const operation = `create execution log '${label}'`
    if (!Array.isArray(request.columns) || request.columns.length === 0)
      throw new MaestroInputError(
        'columns',
        'An execution log needs at least one column.',
        operation
      )
    request.columns.forEach((c, i) => {
      requireText(`columns[${i}].name`, c?.name, operation, `name of column ${i + 1}`)
      requireText(`columns[${i}].label`, c?.label, operation, `label of column ${i + 1}`)
    })
    return this.#call<Log>({
      operation,
      method: 'POST',
      path: '/api/v2/log',
      json: {
        activityLabel: label,
        columns: request.columns.map(c => ({
          name: c.name,
          label: c.label,
          width: c.width ?? 300
        })),
        organizationLabel: this.#login
      },
      idempotency: 'create',
      read: 'json'
    })
  }

  async getLog(label: string): Promise<Log> {
    const operation = `read execution log '${label}'`
    requireText('label', label, operation, 'log label')
    return this.#call<Log>({
      operation,
      method: 'GET',
      path: `/api/v2/log/${seg(label)}`,
      idempotency: 'idempotent',
      notFound: `execution log '${label}'`,
      read: 'json'
    })
  }

  async listLogs(): Promise<Log[]> {
    return this.#call<Log[]>({
      operation: 'list execution logs',
      method: 'GET',
      path: '/api/v2/log',
      idempotency: 'idempotent',
      read: async a => ((await readJson(a, 'list execution logs')) as Log[] | undefined) ?? []
    })
  }

  async addLogEntry(label: string, values: LogEntryValues): Promise<void> {
    const operation = `add an entry to execution log '${label}'`
    requireText('label', label, operation, 'log label')
    if (!values || typeof values !== 'object' || Array.isArray(values))
      throw new MaestroInputError(
        'values',
        'A log entry is an object of column label -> value.',
        operation
      )
    const body: Record<string, string> = {}
    for (const [k, v] of Object.entries(values))
      body[k] = v === null || v === undefined ? '' : String(v)
    return this.#call<void>({
      operation,
      method: 'POST',
      path: `/api/v2/log/${seg(label)}/entry`,
      json: body,
      idempotency: 'create',
      notFound: `execution log '${label}'`,
      read: 'none'
    })
  }

  /** Entries of the last `days` days (default 7), or since a moment. */
  async getLogEntries(label: string, query: LogEntriesQuery = {}): Promise<LogEntry[]> {
    const operation = `read the entries of execution log '${label}'`
    requireText('label', label, operation, 'log label')
    const { days, since } = entryWindow(query, operation)
    const entries = await this.#call<LogEntry[]>({
      operation,
      method: 'GET',
      path: `/api/v2/log/${seg(label)}/entry-list`,
      query: { days },
      idempotency: 'idempotent',
      notFound: `execution log '${label}'`,
      read: async a => ((await readJson(a, operation)) as LogEntry[] | undefined) ?? []
    })
    if (since === undefined) return entries
    return entries.filter(e => {
      const t = Date.parse(e.dateCreation)
      return Number.isNaN(t) || t >= since
    })
  }

  /** Writes the CSV export of a log to `destPath` (through a temporary file). */
  async exportLogCsv(
    label: string,
    destPath: string,
    query: LogEntriesQuery = {}
  ): Promise<DownloadResult> {
    const operation = `export execution log '${label}' as CSV`
    requireText('label', label, operation, 'log label')
    requireText('destPath', destPath, operation, 'destination path')
    const { days } = entryWindow(query, operation)
    return this.#download(
      operation,
      `/api/v2/log/${seg(label)}/export`,
      { days, format: 'csv' },
      destPath,
      `execution log '${label}'`
    )
  }

  async deleteLog(label: string): Promise<void> {
    const operation = `delete execution log '${label}'`
    requireText('label', label, operation, 'log label')
    return this.#call<void>({
      operation,
      method: 'DELETE',
      path: `/api/v2/log/${seg(label)}`,
      idempotency: 'idempotent',
      notFound: `execution log '${label}'`,
      read: 'none'
    })
  }

  // ---------------------------------------------------------------- alerts and messages

  async createAlert(request: CreateAlertRequest): Promise<Alert> {
    const operation = `create alert for task ${String(request?.taskId)}`
    const taskId = requireId('taskId', request?.taskId, operation)
    requireText('title', request.title, operation, 'alert title')
    if (!['INFO', 'WARN', 'ERROR'].includes(request.type))
      throw new MaestroInputError(
        'type',
        `The alert type must be INFO, WARN or ERROR, got '${String(request.type)}'.`,
        operation
      )
    return this.#call<Alert>({
      operation,
      method: 'POST',
      path: '/api/v2/alerts',
      json: { taskId, title: request.title, message: request.message ?? '', type: request.type },
      idempotency: 'create',
      notFound: `task ${taskId}`,
      read: 'json'
    })
  }

  /** Sends a message to at most 50 recipients (emails + logins); more is refused before sending. */
  async sendMessage(request: SendMessageRequest): Promise<void> {
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
    return this.#call<void>({
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

  // ---------------------------------------------------------------- artifacts

  /**
   * Creates the artifact record, then streams the file to it (multipart, part `file`). The file is
   * checked before anything is sent. The upload (not the record) is retried when safe.
   */
  async uploadArtifact(request: UploadArtifactRequest): Promise<UploadArtifactResult> {
    const name = requireText('name', request?.name, 'upload artifact', 'artifact name')
    const taskId = requireId('taskId', request.taskId, `upload artifact '${name}'`)
    const operation = `upload artifact '${name}' for task ${taskId}`
    const source: UploadSource =
      request.filePath !== undefined
        ? { filePath: request.filePath, fileName: request.fileName }
        : { stream: request.stream, size: request.size, fileName: request.fileName }
    const upload = await prepareUpload(source, operation)
    const artifact = await this.#call<Artifact>({
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
    const result = await this.#sendFile(
      `send file '${upload.fileName}' to artifact ${artifact.id} ('${name}')`,
      `/api/v2/artifact/log/${seg(artifact.id)}`,
      upload,
      'idempotent',
      `artifact ${artifact.id}`
    )
    return { artifact, ...result }
  }

  async #sendFile(
    operation: string,
    path: string,
    upload: Awaited<ReturnType<typeof prepareUpload>>,
    idempotency: 'idempotent' | 'create',
    notFound: string
  ): Promise<TransferResult> {
    await this.#call<void>({
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

  /** All artifacts of the last `days` days (default 7), walking every page. */
  async listArtifacts(query: ListArtifactsQuery = {}): Promise<Artifact[]> {
    const operation = 'list artifacts'
    const size = query.pageSize ?? 100
    if (!(Number.isInteger(size) && size > 0))
      throw new MaestroInputError(
        'pageSize',
        'pageSize must be a positive whole number.',
        operation
      )
    const all: Artifact[] = []
    for (let page = 0; page < 100_000; page++) {
      const p = await this.#call<Page<Artifact>>({
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

  async getArtifact(id: Id): Promise<Artifact> {
    const operation = `read artifact ${String(id)}`
    const artifactId = requireId('artifactId', id, operation)
    return this.#call<Artifact>({
      operation,
      method: 'GET',
      path: `/api/v2/artifact/${seg(artifactId)}`,
      idempotency: 'idempotent',
      notFound: `artifact ${artifactId}`,
      read: 'json'
    })
  }

  /**
   * Downloads an artifact's file to `destPath`. When `destPath` is an existing folder the file is
   * named after the artifact's file name (reduced to a safe name inside that folder).
   */
  async downloadArtifact(id: Id, destPath: string): Promise<DownloadResult> {
    const operation = `download artifact ${String(id)}`
    const artifactId = requireId('artifactId', id, operation)
    requireText('destPath', destPath, operation, 'destination path')
    let target = destPath
    if (await isDirectory(destPath)) {
      const artifact = await this.getArtifact(artifactId)
      target = `${destPath.replace(/[\\/]+$/, '')}/${safeFileName(artifact.fileName || artifact.name, `artifact-${artifactId}`)}`
    }
    return this.#download(
      operation,
      `/api/v2/artifact/${seg(artifactId)}/file`,
      undefined,
      target,
      `artifact ${artifactId}`
    )
  }

  #download(
    operation: string,
    path: string,
    query: RequestSpec<unknown>['query'],
    destPath: string,
    notFound: string
  ): Promise<DownloadResult> {
    return this.#call<DownloadResult>({
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
        if (expected !== undefined) a.extendDeadline(this.#t.transferBudgetMs(expected))
        else a.extendDeadline(this.#t.transferBudgetMs(1024 ** 3)) // unknown size: the stall watchdog still applies
        return downloadToFile(a.body, destPath, expected)
      }
    })
  }

  // ---------------------------------------------------------------- errors

  /** Reports an error; default tags (user, host, OS, Node version) are added under the caller's. */
  async createError(request: CreateErrorRequest): Promise<ErrorReport> {
    const operation = `report an error for task ${String(request?.taskId)}`
    const taskId = requireId('taskId', request?.taskId, operation)
    requireText('type', request.type, operation, 'error type')
    return this.#call<ErrorReport>({
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

  /** Sends the screenshot of an error (replaces it: retried when safe). */
  async uploadErrorScreenshot(errorId: Id, file: FileSource | string): Promise<TransferResult> {
    const operation = `send the screenshot of error ${String(errorId)}`
    const id = requireId('errorId', errorId, operation)
    const upload = await prepareUpload(fileSource(file), operation)
    return this.#sendFile(
      operation,
      `/api/v2/error/${seg(id)}/screenshot`,
      upload,
      'idempotent',
      `error ${id}`
    )
  }

  /** Attaches one file to an error (each send adds one: retried only when never sent). */
  async uploadErrorAttachment(errorId: Id, file: FileSource | string): Promise<TransferResult> {
    const operation = `attach a file to error ${String(errorId)}`
    const id = requireId('errorId', errorId, operation)
    const upload = await prepareUpload(fileSource(file), operation)
    return this.#sendFile(
      `attach '${upload.fileName}' to error ${id}`,
      `/api/v2/error/${seg(id)}/attachments`,
      upload,
      'create',
      `error ${id}`
    )
  }

  // ---------------------------------------------------------------- credentials

  /** One secret value (raw text). Handed to onSecret before it is returned. */
  async getCredentialValue(label: string, key: string): Promise<string> {
    const operation = `read key '${key}' of credential '${label}'`
    requireText('label', label, operation, 'credential label')
    requireText('key', key, operation, 'credential key')
    return this.#call<string>({
      operation,
      method: 'GET',
      path: `/api/v2/credential/${seg(label)}/key/${seg(key)}`,
      idempotency: 'idempotent',
      notFound: `credential '${label}' with key '${key}'`,
      read: async a => {
        const value = await a.body.text()
        this.#onSecret(value)
        return value
      }
    })
  }

  /** The whole set; every value is handed to onSecret. */
  async getCredentialSet(label: string): Promise<CredentialSet> {
    const operation = `read credential '${label}'`
    requireText('label', label, operation, 'credential label')
    return this.#call<CredentialSet>({
      operation,
      method: 'GET',
      path: `/api/v2/credential/${seg(label)}`,
      idempotency: 'idempotent',
      notFound: `credential '${label}'`,
      read: async a => {
        const set = (await readJson(a, operation)) as CredentialSet
        for (const s of set?.secrets ?? [])
          if (typeof s?.value === 'string') this.#onSecret(s.value)
        return set
      }
    })
  }

  async #findCredentialSet(label: string): Promise<CredentialSet | undefined> {
    try {
      return await this.getCredentialSet(label)
    } catch (e) {
      if (e instanceof MaestroHttpError && e.status === 404) return undefined
      throw e
    }
  }

  #replaceCredentialSet(
    label: string,
    secrets: CredentialSet['secrets'],
    operation: string
  ): Promise<void> {
    return this.#call<void>({
      operation,
      method: 'POST',
      path: `/api/v2/credential/${seg(label)}`,
      json: {
        label,
        secrets: secrets.map(s => ({ key: s.key, value: s.value, valid: s.valid ?? true }))
      },
      idempotency: 'idempotent',
      notFound: `credential '${label}'`,
      read: 'none'
    })
  }

  /** Creates the set with this key, adds the key, or (when present) updates its value. */
  async setCredentialValue(
    label: string,
    key: string,
    value: string
  ): Promise<SetCredentialOutcome> {
    const operation = `set key '${key}' of credential '${label}'`
    requireText('label', label, operation, 'credential label')
    requireText('key', key, operation, 'credential key')
    if (typeof value !== 'string')
      throw new MaestroInputError('value', 'A credential value must be a string.', operation)
    this.#onSecret(value)
    const set = await this.#findCredentialSet(label)
    if (!set) {
      await this.#call<void>({
        operation: `create credential '${label}' with key '${key}'`,
        method: 'POST',
        path: '/api/v2/credential',
        json: { label, secrets: [{ key, value, valid: true }] },
        idempotency: 'create',
        read: 'none'
      })
      return 'created-set'
    }
    if ((set.secrets ?? []).some(s => s.key === key)) {
      await this.#replaceCredentialSet(
        label,
        set.secrets.map(s => (s.key === key ? { ...s, value } : s)),
        operation
      )
      return 'updated-key'
    }
    await this.#call<void>({
      operation: `add key '${key}' to credential '${label}'`,
      method: 'POST',
      path: `/api/v2/credential/${seg(label)}/key`,
      json: { key, value },
      idempotency: 'create',
      notFound: `credential '${label}'`,
      read: 'none'
    })
    return 'added-key'
  }

  /** Changes the value of an existing key (the set and the key must exist). */
  async updateCredentialValue(label: string, key: string, value: string): Promise<void> {
    const operation = `update key '${key}' of credential '${label}'`
    requireText('label', label, operation, 'credential label')
    requireText('key', key, operation, 'credential key')
    if (typeof value !== 'string')
      throw new MaestroInputError('value', 'A credential value must be a string.', operation)
    this.#onSecret(value)
    const set = await this.getCredentialSet(label)
    if (!(set.secrets ?? []).some(s => s.key === key))
      throw new MaestroInputError(
        'key',
        `Credential '${label}' has no key '${key}'; use setCredentialValue to add it.`,
        operation
      )
    await this.#replaceCredentialSet(
      label,
      set.secrets.map(s => (s.key === key ? { ...s, value } : s)),
      operation
    )
  }

  /** Removes a key from a set; returns false when the key was not there. */
  async removeCredentialKey(label: string, key: string): Promise<boolean> {
    const operation = `remove key '${key}' from credential '${label}'`
    requireText('label', label, operation, 'credential label')
    requireText('key', key, operation, 'credential key')
    const set = await this.getCredentialSet(label)
    const secrets = set.secrets ?? []
    if (!secrets.some(s => s.key === key)) return false
    await this.#replaceCredentialSet(
      label,
      secrets.filter(s => s.key !== key),
      operation
    )
    return true
  }

  // ---------------------------------------------------------------- datapools

  async createDatapool(request: CreateDatapoolRequest): Promise<Datapool> {
    const label = requireText('label', request?.label, 'create datapool', 'datapool label')
    const operation = `create datapool '${label}'`
    return this.#call<Datapool>({
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

  async getDatapool(label: string): Promise<Datapool> {
    const operation = `read datapool '${label}'`
    requireText('label', label, operation, 'datapool label')
    return this.#call<Datapool>({
      operation,
      method: 'GET',
      path: `/api/v2/datapool/${seg(label)}`,
      idempotency: 'idempotent',
      notFound: `datapool '${label}'`,
      read: 'json'
    })
  }

  async getDatapoolSummary(label: string): Promise<DatapoolSummary> {
    const operation = `read the summary of datapool '${label}'`
    requireText('label', label, operation, 'datapool label')
    return this.#call<DatapoolSummary>({
      operation,
      method: 'GET',
      path: `/api/v2/datapool/${seg(label)}/summary`,
      idempotency: 'idempotent',
      notFound: `datapool '${label}'`,
      read: 'json'
    })
  }

  async pushDatapoolEntry(
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
    return this.#call<DatapoolEntry>({
      operation,
      method: 'POST',
      path: `/api/v2/datapool/${seg(label)}/push`,
      json: { priority: request.priority ?? 0, values: request.values },
      idempotency: 'create',
      notFound: `datapool '${label}'`,
      read: 'json'
    })
  }

  /** Takes the next entry (now PROCESSING), or null when the datapool is empty (204). Never retried once sent. */
  async pullDatapoolEntry(label: string): Promise<DatapoolEntry | null> {
    const operation = `pull an entry from datapool '${label}'`
    requireText('label', label, operation, 'datapool label')
    return this.#call<DatapoolEntry | null>({
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

  async getDatapoolEntry(label: string, entryId: Id): Promise<DatapoolEntry> {
    const operation = `read entry ${String(entryId)} of datapool '${label}'`
    requireText('label', label, operation, 'datapool label')
    const id = requireText('entryId', String(entryId ?? ''), operation, 'entry id')
    return this.#call<DatapoolEntry>({
      operation,
      method: 'GET',
      path: `/api/v2/datapool/${seg(label)}/entry/${seg(id)}`,
      idempotency: 'idempotent',
      notFound: `entry ${id} of datapool '${label}'`,
      read: 'json'
    })
  }

  async updateDatapoolEntry(
    label: string,
    entryId: Id,
    update: UpdateDatapoolEntryRequest
  ): Promise<DatapoolEntry> {
    const operation = `update entry ${String(entryId)} of datapool '${label}'`
    requireText('label', label, operation, 'datapool label')
    const id = requireText('entryId', String(entryId ?? ''), operation, 'entry id')
    return this.#call<DatapoolEntry>({
      operation,
      method: 'POST',
      path: `/api/v2/datapool/${seg(label)}/entry/${seg(id)}`,
      json: update ?? {},
      idempotency: 'idempotent',
      notFound: `entry ${id} of datapool '${label}'`,
      read: async a => (await readJson(a, operation)) as DatapoolEntry
    })
  }

  // ---------------------------------------------------------------- bots

  /** Versions of a bot; empty when the bot is unknown. */
  async getBotVersions(botId: string): Promise<BotVersion[]> {
    const operation = `read the versions of bot '${botId}'`
    requireText('botId', botId, operation, 'bot id')
    return this.#call<BotVersion[]>({
      operation,
      method: 'GET',
      path: '/api/v2/bot',
      query: { botId },
      idempotency: 'idempotent',
      read: async a => ((await readJson(a, operation)) as BotVersion[] | undefined) ?? []
    })
  }

  /** Registers a bot version; follow it with uploadBot. */
  async deployBot(request: DeployBotRequest): Promise<void> {
    const botId = requireText('botId', request?.botId, 'deploy bot', 'bot id')
    const operation = `deploy version '${String(request.version)}' of bot '${botId}'`
    requireText('version', request.version, operation, 'bot version')
    if (!['PYTHON', 'JAVA', 'JAVASCRIPT', 'TYPESCRIPT', 'COMMAND'].includes(request.technology))
      throw new MaestroInputError(
        'technology',
        `The technology must be one of PYTHON, JAVA, JAVASCRIPT, TYPESCRIPT, COMMAND, got '${String(request.technology)}'.`,
        operation
      )
    return this.#call<void>({
      operation,
      method: 'POST',
      path: '/api/v2/bot',
      json: {
        organization: this.#login,
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

  /** Sends the bot package (zip or tar.gz) of a deployed version (replaces it: retried when safe). */
  async uploadBot(
    botId: string,
    version: string,
    file: FileSource | string
  ): Promise<TransferResult> {
    const operation = `upload the package of bot '${botId}' version '${version}'`
    requireText('botId', botId, operation, 'bot id')
    requireText('version', version, operation, 'bot version')
    const upload = await prepareUpload(fileSource(file), operation)
    return this.#sendFile(
      operation,
      `/api/v2/bot/upload/${seg(botId)}/version/${seg(version)}`,
      upload,
      'idempotent',
      `bot '${botId}' version '${version}' (deploy it first)`
    )
  }

  async releaseBot(botId: string, version: string): Promise<void> {
    const operation = `release version '${version}' of bot '${botId}'`
    requireText('botId', botId, operation, 'bot id')
    requireText('version', version, operation, 'bot version')
    return this.#call<void>({
      operation,
      method: 'POST',
      path: '/api/v2/bot/release',
      json: { botId, version },
      idempotency: 'idempotent',
      notFound: `bot '${botId}' version '${version}'`,
      read: 'none'
    })
  }

  async deleteBotVersion(botId: string, version: string): Promise<void> {
    const operation = `delete version '${version}' of bot '${botId}'`
    requireText('botId', botId, operation, 'bot id')
    requireText('version', version, operation, 'bot version')
    return this.#call<void>({
      operation,
      method: 'DELETE',
      path: `/api/v2/bot/${seg(botId)}/version/${seg(version)}`,
      idempotency: 'idempotent',
      notFound: `bot '${botId}' version '${version}'`,
      read: 'none'
    })
  }
}

/** `days` for entry-list/export: given, derived from `since` (rounded up), or 7. */
function entryWindow(query: LogEntriesQuery, operation: string): { days: number; since?: number } {
  if (query.since !== undefined) {
    const since = query.since instanceof Date ? query.since.getTime() : Date.parse(query.since)
    if (Number.isNaN(since))
      throw new MaestroInputError('since', `'${String(query.since)}' is not a date.`, operation)
    return { days: Math.max(1, Math.ceil((Date.now() - since) / DAY_MS)), since }
  }
  const days = query.days ?? 7
  if (!(Number.isInteger(days) && days > 0))
    throw new MaestroInputError(
      'days',
      `days must be a positive whole number, got '${days}'.`,
      operation
    )
  return { days }
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
