// The fault matrix's machinery: the actions under test (ACTIONS), the faults the sandbox injects
// (FAULTS), and running one case (an action, one of its API calls, one fault) as the runner runs
// it: the dist bundle in a fresh process, against a sandbox of its own. The expected results live
// in faults.test.ts, in one table.
//
// Adding an action is adding one entry to ACTIONS:
//   - `action`: its folder under actions/;
//   - `setup(api)`: seeds its sandbox (a task to finish, a log to write to, files to upload) and
//     returns the step's inputs, and a workspace when the step reads files;
//   - `calls`: every API call the step makes, in order, login first: method and sandbox path
//     pattern, the retry class src/maestro gives it (src/maestro/README.md), the operation as the
//     client's messages name it, what it creates (a Footprint key, counted in /_sandbox/state),
//     whether it sends a file, writes its answer to a file, and whether its answer has a body;
//   - `verify(facts)`: what a successful run must have left behind (the right bytes, a finished
//     task, the output ids), as a list of problems; `facts.requests` has every request the step
//     made, for what the footprint cannot show (a state change sent once, a step that only reads);
//   - `partialFiles(facts)`, required when a call downloads, and for any step that writes files:
//     what is at the destination after any run, failed or not (nothing half-written, no temporary
//     file), as a list of problems, recorded as partial-file checks.
// A call the step makes more than once (a poll, a page, a batch) is one Call per occurrence: `nth`
// says which request of that method and path it is (the earlier ones are let through), and
// `setup(api)` may look at `api.call` (the call under fault) to seed what that occurrence needs.
// Every fault that applies to a call (FAULTS[*].applies) becomes one case; nothing else changes.
import { createHash, randomBytes } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { compilePattern } from '../../src/sandbox/faults.js'
import { testRuntimes } from '../support/node-runtimes.js'
import {
  actionDir,
  commandsOf,
  describeLeak,
  findLeaks,
  runStep,
  type LeakCheckOptions,
  type RunResult
} from '../support/runner.js'
import {
  startTestSandbox,
  type FaultSpec,
  type RecordedRequest,
  type TestSandbox
} from '../support/test-sandbox.js'

/** The runtime the actions declare (node24) when installed, as the runner would use. */
const NODE = testRuntimes().at(-1)?.nodePath

/** Between two tries of a call: the client's backoff capped (Retry-After still waited in full). */
export const RETRY_CAP_MS = 20
/** timeout-seconds of the slow-answer cases, and how late the sandbox answers there. */
export const SLOW_TIMEOUT_SECONDS = 2
export const SLOW_DELAY_MS = 3500

// ------------------------------------------------------------------------------------------------
// What a step created, counted in the sandbox's own records

export interface Footprint {
  tasks: number
  alerts: number
  artifacts: number
  errors: number
  /** Files attached to error entries (each send adds one: a duplicate shows here). */
  errorAttachments: number
  messages: number
  logs: number
  logRows: number
  credentialKeys: number
  datapoolEntries: number
  botVersions: number
  /** Packages stored, over all bot versions (a second upload of one version counts). */
  botUploads: number
}

export type Creates = keyof Footprint

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the sandbox's state dump
export type SandboxState = any

const count = (list: unknown[] | undefined): number => (Array.isArray(list) ? list.length : 0)
const sum = (list: unknown[] | undefined, of: (x: SandboxState) => number): number =>
  Array.isArray(list) ? list.reduce((n: number, x) => n + of(x), 0) : 0

export function footprint(state: SandboxState): Footprint {
  return {
    tasks: count(state.tasks),
    alerts: count(state.alerts),
    artifacts: count(state.artifacts),
    errors: count(state.errors),
    errorAttachments: sum(state.errors, e => count(e.attachments)),
    messages: count(state.messages),
    logs: count(state.logs),
    logRows: sum(state.logs, l => count(l.entries)),
    credentialKeys: sum(state.credentials, c => count(c.secrets)),
    datapoolEntries: sum(state.datapools, d => count(d.entries)),
    botVersions: sum(state.bots, b => count(b.versions)),
    botUploads: sum(state.bots, b => sum(b.versions, v => Number(v.uploads) || 0))
  }
}

export function growth(before: Footprint, after: Footprint): Footprint {
  const out = { ...after }
  for (const k of Object.keys(out) as Creates[]) out[k] = after[k] - before[k]
  return out
}

export function emptyFootprint(): Footprint {
  return {
    tasks: 0,
    alerts: 0,
    artifacts: 0,
    errors: 0,
    errorAttachments: 0,
    messages: 0,
    logs: 0,
    logRows: 0,
    credentialKeys: 0,
    datapoolEntries: 0,
    botVersions: 0,
    botUploads: 0
  }
}

// ------------------------------------------------------------------------------------------------
// Actions

/** The retry class src/maestro declares for a call. */
export type CallClass = 'idempotent' | 'create'

export interface Call {
  /** Short name for the case's title, e.g. 'POST /task'. */
  name: string
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  /** Sandbox fault pattern (`*` within a segment). */
  path: string
  class: CallClass
  /** The "Could not <operation>" part of the client's messages. */
  operation: (s: SetupResult) => RegExp
  /** What one successful send adds to the sandbox. */
  creates?: Creates
  /** Streams a file: a reset part-way through the request body applies. */
  upload?: boolean
  /** Streams its answer to a file: the entry's partialFiles() is checked after every case. */
  download?: boolean
  /**
   * The client's deadline in seconds in the slow-answer case, when not timeout-seconds: a file
   * send gets 1 s more per 256 KiB (src/maestro/README.md, Timeouts).
   */
  slowDeadlineSeconds?: number
  /**
   * The client reads the answer's body, so cutting it part-way or truncating it is a fault. (When
   * it only needs the status, a broken body after a 2xx status is rightly no fault at all.)
   */
  readsAnswer: boolean
  /** Sent with the token (every call but the login). */
  auth: boolean
  /** What a failure of this call must also say (e.g. what the calls before it left behind). */
  failureSays?: RegExp
  /** What the action puts before the client's "Could not ..." (e.g. which batch failed). */
  failurePrefix?: (s: SetupResult) => RegExp
  /** What one successful send takes away from the sandbox (a delete). */
  removes?: Creates
  /**
   * The call is the nth request to its method and path (the earlier ones are calls before it in
   * the list: batches, pages); the fault lets those through and waits for it.
   */
  nth?: number
}

