// Downloads under faults, through the client's download path (an artifact's file, a log's CSV
// export) against the sandbox: a download either leaves exactly the right bytes at its
// destination, or fails naming the operation and what happened and leaves the destination as it
// was (nothing, or the earlier file), with no temporary file beside it. get-artifact and the other
// downloading actions build on this path.
import { beforeAll, describe, expect, test } from '@jest/globals'
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MaestroClient } from '../../src/maestro/index.js'
import { recordReliability } from '../support/reliability.js'
import { startTestSandbox, type FaultSpec, type TestSandbox } from '../support/test-sandbox.js'
import { pool } from './matrix.js'

const FILE_SIZE = 1024 * 1024
const TIMEOUT_MS = 1000

interface Target {
  name: string
  /** Seeds the sandbox; returns how to download and the bytes expected. */
  setup(client: MaestroClient): Promise<{
    path: string
    download: (dest: string) => Promise<unknown>
    operation: RegExp
    bytes: Buffer
  }>
}

const TARGETS: Target[] = [
  {
    name: 'artifact file',
    setup: async client => {
      const task = await client.createTask({ activityLabel: 'demo-bot' })
      const dir = mkdtempSync(join(tmpdir(), 'dl-src-'))
      const bytes = randomBytes(FILE_SIZE)
      writeFileSync(join(dir, 'report.bin'), bytes)
      const { artifact } = await client.uploadArtifact({
        taskId: task.id,
        name: 'report',
        filePath: join(dir, 'report.bin')
      })
      return {
        path: `/api/v2/artifact/${artifact.id}/file`,
        download: dest => client.downloadArtifact(artifact.id, dest),
        operation: new RegExp(`^Could not download artifact ${artifact.id}: `),
        bytes
      }
    }
  },
  {
    name: 'log CSV export',
    setup: async client => {
      await client.createLog({ activityLabel: 'nightly', columns: [{ name: 'Row', label: 'row' }] })
      // About 100 KB of CSV, so a cut lands in the middle.
      for (let i = 0; i < 100; i++)
        await client.addLogEntry('nightly', { row: `${i}-${'x'.repeat(1000)}` })
      const probe = mkdtempSync(join(tmpdir(), 'dl-csv-'))
      await client.exportLogCsv('nightly', join(probe, 'expected.csv'))
      return {
        path: '/api/v2/log/nightly/export',
        download: dest => client.exportLogCsv('nightly', dest),
        operation: /^Could not export execution log 'nightly' as CSV: /,
        bytes: readFileSync(join(probe, 'expected.csv'))
      }
    }
  }
]

const RESET = /network error \((ECONNRESET|UND_ERR_SOCKET)\)[^]*Hint: the connection was cut/
const CUT =
  /network error \((TRUNCATED|UND_ERR_SOCKET|ECONNRESET|UND_ERR_RES_CONTENT_LENGTH_MISMATCH)\)[^]*Hint: the connection was cut/

/** Faults on the download's GET, and what the error says when they never stop. */
const FAULTS: Array<{ name: string; spec: Omit<FaultSpec, 'path'>; says: RegExp }> = [
  {
    name: 'reset part-way through the download',
    spec: { reset: 'during-response', afterBytes: 48 * 1024 },
    says: RESET
  },
  { name: 'truncated download', spec: { truncate: true }, says: CUT },
  { name: 'reset before the answer', spec: { reset: 'before-response' }, says: RESET },
  { name: '500', spec: { status: 500 }, says: /HTTP 500 Internal Server Error/ },
  {
    name: 'answer slower than the timeout',
    spec: { delayMs: TIMEOUT_MS + 500 },
    says: /network error \(TIMEOUT\)[^]*Hint: Maestro did not answer in time/
  }
]

/**
 * once: the fault happens on the first try only (retried: the right bytes land);
 * always: on every try (fails), with or without an earlier file at the destination.
 */
const MODES = ['once', 'always, nothing there before', 'always, an earlier file there'] as const

interface Case {
  title: string
  target: Target
  fault: (typeof FAULTS)[number]
  mode: (typeof MODES)[number]
}

