import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { checkAction } from '../support/action-check.js'
import { createCoreStub } from '../support/core-stub.js'
import { recordReliability } from '../support/reliability.js'
import { itOnPosix } from '../support/platform.js'
import { actionDir, expectNoLeaks, onlyError, runStep, type RunResult } from '../support/runner.js'
import { expectInputError } from '../support/input-errors.js'
import { startTestSandbox, type TestSandbox } from '../support/test-sandbox.js'
import { MaestroHttpError } from '../../src/maestro/index.js'
import {
  MAX_VALUE_BYTES,
  checkValue,
  parseName,
  run,
  storeValue
} from '../../src/actions/set-credential/main.js'
import { ActionInputError } from '../../src/actions/shared/inputs.js'

const DIR = actionDir('set-credential')

const PEM = [
  '-----BEGIN PRIVATE KEY-----',
  'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7',
  'q9Zx3k+Lr8aVb2Wc0s1pT5yJfQ6hXeN4dUoR/7mKgE1sBvHn2w==',
  '-----END PRIVATE KEY-----',
  ''
].join('\n')
const AWKWARD: Record<string, string> = {
  pem: PEM,
  json: '{"user": "bot", "pass": "q\\"uo\\\\te", "list": [1, 2]}',
  trailing: 'value with a trailing newline\n',
  spaced: '  spaces around  ',
  crlf: 'first-line-of-it\r\nsecond-line-of-it\r\n'
}

let sandbox: TestSandbox
beforeAll(async () => {
  sandbox = await startTestSandbox({
    credentials: { erp: { user: 'robot-erp', pass: 'old-pass-123' } }
  })
})
afterAll(async () => {
  await sandbox?.close()
})
beforeEach(async () => {
  await sandbox.clearFaults()
  await sandbox.clearRequests()
})

const step = (inputs: Record<string, string>, env: Record<string, string> = {}, debug = false) =>
  runStep({ actionDir: DIR, inputs, env: { ...sandbox.env, ...env }, debug })

/** What the sandbox holds for label/key (read from its state, not through the API). */
async function stored(label: string, key: string): Promise<string | undefined> {
  const state = await sandbox.state()
  const set = state.credentials.find((c: { label: string }) => c.label === label)
  return set?.secrets.find((s: { key: string }) => s.key === key)?.value
}

/** No line of `value` (longer than 3 characters) anywhere the step wrote, but the mask commands. */
function expectValueNowhere(result: RunResult, value: string, extra = '') {
  const printed = result.stdout
    .split('\n')
    .filter(l => !l.startsWith('::add-mask::'))
    .join('\n')
  const everywhere = [printed, result.stderr, result.summary, JSON.stringify(result.outputs), extra]
  for (const line of value.split(/\r?\n/).filter(l => l.trim().length > 3)) {
    for (const text of everywhere) expect(text.includes(line.trim())).toBe(false)
  }
}

describe('set-credential metadata', () => {
  it('matches action.yml', () => {
    expect(checkAction({ name: 'set-credential' })).toEqual([])
  })
})

describe('names and values', () => {
  const message = (f: () => unknown) => {
    try {
      f()
    } catch (e) {
      expect(e).toBeInstanceOf(ActionInputError)
      return (e as ActionInputError).message
    }
    throw new Error('no error')
  }

  it('takes a label or key as written (trimmed), one line, at most 256 characters', () => {
    expect(parseName('key', '  db.Password ', 'credential key')).toBe('db.Password')
    expect(message(() => parseName('key', '', 'credential key'))).toMatch(/Required input is empty/)
    expect(message(() => parseName('key', 'a\nb', 'credential key'))).toMatch(
      /line break or control character, got '"a\\nb"'/
    )
    expect(message(() => parseName('label', 'x'.repeat(257), 'credential label'))).toMatch(
      /too long.*Accepted: a credential label/
    )
  })

  it('keeps the value exactly, refuses empty, blank and huge values without quoting them', () => {
    expect(checkValue('value', PEM)).toBe(PEM)
    expect(checkValue('value', ' x \n')).toBe(' x \n')
    expect(message(() => checkValue('value', ''))).toMatch(/Required input is empty/)
    expect(message(() => checkValue('value', ' \n\t'))).toMatch(/only whitespace/)
    const huge = 'secret-'.repeat(MAX_VALUE_BYTES / 4)
    const m = message(() => checkValue('value', huge))
    expect(m).toMatch(/Too long: 114688 characters.*Accepted:/)
    expect(m).not.toContain('secret-')
    // under the character limit, over the byte limit (3 bytes each)
    const wide = '€'.repeat(MAX_VALUE_BYTES / 2)
    const w = message(() => checkValue('value', wide))
    expect(w).toMatch(/too long \(98304 bytes\).*Accepted:/)
    expect(w).not.toContain('€')
  })
})