export interface SetupResult {
  inputs: Record<string, string>
  workspace?: string
  /** Anything verify() needs: ids, the bytes sent... */
  data: Record<string, unknown>
}

export interface Facts {
  result: RunResult
  state: SandboxState
  setup: SetupResult
  /** Every request of the step, in order. */
  requests: RecordedRequest[]
  /** The call under fault. */
  call: Call
}

export interface ActionEntry {
  action: string
  /** Tells apart several entries of one action (its operations), in the cases' titles. */
  variant?: string
  setup(api: SetupApi): Promise<SetupResult>
  calls: Call[]
  verify(f: Facts): string[]
  /** What the destination holds after any case (see the comment at the top). */
  partialFiles?(f: Facts): string[]
  /** Outputs / env the step deliberately sets to a secret (its masks are allowed there). */
  leakAllow?: LeakCheckOptions['allow']
  /** Values that must never appear in the step's log or summary, not even half of them. */
  secrets?: string[]
}

/** The sandbox's own API, logged in, for seeding (not the client under test). */
export interface SetupApi {
  sb: TestSandbox
  call(method: string, path: string, body?: unknown): Promise<SandboxState>
  token(): Promise<string>
  /** The call this case puts under fault. */
  faulted: Call
}

export const literal = (text: string): RegExp =>
  new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))

export const LOGIN_CALL: Call = {
  name: 'POST /workspace/login',
  method: 'POST',
  path: '/api/v2/workspace/login',
  class: 'idempotent',
  operation: s => literal(`log in to ${String(s.data.server)} as 'sandbox'`),
  readsAnswer: true,
  auth: false
}

const CREDENTIALS = { erp: { password: 's3cr3t-P@ss-for-the-erp-robot' } }
const FILE_SIZE = 256 * 1024
/** set-credential's value: several lines and JSON-awkward characters, as a real secret may be. */
const NEW_SECRET = 'n3w-"S3cret\\\nsecond line: 50%\n'
/** The name of wait-task's poll, whose setup differs (the task finishes after the first read). */
const WAIT_POLL = 'GET /task/{id} (a poll)'

const EXPORT_ROWS = 501
const EARLIER_EXPORT = 'the export from yesterday\r\n'
const RECIPIENTS = Array.from({ length: 120 }, (_, i) => `user${i + 1}@example.com`)

const newTask = async (api: SetupApi): Promise<number> =>
  (await api.call('POST', '/api/v2/task', { activityLabel: 'demo-bot' })).id as number

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

/** A result file of `bytes` on a new task, through the sandbox's own API (multipart). */
async function newResultFile(
  api: SetupApi,
  bytes: Buffer
): Promise<{ taskId: number; id: number }> {
  const taskId = await newTask(api)
  const { id } = await api.call('POST', '/api/v2/artifact', {
    taskId,
    name: 'report',
    filename: 'report.bin'
  })
  const form = new FormData()
  form.append('file', new Blob([bytes]), 'report.bin')
  const r = await fetch(`${api.sb.url}/api/v2/artifact/log/${id}`, {
    method: 'POST',
    headers: { token: await api.token(), organization: api.sb.login },
    body: form
  })
  if (!r.ok) throw new Error(`setup: file of artifact ${id}: ${r.status} ${await r.text()}`)
  return { taskId, id: id as number }
}

const BOT = { id: 'faults-bot', version: '1.0.0' }

