import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  BATCH_SIZE,
  Inputs,
  MAX_BODY_BYTES,
  parseEmails,
  parseSubject,
  parseUsers,
  planBatches,
  run
} from '../../src/actions/send-message/main.js'
import { ActionInputError } from '../../src/actions/shared/inputs.js'
import { MaestroClient } from '../../src/maestro/index.js'
import { checkAction } from '../support/action-check.js'
import { createCoreStub } from '../support/core-stub.js'
import { recordReliability } from '../support/reliability.js'
import { actionDir, commandsOf, expectNoLeaks, onlyError, runStep } from '../support/runner.js'
import { expectInputError } from '../support/input-errors.js'
import { startTestSandbox, type TestSandbox } from '../support/test-sandbox.js'

let sandbox: TestSandbox
let ws: string

beforeAll(async () => {
  sandbox = await startTestSandbox()
  ws = mkdtempSync(path.join(tmpdir(), 'send-message-ws-'))
  writeFileSync(path.join(ws, 'body.html'), '<p>Release <b>1.2</b> is out.</p>\n')
  writeFileSync(path.join(ws, 'huge.txt'), Buffer.alloc(MAX_BODY_BYTES + 1, 'a'))
})
afterAll(async () => {
  await sandbox.close()
  rmSync(ws, { recursive: true, force: true })
})
beforeEach(async () => {
  await sandbox.clearFaults()
  await sandbox.clearRequests()
})

const step = (inputs: Record<string, string>, env: Record<string, string> = {}) =>
  runStep({
    actionDir: actionDir('send-message'),
    inputs: { subject: 'Release 1.2', body: 'It is out.', ...inputs },
    env: { ...sandbox.env, ...env },
    workspace: ws
  })

interface StoredMessage {
  id: number
  emails: string[]
  logins: string[]
  subject: string
  body: string
  type: string
}
const messages = async (): Promise<StoredMessage[]> => (await sandbox.state()).messages
const emailList = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => `user${from + i}@example.com`)

describe('send-message metadata', () => {
  it('matches its Inputs and Outputs', () => {
    expect(checkAction({ name: 'send-message' })).toEqual([])
  })
})

describe('recipients', () => {
  it('accepts plain addresses, drops duplicates ignoring case, refuses lists and typos', () => {
    expect(parseEmails('emails', ['a@x.io', 'A@X.io', 'b.c+tag@mail.example.com'])).toEqual([
      'a@x.io',
      'b.c+tag@mail.example.com'
    ])
    expect(() => parseEmails('emails', ['a@x.io, b@x.io'])).toThrow(/One address per line/)
    for (const bad of ['a@', '@x.io', 'a@x', 'a b@x.io', 'a@x.', 'Ann <a@x.io>']) {
      expect(() => parseEmails('emails', [bad])).toThrow(ActionInputError)
    }
  })

  it('accepts logins without spaces, once each', () => {
    expect(parseUsers('users', ['ana', 'bob', 'ana'])).toEqual(['ana', 'bob'])
    expect(() => parseUsers('users', ['ana bob'])).toThrow(/One login per line/)
  })

  it('subject: one line', () => {
    expect(parseSubject('subject', ' Hi ')).toBe('Hi')
    expect(() => parseSubject('subject', 'a\nb')).toThrow(/Line breaks/)
    expect(() => parseSubject('subject', '')).toThrow(/Required input is empty/)
  })

  it('batches of at most 50, e-mails first, in the given order', () => {
    const batches = planBatches(emailList(70), ['ana', 'bob', 'cid'])
    expect(batches.map(b => b.length)).toEqual([50, 23])
    expect(batches[1].slice(19).map(r => `${r.kind}:${r.value}`)).toEqual([
      'email:user69@example.com',
      'user:ana',
      'user:bob',
      'user:cid'
    ])
    expect(planBatches(emailList(BATCH_SIZE), [])).toHaveLength(1)
  })
})

