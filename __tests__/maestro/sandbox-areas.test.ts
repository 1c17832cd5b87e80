// Every API area of the contract against the sandbox: success paths and their error paths.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { MaestroHttpError, MaestroInputError, type MaestroClient } from '../../src/maestro/index.js'
import {
  CREDENTIAL_VALUE,
  expectNoSecrets,
  failure,
  startHarness,
  type Harness
} from './sandbox-harness.js'

let h: Harness
let c: MaestroClient
let dir: string
let taskId: number
beforeAll(async () => {
  h = await startHarness()
  c = h.client()
  dir = mkdtempSync(join(tmpdir(), 'maestro-areas-'))
  taskId = (await c.createTask({ activityLabel: 'deploy-bot' })).id
})
afterAll(async () => {
  await h.close()
  rmSync(dir, { recursive: true, force: true })
})
beforeEach(async () => {
  await h.control('DELETE', '/faults')
  h.logs.length = 0
  h.sleeps.length = 0
})

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex')

async function expectHttp(
  p: Promise<unknown>,
  status: number,
  pattern: RegExp
): Promise<MaestroHttpError> {
  const e = await failure(p)
  expect(e).toBeInstanceOf(MaestroHttpError)
  expect((e as MaestroHttpError).status).toBe(status)
  expect(e.message).toMatch(pattern)
  expectNoSecrets(h, e)
  return e as MaestroHttpError
}

describe('logs', () => {
  test('create, get, list, add entries, read them by days and since, export CSV, delete', async () => {
    const label = `log-${Date.now()}`
    const log = await c.createLog({
      activityLabel: label,
      columns: [
        { name: 'Step', label: 'step', width: 200 },
        { name: 'Result', label: 'result' }
      ]
    })
    expect(log).toMatchObject({ activityLabel: label })
    expect(log.columns.map(x => x.label)).toEqual(['step', 'result'])
    await expect(c.getLog(label)).resolves.toMatchObject({ activityLabel: label })
    expect((await c.listLogs()).some(l => l.activityLabel === label)).toBe(true)
    await c.addLogEntry(label, { step: 'build', result: 'ok' })
    await c.addLogEntry(label, { step: 'deploy', result: 3 })
    const entries = await c.getLogEntries(label, { days: 1 })
    expect(entries.map(e => e.columns.step).sort()).toEqual(['build', 'deploy'])
    expect(entries.find(e => e.columns.step === 'deploy')!.columns.result).toBe('3')
    expect(await c.getLogEntries(label, { since: new Date(Date.now() - 60_000) })).toHaveLength(2)
    expect(await c.getLogEntries(label, { since: new Date(Date.now() + 60_000) })).toHaveLength(0)
    const dest = join(dir, 'csv', 'log.csv')
    const r = await c.exportLogCsv(label, dest, { days: 1 })
    const csv = readFileSync(dest)
    expect(r).toEqual({ path: dest, size: csv.length, sha256: sha(csv) })
    expect(csv.toString()).toMatch(/build/)
    await c.deleteLog(label)
    await expectHttp(
      c.getLog(label),
      404,
      new RegExp(
        `^Could not read execution log '${label}': HTTP 404 Not Found: .*Hint: check that execution log '${label}' exists`
      )
    )
  })

  test('errors: unknown log, unknown column, input mistakes', async () => {
    await expectHttp(c.addLogEntry('no-such-log', { a: '1' }), 404, /execution log 'no-such-log'/)
    await expectHttp(
      c.deleteLog('no-such-log'),
      404,
      /Could not delete execution log 'no-such-log'/
    )
    await expectHttp(c.getLogEntries('no-such-log'), 404, /no-such-log/)
    await expect(c.exportLogCsv('no-such-log', join(dir, 'x.csv'))).rejects.toThrow(/HTTP 404/)
    expect(readdirSync(dir).filter(f => f.includes('x.csv'))).toEqual([])
    const e = await failure(c.createLog({ activityLabel: 'x', columns: [] }))
    expect((e as MaestroInputError).field).toBe('columns')
    const e2 = await failure(c.getLogEntries('x', { days: 0 }))
    expect((e2 as MaestroInputError).field).toBe('days')
  })
})

