// Request and response models, named as in the contract (/work/shared/maestro-api.md).
// Response models list the fields the contract names; servers may send more.

export type Id = number | string

export interface VersionResponse {
  version: string
}

export interface LoginResponse {
  accessToken: string
  organizationLabel: string
}

/** Spring Data page. */
export interface Page<T> {
  content: T[]
  totalPages: number
  totalElements: number
  number: number
  size: number
  numberOfElements?: number
  first?: boolean
  last?: boolean
  empty?: boolean
}

// ---- tasks
export type TaskState = 'START' | 'RUNNING' | 'FINISHED' | 'CANCELED'
export type TaskFinishStatus = 'SUCCESS' | 'FAILED' | 'PARTIALLY_COMPLETED'
export const TASK_STATES: readonly TaskState[] = ['START', 'RUNNING', 'FINISHED', 'CANCELED']
export const TASK_FINISH_STATUSES: readonly TaskFinishStatus[] = [
  'SUCCESS',
  'FAILED',
  'PARTIALLY_COMPLETED'
]

export interface Task {
  id: number
  state: TaskState
  parameters: Record<string, unknown> | null
  inputFile?: unknown
  agentId?: string | null
  userEmail?: string | null
  userCreationName?: string | null
  organizationLabel?: string
  dateCreation?: string
  dateLastModified?: string | null
  dateStartRunning?: string | null
  minExecutionDate?: string | null
  finishStatus: TaskFinishStatus | null
  finishMessage: string | null
  test: boolean
  machineId?: string | null
  activityLabel: string
  activityName?: string | null
  interrupted: boolean | null
  killed: boolean | null
  priority?: number
  repositoryLabel?: string | null
  totalItems: number | null
  processedItems: number | null
  failedItems: number | null
}

export interface CreateTaskRequest {
  activityLabel: string
  parameters?: Record<string, unknown>
  test?: boolean
  /** 0..10 */
  priority?: number
  /** Not before this moment (ISO-8601 string or Date); sent in UTC. */
  minExecutionDate?: string | Date | null
}

export interface FinishTaskRequest {
  finishStatus: TaskFinishStatus
  finishMessage?: string
  totalItems?: number | null
  processedItems?: number | null
  failedItems?: number | null
}

export interface ListTasksQuery {
  days?: number
  stateFilter?: TaskState
  activityLabel?: string
  machineId?: string
  page?: number
  size?: number
  sort?: string
}

// ---- logs
export interface LogColumn {
  name: string
  label: string
  width?: number
}

export interface Log {
  id: string | number
  organizationLabel?: string
  activityLabel: string
  columns: LogColumn[]
}

export interface CreateLogRequest {
  activityLabel: string
  columns: LogColumn[]
}

/** Column label -> value. */
export type LogEntryValues = Record<string, string | number | boolean | null>

export interface LogEntry {
  columns: Record<string, string>
  dateCreation: string
}

/** Entries newer than `days` days, or since a moment (the client filters the last partial day). */
export interface LogEntriesQuery {
  days?: number
  since?: Date | string
}

export interface LogEntryPagesQuery extends LogEntriesQuery {
  /** Entries per request, default 500. */
  pageSize?: number
}

// ---- alerts and messages
export type AlertType = 'INFO' | 'WARN' | 'ERROR'

export interface CreateAlertRequest {
  taskId: Id
  title: string
  message: string
  type: AlertType
}

export interface Alert {
  id: number
  taskId: number
  title: string
  message: string
  type: AlertType
  date?: string
  activityLabel?: string
  activityName?: string
  organizationLabel?: string
}

export type MessageType = 'TEXT' | 'HTML'
export const MAX_MESSAGE_RECIPIENTS = 50

export interface SendMessageRequest {
  emails?: string[]
  logins?: string[]
  subject: string
  body: string
  /** Default TEXT. */
  type?: MessageType
  group?: string
}

// ---- artifacts
export interface Artifact {
  id: number
  type?: string
  taskId: number
  taskName?: string
  name: string
  fileName: string
  storageFileName?: string
  storageFilePath?: string
  organizationId?: number
  user?: string
  dateCreation?: string
}

export interface CreateArtifactRequest {
  taskId: Id
  name: string
  filename: string
}

/** A file to send: a path on disk, or a stream with its exact size and a file name. */
export type FileSource =
  | { filePath: string; fileName?: string }
  | { stream: NodeJS.ReadableStream | AsyncIterable<Uint8Array>; size: number; fileName: string }

/** Bytes of a source: a Node stream or any async iterable of chunks. */
export type ByteSource = NodeJS.ReadableStream | AsyncIterable<Uint8Array>

/**
 * A source of unknown size that makes a fresh stream of the same bytes on each call (e.g. a zip
 * built while it is read): sent chunked, size and SHA-256 computed on the way.
 */
