// MaestroClient: one method per call of the contract. The API areas live in ./api/ (each call
// names its operation for messages, its idempotency class for retries and what a 404 refers
// to); the transport in http.ts does the rest.

import { setTimeout as delay } from 'node:timers/promises'
import * as alerts from './api/alerts.js'
import * as artifacts from './api/artifacts.js'
import * as bots from './api/bots.js'
import { requireText, type ApiContext } from './api/context.js'
import * as credentials from './api/credentials.js'
import * as datapools from './api/datapools.js'
import * as errorReports from './api/error-reports.js'
import * as logs from './api/logs.js'
import * as tasks from './api/tasks.js'
import { MaestroInputError } from './errors.js'
import { DEFAULT_TLS_OPTION_NAMES, Transport, type Logger, type TlsOptionNames } from './http.js'
import type {
  Alert,
  Artifact,
  BotVersion,
  CreateAlertRequest,
  CreateDatapoolRequest,
  CreateErrorRequest,
  CreateLogRequest,
  CreateTaskRequest,
  CredentialSet,
  Datapool,
  DatapoolEntry,
  DatapoolSummary,
  DeployBotRequest,
  DownloadResult,
  ErrorReport,
  FileSource,
  FinishTaskRequest,
  Id,
  ListArtifactsQuery,
  ListTasksQuery,
  Log,
  LogEntriesQuery,
  LogEntryPagesQuery,
  LogEntry,
  LogEntryValues,
  LoginResponse,
  Page,
  PushDatapoolEntryRequest,
  ReopenableSource,
  SendMessageRequest,
  SetCredentialOutcome,
  Task,
  TransferResult,
  UpdateDatapoolEntryRequest,
  UploadBotOptions,
  UploadArtifactRequest,
  UploadArtifactResult,
  VersionResponse
} from './models.js'
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
  /**
   * The hint of a 401 on the given `accessToken` when there is no key to renew it (default: a
   * generic "the access token expired or is invalid..."), so a caller can say how to get a new one.
   */
  expiredTokenHint?: string
  /** Extra CA bundle, PEM text (added to Node's trusted roots). */
  caCertificate?: string
  /** Do not verify the server certificate (a warning is logged). */
  insecureSkipTlsVerify?: boolean
  /**
   * How the caller's users set the two TLS options, for the warning and the untrusted-certificate
   * hint (default: these option names), e.g. `{ caCertificate: "the 'ca-certificate' input" }`.
   */
  tlsOptionNames?: TlsOptionNames
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

export class MaestroClient {
  readonly #t: Transport
  readonly #login: string
  readonly #redactor = new Redactor()
  readonly #onSecret: (value: string) => void
  readonly #baseUrl: string
  readonly #ctx: ApiContext

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
    const tlsNames = { ...DEFAULT_TLS_OPTION_NAMES, ...options.tlsOptionNames }
    if (options.insecureSkipTlsVerify)
      logger.warning(
        `TLS certificate verification is OFF for ${server.baseUrl}: anyone on the network path can read the key and the data. Use ${tlsNames.caCertificate} instead.`
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
    this.#baseUrl = server.baseUrl
    this.#t = new Transport({
      server,
      login: options.login,
      key: options.key,
      accessToken: options.accessToken,
      expiredTokenHint: options.expiredTokenHint,
      caCertificate: options.caCertificate,
      insecureSkipTlsVerify: options.insecureSkipTlsVerify,
      tlsOptionNames: tlsNames,
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
    this.#ctx = {
      call: spec => this.#t.request(spec),
      transport: this.#t,
      login: this.#login,
      logger,
      onSecret: this.#onSecret
    }
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

  // ---------------------------------------------------------------- version and login