describe('alerts and messages', () => {
  test('alert created; unknown task is a 404; bad type refused', async () => {
    const a = await c.createAlert({ taskId, title: 'Deploy', message: 'done', type: 'INFO' })
    expect(a).toMatchObject({ taskId, title: 'Deploy', type: 'INFO' })
    expect((await h.state()).alerts.some((x: { id: number }) => x.id === a.id)).toBe(true)
    await expectHttp(
      c.createAlert({ taskId: 999999, title: 't', message: 'm', type: 'WARN' }),
      404,
      /task 999999/
    )
    const e = await failure(
      c.createAlert({ taskId, title: 't', message: 'm', type: 'LOUD' as 'INFO' })
    )
    expect((e as MaestroInputError).field).toBe('type')
  })

  test('message sent to 50 recipients; 51 refused before sending', async () => {
    const emails = Array.from({ length: 40 }, (_, i) => `u${i}@example.com`)
    const logins = Array.from({ length: 10 }, (_, i) => `user${i}`)
    await c.sendMessage({ emails, logins, subject: 'Release', body: '<b>ok</b>', type: 'HTML' })
    const msgs = (await h.state()).messages
    expect(msgs.at(-1)).toMatchObject({ subject: 'Release', type: 'HTML' })
    await h.control('DELETE', '/requests')
    const e = await failure(
      c.sendMessage({ emails: [...emails, 'x@example.com'], logins, subject: 's', body: 'b' })
    )
    expect(e).toBeInstanceOf(MaestroInputError)
    expect(e.message).toMatch(/at most 50 recipients/)
    expect((await h.requests()).filter(r => r.path === '/api/v2/message')).toHaveLength(0)
    await expectHttp(
      (async () => {
        await h.fault({ method: 'POST', path: '/api/v2/message', status: 500 })
        return c.sendMessage({ emails: ['a@example.com'], subject: 's', body: 'b' })
      })(),
      500,
      /^Could not send message 's': HTTP 500/
    )
    expect(h.sleeps).toEqual([]) // a message is a create: not retried on 500
  })
})

describe('artifacts', () => {
  test('upload from a file and from a stream; list walks pages; get; download', async () => {
    const data = Buffer.alloc(1024 * 1024 + 3, 9)
    const file = join(dir, 'result.bin')
    writeFileSync(file, data)
    const up = await c.uploadArtifact({ taskId, name: 'Result', filePath: file })
    expect(up).toMatchObject({ size: data.length, sha256: sha(data), artifact: { name: 'Result' } })
    const stored = (await h.state()).artifacts.find((a: { id: number }) => a.id === up.artifact.id)
    expect(stored).toMatchObject({ size: data.length, sha256: sha(data), fileName: 'result.bin' })

    const text = Buffer.from('hello from a stream\n')
    const up2 = await c.uploadArtifact({
      taskId,
      name: 'Notes',
      stream: Readable.from([text]),
      size: text.length,
      fileName: 'notes.txt'
    })
    expect(up2.sha256).toBe(sha(text))

    for (let i = 0; i < 4; i++)
      await c.uploadArtifact({
        taskId,
        name: `extra-${i}`,
        stream: Readable.from([text]),
        size: text.length,
        fileName: `e${i}.txt`
      })
    await h.control('DELETE', '/requests')
    const all = await c.listArtifacts({ pageSize: 2 })
    expect(all.length).toBeGreaterThanOrEqual(6)
    expect(new Set(all.map(a => a.id)).size).toBe(all.length)
    expect((await h.requests()).filter(r => r.path === '/api/v2/artifact').length).toBe(
      Math.ceil(all.length / 2)
    )
    expect((await c.listArtifacts()).length).toBe(all.length)

    await expect(c.getArtifact(up.artifact.id)).resolves.toMatchObject({
      id: up.artifact.id,
      name: 'Result'
    })
    const dest = join(dir, 'down', 'copy.bin')
    const d = await c.downloadArtifact(up.artifact.id, dest)
    expect(d).toEqual({ path: dest, size: data.length, sha256: sha(data) })
    const d2 = await c.downloadArtifact(up2.artifact.id, join(dir, 'down'))
    expect(d2.path).toBe(join(dir, 'down', 'notes.txt'))
    expect(readFileSync(d2.path)).toEqual(text)
  })

  test('errors: unknown task, unknown artifact, missing file, wrong stream size', async () => {
    const file = join(dir, 'small.txt')
    writeFileSync(file, 'x')
    await expectHttp(
      c.uploadArtifact({ taskId: 999999, name: 'R', filePath: file }),
      404,
      /task 999999/
    )
    await expectHttp(c.getArtifact(999999), 404, /artifact 999999/)
    await expectHttp(
      c.downloadArtifact(999999, join(dir, 'nothing.bin')),
      404,
      /^Could not download artifact 999999: HTTP 404/
    )
    expect(readdirSync(dir).filter(f => f.includes('nothing'))).toEqual([])
    expect(
      (
        (await failure(
          c.uploadArtifact({ taskId, name: 'R', filePath: join(dir, 'missing') })
        )) as MaestroInputError
      ).field
    ).toBe('filePath')
    const e = await failure(
      c.uploadArtifact({
        taskId,
        name: 'R',
        stream: Readable.from([Buffer.from('abc')]),
        size: 10,
        fileName: 'a'
      })
    )
    expect(e.message).toMatch(/smaller than the 10 bytes announced/)
  })
})