export const ACTIONS: ActionEntry[] = [
  {
    action: 'login',
    setup: async () => ({ inputs: {}, data: {} }),
    calls: [LOGIN_CALL],
    verify: ({ result }) => {
      const token = result.env.BOTCITY_ACCESS_TOKEN ?? ''
      const problems: string[] = []
      if (token.length < 8) problems.push('no BOTCITY_ACCESS_TOKEN exported')
      if (!result.masks.includes(token)) problems.push('the exported token is not masked')
      return problems
    },
    leakAllow: { env: ['BOTCITY_ACCESS_TOKEN'] }
  },
  {
    action: 'manage-log',
    variant: 'create',
    setup: async () => ({
      inputs: { log: 'audit', operation: 'create', columns: '["step", "result"]' },
      data: {}
    }),
    calls: [
      LOGIN_CALL,
      {
        name: 'POST /log',
        method: 'POST',
        path: '/api/v2/log',
        class: 'create',
        operation: () => literal(`create execution log 'audit'`),
        creates: 'logs',
        readsAnswer: true,
        auth: true
      }
    ],
    verify: ({ state }) => {
      const log = state.logs.find((l: SandboxState) => l.activityLabel === 'audit')
      const labels = (log?.columns ?? []).map((c: SandboxState) => c.label).join(',')
      return labels === 'step,result' ? [] : [`log 'audit' has columns '${labels}'`]
    }
  },
  {
    action: 'manage-log',
    variant: 'delete',
    setup: async api => {
      await api.call('POST', '/api/v2/log', {
        activityLabel: 'old-runs',
        columns: [{ name: 'Run', label: 'run', width: 100 }]
      })
      return { inputs: { log: 'old-runs', operation: 'delete', confirm: 'old-runs' }, data: {} }
    },
    calls: [
      LOGIN_CALL,
      {
        name: 'DELETE /log/{label}',
        method: 'DELETE',
        path: '/api/v2/log/old-runs',
        class: 'idempotent',
        operation: () => literal(`delete execution log 'old-runs'`),
        removes: 'logs',
        // An empty 204: only the status.
        readsAnswer: false,
        auth: true
      }
    ],
    verify: ({ state }) =>
      state.logs.some((l: SandboxState) => l.activityLabel === 'old-runs')
        ? ["log 'old-runs' is still there"]
        : []
  },
  {
    action: 'manage-log',
    variant: 'export',
    setup: async api => {
      await api.call('POST', '/api/v2/log', {
        activityLabel: 'nightly',
        columns: [{ name: 'Row', label: 'row', width: 100 }]
      })
      // One more than a page (500), so the export is written in two reads.
      for (let i = 0; i < EXPORT_ROWS; i++)
        await api.call('POST', '/api/v2/log/nightly/entry', { row: String(i) })
      const workspace = mkdtempSync(join(tmpdir(), 'faults-ws-'))
      mkdirSync(join(workspace, 'exports'))
      // An earlier export: a failed run must leave it as it was.
      writeFileSync(join(workspace, 'exports', 'nightly.csv'), EARLIER_EXPORT)
      return {
        inputs: { log: 'nightly', operation: 'export', path: 'exports/nightly.csv' },
        workspace,
        data: {}
      }
    },
    calls: [
      LOGIN_CALL,
      {
        name: 'GET /log/{label}',
        method: 'GET',
        path: '/api/v2/log/nightly',
        class: 'idempotent',
        operation: () => literal(`read execution log 'nightly'`),
        readsAnswer: true,
        auth: true
      },
      ...[1, 2].map((page): Call => ({
        name: `GET /log/{label}/entry-list (page ${page})`,
        method: 'GET',
        path: '/api/v2/log/nightly/entry-list',
        nth: page,
        class: 'idempotent',
        operation: () => literal(`read the entries of execution log 'nightly' (page ${page})`),
        readsAnswer: true,
        auth: true
      }))
    ],
    verify: ({ result, setup }) => {
      const text = readFileSync(join(setup.workspace!, 'exports', 'nightly.csv'), 'utf8')
      const lines = text.split('\r\n')
      const rows = lines.slice(1, -1).map(l => l.split(',')[0])
      const problems: string[] = []
      if (lines[0] !== 'Row,Date') problems.push(`header ${JSON.stringify(lines[0])}`)
      if (rows.length !== EXPORT_ROWS || rows.some((r, i) => r !== String(i)))
        problems.push(`the file holds ${rows.length} rows, not rows 0 to ${EXPORT_ROWS - 1}`)
      if (result.outputs.rows !== String(EXPORT_ROWS))
        problems.push(`rows output ${result.outputs.rows}`)
      return problems
    },
    partialFiles: ({ result, setup }) => {
      const dir = join(setup.workspace!, 'exports')
      const problems = readdirSync(dir)
        .filter(f => f !== 'nightly.csv')
        .map(f => `left beside the export: ${f}`)
      const now = readFileSync(join(dir, 'nightly.csv'), 'utf8')
      if (result.exitCode !== 0 && now !== EARLIER_EXPORT)
        problems.push(
          `after a failure the file holds ${now.length} characters, not the earlier export`
        )
      return problems
    }
  },
  {
    action: 'create-task',
    setup: async () => ({ inputs: { 'activity-label': 'demo-bot' }, data: {} }),
    calls: [
      LOGIN_CALL,
      {
        name: 'POST /task',
        method: 'POST',
        path: '/api/v2/task',
        class: 'create',
        operation: () => literal(`create task for automation 'demo-bot'`),
        creates: 'tasks',
        readsAnswer: true,
        auth: true
      }
    ],
    verify: ({ result, state }) => {
      const task = state.tasks.at(-1)
      return String(task?.id) === result.outputs['task-id'] && task.activityLabel === 'demo-bot'
        ? []
        : [`task-id output ${result.outputs['task-id']} is not the task created`]
    }
  },
  {
    action: 'deploy-bot',
    setup: async () => {
      const workspace = mkdtempSync(join(tmpdir(), 'faults-ws-'))
      // A zip's first bytes: the action checks them before sending anything.
      const bytes = Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), randomBytes(FILE_SIZE - 4)])
      writeFileSync(join(workspace, 'bot.zip'), bytes)
      return {
        inputs: {
          'bot-id': BOT.id,
          version: BOT.version,
          technology: 'python',
          path: 'bot.zip',
          release: 'true'
        },
        workspace,
        data: { sha256: sha256(bytes) }
      }
    },
    calls: [
      LOGIN_CALL,
      {
        name: 'GET /bot?botId',
        method: 'GET',
        path: '/api/v2/bot',
        class: 'idempotent',
        operation: () => literal(`read the versions of bot '${BOT.id}'`),
        readsAnswer: true,
        auth: true
      },
      {
        name: 'POST /bot',
        method: 'POST',
        path: '/api/v2/bot',
        class: 'create',
        operation: () => literal(`deploy version '${BOT.version}' of bot '${BOT.id}'`),
        creates: 'botVersions',
        readsAnswer: false,
        auth: true
      },
      {
        name: 'POST /bot/upload/{id}/version/{version} (file)',
        method: 'POST',
        path: '/api/v2/bot/upload/*/version/*',
        // uploadBot(..., { exactlyOnce: true }): the package is never sent again once Maestro may
        // have received it, so it takes the create class, not the idempotent one of a file send.
        class: 'create',
        operation: () => literal(`upload the package of bot '${BOT.id}' version '${BOT.version}'`),
        creates: 'botUploads',
        upload: true,
        slowDeadlineSeconds: SLOW_TIMEOUT_SECONDS + FILE_SIZE / (256 * 1024),
        // What the run left: a refusal means no package; a cut connection cannot say.
        failureSays: new RegExp(
          `This run deployed bot '${BOT.id}' version '1\\.0\\.0'(, which has no package yet|; whether its package was stored is unknown): run this step again`
        ),
        readsAnswer: false,
        auth: true
      },
      {
        name: 'POST /bot/release',
        method: 'POST',
        path: '/api/v2/bot/release',
        class: 'idempotent',
        operation: () => literal(`release version '${BOT.version}' of bot '${BOT.id}'`),
        failureSays: new RegExp(
          `and uploaded bot\\.zip \\(${FILE_SIZE} bytes, sha256 [0-9a-f]{64}\\), but did not release it`
        ),
        readsAnswer: false,
        auth: true
      }
    ],
    verify: ({ state, setup, result }) => {
      const bot = state.bots.find((b: SandboxState) => b.botId === BOT.id)
      const v = bot?.versions.find((x: SandboxState) => x.version === BOT.version)
      if (!v) return [`bot ${BOT.id} has no version ${BOT.version}`]
      const problems: string[] = []
      if (v.uploads !== 1) problems.push(`${v.uploads} packages stored, not 1`)
      if (v.upload?.size !== FILE_SIZE || v.upload?.sha256 !== setup.data.sha256)
        problems.push(`the stored package holds ${v.upload?.size} bytes: not the file`)
      if (bot.released !== BOT.version) problems.push(`released: ${bot.released}`)
      const o = result.outputs
      if (o.deployed !== 'true' || o.released !== 'true' || o.sha256 !== setup.data.sha256)
        problems.push(`outputs ${JSON.stringify(o)} do not say deployed, uploaded and released`)
      return problems
    }
  },
  {
    action: 'finish-task',
    setup: async api => {
      const id = await newTask(api)
      return { inputs: { 'task-id': String(id), status: 'SUCCESS', message: 'done' }, data: { id } }
    },
    calls: [
      LOGIN_CALL,
      {
        name: 'POST /task/{id}',
        method: 'POST',
        path: '/api/v2/task/*',
        class: 'idempotent',
        operation: s => literal(`finish task ${String(s.data.id)}`),
        readsAnswer: true,
        auth: true
      }
    ],
    verify: ({ state, setup, result }) => {
      const task = state.tasks.find((t: SandboxState) => t.id === setup.data.id)
      return task?.state === 'FINISHED' &&
        task.finishStatus === 'SUCCESS' &&
        task.finishMessage === 'done' &&
        result.outputs.state === 'FINISHED'
        ? []
        : [`task ${String(setup.data.id)} is ${task?.state}/${task?.finishStatus}`]
    }
  },
  {
    action: 'post-artifact',
    setup: async api => {
      const id = await newTask(api)
      const workspace = mkdtempSync(join(tmpdir(), 'faults-ws-'))
      mkdirSync(join(workspace, 'build'))
      const bytes = randomBytes(FILE_SIZE)
      writeFileSync(join(workspace, 'build', 'report.bin'), bytes)
      const sha256 = createHash('sha256').update(bytes).digest('hex')
      return {
        inputs: { 'task-id': String(id), path: 'build/report.bin' },
        workspace,
        data: { id, sha256 }
      }
    },
    calls: [
      LOGIN_CALL,
      {
        name: 'POST /artifact',
        method: 'POST',
        path: '/api/v2/artifact',
        class: 'create',
        operation: s =>
          literal(`create the record of artifact 'report.bin' for task ${String(s.data.id)}`),
        creates: 'artifacts',
        readsAnswer: true,
        auth: true
      },
      {
        name: 'POST /artifact/log/{id} (file)',
        method: 'POST',
        path: '/api/v2/artifact/log/*',
        class: 'idempotent',
        operation: () => /send file 'report\.bin' to artifact \d+ \('report\.bin'\)/,
        upload: true,
        failureSays: /Artifact \d+ \('report\.bin'\) was created in Maestro without its file/,
        // Only the status: the file is stored once the 2xx is sent.
        readsAnswer: false,
        auth: true
      }
    ],
    verify: ({ state, setup, result }) => {
      const mine = state.artifacts.filter((a: SandboxState) => a.taskId === setup.data.id)
      if (mine.length !== 1) return [`${mine.length} artifacts for the task, not 1`]
      const [a] = mine
      const problems: string[] = []
      if (a.size !== FILE_SIZE || a.sha256 !== setup.data.sha256)
        problems.push(`artifact ${a.id} holds ${a.size} bytes, sha256 ${a.sha256}: not the file`)
      if (result.outputs['artifact-id'] !== String(a.id) || result.outputs.sha256 !== a.sha256)
        problems.push('the outputs do not name the artifact stored')
      return problems
    }
  },
  ...(['screenshot', 'attachment'] as const).map((kind): ActionEntry => ({
    action: 'report-error',
    variant: kind,
    setup: async api => {
      const id = await newTask(api)
      const workspace = mkdtempSync(join(tmpdir(), 'faults-ws-'))
      mkdirSync(join(workspace, 'logs'))
      const bytes = randomBytes(FILE_SIZE)
      const file = kind === 'screenshot' ? 'shot.png' : 'logs/run.log'
      writeFileSync(join(workspace, file), bytes)
      const sha256 = createHash('sha256').update(bytes).digest('hex')
      return {
        inputs: {
          'task-id': String(id),
          message: 'Build failed',
          [kind === 'screenshot' ? 'screenshot' : 'attachments']: file
        },
        workspace,
        data: { id, sha256 }
      }
    },
    calls: [
      LOGIN_CALL,
      {
        name: 'POST /error',
        method: 'POST',
        path: '/api/v2/error',
        class: 'create',
        operation: s => literal(`report an error for task ${String(s.data.id)}`),
        creates: 'errors',
        readsAnswer: true,
        auth: true
      },
      {
        ...(kind === 'screenshot'
          ? {
              name: 'POST /error/{id}/screenshot (file)',
              path: '/api/v2/error/*/screenshot',
              // It replaces the screenshot: sent again when it broke.
              class: 'idempotent' as const,
              operation: () => /send the screenshot of error \d+/
            }
          : {
              name: 'POST /error/{id}/attachments (file)',
              path: '/api/v2/error/*/attachments',
              // Each send adds one.
              class: 'create' as const,
              operation: () => /attach 'run\.log' to error \d+/,
              creates: 'errorAttachments' as const
            }),
        method: 'POST',
        upload: true,
        failurePrefix: s =>
          new RegExp(
            `Error \\d+ was created on task ${String(s.data.id)} \\(it exists: do not report it again\\), but 1 of 1 file did not upload: ${kind} '${kind === 'screenshot' ? 'shot\\.png' : 'logs/run\\.log'}': `
          ),
        // Only the status.
        readsAnswer: false,
        auth: true
      }
    ],
    verify: ({ state, setup, result }) => {
      const mine = state.errors.filter((e: SandboxState) => e.taskId === setup.data.id)
      if (mine.length !== 1) return [`${mine.length} errors for the task, not 1`]
      const [e] = mine
      const files = kind === 'screenshot' ? [e.screenshot].filter(Boolean) : e.attachments
      const problems: string[] = []
      if (files.length !== 1 || files[0].sha256 !== setup.data.sha256)
        problems.push(`error ${e.id} holds ${files.length} ${kind}s, not the file`)
      if (result.outputs['error-id'] !== String(e.id))
        problems.push('the error-id output is not the error created')
      return problems
    }
  })),
  {
    action: 'send-message',
    setup: async () => ({
      inputs: {
        emails: RECIPIENTS.join('\n'),
        subject: 'Release 1.2',
        body: 'Deployed to production.'
      },
      data: {}
    }),
    calls: [
      // The login happens with the first message, and its failure is reported as that message's.
      {
        ...LOGIN_CALL,
        failurePrefix: () => literal('Message 1 of 3 (recipients 1 to 50) failed: ')
      },
      // 120 recipients, at most 50 a message: three messages, one after another.
      ...[1, 2, 3].map((k): Call => ({
        name: `POST /message (message ${k} of 3)`,
        method: 'POST',
        path: '/api/v2/message',
        nth: k,
        class: 'create',
        operation: () => literal(`send message 'Release 1.2'`),
        creates: 'messages',
        failurePrefix: () =>
          literal(
            `Message ${k} of 3 (recipients ${(k - 1) * 50 + 1} to ${Math.min(k * 50, 120)}) failed: `
          ),
        failureSays:
          k === 1
            ? /(Nobody got the message: none of the 120 recipients\.|No earlier message went out, and recipients 1 to 50 may have got this one; the other 70 did not\.)/
            : new RegExp(
                `${(k - 1) * 50} recipients of 120 already got the message \\(${k === 2 ? 'message 1' : 'messages 1 to 2'}\\)(, and recipients ${(k - 1) * 50 + 1} to ${Math.min(k * 50, 120)} may have got this one)?; the other \\d+ did not\\.`
              ),
        // An empty 200: only the status.
        readsAnswer: false,
        auth: true
      }))
    ],
    verify: ({ state, result }) => {
      const sent = state.messages.flatMap((m: SandboxState) => m.emails)
      const problems: string[] = []
      if (state.messages.some((m: SandboxState) => m.emails.length > 50))
        problems.push('a message with more than 50 recipients')
      if (sent.length !== 120 || new Set(sent).size !== 120)
        problems.push(`${sent.length} recipients (${new Set(sent).size} distinct), not the 120`)
      if (result.outputs.recipients !== '120')
        problems.push(`recipients output ${result.outputs.recipients}`)
      return problems
    }
  },
  {
    // A set that does not exist yet: read it (404), then create it with the key, once.
    action: 'set-credential',
    setup: async () => ({
      inputs: { label: 'deploy', key: 'token', value: NEW_SECRET },
      data: {}
    }),
    calls: [
      LOGIN_CALL,
      {
        name: 'GET /credential/{label}',
        method: 'GET',
        path: '/api/v2/credential/deploy',
        class: 'idempotent',
        operation: () => literal(`read credential 'deploy'`),
        // The set is missing: a 404, whose status is all the client needs (its body only words an
        // error nobody sees), so a cut body is rightly no fault: the set is created all the same.
        readsAnswer: false,
        auth: true
      },
      {
        name: 'POST /credential',
        method: 'POST',
        path: '/api/v2/credential',
        class: 'create',
        operation: () => literal(`create credential 'deploy' with key 'token'`),
        creates: 'credentialKeys',
        // An empty 201, and only its status is read.
        readsAnswer: false,
        auth: true
      }
    ],
    verify: ({ state, result }) => {
      const sets = state.credentials.filter((c: SandboxState) => c.label === 'deploy')
      const problems: string[] = []
      if (sets.length !== 1) problems.push(`${sets.length} credential sets 'deploy'`)
      const secrets = sets[0]?.secrets ?? []
      if (secrets.length !== 1 || secrets[0].key !== 'token' || secrets[0].value !== NEW_SECRET)
        problems.push(
          `set 'deploy' holds keys ${secrets.map((x: SandboxState) => x.key)}, not the value`
        )
      if (result.outputs.created !== 'true' || result.outputs['set-created'] !== 'true')
        problems.push(
          `outputs created=${result.outputs.created}, set-created=${result.outputs['set-created']}`
        )
      return problems
    },
    secrets: [NEW_SECRET]
  },
  {
    action: 'alert',
    setup: async api => {
      const id = await newTask(api)
      return {
        inputs: { 'task-id': String(id), type: 'ERROR', title: 'Build failed' },
        data: { id }
      }
    },
    calls: [
      LOGIN_CALL,
      {
        name: 'POST /alerts',
        method: 'POST',
        path: '/api/v2/alerts',
        class: 'create',
        operation: s => literal(`create alert for task ${String(s.data.id)}`),
        creates: 'alerts',
        readsAnswer: true,
        auth: true
      }
    ],
    verify: ({ state, setup, result }) => {
      const alert = state.alerts.at(-1)
      return alert?.taskId === setup.data.id && String(alert.id) === result.outputs['alert-id']
        ? []
        : ['the alert-id output is not the alert raised on the task']
    }
  },
  {
    action: 'log-entry',
    setup: async api => {
      await api.call('POST', '/api/v2/log', {
        activityLabel: 'releases',
        columns: [{ name: 'Version', label: 'version', width: 100 }]
      })
      return { inputs: { log: 'releases', values: 'version: "1.2.3"' }, data: {} }
    },
    calls: [
      LOGIN_CALL,
      {
        name: 'POST /log/{label}/entry',
        method: 'POST',
        path: '/api/v2/log/releases/entry',
        class: 'create',
        operation: () => literal(`add an entry to execution log 'releases'`),
        creates: 'logRows',
        // An empty 200, and only its status is read.
        readsAnswer: false,
        auth: true
      }
    ],
    verify: ({ state }) => {
      const rows = state.logs.find((l: SandboxState) => l.activityLabel === 'releases')?.entries
      return rows?.length === 1 && rows[0].columns.version === '1.2.3'
        ? []
        : [`log rows: ${JSON.stringify(rows)}`]
    }
  },
  {
    action: 'get-artifact',
    setup: async api => {
      const bytes = randomBytes(FILE_SIZE)
      const { taskId, id } = await newResultFile(api, bytes)
      const workspace = mkdtempSync(join(tmpdir(), 'faults-ws-'))
      return {
        inputs: { 'task-id': String(taskId), path: 'results' },
        workspace,
        data: { taskId, id, sha256: sha256(bytes), dir: join(workspace, 'results') }
      }
    },
    calls: [
      LOGIN_CALL,
      {
        name: 'GET /task/{id}',
        method: 'GET',
        path: '/api/v2/task/*',
        class: 'idempotent',
        operation: s => literal(`read task ${String(s.data.taskId)}`),
        readsAnswer: true,
        auth: true
      },
      {
        name: 'GET /artifact (list)',
        method: 'GET',
        path: '/api/v2/artifact',
        class: 'idempotent',
        operation: () => literal('list artifacts (page 1)'),
        readsAnswer: true,
        auth: true
      },
      {
        name: 'GET /artifact/{id}/file (download)',
        method: 'GET',
        path: '/api/v2/artifact/*/file',
        class: 'idempotent',
        operation: s => literal(`download artifact ${String(s.data.id)}`),
        download: true,
        failureSays: /No file was written to [^]* Nothing partial was left at [^]*report\.bin\.$/,
        readsAnswer: true,
        auth: true
      }
    ],
    verify: ({ result, setup }) => {
      const file = join(String(setup.data.dir), 'report.bin')
      const problems: string[] = []
      if (result.outputs.files !== JSON.stringify([file]))
        problems.push(`files output ${result.outputs.files}, not [${file}]`)
      if (result.outputs['artifact-ids'] !== `[${String(setup.data.id)}]`)
        problems.push(`artifact-ids output ${result.outputs['artifact-ids']}`)
      if (result.outputs.sha256 !== JSON.stringify({ [file]: setup.data.sha256 }))
        problems.push(`sha256 output ${result.outputs.sha256}`)
      return problems
    },
    partialFiles: ({ result, setup }) => {
      // Success: exactly the file, with the bytes Maestro holds. Failure: nothing at all.
      const dir = String(setup.data.dir)
      const names = existsSync(dir) ? readdirSync(dir) : []
      const want = result.exitCode === 0 ? ['report.bin'] : []
      const problems: string[] = []
      if (JSON.stringify(names) !== JSON.stringify(want))
        problems.push(
          `the destination holds ${JSON.stringify(names)}, expected ${JSON.stringify(want)}`
        )
      if (want.length > 0 && names.includes('report.bin')) {
        const got = sha256(readFileSync(join(dir, 'report.bin')))
        if (got !== setup.data.sha256) problems.push(`report.bin holds other bytes (sha256 ${got})`)
      }
      return problems
    }
  },
  {
    action: 'get-credential',
    setup: async () => ({ inputs: { label: 'erp', key: 'password' }, data: {} }),
    calls: [
      LOGIN_CALL,
      {
        name: 'GET /credential/{label}/key/{key}',
        method: 'GET',
        path: '/api/v2/credential/erp/key/password',
        class: 'idempotent',
        operation: () => literal(`read key 'password' of credential 'erp'`),
        readsAnswer: true,
        auth: true
      }
    ],
    verify: ({ result }) =>
      result.outputs.value === CREDENTIALS.erp.password
        ? []
        : ['the value output is not the secret'],
    // The value, and the output named after its key.
    leakAllow: { outputs: ['value', 'password'] },
    secrets: [CREDENTIALS.erp.password]
  },
  {
    // A queued task, cancelled: read first, then one state change.
    action: 'task-control',
    setup: async api => {
      const id = await newTask(api)
      return { inputs: { 'task-id': String(id), operation: 'cancel' }, data: { id } }
    },
    calls: [
      LOGIN_CALL,
      {
        name: 'GET /task/{id}',
        method: 'GET',
        path: '/api/v2/task/*',
        class: 'idempotent',
        operation: s => literal(`read task ${String(s.data.id)}`),
        readsAnswer: true,
        auth: true
      },
      {
        name: 'POST /task/{id} (cancel)',
        method: 'POST',
        path: '/api/v2/task/*',
        class: 'idempotent',
        operation: s => literal(`cancel task ${String(s.data.id)}`),
        readsAnswer: true,
        auth: true
      }
    ],
    verify: ({ state, setup, result, requests, call }) => {
      const task = state.tasks.find((t: SandboxState) => t.id === setup.data.id)
      const problems: string[] = []
      if (task?.state !== 'CANCELED')
        problems.push(`task ${String(setup.data.id)} is ${task?.state}`)
      if (result.outputs.state !== 'CANCELED' || result.outputs.applied !== 'true')
        problems.push(`outputs state=${result.outputs.state}, applied=${result.outputs.applied}`)
      // The judge counts the sends of the call under fault; otherwise one state change.
      const changes = requests.filter(
        r => r.method === 'POST' && r.path.startsWith('/api/v2/task/')
      )
      if (call.method !== 'POST' && changes.length !== 1)
        problems.push(`${changes.length} state changes sent, not 1`)
      return problems
    }
  },
  {
    // A running task the Runner finishes: already finished at the first read, or (for the poll)
    // just after it, so the second read sees it finished.
    action: 'wait-task',
    setup: async api => {
      const id = await newTask(api)
      await api.sb.runTask(id, {
        finishStatus: 'SUCCESS',
        finishMessage: 'all done',
        totalItems: 3,
        processedItems: 3,
        failedItems: 0,
        // Finished right after the first read that gets through: the number of polls is fixed.
        finishAfterReads: 1
      })
      return {
        inputs: { 'task-id': String(id), 'poll-interval-seconds': '1' },
        data: { id }
      }
    },
    calls: [
      LOGIN_CALL,
      {
        name: 'GET /task/{id} (first read)',
        method: 'GET',
        path: '/api/v2/task/*',
        class: 'idempotent',
        operation: s => literal(`read task ${String(s.data.id)}`),
        readsAnswer: true,
        auth: true
      },
      {
        name: WAIT_POLL,
        method: 'GET',
        path: '/api/v2/task/*',
        class: 'idempotent',
        operation: s => literal(`read task ${String(s.data.id)}`),
        readsAnswer: true,
        auth: true,
        nth: 2
      }
    ],
    verify: ({ state, setup, result, requests }) => {
      const task = state.tasks.find((t: SandboxState) => t.id === setup.data.id)
      const problems: string[] = []
      if (task?.state !== 'FINISHED')
        problems.push(`task ${String(setup.data.id)} is ${task?.state}`)
      if (
        result.outputs.state !== 'FINISHED' ||
        result.outputs['finish-status'] !== 'SUCCESS' ||
        result.outputs['processed-items'] !== '3'
      )
        problems.push(`outputs: ${JSON.stringify(result.outputs)}`)
      // It only reads: no interrupt was asked for.
      const others = requests.filter(r => r.method !== 'GET' && r.path !== LOGIN_CALL.path)
      if (others.length > 0)
        problems.push(`sent ${others.map(r => `${r.method} ${r.path}`).join(', ')}`)
      return problems
    }
  }
]

