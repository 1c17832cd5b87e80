import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { checkAction } from '../support/action-check.js'
import { createCoreStub } from '../support/core-stub.js'
import { testRuntimes } from '../support/node-runtimes.js'
import { actionDir, expectNoLeaks, runStep, runSteps, onlyError } from '../support/runner.js'
import { expectInputError } from '../support/input-errors.js'
import { startTestSandbox, type TestSandbox } from '../support/test-sandbox.js'
import {
  envNameFor,
  outputNameFor,
  parseKeyLine,
  parseKeys
} from '../../src/actions/get-credential/keys.js'
import { run, fetchValues } from '../../src/actions/get-credential/main.js'
import { ActionInputError } from '../../src/actions/shared/inputs.js'

const DIR = actionDir('get-credential')

// Awkward values: each must reach outputs and GITHUB_ENV byte for byte, and never a log line.
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
  percent: '100%25 off: a,b, c %0A d',
  trailing: 'line with trailing newline\n',
  spaced: '  spaces around  '
}
const CREDENTIALS = {
  erp: { user: 'robot-erp', password: 's3cr3t-P@ss', 'api.token': 'tok-1234567890' },
  awkward: AWKWARD,
  partial: { only: 'only-value-xyz' }
}

let sandbox: TestSandbox
beforeAll(async () => {
  sandbox = await startTestSandbox({ credentials: CREDENTIALS })
})
afterAll(async () => {
  await sandbox?.close()
})
beforeEach(async () => {
  await sandbox.clearFaults()
  await sandbox.clearRequests()
})

const step = (inputs: Record<string, string>, env: Record<string, string> = {}, node?: string) =>
  runStep({ actionDir: DIR, inputs, env: { ...sandbox.env, ...env }, node })

/** The values must not appear in the text at all (stronger than the mask check). */
function expectNoValueIn(text: string, values: readonly string[]) {
  // ::add-mask:: lines carry the values to the runner, which never prints them
  text = text
    .split('\n')
    .filter(l => !l.startsWith('::add-mask::'))
    .join('\n')
  for (const v of values) {
    for (const line of v.split('\n').filter(l => l.trim().length > 3)) {
      expect(text.includes(line)).toBe(false)
    }
  }
}

describe('get-credential metadata', () => {
  it('matches action.yml', () => {
    expect(checkAction({ name: 'get-credential' })).toEqual([])
  })
})