describe('errors (exception reports)', () => {
  test('create with default tags, screenshot, attachments', async () => {
    const err = await c.createError({
      taskId,
      type: 'DeployError',
      message: 'it broke',
      stackTrace: 'at x',
      tags: { stage: 'deploy' }
    })
    expect(err.id).toBeDefined()
    const png = join(dir, 'shot.png')
    writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47]))
    await expect(c.uploadErrorScreenshot(err.id, png)).resolves.toMatchObject({ size: 4 })
    await c.uploadErrorAttachment(err.id, { filePath: png, fileName: 'a1.png' })
    await c.uploadErrorAttachment(err.id, png)
    const stored = (await h.state()).errors.find((x: { id: number }) => x.id === err.id)
    expect(stored.screenshot).toMatchObject({ size: 4 })
    expect(stored.attachments).toHaveLength(2)
    expect(stored.tags).toMatchObject({ stage: 'deploy', node_version: process.version })
    expect(Object.keys(stored.tags)).toEqual(
      expect.arrayContaining(['user_name', 'host_name', 'os_name', 'os_version'])
    )
    await expectHttp(c.createError({ taskId: 999999, type: 'E', message: 'm' }), 404, /task 999999/)
    await expectHttp(c.uploadErrorScreenshot(999999, png), 404, /error 999999/)
  })
})

describe('credentials', () => {
  test('get a key and a set; values go to onSecret', async () => {
    const v = await c.getCredentialValue('erp', 'password')
    expect(v).toBe(CREDENTIAL_VALUE)
    expect(h.secrets.has(v)).toBe(true)
    const set = await c.getCredentialSet('erp')
    expect(set.secrets.map(s => s.key).sort()).toEqual(['password', 'username'])
    await expectHttp(
      c.getCredentialValue('erp', 'nope'),
      404,
      /^Could not read key 'nope' of credential 'erp': HTTP 404 Not Found: .*Hint: check that credential 'erp' with key 'nope' exists/
    )
    await expectHttp(c.getCredentialSet('nope'), 404, /credential 'nope'/)
  })

  test('set creates the set, adds a key, updates a key; update and remove', async () => {
    const label = `vault-${Date.now()}`
    const s1 = 'first-secret-value-1'
    const s2 = 'second-secret-value-2'
    const s3 = 'third-secret-value-3'
    await expect(c.setCredentialValue(label, 'a', s1)).resolves.toBe('created-set')
    await expect(c.setCredentialValue(label, 'b', s2)).resolves.toBe('added-key')
    await expect(c.setCredentialValue(label, 'a', s3)).resolves.toBe('updated-key')
    expect(h.secrets.has(s1) && h.secrets.has(s2) && h.secrets.has(s3)).toBe(true)
    await expect(c.getCredentialValue(label, 'a')).resolves.toBe(s3)
    await c.updateCredentialValue(label, 'b', s1)
    await expect(c.getCredentialValue(label, 'b')).resolves.toBe(s1)
    await expect(c.removeCredentialKey(label, 'a')).resolves.toBe(true)
    await expect(c.removeCredentialKey(label, 'a')).resolves.toBe(false)
    expect((await c.getCredentialSet(label)).secrets.map(s => s.key)).toEqual(['b'])
    const e = await failure(c.updateCredentialValue(label, 'zzz', 'value-x-y-z'))
    expect((e as MaestroInputError).field).toBe('key')
    await expectHttp(
      c.updateCredentialValue('no-such-set', 'a', 'value-x-y-z'),
      404,
      /credential 'no-such-set'/
    )
    await expectHttp(c.removeCredentialKey('no-such-set', 'a'), 404, /credential 'no-such-set'/)
  })

  test('a server error that echoes the secret never shows it', async () => {
    await h.fault({
      method: 'POST',
      path: '/api/v2/credential/erp',
      status: 500,
      body: { message: `cannot store ${CREDENTIAL_VALUE}` }
    })
    await h.fault({
      method: 'POST',
      path: '/api/v2/credential/erp',
      status: 500,
      body: `<pre>store ${CREDENTIAL_VALUE}</pre>`,
      times: 3
    })
    const e = await expectHttp(
      c.updateCredentialValue('erp', 'password', CREDENTIAL_VALUE),
      500,
      /cannot store \*\*\*|store \*\*\*/
    )
    expect(e.serverMessage).toContain('***')
  })
})