// ------------------------------------------------------------------------------------------------
// Faults

export type FaultName =
  | '500'
  | '502'
  | '503'
  | '503 on every try'
  | '429, Retry-After in seconds'
  | '429, Retry-After as an HTTP date'
  | 'reset before the answer'
  | 'reset part-way through the upload'
  | 'reset part-way through the answer'
  | 'answer slower than the timeout'
  | 'truncated answer'
  | 'truncated download on every try'
  | 'token expired mid-run'
  | 'token expired mid-run, no key'

export interface FaultKind {
  name: FaultName
  applies(call: Call): boolean
  /** The sandbox fault for the call (none for token expiry). */
  spec?: Omit<FaultSpec, 'method' | 'path'>
  /** Expire the pre-issued token after this many authenticated calls (the calls before this one). */
  expireToken?: boolean
  /** Run without the key: the step has only the token of an earlier login step. */
  noKey?: boolean
  inputs?: Record<string, string>
}

const always = () => true
export const FAULTS: FaultKind[] = [
  { name: '500', applies: always, spec: { status: 500 } },
  { name: '502', applies: always, spec: { status: 502 } },
  { name: '503', applies: always, spec: { status: 503 } },
  { name: '503 on every try', applies: always, spec: { status: 503, times: 0 } },
  { name: '429, Retry-After in seconds', applies: always, spec: { status: 429, retryAfter: '1' } },
  {
    name: '429, Retry-After as an HTTP date',
    applies: always,
    spec: { status: 429, retryAfterDate: 1 }
  },
  { name: 'reset before the answer', applies: always, spec: { reset: 'before-response' } },
  {
    name: 'reset part-way through the upload',
    applies: c => c.upload === true,
    spec: { reset: 'during-request', afterBytes: FILE_SIZE / 4 }
  },
  {
    name: 'reset part-way through the answer',
    applies: c => c.readsAnswer,
    spec: { reset: 'during-response', afterBytes: 16 }
  },
  {
    name: 'answer slower than the timeout',
    applies: always,
    spec: { delayMs: SLOW_DELAY_MS },
    inputs: { 'timeout-seconds': String(SLOW_TIMEOUT_SECONDS) }
  },
  { name: 'truncated answer', applies: c => c.readsAnswer, spec: { truncate: true } },
  // Half the file on every try: the step fails, and what it wrote must be gone.
  {
    name: 'truncated download on every try',
    applies: c => c.download === true,
    spec: { truncate: true, times: 0 }
  },
  { name: 'token expired mid-run', applies: c => c.auth, expireToken: true },
  { name: 'token expired mid-run, no key', applies: c => c.auth, expireToken: true, noKey: true }
]

