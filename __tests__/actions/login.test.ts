// The login action, run from its bundle through the runner protocol against a real sandbox.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { checkAction } from '../support/action-check.js'
import { testRuntimes } from '../support/node-runtimes.js'
import { actionDir, commandsOf, expectNoLeaks, runStep, runSteps } from '../support/runner.js'
import { startTestSandbox, type TestSandbox } from '../support/test-sandbox.js'

const LOGIN = actionDir('login')
const LOGIN_PATH = '/api/v2/workspace/login'
const TOKEN = 'BOTCITY_ACCESS_TOKEN'

let sandbox: TestSandbox

beforeAll(async () => {
  sandbox = await startTestSandbox()
})
afterAll(async () => {
  await sandbox.close()
})
beforeEach(async () => {
  await sandbox.reset()
})

/** The connection as inputs (the usual `with:` of a login step). */
function connectionInputs(): Record<string, string> {
  return { server: `${sandbox.url}/`, login: sandbox.login, 'access-key': sandbox.key }
}

describe('login: metadata', () => {
  it('action.yml matches the code', () => {
    expect(checkAction({ name: 'login' })).toEqual([])
  })
})

describe.each(testRuntimes())('login under $label', ({ nodePath }) => {
  it('logs in with one request, masks the token and exports it with server and login', async () => {
    const r = await runStep({ actionDir: LOGIN, inputs: connectionInputs(), node: nodePath })
    expect(r.stderr).toBe('')
    expect(r.exitCode).toBe(0)

    const requests = await sandbox.requests()
    expect(requests.map(q => `${q.method} ${q.path} ${q.status}`)).toEqual([
      `POST ${LOGIN_PATH} 200`
    ])

    const token = r.env[TOKEN]
    expect(token).toMatch(/\S{8,}/)
    expect(r.masks).toContain(token)
    expect(r.masks).toContain(sandbox.key)
    // Exported: the token, and server/login because they came from inputs (server normalised).
    expect(r.env).toEqual({
      [TOKEN]: token,
      BOTCITY_SERVER: sandbox.url,
      BOTCITY_LOGIN: sandbox.login
    })
    expect(r.outputs).toEqual({
      server: sandbox.url,
      login: sandbox.login,
      'organization-label': sandbox.login
    })
    expect(r.summary).toContain('Logged in to BotCity Maestro')
    expect(commandsOf(r, 'error')).toEqual([])
    // The token is in GITHUB_ENV by design; nowhere else.
    expectNoLeaks(r, { allow: { env: [TOKEN] } })
    const printed = r.stdout
      .split('\n')
      .filter(l => !l.startsWith('::add-mask::'))
      .join('\n')
    expect(JSON.stringify(r.outputs) + r.summary + printed + r.stderr).not.toContain(token)
  })
})

describe('login: where the connection comes from', () => {
  it('with BOTCITY_* variables only, exports only the token', async () => {
    const r = await runStep({ actionDir: LOGIN, env: sandbox.env })
    expect(r.exitCode).toBe(0)
    expect(Object.keys(r.env)).toEqual([TOKEN])
    expect(r.outputs.server).toBe(sandbox.url)
    expectNoLeaks(r, { allow: { env: [TOKEN] } })
  })

  it('a second login in the job gets a new token and does not send the old one', async () => {
    const [first, second] = await runSteps([
      { actionDir: LOGIN, inputs: connectionInputs() },
      { actionDir: LOGIN, inputs: connectionInputs() }
    ])
    expect([first.exitCode, second.exitCode]).toEqual([0, 0])
    expect(second.env[TOKEN]).toMatch(/\S{8,}/)
    expect(second.env[TOKEN]).not.toBe(first.env[TOKEN])
    // The earlier token is masked in the second step too (it is in its environment).
    expect(second.masks).toContain(first.env[TOKEN])
    const requests = await sandbox.requests()
    expect(requests.map(q => q.path)).toEqual([LOGIN_PATH, LOGIN_PATH])
    expect(requests.every(q => q.headers.token === undefined)).toBe(true)
    for (const r of [first, second]) expectNoLeaks(r, { allow: { env: [TOKEN] } })
  })
})

describe('login: mistakes and failures', () => {
  async function expectInvalid(
    options: { inputs?: Record<string, string>; env?: Record<string, string> },
    input: string,
    text: RegExp
  ) {
    const r = await runStep({ actionDir: LOGIN, ...options })
    expect(r.exitCode).toBe(1)
    const errors = commandsOf(r, 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0].properties.title).toBe(`Invalid input '${input}'`)
    expect(errors[0].data).toMatch(text)
    expect(r.env).toEqual({})
    expect(await sandbox.requests()).toEqual([])
    expectNoLeaks(r)
    return r
  }

  it('no key and no token: names the key input and its variable, no request', async () => {
    await expectInvalid(
      { inputs: { server: sandbox.url, login: sandbox.login } },
      'access-key',
      /'access-key' input or the BOTCITY_KEY environment variable/
    )
  })

  it('a token without a key is not enough to log in', async () => {
    const r = await expectInvalid(
      {
        inputs: { server: sandbox.url, login: sandbox.login },
        env: { [TOKEN]: 'an-earlier-token-123' }
      },
      'access-key',
      /login action logs in with the workspace key/
    )
    expect(r.masks).toContain('an-earlier-token-123')
  })

  it('a bad server address is refused before any request', async () => {
    await expectInvalid(
      { inputs: { ...connectionInputs(), server: 'ftp://maestro.example' } },
      'server',
      /Unsupported scheme 'ftp:'/
    )
  })

  it('a wrong key: one error with the status, the message and a hint; nothing exported', async () => {
    const r = await runStep({
      actionDir: LOGIN,
      inputs: { ...connectionInputs(), 'access-key': 'not-the-key-42' }
    })
    expect(r.exitCode).toBe(1)
    const errors = commandsOf(r, 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0].properties.title).toBe('Login failed')
    expect(errors[0].data).toMatch(/HTTP 401/)
    expect(errors[0].data).toMatch(/check the login .* and the workspace key/)
    expect(r.env).toEqual({})
    expect(r.masks).toContain('not-the-key-42')
    expect((await sandbox.requests()).map(q => `${q.path} ${q.status}`)).toEqual([
      `${LOGIN_PATH} 401`
    ])
    expectNoLeaks(r)
  })
})
