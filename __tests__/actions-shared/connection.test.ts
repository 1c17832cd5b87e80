import { beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  ConnectionEnv,
  ConnectionInputs,
  defaultUserAgent,
  parseCaCertificate,
  parseServer,
  readConnection,
  MissingKeyError
} from '../../src/actions/shared/connection.js'
import { ActionInputError, MAX_INPUT_LENGTH } from '../../src/actions/shared/inputs.js'
import { maskedValues, resetMaskedValuesForTests } from '../../src/actions/shared/secrets.js'
import { createCoreStub } from '../support/core-stub.js'

beforeEach(() => resetMaskedValuesForTests())

const PEM = '-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n'

function thrown(fn: () => unknown): ActionInputError {
  try {
    fn()
  } catch (e) {
    if (e instanceof ActionInputError) return e
    throw e
  }
  throw new Error('expected an ActionInputError')
}

describe('readConnection', () => {
  it('reads inputs, with defaults', () => {
    const core = createCoreStub({
      inputs: { server: 'https://maestro.example//', login: 'acme', 'access-key': 'KEY-1' }
    })
    const c = readConnection(core, { env: {}, userAgent: 'ua/1' })
    expect(c).toMatchObject({
      server: 'https://maestro.example',
      login: 'acme',
      key: 'KEY-1',
      insecureSkipTlsVerify: false,
      timeoutMs: 60_000,
      userAgent: 'ua/1'
    })
    expect(c.accessToken).toBeUndefined()
    expect(c.caCertificate).toBeUndefined()
  })
  it('falls back to BOTCITY_* variables when inputs are empty', () => {
    const core = createCoreStub({ inputs: { login: '' } })
    const c = readConnection(core, {
      env: { BOTCITY_SERVER: 'http://127.0.0.1:9000', BOTCITY_LOGIN: 'org', BOTCITY_KEY: 'K' }
    })
    expect([c.server, c.login, c.key]).toEqual(['http://127.0.0.1:9000', 'org', 'K'])
  })
  it('an input wins over the variable', () => {
    const core = createCoreStub({ inputs: { server: 'https://a.example', login: 'x' } })
    const c = readConnection(core, {
      env: { BOTCITY_SERVER: 'https://b.example', BOTCITY_LOGIN: 'y', BOTCITY_KEY: 'K' }
    })
    expect([c.server, c.login]).toEqual(['https://a.example', 'x'])
  })
  it('masks the key and the token before anything else is printed', () => {
    const core = createCoreStub({
      inputs: { server: 'https://m.example', login: 'o', 'access-key': 'k1\nk2' }
    })
    readConnection(core, {
      env: { BOTCITY_ACCESS_TOKEN: 'tok-9' }
    })
    expect(core.lines.slice(0, 4)).toEqual([
      '::add-mask::k1%0Ak2',
      '::add-mask::k1',
      '::add-mask::k2',
      '::add-mask::tok-9'
    ])
  })
  it('masks the key even when another input is invalid', () => {
    const core = createCoreStub({ inputs: { server: 'ftp://x', login: 'o', 'access-key': 'KK' } })
    expect(() => readConnection(core, { env: {} })).toThrow(ActionInputError)
    expect(core.secrets).toEqual(['KK'])
  })
  it('a token makes the key optional', () => {
    const core = createCoreStub({ inputs: { server: 'https://m.example', login: 'o' } })
    const c = readConnection(core, { env: { BOTCITY_ACCESS_TOKEN: 'tok' } })
    expect(c.key).toBeUndefined()
    expect(c.accessToken).toBe('tok')
    // Without a key to renew it, a rejected token is explained in terms of the actions.
    expect(c.expiredTokenHint).toBe(
      "the access token in BOTCITY_ACCESS_TOKEN (from an earlier login step) expired or is invalid. To fix it, run the login action again before this step, or give this step the workspace key ('access-key' input or the BOTCITY_KEY environment variable) so it logs in again by itself."
    )
  })
  it('with a token and a key, both are passed (the client renews the token with the key)', () => {
    const core = createCoreStub({ inputs: { server: 'https://m.example', login: 'o' } })
    const c = readConnection(core, { env: { BOTCITY_ACCESS_TOKEN: 'tok', BOTCITY_KEY: 'K' } })
    expect([c.accessToken, c.key, c.expiredTokenHint]).toEqual(['tok', 'K', undefined])
  })
  it('the token is used for the server and login it was exported with (normalised)', () => {
    const core = createCoreStub({ inputs: { server: 'https://m.example/', login: 'o' } })
    const env = {
      BOTCITY_ACCESS_TOKEN: 'tok',
      BOTCITY_SERVER: 'https://m.example//',
      BOTCITY_LOGIN: 'o'
    }
    expect(readConnection(core, { env }).accessToken).toBe('tok')
  })
  it.each([
    [{ server: 'https://other.example', login: 'o' }],
    [{ server: 'https://m.example', login: 'other-org' }]
  ])('a token is never sent to another server or login than its own (%#)', inputs => {
    const env = {
      BOTCITY_ACCESS_TOKEN: 'tok-1',
      BOTCITY_SERVER: 'https://m.example',
      BOTCITY_LOGIN: 'o'
    }
    const withKey = createCoreStub({ inputs: { ...inputs, 'access-key': 'KEY' } })
    const c = readConnection(withKey, { env })
    expect([c.accessToken, c.key]).toEqual([undefined, 'KEY'])
    expect(withKey.secrets).toContain('tok-1')
    expect(withKey.infoMessages.join('\n')).toMatch(/^Logging in with the access key: /)
    const e = thrown(() => readConnection(createCoreStub({ inputs }), { env }))
    expect(e.input).toBe('access-key')
    expect(e.message).toMatch(
      /^No access key given, and the BOTCITY_ACCESS_TOKEN in the environment was issued for the job's BOTCITY_SERVER \/ BOTCITY_LOGIN, and this step talks to /
    )
  })
  it.each([
    [
      {},
      {},
      'server',
      "No Maestro server given. Accepted: set the 'server' input or the BOTCITY_SERVER environment variable, e.g. https://developers.botcity.dev"
    ],
    [
      { server: 'https://m.example' },
      {},
      'login',
      "No login (workspace organisation) given. Accepted: set the 'login' input or the BOTCITY_LOGIN environment variable, e.g. my-org"
    ],
    [
      { server: 'https://m.example', login: 'o' },
      {},
      'access-key',
      "No access key given. Accepted: set the 'access-key' input or the BOTCITY_KEY environment variable, e.g. ${{ secrets.BOTCITY_KEY }} (or run a login step that sets BOTCITY_ACCESS_TOKEN)"
    ]
  ])('missing values name the input and the variable (%#)', (inputs, env, input, message) => {
    const e = thrown(() => readConnection(createCoreStub({ inputs }), { env }))
    expect(e.input).toBe(input)
    expect(e.message).toBe(message)
  })
  it('timeout, TLS options and a CA file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'conn-'))
    writeFileSync(join(dir, 'ca.pem'), PEM)
    const core = createCoreStub({
      inputs: {
        server: 'https://m.example',
        login: 'o',
        'access-key': 'k',
        'ca-certificate': 'ca.pem',
        'insecure-skip-tls-verify': 'true',
        'timeout-seconds': '5'
      }
    })
    const c = readConnection(core, { env: {}, baseDir: dir })
    expect(c.caCertificate).toBe(PEM)
    expect(c.insecureSkipTlsVerify).toBe(true)
    expect(c.timeoutMs).toBe(5000)
    // the client warns when it is built, in these words
    expect(c.tlsOptionNames).toEqual({
      caCertificate: "the 'ca-certificate' input",
      insecureSkipTlsVerify: "'insecure-skip-tls-verify: true'"
    })
  })
  it('onSecret masks, and the logger redacts', () => {
    const core = createCoreStub({
      inputs: { server: 'https://m.example', login: 'o', 'access-key': 'k' }
    })
    const c = readConnection(core, { env: {} })
    c.onSecret!('new-token')
    expect(core.lines).toContain('::add-mask::new-token')
    expect(maskedValues()).toContain('new-token')
    c.logger!.info('got new-token')
    c.logger!.debug('got new-token')
    expect(core.infoMessages).toEqual(['got ***'])
    expect(core.debugMessages).toEqual(['got ***'])
  })
  it('a default User-Agent names the action, node and the platform', () => {
    const core = createCoreStub({
      inputs: { server: 'https://m.example', login: 'o', 'access-key': 'k' }
    })
    expect(readConnection(core, { env: {}, action: 'create-task' }).userAgent).toBe(
      `maestro-actions/1 (create-task; node ${process.versions.node}; ${process.platform})`
    )
    expect(defaultUserAgent(undefined, '2.0.0')).toBe(
      `maestro-actions/2.0.0 (node ${process.versions.node}; ${process.platform})`
    )
  })
  it('MAESTRO_ACTIONS_RETRY_MAX_DELAY_MS only ever shortens the backoff', () => {
    const core = () =>
      createCoreStub({ inputs: { server: 'https://m.example', login: 'o', 'access-key': 'k' } })
    expect(readConnection(core(), { env: {} }).retry).toBeUndefined()
    const short = { MAESTRO_ACTIONS_RETRY_MAX_DELAY_MS: '20' }
    expect(readConnection(core(), { env: short }).retry).toEqual({
      baseDelayMs: 20,
      maxDelayMs: 20
    })
    const long = { MAESTRO_ACTIONS_RETRY_MAX_DELAY_MS: '600000' }
    expect(readConnection(core(), { env: long }).retry).toEqual({
      baseDelayMs: 500,
      maxDelayMs: 10_000
    })
    for (const bad of ['-1', '1.5', 'fast', '1e3']) {
      const e = thrown(() =>
        readConnection(core(), { env: { MAESTRO_ACTIONS_RETRY_MAX_DELAY_MS: bad } })
      )
      expect(e.input).toBe('MAESTRO_ACTIONS_RETRY_MAX_DELAY_MS')
      expect(e.message).toContain(`got '${bad}'`)
    }
  })
  it('the input names are the agreed ones', () => {
    expect(Object.values(ConnectionInputs)).toEqual([
      'server',
      'login',
      'access-key',
      'ca-certificate',
      'insecure-skip-tls-verify',
      'timeout-seconds'
    ])
    expect(ConnectionEnv.accessToken).toBe('BOTCITY_ACCESS_TOKEN')
    expect(ConnectionEnv.retryMaxDelayMs).toBe('MAESTRO_ACTIONS_RETRY_MAX_DELAY_MS')
  })
})