// ------------------------------------------------------------------------------------------------
// Running a case

export interface Case {
  entry: ActionEntry
  callIndex: number
  fault: FaultKind
  title: string
}

export function allCases(): Case[] {
  const cases: Case[] = []
  for (const entry of ACTIONS)
    entry.calls.forEach((call, callIndex) => {
      for (const fault of FAULTS)
        if (fault.applies(call))
          cases.push({
            entry,
            callIndex,
            fault,
            title: `${entry.action}${entry.variant ? ` (${entry.variant})` : ''} / ${call.name} / ${fault.name}`
          })
    })
  return cases
}

export interface CaseRun {
  result: RunResult
  setup: SetupResult
  requests: RecordedRequest[]
  before: Footprint
  after: Footprint
  state: SandboxState
  /** Every send of the faulted call, in order. */
  sends: RecordedRequest[]
  faultsLeft: Awaited<ReturnType<TestSandbox['faults']>>
  /** The ::error messages (decoded). */
  errors: string[]
  warnings: string[]
  leaks: string[]
}

async function setupApi(sb: TestSandbox, faulted: Call): Promise<SetupApi> {
  let token: string | undefined
  const login = async () => {
    const r = await fetch(`${sb.url}/api/v2/workspace/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: sb.login, key: sb.key })
    })
    return ((await r.json()) as { accessToken: string }).accessToken
  }
  return {
    sb,
    faulted,
    token: login,
    call: async (method, path, body) => {
      token ??= await login()
      const r = await fetch(`${sb.url}${path}`, {
        method,
        headers: { token, organization: sb.login, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body)
      })
      if (!r.ok) throw new Error(`setup ${method} ${path}: ${r.status} ${await r.text()}`)
      const text = await r.text()
      return text ? JSON.parse(text) : undefined
    }
  }
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

export async function runCase(c: Case): Promise<CaseRun> {
  const sb = await startTestSandbox({ automations: ['demo-bot'], credentials: CREDENTIALS })
  try {
    const call = c.entry.calls[c.callIndex]
    const api = await setupApi(sb, call)
    const setup = await c.entry.setup(api)
    setup.data.server = sb.url
    const env: Record<string, string> = {
      ...sb.env,
      MAESTRO_ACTIONS_RETRY_MAX_DELAY_MS: String(RETRY_CAP_MS)
    }
    if (c.fault.expireToken) {
      // As after a login step: the token is reused, and expires just before this call.
      env.BOTCITY_ACCESS_TOKEN = await api.token()
      if (c.fault.noKey) delete env.BOTCITY_KEY
      const authBefore = c.entry.calls.slice(0, c.callIndex).filter(x => x.auth).length
      await sb.expireTokens(authBefore)
    }
    const earlier = (call.nth ?? 1) - 1
    // A fault with no effect lets the earlier sends to the same path through.
    if (c.fault.spec && earlier > 0)
      await sb.fault({ method: call.method, path: call.path, times: earlier })
    if (c.fault.spec) await sb.fault({ method: call.method, path: call.path, ...c.fault.spec })
    await sb.clearRequests()
    const before = footprint(await sb.state())

    const result = await runStep({
      actionDir: actionDir(c.entry.action),
      inputs: { ...setup.inputs, ...c.fault.inputs },
      env,
      workspace: setup.workspace,
      node: NODE
    })

    const matches = compilePattern(call.path)
    // The call's tries: from its own first request (`nth`) to its first complete 2xx answer when
    // the step went on; requests after that to the same path are later calls (the next batches,
    // pages, polls), however many there were.
    const sendsOf = (requests: RecordedRequest[]) => {
      const all = requests.filter(r => r.method === call.method && matches.test(r.path))
      const own = all.slice(earlier)
      const answered = own.findIndex(r => r.status !== null && r.status >= 200 && r.status < 300)
      return result.exitCode === 0 && answered >= 0 ? own.slice(0, answered + 1) : own
    }
    let requests = await sb.requests()
    let sends = sendsOf(requests)
    if (c.fault.spec?.delayMs && sends.length > 0) {
      // The sandbox goes on with a request the client gave up on: count what it did after that.
      const settle = sends[0].at + c.fault.spec.delayMs + 300 - Date.now()
      if (settle > 0) await sleep(settle)
      requests = await sb.requests()
      sends = sendsOf(requests)
    }
    const state = await sb.state()
    const leaks = findLeaks(result, { allow: c.entry.leakAllow }).map(describeLeak)
    // What a reader sees: ::add-mask:: lines are the runner's, never printed.
    const printed = result.stdout
      .split(/\r?\n/)
      .filter(line => !line.trimStart().startsWith('::add-mask::'))
    const shown = [...printed, result.stderr, result.summary].join('\n')
    for (const secret of [sb.key, ...(c.entry.secrets ?? [])]) {
      // Half a secret (a cut answer passed on as a value) is a leak no mask catches.
      if (shown.includes(secret.slice(0, Math.ceil(secret.length / 2))))
        leaks.push('a secret (or half of it) appears in the log or the summary')
    }
    return {
      result,
      setup,
      requests,
      before,
      after: footprint(state),
      state,
      sends,
      faultsLeft: await sb.faults(),
      errors: commandsOf(result, 'error').map(e => e.data),
      warnings: commandsOf(result, 'warning').map(e => e.data),
      leaks
    }
  } finally {
    await sb.close()
  }
}

/** Runs `fn` over `items`, `limit` at a time; results in the items' order. */
export async function pool<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>
): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      out[i] = await fn(items[i])
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return out
}