describe('key lines', () => {
  it('parses KEY and KEY as NAME', () => {
    expect(parseKeyLine('key', 'password')).toEqual({
      key: 'password',
      output: 'password',
      env: 'PASSWORD'
    })
    expect(parseKeyLine('key', '  db.password   as   DB_PASS ')).toEqual({
      key: 'db.password',
      output: 'DB_PASS',
      env: 'DB_PASS'
    })
    // keys are case-sensitive and kept as written
    expect(parseKeyLine('key', 'ApiKey').key).toBe('ApiKey')
  })

  it('normalises output and variable names', () => {
    expect(outputNameFor('db.password')).toBe('db_password')
    expect(outputNameFor('api-key')).toBe('api-key')
    expect(outputNameFor('a b:c/d')).toBe('a_b_c_d')
    expect(envNameFor('db-password')).toBe('DB_PASSWORD')
    expect(envNameFor('api.token')).toBe('API_TOKEN')
    expect(envNameFor('2fa')).toBe('_2FA')
    expect(envNameFor('ção')).toBe('__O')
  })

  it('refuses bad lines, bad names and duplicates, naming the problem', () => {
    const bad = (lines: string[], exportEnv = false) => {
      try {
        parseKeys('key', lines, { exportEnv, reservedOutputs: ['value'] })
      } catch (e) {
        expect(e).toBeInstanceOf(ActionInputError)
        return (e as ActionInputError).message
      }
      throw new Error('no error')
    }
    expect(bad(['user as'])).toMatch(/Not a key line, got 'user as'/)
    expect(bad(['user AS NAME'])).toMatch(/Not a key line/)
    expect(bad(['user as 1NAME'])).toMatch(/'1NAME' is not a valid variable name for key 'user'/)
    expect(bad(['user as my-name'])).toMatch(/not a valid variable name/)
    expect(bad(['db.password', 'db-password'], true)).toMatch(
      /Keys 'db.password' and 'db-password' both give the variable name 'DB_PASSWORD'/
    )
    expect(bad(['user', 'USER'])).toMatch(/both give the output name 'USER'/)
    // variable names only matter when exported
    expect(parseKeys('key', ['db.password', 'db-password'], { exportEnv: false })).toHaveLength(2)
    expect(bad(['a as X', 'b as x'])).toMatch(/both give the output name 'x'/)
    expect(bad(['value', 'other'])).toMatch(/output 'value', which this action keeps/)
    expect(bad(['token as GITHUB_TOKEN'], true)).toMatch(/reserves/)
    expect(bad(['path'], true)).toMatch(/exported as 'PATH'/)
    expect(bad([])).toMatch(/Required input is empty/)
    // fine without export-env, and `value` alone is fine
    expect(parseKeys('key', ['path'], { exportEnv: false })).toHaveLength(1)
    expect(parseKeys('key', ['value'], { exportEnv: false, reservedOutputs: ['value'] })).toEqual([
      { key: 'value', output: 'value', env: 'VALUE' }
    ])
    // the same key twice under two names is fine
    expect(parseKeys('key', ['user', 'user as LOGIN'], { exportEnv: true })).toHaveLength(2)
  })
})

describe('fetchValues', () => {
  const fake = (secrets: Array<{ key: string; value?: string }>) => {
    const calls: string[] = []
    return {
      calls,
      client: {
        async getCredentialValue(label: string, key: string) {
          calls.push(`value ${label}/${key}`)
          return `single-${key}`
        },
        async getCredentialSet(label: string) {
          calls.push(`set ${label}`)
          return { label, secrets: secrets as Array<{ key: string; value: string }> }
        }
      }
    }
  }

  it('reads one key with one call and several keys from one set read', async () => {
    const one = fake([])
    expect([...(await fetchValues(one.client, 'erp', ['user']))]).toEqual([['user', 'single-user']])
    expect(one.calls).toEqual(['value erp/user'])
    const many = fake([
      { key: 'a', value: 'A' },
      { key: 'b', value: 'B' }
    ])
    expect(Object.fromEntries(await fetchValues(many.client, 'erp', ['a', 'b', 'a']))).toEqual({
      a: 'A',
      b: 'B'
    })
    expect(many.calls).toEqual(['set erp'])
  })

  it('falls back to the key read when the set lacks a value', async () => {
    const f = fake([{ key: 'a' }, { key: 'b', value: 'B' }])
    expect(Object.fromEntries(await fetchValues(f.client, 'erp', ['a', 'b', 'c']))).toEqual({
      a: 'single-a',
      b: 'B',
      c: 'single-c'
    })
    expect(f.calls).toEqual(['set erp', 'value erp/a', 'value erp/c'])
  })
})

describe('get-credential logic (core stub)', () => {
  it('reads no input but the connection before failing on a bad key line, and sends nothing', async () => {
    const core = createCoreStub({
      inputs: {
        label: 'erp',
        key: 'user as 9x',
        server: sandbox.url,
        login: sandbox.login,
        'access-key': sandbox.key
      }
    })
    await expect(run(core)).rejects.toThrow(/not a valid variable name/)
    expect(await sandbox.requests()).toEqual([])
  })
})