describe('storeValue', () => {
  it('tries once more when another job created the set in the meantime (409)', async () => {
    const calls: string[] = []
    const client = {
      async setCredentialValue(label: string, key: string) {
        calls.push(`${label}/${key}`)
        if (calls.length === 1) {
          throw new MaestroHttpError({
            operation: 'create credential',
            method: 'POST',
            path: '/api/v2/credential',
            status: 409
          })
        }
        return 'added-key' as const
      }
    }
    await expect(storeValue(client, 'erp', 'k', 'v')).resolves.toBe('added-key')
    expect(calls).toEqual(['erp/k', 'erp/k'])
  })
})

describe('set-credential logic (core stub)', () => {
  it('masks the value before reading any other input, and sends nothing on a bad key', async () => {
    const core = createCoreStub({
      inputs: {
        value: 'masked-first-value\nsecond-line-value\n',
        label: 'erp',
        key: 'bad\u0007key',
        server: sandbox.url,
        login: sandbox.login,
        'access-key': sandbox.key
      }
    })
    const read: string[] = []
    const getInput = core.getInput.bind(core)
    core.getInput = (name, options) => {
      read.push(`${name}${core.secrets.includes('masked-first-value') ? ' (after mask)' : ''}`)
      return getInput(name, options)
    }
    await expect(run(core)).rejects.toThrow(/control character/)
    expect(read[0]).toBe('value')
    expect(read.slice(1).every(r => r.endsWith('(after mask)'))).toBe(true)
    expect(core.lines[0]).toBe('::add-mask::masked-first-value%0Asecond-line-value%0A')
    expect(core.secrets).toEqual(
      expect.arrayContaining(['masked-first-value', 'second-line-value'])
    )
    expect(core.allText().replace(/::add-mask::.*/g, '')).not.toContain('masked-first-value')
    expect(await sandbox.requests()).toEqual([])
  })
})

describe('set-credential bundle', () => {
  it('creates the set, then adds a key, then updates it: outputs say which', async () => {
    const label = `vault-${Date.now()}`
    const first = await step({ label, key: 'token', value: 'first-token-value-1' })
    expect(first.stderr).toBe('')
    expect(first.exitCode).toBe(0)
    expect(first.outputs).toEqual({ created: 'true', 'set-created': 'true' })
    expect(first.masks[0]).toBe('first-token-value-1')
    expect(first.summary).toContain(label)
    expect(first.summary).toContain('created the credential set')
    expectNoLeaks(first)
    expectValueNowhere(first, 'first-token-value-1')
    expect((await sandbox.apiRequests()).map(r => `${r.method} ${r.path} ${r.status}`)).toEqual([
      `GET /api/v2/credential/${label} 404`,
      'POST /api/v2/credential 200'
    ])

    const second = await step({ label, key: 'other', value: 'second-value-2' })
    expect(second.outputs).toEqual({ created: 'true', 'set-created': 'false' })
    const third = await step({ label, key: 'token', value: 'third-token-value-3' })
    expect(third.outputs).toEqual({ created: 'false', 'set-created': 'false' })
    expect(third.summary).toContain('replaced the value')
    for (const r of [second, third]) expectNoLeaks(r)
    expect(await stored(label, 'token')).toBe('third-token-value-3')
    expect(await stored(label, 'other')).toBe('second-value-2')
  })

  it.each(Object.keys(AWKWARD))(
    'stores a %s value byte for byte and never shows it',
    async name => {
      const value = AWKWARD[name]
      const result = await step({ label: 'awkward', key: name, value })
      expect(result.exitCode).toBe(0)
      expect(result.fileErrors).toEqual([])
      expect(await stored('awkward', name)).toBe(value)
      for (const line of value.split(/\r?\n/).filter(l => l.trim() !== '')) {
        expect(result.masks).toContain(line)
      }
      recordReliability('leak', `set-credential: ${name} value`, true)
      expectNoLeaks(result)
      const requestLog = JSON.stringify(await sandbox.requests())
      expectValueNowhere(result, value, requestLog)
    }
  )

  it('debug logging shows no value either', async () => {
    const value = 'debug-run-secret-value\nits-second-line'
    const result = await step({ label: 'erp', key: 'pass', value }, {}, true)
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toEqual({ created: 'false', 'set-created': 'false' })
    expectNoLeaks(result)
    expectValueNowhere(result, value)
    expect(await stored('erp', 'user')).toBe('robot-erp')
  })
})