describe('send-message logic (core stub)', () => {
  it.each([
    ['emails', {}, 'No recipients'],
    ['emails', { [Inputs.emails]: 'ops@example.com\nnot-an-address' }, "'not-an-address'"],
    ['emails', { [Inputs.emails]: emailList(501).join('\n') }, 'Too many recipients (501'],
    ['users', { [Inputs.users]: 'ana maria' }, "'ana maria'"],
    ['subject', { [Inputs.emails]: 'a@x.io', [Inputs.subject]: '' }, 'Required input is empty'],
    ['type', { [Inputs.emails]: 'a@x.io', [Inputs.type]: 'markdown' }, "'markdown'"],
    ['body', { [Inputs.emails]: 'a@x.io', [Inputs.body]: '' }, 'Required input is empty'],
    [
      'body',
      { [Inputs.emails]: 'a@x.io', [Inputs.body]: 'b'.repeat(1024 * 1024) },
      // the shared reader's limit (64 KiB) comes before the body's own (256 KiB)
      'Too long: 1048576 characters'
    ],
    ['body-file', { [Inputs.emails]: 'a@x.io', [Inputs.bodyFile]: 'body.html' }, "Both 'body'"],
    [
      'body-file',
      { [Inputs.emails]: 'a@x.io', [Inputs.body]: '', [Inputs.bodyFile]: 'nope.txt' },
      'No file at'
    ],
    [
      'body-file',
      { [Inputs.emails]: 'a@x.io', [Inputs.body]: '', [Inputs.bodyFile]: 'huge.txt' },
      'too large'
    ]
  ])('a bad %s fails before any request', async (input, bad, expected) => {
    const core = createCoreStub({
      inputs: { [Inputs.subject]: 'S', [Inputs.body]: 'B', ...bad }
    })
    const outcome = run(core, { env: { ...sandbox.env, GITHUB_WORKSPACE: ws } })
    await expect(outcome).rejects.toMatchObject({
      input,
      message: expect.stringContaining(expected)
    })
    const requests = await sandbox.requests()
    recordReliability('bad-input', `send-message: ${input}`, requests.length === 0)
    expect(requests).toEqual([])
  })

  it('sends a body file without the byte order mark Windows tools write first, CRLF kept', async () => {
    writeFileSync(path.join(ws, 'bom.txt'), '\uFEFFBuild 42 is out.\r\nDetails follow.\r\n')
    const core = createCoreStub({
      inputs: { [Inputs.emails]: 'a@x.io', [Inputs.subject]: 'S', [Inputs.bodyFile]: 'bom.txt' }
    })
    await run(core, { env: { ...sandbox.env, GITHUB_WORKSPACE: ws } })
    expect((await messages()).at(-1)?.body).toBe('Build 42 is out.\r\nDetails follow.\r\n')
  })

  it('checks every recipient before sending to any', async () => {
    const list = [...emailList(120), 'broken@'].join('\n')
    const core = createCoreStub({
      inputs: { [Inputs.emails]: list, [Inputs.subject]: 'S', [Inputs.body]: 'B' }
    })
    await expect(run(core, { env: sandbox.env })).rejects.toThrow("'broken@'")
    expect(await sandbox.requests()).toEqual([])
  })
})