describe('datapools', () => {
  test('create, get, summary, push, pull (204 = nothing), entry get/update', async () => {
    const label = `pool-${Date.now()}`
    const pool = await c.createDatapool({
      label,
      defaultAutomation: 'deploy-bot',
      consumptionPolicy: 'FIFO'
    })
    expect(pool).toMatchObject({ label })
    await expect(c.getDatapool(label)).resolves.toMatchObject({ label, consumptionPolicy: 'FIFO' })
    const e1 = await c.pushDatapoolEntry(label, { values: { invoice: '1' } })
    await c.pushDatapoolEntry(label, { values: { invoice: '2' }, priority: 1 })
    expect(e1.state).toBe('PENDING')
    expect(await c.getDatapoolSummary(label)).toMatchObject({ countPending: 2 })
    const first = await c.pullDatapoolEntry(label)
    expect(first).toMatchObject({ state: 'PROCESSING', values: { invoice: '2' } })
    const second = await c.pullDatapoolEntry(label)
    expect(second!.values).toEqual({ invoice: '1' })
    await expect(c.pullDatapoolEntry(label)).resolves.toBeNull()
    await expect(
      c.updateDatapoolEntry(label, second!.id, { state: 'DONE' })
    ).resolves.toMatchObject({ state: 'DONE' })
    await expect(c.getDatapoolEntry(label, second!.id)).resolves.toMatchObject({ state: 'DONE' })
    expect(await c.getDatapoolSummary(label)).toMatchObject({
      countDone: 1,
      countProcessing: 1,
      countPending: 0
    })
    await expectHttp(c.createDatapool({ label }), 409, /Could not create datapool/)
    await expectHttp(c.pullDatapoolEntry('no-pool'), 404, /datapool 'no-pool'/)
    await expectHttp(c.getDatapoolEntry(label, 999999), 404, /entry 999999 of datapool/)
  })

  test('a pull is never re-sent after a reset (it could take a second entry)', async () => {
    const label = `pool-r-${Date.now()}`
    await c.createDatapool({ label })
    await c.pushDatapoolEntry(label, { values: { a: 1 } })
    await h.control('DELETE', '/requests')
    await h.fault({
      method: 'GET',
      path: `/api/v2/datapool/${label}/pull`,
      reset: 'during-response'
    })
    await expect(c.pullDatapoolEntry(label)).rejects.toThrow(/network error/)
    expect((await h.requests()).filter(r => r.path.endsWith('/pull'))).toHaveLength(1)
  })
})

describe('bots', () => {
  test('versions, deploy, upload, release, delete', async () => {
    const botId = `bot-${Date.now()}`
    await expect(c.getBotVersions(botId)).resolves.toEqual([])
    await c.deployBot({ botId, version: '1.0', technology: 'PYTHON' })
    const zip = join(dir, 'bot.zip')
    writeFileSync(zip, Buffer.alloc(2048, 3))
    await expect(c.uploadBot(botId, '1.0', zip)).resolves.toMatchObject({ size: 2048 })
    await c.releaseBot(botId, '1.0')
    const versions = await c.getBotVersions(botId)
    expect(versions).toHaveLength(1)
    expect(versions[0]).toMatchObject({ botId, version: '1.0', technology: 'PYTHON' })
    const bots = (await h.state()).bots.find((b: { botId: string }) => b.botId === botId)
    expect(bots.released).toBe('1.0')
    expect(bots.versions[0].upload).toMatchObject({ size: 2048 })
    await expectHttp(
      c.deployBot({ botId, version: '1.0', technology: 'PYTHON' }),
      409,
      /Could not deploy version '1.0' of bot/
    )
    await c.deleteBotVersion(botId, '1.0')
    await expect(c.getBotVersions(botId)).resolves.toEqual([])
    await expectHttp(c.uploadBot(botId, '9.9', zip), 404, /deploy it first/)
    await expectHttp(c.releaseBot(botId, '9.9'), 404, /bot '.*' version '9.9'/)
    await expectHttp(c.deleteBotVersion(botId, '9.9'), 404, /Could not delete version '9.9'/)
    const e = await failure(c.deployBot({ botId, version: '2', technology: 'RUST' as 'PYTHON' }))
    expect((e as MaestroInputError).field).toBe('technology')
  })
})