describe('set-credential bad input: one error, no request at all', () => {
  const VALUE = 'a-secret-that-is-never-quoted'
  it.each([
    [{ label: '', key: 'k', value: VALUE }, 'label', /Required input is empty/],
    [{ label: 'erp', key: '', value: VALUE }, 'key', /Required input is empty/],
    [{ label: 'erp', key: 'k', value: '' }, 'value', /Required input is empty/],
    [{ label: 'erp', key: 'k', value: '  \n ' }, 'value', /only whitespace/],
    [{ label: 'a\nb', key: 'k', value: VALUE }, 'label', /line break/],
    [{ label: 'erp', key: 'k', value: VALUE, 'timeout-seconds': '-1' }, 'timeout-seconds', /./]
  ])('%#: %s', async (inputs, input, message) => {
    await expectRefused(inputs, input, message)
  })

  itOnPosix(
    'an environment variable holds at most 32,767 characters there, so no such input reaches an action',
    'value: over 64 KiB',
    async () => {
      const value = `${VALUE}-`.repeat(2300)
      await expectRefused({ label: 'erp', key: 'k', value }, 'value', /Too long: \d+ characters/)
    }
  )

  async function expectRefused(inputs: Record<string, string>, input: string, message: RegExp) {
    const result = await step(inputs)
    recordReliability('bad-input', `set-credential: ${input}`, result.exitCode === 1)
    const error = expectInputError(result, input, message)
    expect(error.data).not.toContain(VALUE)
    expect(await sandbox.requests()).toEqual([])
    expect(result.outputs).toEqual({})
  }
})

describe('set-credential server errors', () => {
  const value = 'server-error-secret-value'

  it('401 with a wrong key: says so, never prints the key or the value', async () => {
    const result = await step({ label: 'erp', key: 'k', value }, { BOTCITY_KEY: 'wrong-key-123' })
    expect(result.exitCode).toBe(1)
    const error = onlyError(result)
    expect(error.properties.title).toBe('Set credential failed')
    expect(error.data).toMatch(/HTTP 401.*Hint: check the login/)
    expectNoLeaks(result)
    expectValueNowhere(result, value)
  })

  it('404 when the set vanishes before the key is added: names the label', async () => {
    await sandbox.fault({ method: 'POST', path: '/api/v2/credential/erp/key', status: 404 })
    const result = await step({ label: 'erp', key: 'new-key', value })
    recordReliability('fault', 'set-credential: 404 on add key', result.exitCode === 1)
    expect(result.exitCode).toBe(1)
    const error = onlyError(result)
    expect(error.data).toMatch(
      /Could not add key 'new-key' to credential 'erp': HTTP 404.*Hint: check that credential 'erp' exists/
    )
    expect(result.outputs).toEqual({})
    expectNoLeaks(result)
    expectValueNowhere(result, value)
  })

  it('500 on create: sent once (never a second set), the status and a hint', async () => {
    const label = `fail-${Date.now()}`
    await sandbox.fault({ method: 'POST', path: '/api/v2/credential', status: 500, times: 0 })
    const result = await step({ label, key: 'k', value })
    const creates = (await sandbox.apiRequests()).filter(
      r => r.method === 'POST' && r.path === '/api/v2/credential'
    )
    recordReliability('duplicate', 'set-credential: 500 on create', creates.length === 1)
    expect(creates).toHaveLength(1)
    expect(result.exitCode).toBe(1)
    expect(onlyError(result).data).toMatch(
      new RegExp(
        `create credential '${label}' with key 'k': HTTP 500.*Hint: Maestro had a server-side problem`
      )
    )
    expectNoLeaks(result)
    expectValueNowhere(result, value)
  })

  it('503 on the set read is retried and the step succeeds', async () => {
    await sandbox.fault({ method: 'GET', path: '/api/v2/credential/erp', status: 503, times: 1 })
    const result = await step({ label: 'erp', key: 'retry-key', value })
    recordReliability('fault', 'set-credential: 503 on read', result.exitCode === 0)
    expect(result.exitCode).toBe(0)
    expect(result.outputs.created).toBe('true')
    expect(await stored('erp', 'retry-key')).toBe(value)
    expectNoLeaks(result)
  }, 30_000)
})