describe('send-message bundle', () => {
  it('sends one message to e-mails and users, as HTML from a file', async () => {
    const before = (await messages()).length
    const result = await step({
      emails: 'ops@example.com\n# a comment\ndev@example.com',
      users: 'ana',
      body: '',
      'body-file': 'body.html',
      type: 'HTML'
    })
    expect(result.exitCode).toBe(0)
    expectNoLeaks(result)
    expect(result.outputs.recipients).toBe('3')
    const all = await messages()
    expect(all).toHaveLength(before + 1)
    expect(all.at(-1)).toMatchObject({
      emails: ['ops@example.com', 'dev@example.com'],
      logins: ['ana'],
      subject: 'Release 1.2',
      body: '<p>Release <b>1.2</b> is out.</p>\n',
      type: 'HTML'
    })
    expect((await sandbox.requests()).map(r => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'POST /api/v2/workspace/login 200',
      'POST /api/v2/message 200'
    ])
    expect(result.summary).toContain('Maestro message sent to 3 recipients')
    expect(result.summary).not.toContain('ops@example.com')
  })

  it('sends 120 recipients as three messages of at most 50, and says so', async () => {
    const before = (await messages()).length
    const result = await step({
      emails: emailList(110).join('\n'),
      users: 'u1\nu2\nu3\nu4\nu5\nu6\nu7\nu8\nu9\nu10'
    })
    expect(result.exitCode).toBe(0)
    expectNoLeaks(result)
    expect(result.outputs.recipients).toBe('120')
    expect(result.stdout).toContain(
      'Maestro takes at most 50 per message, so this sends 3 messages'
    )
    const sent = (await messages()).slice(before)
    expect(sent.map(m => m.emails.length + m.logins.length)).toEqual([50, 50, 20])
    expect(sent[2].logins).toEqual(['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9', 'u10'])
    const posts = (await sandbox.apiRequests()).filter(r => r.path === '/api/v2/message')
    recordReliability('duplicate', 'send-message: one request per batch', posts.length === 3)
    expect(posts).toHaveLength(3)
    expect(result.summary).toContain('3 (at most 50 recipients each)')
  })

  it('says how many already got it when message 2 of 3 fails', async () => {
    // A token without a key that expires after the first message: message 2 gets a 401.
    const client = new MaestroClient({
      server: sandbox.url,
      login: sandbox.login,
      key: sandbox.key
    })
    const { accessToken } = await client.login()
    await client.close()
    await sandbox.expireTokens(1)
    await sandbox.clearRequests()
    const before = (await messages()).length
    const result = await step(
      { emails: emailList(120).join('\n') },
      { BOTCITY_KEY: '', BOTCITY_ACCESS_TOKEN: accessToken }
    )
    expect(result.exitCode).toBe(1)
    expectNoLeaks(result)
    const error = onlyError(result)
    expect(error.properties.title).toBe('Send message failed')
    expect(error.data).toContain('Message 2 of 3 (recipients 51 to 100) failed')
    expect(error.data).toContain('HTTP 401')
    expect(error.data).toContain('50 recipients of 120 already got the message (message 1)')
    expect(error.data).toContain('the other 70 did not')
    expect(result.outputs.recipients).toBe('50')
    expect((await messages()).length - before).toBe(1)
  })

  it('does not resend a message when the server fails (500), and says nobody got it', async () => {
    await sandbox.fault({ path: '/api/v2/message', status: 500, times: 0 })
    const result = await step({ emails: emailList(60).join('\n') })
    expect(result.exitCode).toBe(1)
    expectNoLeaks(result)
    const error = onlyError(result)
    expect(error.data).toContain('Message 1 of 2')
    expect(error.data).toContain('HTTP 500')
    expect(error.data).toContain('Nobody got the message')
    const posts = (await sandbox.apiRequests()).filter(r => r.path === '/api/v2/message')
    recordReliability('duplicate', 'send-message: 500 not retried', posts.length === 1)
    expect(posts).toHaveLength(1)
  })

  it.each([
    ['emails', { emails: 'ops@example.com;dev@example.com' }, 'One address per line'],
    ['type', { emails: 'a@x.io', type: 'rtf' }, "'rtf'"],
    ['subject', { emails: 'a@x.io', subject: '' }, 'Required input is empty'],
    ['body-file', { emails: 'a@x.io', body: '', 'body-file': 'missing.txt' }, 'No file at']
  ])('fails on a bad %s with one error and no request', async (input, bad, expected) => {
    const result = await step(bad)
    const requests = await sandbox.requests()
    recordReliability('bad-input', `send-message bundle: ${input}`, requests.length === 0)
    expectInputError(result, input, expected)
    expect(requests).toEqual([])
  })

  it('reports a wrong key (401) with a hint', async () => {
    const result = await step({ users: 'ana' }, { BOTCITY_KEY: 'wrong-key-123' })
    expect(result.exitCode).toBe(1)
    expectNoLeaks(result)
    const error = onlyError(result)
    expect(error.data).toMatch(/HTTP 401.*Hint:/)
    expect(commandsOf(result, 'warning')).toEqual([])
  })

  it('reports a 404 with the status and a hint', async () => {
    await sandbox.fault({ path: '/api/v2/message', status: 404, times: 1 })
    const result = await step({ users: 'ana' })
    expect(result.exitCode).toBe(1)
    expectNoLeaks(result)
    const error = onlyError(result)
    expect(error.data).toContain("send message 'Release 1.2'")
    expect(error.data).toMatch(/HTTP 404.*Hint:/)
    expect(result.outputs.recipients).toBe('0')
  })
})