describe.each(testRuntimes())('get-credential bundle under $label', ({ nodePath }) => {
  it('reads one key: masked output `value` and its own output, 1 request after login', async () => {
    const result = await step({ label: 'erp', key: 'password' }, {}, nodePath)
    expect(result.stderr).toBe('')
    expect(result.exitCode).toBe(0)
    expect(result.outputs.value).toBe('s3cr3t-P@ss')
    expect(result.outputs.password).toBe('s3cr3t-P@ss')
    expect(result.masks).toContain('s3cr3t-P@ss')
    // masked before the output was set (the outputs file is written after the ::add-mask::)
    expect(result.env).toEqual({})
    expectNoLeaks(result, { allow: { outputs: ['value', 'password'] } })
    expect(result.summary).toContain('erp')
    expect(result.summary).toContain('password')
    const api = await sandbox.apiRequests()
    expect(api.map(r => `${r.method} ${r.path}`)).toEqual([
      'GET /api/v2/credential/erp/key/password'
    ])
    expect((await sandbox.requests()).length).toBe(2)
  })

  it('reads three keys with one request, exports them, and a later step sees them intact', async () => {
    const [first, second] = await runSteps([
      {
        actionDir: DIR,
        node: nodePath,
        env: sandbox.env,
        inputs: {
          label: 'erp',
          key: 'user\n# a comment\napi.token\npassword as ERP_PASS\n',
          'export-env': 'true'
        }
      },
      {
        actionDir: actionDir('get-credential'),
        node: nodePath,
        // a later step of the same job: it starts with the variables the first one exported
        env: { ...sandbox.env },
        inputs: { label: 'erp', key: 'user' }
      }
    ])
    expect(first.exitCode).toBe(0)
    expect(first.outputs).toEqual({
      value: '',
      user: 'robot-erp',
      api_token: 'tok-1234567890',
      ERP_PASS: 's3cr3t-P@ss'
    })
    expect(first.env).toEqual({
      USER: 'robot-erp',
      API_TOKEN: 'tok-1234567890',
      ERP_PASS: 's3cr3t-P@ss'
    })
    expect(second.childEnv.ERP_PASS).toBe('s3cr3t-P@ss')
    expect(second.childEnv.API_TOKEN).toBe('tok-1234567890')
    expectNoLeaks(first, { allow: { outputs: true, env: true } })
    expectNoLeaks(second, { allow: { outputs: true } })
    expectNoValueIn(first.summary + first.stdout + first.stderr, Object.values(CREDENTIALS.erp))
    expect(first.summary).toContain('api.token')
    expect(first.summary).toContain('ERP_PASS')
    const api = (await sandbox.apiRequests()).map(r => `${r.method} ${r.path}`)
    // step 1: one set read; step 2: one key read
    expect(api).toEqual(['GET /api/v2/credential/erp', 'GET /api/v2/credential/erp/key/user'])
  })
})

describe('awkward values round-trip exactly', () => {
  it.each(Object.keys(AWKWARD))('%s, read alone, through the output and GITHUB_ENV', async key => {
    const [first, second] = await runSteps([
      {
        actionDir: DIR,
        env: sandbox.env,
        inputs: { label: 'awkward', key: `${key} as SECRET_VALUE`, 'export-env': 'true' }
      },
      { actionDir: DIR, env: sandbox.env, inputs: { label: 'partial', key: 'only' } }
    ])
    expect(first.exitCode).toBe(0)
    expect(first.fileErrors).toEqual([])
    expect(first.outputs.value).toBe(AWKWARD[key])
    expect(first.outputs.SECRET_VALUE).toBe(AWKWARD[key])
    expect(first.env.SECRET_VALUE).toBe(AWKWARD[key])
    expect(second.childEnv.SECRET_VALUE).toBe(AWKWARD[key])
    // every line of a multi-line value is masked on its own
    for (const line of AWKWARD[key].split('\n').filter(l => l.trim() !== '')) {
      expect(first.masks).toContain(line)
    }
    expectNoLeaks(first, { allow: { outputs: true, env: true } })
    expectNoLeaks(second, { allow: { outputs: ['value', 'only'] } })
    expectNoValueIn(first.stdout + first.summary, [AWKWARD[key]])
  })

  it('all at once from the set read', async () => {
    const keys = Object.keys(AWKWARD)
    const result = await step({ label: 'awkward', key: keys.join('\n'), 'export-env': 'true' })
    expect(result.exitCode).toBe(0)
    for (const key of keys) {
      expect(result.outputs[key]).toBe(AWKWARD[key])
      expect(result.env[envNameFor(key)]).toBe(AWKWARD[key])
    }
    expectNoLeaks(result, { allow: { outputs: true, env: true } })
    expect((await sandbox.apiRequests()).length).toBe(1)
  })
})