export interface ReopenableSource {
  open: () => ByteSource | Promise<ByteSource>
  fileName: string
  /** Expected size in bytes (an estimate is fine), only to size the transfer deadline. */
  sizeHint?: number
}

export interface UploadBotOptions {
  /**
   * Send the package at most once: retried only when the request provably never reached the
   * server (connection refused, DNS) or on 429/503 with Retry-After, like a create. Default false:
   * the upload replaces the version's package, so it is retried like an idempotent call.
   */
  exactlyOnce?: boolean
}

export type UploadArtifactRequest = { taskId: Id; name: string; fileName?: string } & (
  | { filePath: string; stream?: undefined; size?: undefined; open?: undefined }
  | {
      stream: ByteSource
      size: number
      fileName: string
      filePath?: undefined
      open?: undefined
    }
  | {
      /**
       * Makes a fresh stream of the same bytes each time it is called (e.g. a zip built while it
       * is read), so the file send can be retried. Its size need not be known: it is sent with
       * chunked transfer encoding, and size and SHA-256 are computed on the way.
       */
      open: () => ByteSource | Promise<ByteSource>
      fileName: string
      /** Expected size in bytes (an estimate is fine), only to size the transfer deadline. */
      sizeHint?: number
      filePath?: undefined
      stream?: undefined
      size?: undefined
    }
)

export interface TransferResult {
  size: number
  /** Lowercase hex. */
  sha256: string
}

export interface UploadArtifactResult extends TransferResult {
  artifact: Artifact
}

export interface DownloadResult extends TransferResult {
  path: string
}

export interface ListArtifactsQuery {
  /** Default 7 (what the official SDKs use). */
  days?: number
  /** Page size used to walk the pages; default 100. */
  pageSize?: number
  sort?: string
}

// ---- errors (exception reports)
export type ErrorLanguage = 'PYTHON' | 'JAVASCRIPT' | 'SHELL' | string

export interface CreateErrorRequest {
  taskId: Id
  type: string
  message: string
  stackTrace?: string
  /** Default SHELL. */
  language?: ErrorLanguage
  /** Added to the default tags (user_name, host_name, os_name, os_version, node_version). */
  tags?: Record<string, string>
}

export interface ErrorReport {
  id: number
  taskId?: number
  type?: string
  message?: string
  stackTrace?: string
  language?: string
  tags?: Record<string, string>
  dateCreation?: string
}

// ---- credentials
export interface CredentialSecret {
  key: string
  value: string
  valid?: boolean
}

export interface CredentialSet {
  label: string
  secrets: CredentialSecret[]
  organizationLabel?: string
  repositoryLabel?: string
}

/** What setCredentialValue did. */
export type SetCredentialOutcome = 'created-set' | 'added-key' | 'updated-key'

// ---- datapools
export type DatapoolConsumptionPolicy = 'FIFO' | 'LIFO'
export type DatapoolTrigger = 'ALWAYS' | 'NEVER' | 'NO_TASK_ACTIVE'
export type DatapoolEntryState =
  'PENDING' | 'PROCESSING' | 'DONE' | 'ERROR' | 'TIMEOUT' | 'CANCELED'

export interface Datapool {
  label: string
  name?: string
  defaultAutomation?: string | null
  consumptionPolicy?: DatapoolConsumptionPolicy
  schema?: unknown[]
  trigger?: DatapoolTrigger
  autoRetry?: boolean
  maxAutoRetry?: number
  abortOnError?: boolean
  maxErrorsBeforeInactive?: number
  itemMaxProcessingTime?: number
  active?: boolean
  repositoryLabel?: string
}

export type CreateDatapoolRequest = Datapool

export interface DatapoolSummary {
  countPending: number
  countProcessing: number
  countDone: number
  countTimeout: number
  countError?: number
  countCanceled?: number
  [k: string]: unknown
}

export interface DatapoolEntry {
  id: number | string
  datapoolLabel?: string
  state: DatapoolEntryState
  priority?: number
  values: Record<string, unknown>
  taskId?: number | string | null
  [k: string]: unknown
}

export interface PushDatapoolEntryRequest {
  values: Record<string, unknown>
  priority?: number
}

/** Fields to change on an entry, e.g. `{state: 'DONE'}`. */
export type UpdateDatapoolEntryRequest = Partial<Omit<DatapoolEntry, 'id'>>

// ---- bots
export type BotTechnology = 'PYTHON' | 'JAVA' | 'JAVASCRIPT' | 'TYPESCRIPT' | 'COMMAND'

export interface BotVersion {
  botId: string
  version: string
  technology?: BotTechnology
  command?: string | null
  repositoryLabel?: string
  released?: boolean
  [k: string]: unknown
}

export interface DeployBotRequest {
  botId: string
  version: string
  technology: BotTechnology
  command?: string | null
  /** Default "DEFAULT". */
  repositoryLabel?: string
}