describe('parseServer', () => {
  it('rejects what is not an http(s) URL', () => {
    expect(thrown(() => parseServer('server', 'maestro.example')).message).toBe(
      "Not a URL (from 'server' or BOTCITY_SERVER), got 'maestro.example'. Accepted: an http:// or https:// address such as https://developers.botcity.dev"
    )
    expect(thrown(() => parseServer('server', 'ftp://x')).message).toBe(
      "Unsupported scheme 'ftp:', got 'ftp://x'. Accepted: an http:// or https:// address such as https://developers.botcity.dev"
    )
  })
  it('never quotes an address that carries a password', () => {
    const e = thrown(() => parseServer('server', 'https://u:pw@m.example'))
    expect(e.message).not.toContain('pw')
  })
})

describe('parseCaCertificate', () => {
  it('accepts PEM text and rejects a broken PEM or a non-PEM file', () => {
    expect(parseCaCertificate('ca-certificate', PEM)).toBe(PEM)
    expect(() => parseCaCertificate('ca-certificate', '-----BEGIN CERTIFICATE-----\nx')).toThrow(
      /^Not a PEM certificate/
    )
    const dir = mkdtempSync(join(tmpdir(), 'ca-'))
    writeFileSync(join(dir, 'x.txt'), 'hello')
    expect(() => parseCaCertificate('ca-certificate', 'x.txt', dir)).toThrow(
      /holds no PEM certificate/
    )
    expect(() => parseCaCertificate('ca-certificate', 'missing.pem', dir)).toThrow(/^No file at /)
  })
})

describe('the input length limit', () => {
  it('refuses a huge connection input, the key included, without quoting or masking it', () => {
    const key = 'k'.repeat(MAX_INPUT_LENGTH + 1)
    const core = createCoreStub({
      inputs: { server: 'https://m.example', login: 'o', 'access-key': key }
    })
    let error: unknown
    try {
      readConnection(core, { env: {} })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ActionInputError)
    expect(error).not.toBeInstanceOf(MissingKeyError)
    expect((error as ActionInputError).input).toBe('access-key')
    expect((error as Error).message).toMatch(/^Too long: 65537 characters/)
    expect(core.allText()).not.toContain('kkkk')
  })
  it('a missing key is a MissingKeyError', () => {
    const core = createCoreStub({ inputs: { server: 'https://m.example', login: 'o' } })
    expect(() => readConnection(core, { env: {} })).toThrow(MissingKeyError)
  })
})