describe('get-credential bad input: one error, no request at all', () => {
  it.each([
    [{ label: '', key: 'user' }, 'label', /Required input is empty/],
    [{ label: 'erp', key: '' }, 'key', /Required input is empty/],
    [{ label: 'erp', key: 'user as' }, 'key', /Not a key line, got 'user as'/],
    [{ label: 'erp', key: 'user as bad-name' }, 'key', /'bad-name' is not a valid variable name/],
    [{ label: 'erp', key: 'a.b\na_b' }, 'key', /both give the output name 'a_b'/],
    [
      { label: 'erp', key: 'a.b\na-b', 'export-env': 'true' },
      'key',
      /both give the variable name 'A_B'/
    ],
    [{ label: 'erp', key: 'user', 'export-env': 'yes' }, 'export-env', /Not a boolean, got 'yes'/],
    [
      { label: 'erp', key: 'user as GITHUB_TOKEN', 'export-env': 'true' },
      'key',
      /GITHUB_\*, RUNNER_\*/
    ]
  ])('%j', async (inputs, input, message) => {
    const result = await step(inputs as Record<string, string>)
    expectInputError(result, input, message)
    expect(await sandbox.requests()).toEqual([])
    expect(result.outputs).toEqual({})
  })
})

describe('get-credential server errors', () => {
  it('401 with a wrong key: says so, never prints the key', async () => {
    const result = await step({ label: 'erp', key: 'user' }, { BOTCITY_KEY: 'wrong-key-123' })
    expect(result.exitCode).toBe(1)
    const error = onlyError(result)
    expect(error.properties.title).toBe('Get credential failed')
    expect(error.data).toMatch(/HTTP 401/)
    expect(error.data).toMatch(/Hint: check the login/)
    expect(result.outputs).toEqual({})
  })

  it.each([
    ['unknown label, one key', 'nope', 'user', /credential 'nope'.*HTTP 404/],
    ['unknown key, one key', 'erp', 'missing', /key 'missing' of credential 'erp': HTTP 404/],
    [
      'unknown label, two keys',
      'nope',
      'user\npassword',
      /keys 'user', 'password' of credential 'nope': HTTP 404/
    ],
    ['unknown key among two', 'erp', 'user\nmissing', /key 'missing' of credential 'erp': HTTP 404/]
  ])('404 %s: names label and key, never a value', async (_name, label, key, message) => {
    const result = await step({ label, key })
    expect(result.exitCode).toBe(1)
    const error = onlyError(result)
    expect(error.data).toMatch(message)
    expect(error.data).toMatch(/Hint: check that credential/)
    expect(result.outputs).toEqual({})
    expectNoValueIn(result.stdout + result.stderr, Object.values(CREDENTIALS.erp))
    expectNoLeaks(result)
  })

  it('500: what it was doing, the status and the hint, after the retries', async () => {
    await sandbox.fault({ path: '/api/v2/credential/erp/key/user', status: 500, times: 0 })
    const result = await step({ label: 'erp', key: 'user' })
    expect(result.exitCode).toBe(1)
    const error = onlyError(result)
    expect(error.data).toMatch(/Could not read key 'user' of credential 'erp': HTTP 500/)
    expect(error.data).toMatch(/Hint: Maestro had a server-side problem/)
    expect(result.outputs).toEqual({})
    expectNoLeaks(result)
  }, 30_000)
})