const CASES: Case[] = TARGETS.flatMap(target =>
  FAULTS.flatMap(fault =>
    MODES.map(mode => ({
      title: `${target.name} / ${fault.name} / ${mode}`,
      target,
      fault,
      mode
    }))
  )
)

interface Outcome {
  error?: Error
  /** Files in the destination folder afterwards. */
  files: string[]
  /** The destination's bytes afterwards, or undefined when there is none. */
  content?: Buffer
  expected: Buffer
  earlier?: Buffer
  sends: number
  operation: RegExp
}

const sha = (b: Buffer | undefined) => (b ? createHash('sha256').update(b).digest('hex') : 'none')

async function runCase(c: Case): Promise<Outcome> {
  const sb: TestSandbox = await startTestSandbox({ automations: ['demo-bot'] })
  const client = new MaestroClient({
    server: sb.url,
    login: sb.login,
    key: sb.key,
    timeoutMs: TIMEOUT_MS,
    // Tries back to back: the waits are not what is tested here.
    retry: { baseDelayMs: 5, maxDelayMs: 10 }
  })
  try {
    const t = await c.target.setup(client)
    const dir = mkdtempSync(join(tmpdir(), 'dl-dest-'))
    const dest = join(dir, 'download.bin')
    let earlier: Buffer | undefined
    if (c.mode === 'always, an earlier file there') {
      earlier = Buffer.from('the file from yesterday\n')
      writeFileSync(dest, earlier)
    }
    await sb.fault({
      method: 'GET',
      path: t.path,
      ...c.fault.spec,
      times: c.mode === 'once' ? 1 : 0
    })
    await sb.clearRequests()
    let error: Error | undefined
    try {
      await t.download(dest)
    } catch (e) {
      error = e instanceof Error ? e : new Error(String(e))
    }
    const sends = (await sb.requests()).filter(r => r.method === 'GET' && r.path === t.path).length
    return {
      error,
      files: readdirSync(dir),
      content: existsSync(dest) ? readFileSync(dest) : undefined,
      expected: t.bytes,
      earlier,
      sends,
      operation: t.operation
    }
  } finally {
    await client.close()
    await sb.close()
  }
}

const outcomes = new Map<string, Outcome | Error>()
beforeAll(async () => {
  await pool(CASES, 6, async c => {
    outcomes.set(
      c.title,
      await runCase(c).catch(e => (e instanceof Error ? e : new Error(String(e))))
    )
  })
}, 300_000)

describe('downloads under faults', () => {
  test.each(CASES.map(c => [c.title, c] as const))('%s', (title, c) => {
    const o = outcomes.get(title)
    if (o === undefined || o instanceof Error) {
      recordReliability('fault', `download: ${title}`, false)
      throw o ?? new Error('the case did not run')
    }
    const fault: string[] = []
    const partial: string[] = []
    const extra = o.files.filter(f => f !== 'download.bin')
    if (extra.length > 0) partial.push(`left beside the destination: ${extra.join(', ')}`)
    if (c.mode === 'once') {
      if (o.error) fault.push(`failed: ${o.error.message}`)
      if (o.sends !== 2) fault.push(`sent ${o.sends} times, expected 2`)
      if (sha(o.content) !== sha(o.expected))
        partial.push(`the destination holds ${o.content?.length ?? 0} bytes, not the file`)
    } else {
      if (!o.error) fault.push('did not fail')
      else if (!(o.operation.test(o.error.message) && c.fault.says.test(o.error.message)))
        fault.push(`message does not name the operation and ${c.fault.says}: ${o.error.message}`)
      if (o.sends !== 4) fault.push(`sent ${o.sends} times, expected 4`)
      // Untouched: still the earlier file, or still nothing.
      if (sha(o.content) !== sha(o.earlier))
        partial.push(`the destination holds ${o.content?.length ?? 0} bytes after a failure`)
    }
    recordReliability('fault', `download: ${title}`, fault.length === 0)
    recordReliability('partial-file', `download: ${title}`, partial.length === 0)
    expect({ fault, partial }).toEqual({ fault: [], partial: [] })
  })
})