  /** `GET /api/v2/maestro/version` (no auth). Only called when asked. */
  async getVersion(): Promise<VersionResponse> {
    return this.#t.request<VersionResponse>({
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

  createTask(request: CreateTaskRequest): Promise<Task> {
    return tasks.createTask(this.#ctx, request)
  }

  getTask(id: Id): Promise<Task> {
    return tasks.getTask(this.#ctx, id)
  }

  /** Finishes a task, applying the items rule (see resolveItemCounts). */
  finishTask(id: Id, request: FinishTaskRequest): Promise<Task> {
    return tasks.finishTask(this.#ctx, id, request)
  }

  restartTask(id: Id): Promise<Task> {
    return tasks.restartTask(this.#ctx, id)
  }

  interruptTask(id: Id): Promise<Task> {
    return tasks.interruptTask(this.#ctx, id)
  }

  cancelTask(id: Id): Promise<Task> {
    return tasks.cancelTask(this.#ctx, id)
  }

  /** One page of tasks (dashboard use). */
  listTasks(query: ListTasksQuery = {}): Promise<Page<Task>> {
    return tasks.listTasks(this.#ctx, query)
  }

  // ---------------------------------------------------------------- logs

  createLog(request: CreateLogRequest): Promise<Log> {
    return logs.createLog(this.#ctx, request)
  }

  getLog(label: string): Promise<Log> {
    return logs.getLog(this.#ctx, label)
  }

  listLogs(): Promise<Log[]> {
    return logs.listLogs(this.#ctx)
  }

  addLogEntry(label: string, values: LogEntryValues): Promise<void> {
    return logs.addLogEntry(this.#ctx, label, values)
  }

  /** Entries of the last `days` days (default 7), or since a moment. */
  getLogEntries(label: string, query: LogEntriesQuery = {}): Promise<LogEntry[]> {
    return logs.getLogEntries(this.#ctx, label, query)
  }

  /** The entries a page at a time, oldest first (see logs.logEntryPages). */
  logEntryPages(label: string, query: LogEntryPagesQuery = {}): AsyncGenerator<LogEntry[]> {
    return logs.logEntryPages(this.#ctx, label, query)
  }

  /** Writes the CSV export of a log to `destPath` (through a temporary file). */
  exportLogCsv(
    label: string,
    destPath: string,
    query: LogEntriesQuery = {}
  ): Promise<DownloadResult> {
    return logs.exportLogCsv(this.#ctx, label, destPath, query)
  }

  deleteLog(label: string): Promise<void> {
    return logs.deleteLog(this.#ctx, label)
  }

  // ---------------------------------------------------------------- alerts and messages

  createAlert(request: CreateAlertRequest): Promise<Alert> {
    return alerts.createAlert(this.#ctx, request)
  }

  /** Sends a message to at most 50 recipients (emails + logins); more is refused before sending. */
  sendMessage(request: SendMessageRequest): Promise<void> {
    return alerts.sendMessage(this.#ctx, request)
  }

  // ---------------------------------------------------------------- artifacts

  /**
   * Creates the artifact record, then streams the file to it (multipart, part `file`). The file is
   * checked before anything is sent. The upload (not the record) is retried when safe.
   */
  uploadArtifact(request: UploadArtifactRequest): Promise<UploadArtifactResult> {
    return artifacts.uploadArtifact(this.#ctx, request)
  }

  /** All artifacts of the last `days` days (default 7), walking every page. */
  listArtifacts(query: ListArtifactsQuery = {}): Promise<Artifact[]> {
    return artifacts.listArtifacts(this.#ctx, query)
  }

  getArtifact(id: Id): Promise<Artifact> {
    return artifacts.getArtifact(this.#ctx, id)
  }

  /**
   * Downloads an artifact's file to `destPath`. When `destPath` is an existing folder the file is
   * named after the artifact's file name (reduced to a safe name inside that folder).
   */
  downloadArtifact(id: Id, destPath: string): Promise<DownloadResult> {
    return artifacts.downloadArtifact(this.#ctx, id, destPath)
  }

  // ---------------------------------------------------------------- errors

  /** Reports an error; default tags (user, host, OS, Node version) are added under the caller's. */
  createError(request: CreateErrorRequest): Promise<ErrorReport> {
    return errorReports.createError(this.#ctx, request)
  }

  /** Sends the screenshot of an error (replaces it: retried when safe). */
  uploadErrorScreenshot(errorId: Id, file: FileSource | string): Promise<TransferResult> {
    return errorReports.uploadErrorScreenshot(this.#ctx, errorId, file)
  }

  /** Attaches one file to an error (each send adds one: retried only when never sent). */
  uploadErrorAttachment(errorId: Id, file: FileSource | string): Promise<TransferResult> {
    return errorReports.uploadErrorAttachment(this.#ctx, errorId, file)
  }

  // ---------------------------------------------------------------- credentials

  /** One secret value (raw text). Handed to onSecret before it is returned. */
  getCredentialValue(label: string, key: string): Promise<string> {
    return credentials.getCredentialValue(this.#ctx, label, key)
  }

  /** The whole set; every value is handed to onSecret. */
  getCredentialSet(label: string): Promise<CredentialSet> {
    return credentials.getCredentialSet(this.#ctx, label)
  }

  /** Creates the set with this key, adds the key, or (when present) updates its value. */
  setCredentialValue(label: string, key: string, value: string): Promise<SetCredentialOutcome> {
    return credentials.setCredentialValue(this.#ctx, label, key, value)
  }

  /** Changes the value of an existing key (the set and the key must exist). */
  updateCredentialValue(label: string, key: string, value: string): Promise<void> {
    return credentials.updateCredentialValue(this.#ctx, label, key, value)
  }

  /** Removes a key from a set; returns false when the key was not there. */
  removeCredentialKey(label: string, key: string): Promise<boolean> {
    return credentials.removeCredentialKey(this.#ctx, label, key)
  }

  // ---------------------------------------------------------------- datapools

  createDatapool(request: CreateDatapoolRequest): Promise<Datapool> {
    return datapools.createDatapool(this.#ctx, request)
  }

  getDatapool(label: string): Promise<Datapool> {
    return datapools.getDatapool(this.#ctx, label)
  }

  getDatapoolSummary(label: string): Promise<DatapoolSummary> {
    return datapools.getDatapoolSummary(this.#ctx, label)
  }

  pushDatapoolEntry(label: string, request: PushDatapoolEntryRequest): Promise<DatapoolEntry> {
    return datapools.pushDatapoolEntry(this.#ctx, label, request)
  }

  /** Takes the next entry (now PROCESSING), or null when the datapool is empty (204). Never retried once sent. */
  pullDatapoolEntry(label: string): Promise<DatapoolEntry | null> {
    return datapools.pullDatapoolEntry(this.#ctx, label)
  }

  getDatapoolEntry(label: string, entryId: Id): Promise<DatapoolEntry> {
    return datapools.getDatapoolEntry(this.#ctx, label, entryId)
  }

  updateDatapoolEntry(
    label: string,
    entryId: Id,
    update: UpdateDatapoolEntryRequest
  ): Promise<DatapoolEntry> {
    return datapools.updateDatapoolEntry(this.#ctx, label, entryId, update)
  }

  // ---------------------------------------------------------------- bots

  /** Versions of a bot; empty when the bot is unknown. */
  getBotVersions(botId: string): Promise<BotVersion[]> {
    return bots.getBotVersions(this.#ctx, botId)
  }

  /** Registers a bot version; follow it with uploadBot. */
  deployBot(request: DeployBotRequest): Promise<void> {
    return bots.deployBot(this.#ctx, request)
  }

  /**
   * Sends the bot package (zip or tar.gz) of a deployed version (replaces it: retried when safe;
   * `exactlyOnce` retries only what never reached the server). A re-openable source (`open`) is
   * sent chunked and re-opened for each attempt.
   */
  uploadBot(
    botId: string,
    version: string,
    file: FileSource | ReopenableSource | string,
    options: UploadBotOptions = {}
  ): Promise<TransferResult> {
    return bots.uploadBot(this.#ctx, botId, version, file, options)
  }

  releaseBot(botId: string, version: string): Promise<void> {
    return bots.releaseBot(this.#ctx, botId, version)
  }

  deleteBotVersion(botId: string, version: string): Promise<void> {
    return bots.deleteBotVersion(this.#ctx, botId, version)
  }
}
