// The sandbox's in-memory model. Everything here is plain data so /_sandbox/state can return it;
// uploaded bytes live in files under the data folder and are referenced by StoredFile.
import { randomBytes } from 'node:crypto'
import { TaskRuns } from './task-runs.js'

export const TASK_STATES = ['START', 'RUNNING', 'FINISHED', 'CANCELED'] as const
export const FINISH_STATUSES = ['SUCCESS', 'FAILED', 'PARTIALLY_COMPLETED'] as const
export const ALERT_TYPES = ['INFO', 'WARN', 'ERROR'] as const
export const MESSAGE_TYPES = ['TEXT', 'HTML'] as const
export const BOT_TECHNOLOGIES = ['PYTHON', 'JAVA', 'JAVASCRIPT', 'TYPESCRIPT', 'COMMAND'] as const
export const CONSUMPTION_POLICIES = ['FIFO', 'LIFO'] as const
export const DATAPOOL_TRIGGERS = ['ALWAYS', 'NEVER', 'NO_TASK_ACTIVE'] as const
export const ENTRY_STATES = [
  'PENDING',
  'PROCESSING',
  'DONE',
  'ERROR',
  'TIMEOUT',
  'CANCELED'
] as const

export type TaskState = (typeof TASK_STATES)[number]
export type FinishStatus = (typeof FINISH_STATUSES)[number]
export type EntryState = (typeof ENTRY_STATES)[number]

export interface StoredFile {
  path: string
  fileName: string
  size: number
  sha256: string
}

export interface Task {
  id: number
  state: TaskState
  parameters: Record<string, unknown>
  inputFile: null
  agentId: null
  userEmail: string | null
  userCreationName: string
  organizationLabel: string
  dateCreation: string
  dateLastModified: string
  dateStartRunning: string | null
  minExecutionDate: string | null
  finishStatus: FinishStatus | null
  finishMessage: string | null
  test: boolean
  machineId: string | null
  activityLabel: string
  activityName: string
  interrupted: boolean
  killed: boolean
  priority: number
  repositoryLabel: string
  totalItems: number | null
  processedItems: number | null
  failedItems: number | null
}

export interface LogColumn {
  name: string
  label: string
  width: number
  visible: boolean
}
export interface ExecutionLog {
  id: string
  organizationLabel: string
  activityLabel: string
  columns: LogColumn[]
  entries: { columns: Record<string, unknown>; dateCreation: string }[]
}

export interface Alert {
  id: number
  taskId: number
  title: string
  message: string
  type: string
  date: string
  activityLabel: string
  activityName: string
  organizationLabel: string
  userEmail: string | null
}

export interface Message {
  id: number
  emails: string[]
  logins: string[]
  group: string | null
  subject: string
  body: string
  type: string
  date: string
}

export interface Artifact {
  id: number
  type: string
  taskId: number
  taskName: string
  name: string
  fileName: string
  storageFileName: string | null
  storageFilePath: string | null
  organizationId: string
  user: string
  dateCreation: string
  file: StoredFile | null
}

export interface ErrorReport {
  id: number
  taskId: number
  type: string
  message: string
  stackTrace: string
  language: string
  tags: Record<string, string>
  activityLabel: string
  organizationLabel: string
  dateCreation: string
  screenshot: StoredFile | null
  attachments: StoredFile[]
}

export interface Secret {
  key: string
  value: string
  valid: boolean
}
export interface CredentialSet {
  label: string
  organizationLabel: string
  repositoryLabel: string
  secrets: Secret[]
}

export interface Datapool {
  label: string
  [k: string]: unknown
  entries: DatapoolEntry[]
}
export interface DatapoolEntry {
  id: number
  /** Python reads dataPoolLabel, C# datapoolLabel: both are sent. */
  dataPoolLabel: string
  datapoolLabel: string
  state: EntryState
  priority: number
  values: Record<string, unknown>
  taskId: number | string | null
  parent: string | null
  child: string | null
  dateRegister: string
  dateProcessing: string | null
  dateFinished: string | null
}

export interface BotVersion {
  botId: string
  version: string
  technology: string
  command: string | null
  repositoryLabel: string
  organizationLabel: string
  dateCreation: string
  released: boolean
  upload: StoredFile | null
  /** How many packages were stored for this version (shown by /_sandbox/state only). */
  uploads: number
}

export interface Seed {
  login: string
  key: string
  automations: string[]
  credentials: Record<string, Record<string, string>>
  bots: { botId: string; version: string; technology?: string }[]
}

export class State {
  tokens = new Map<string, { login: string }>()
  tasks = new Map<number, Task>()
  logs = new Map<string, ExecutionLog>()
  alerts: Alert[] = []
  messages: Message[] = []
  artifacts = new Map<number, Artifact>()
  errors = new Map<number, ErrorReport>()
  credentials = new Map<string, CredentialSet>()
  datapools = new Map<string, Datapool>()
  bots: BotVersion[] = []
  automations = new Set<string>()
  /** The Runner's plays (control API); not part of any API reply. */
  runs = new TaskRuns()
  private seq = new Map<string, number>()

  constructor(readonly seed: Seed) {
    this.reset()
  }

  /** Back to the seeded configuration; tokens go too (a reset is a fresh server). */
  reset(): void {
    this.tokens.clear()
    this.tasks.clear()
    this.runs.clear()
    this.logs.clear()
    this.alerts = []
    this.messages = []
    this.artifacts.clear()
    this.errors.clear()
    this.credentials.clear()
    this.datapools.clear()
    this.bots = []
    this.seq.clear()
    this.automations = new Set(this.seed.automations)
    for (const [label, keys] of Object.entries(this.seed.credentials)) {
      this.credentials.set(label, {
        label,
        organizationLabel: this.seed.login,
        repositoryLabel: 'DEFAULT',
        secrets: Object.entries(keys).map(([key, value]) => ({ key, value, valid: true }))
      })
    }
    for (const b of this.seed.bots) {
      this.bots.push({
        botId: b.botId,
        version: b.version,
        technology: b.technology ?? 'PYTHON',
        command: null,
        repositoryLabel: 'DEFAULT',
        organizationLabel: this.seed.login,
        dateCreation: now(),
        released: false,
        upload: null,
        uploads: 0
      })
    }
  }

  nextId(kind: string): number {
    const n = (this.seq.get(kind) ?? 0) + 1
    this.seq.set(kind, n)
    return n
  }

  issueToken(): string {
    const token = randomBytes(24).toString('base64url')
    this.tokens.set(token, { login: this.seed.login })
    return token
  }
}

export const now = () => new Date().toISOString()
