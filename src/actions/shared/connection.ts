// Reads how to reach Maestro: inputs first, then BOTCITY_* environment variables, into the plain
// options object the client takes. Secrets are masked before anything else happens.
import { readFileSync } from 'node:fs'
import type { ActionCore } from './core.js'
import {
  ActionInputError,
  checkInputLength,
  createInputReader,
  invalidInput,
  parseExistingFile,
  parseOptionalString
} from './inputs.js'
import type { InputKindTable } from './input-kinds.js'
import { maskSecret, redact } from './secrets.js'
import { DEFAULT_RETRY, type Logger, type MaestroClientOptions } from '../../maestro/index.js'

/** The connection inputs every Maestro action declares (spread into the action's `Inputs`). */
export const ConnectionInputs = {
  server: 'server',
  login: 'login',
  accessKey: 'access-key',
  caCertificate: 'ca-certificate',
  insecureSkipTlsVerify: 'insecure-skip-tls-verify',
  timeoutSeconds: 'timeout-seconds'
} as const

/** Environment fallbacks, e.g. set once per job with `env:`. */
export const ConnectionEnv = {
  server: 'BOTCITY_SERVER',
  login: 'BOTCITY_LOGIN',
  key: 'BOTCITY_KEY',
  /** A token from an earlier login step; with it the key is optional. */
  accessToken: 'BOTCITY_ACCESS_TOKEN',
  /**
   * Caps the wait between two tries of a call, in ms (whole number >= 0). It can only shorten the
   * client's backoff (DEFAULT_RETRY: 500 ms doubling up to 10 s), never lengthen it, and a server's
   * Retry-After is still honoured in full. Not a secret; meant for tests that inject faults, where the default
   * backoff would only make them slow.
   */
  retryMaxDelayMs: 'MAESTRO_ACTIONS_RETRY_MAX_DELAY_MS'
} as const

/** The kinds of the connection inputs (spread into the action's `InputKinds`). */
export const ConnectionInputKinds = {
  [ConnectionInputs.server]: { kind: 'url', env: ConnectionEnv.server },
  [ConnectionInputs.login]: { kind: 'text', env: ConnectionEnv.login },
  [ConnectionInputs.accessKey]: { kind: 'secret', env: ConnectionEnv.key },
  [ConnectionInputs.caCertificate]: { kind: 'pem-or-file' },
  [ConnectionInputs.insecureSkipTlsVerify]: { kind: 'boolean' },
  [ConnectionInputs.timeoutSeconds]: { kind: 'seconds', min: 1, max: 3600 }
} as const satisfies InputKindTable<typeof ConnectionInputs>

export const DEFAULT_TIMEOUT_SECONDS = 60

/** What an action says when the token of an earlier login step is rejected and it has no key. */
export function expiredTokenHint(): string {
  return (
    `the access token in ${ConnectionEnv.accessToken} (from an earlier login step) expired or is invalid. ` +
    `To fix it, run the login action again before this step, or give this step the workspace key ` +
    `('${ConnectionInputs.accessKey}' input or the ${ConnectionEnv.key} environment variable) so it logs in again by itself.`
  )
}

export type ConnectionLogger = Logger

/** The client options an action's connection inputs decide; the rest keep the client's defaults. */
export type MaestroConnectionOptions = Pick<
  MaestroClientOptions,
  | 'server'
  | 'login'
  | 'key'
  | 'accessToken'
  | 'expiredTokenHint'
  | 'caCertificate'
  | 'insecureSkipTlsVerify'
  | 'tlsOptionNames'
  | 'timeoutMs'
  | 'onSecret'
  | 'logger'
  | 'userAgent'
  | 'retry'
>

/**
 * `maestro-actions/<version> (<action>; node <version>; <platform>)`, e.g.
 * `maestro-actions/1.0.0 (create-task; node 24.1.0; linux)`.
 */
export function defaultUserAgent(action?: string, version = '1'): string {
  const parts = [action, `node ${process.versions.node}`, process.platform].filter(Boolean)
  return `maestro-actions/${version} (${parts.join('; ')})`
}

export interface ReadConnectionOptions {
  env?: NodeJS.ProcessEnv
  /** Default: defaultUserAgent(action) */
  userAgent?: string
  /** The action's folder name, for the default User-Agent */
  action?: string
  /** Base folder for a relative `ca-certificate` path (default: GITHUB_WORKSPACE, else cwd). */
  baseDir?: string
}

function fromInputOrEnv(
  core: Pick<ActionCore, 'getInput'>,
  input: string,
  env: NodeJS.ProcessEnv,
  variable: string
): string | undefined {
  return (
    parseOptionalString(checkInputLength(input, core.getInput(input))) ??
    parseOptionalString(env[variable] ?? '')
  )
}

/** No access key was given (the login action words this case its own way). */
export class MissingKeyError extends ActionInputError {}

function missing(input: string, variable: string, what: string, example: string): ActionInputError {
  const Kind = input === ConnectionInputs.accessKey ? MissingKeyError : ActionInputError
  return new Kind(
    input,
    `No ${what} given. Accepted: set the '${input}' input or the ${variable} environment variable, e.g. ${example}`
  )
}

/** Normalises and checks the server address: http(s) only, trailing slashes removed. */
export function parseServer(input: string, raw: string, variable = ConnectionEnv.server): string {
  const accepted = 'an http:// or https:// address such as https://developers.botcity.dev'
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw invalidInput(input, `Not a URL (from '${input}' or ${variable})`, raw, accepted)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalidInput(input, `Unsupported scheme '${url.protocol}'`, raw, accepted)
  }
  if (url.username || url.password) {
    // Never quote it: the address itself carries a credential.
    throw new ActionInputError(
      input,
      `The server address must not contain a user name or password. Accepted: ${accepted}`
    )
  }
  return raw.replace(/\/+$/, '')
}

const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/

/** `ca-certificate`: PEM text, or a path to a PEM file. Returns the PEM text. */
export function parseCaCertificate(input: string, raw: string, baseDir?: string): string {
  const accepted = 'PEM text (-----BEGIN CERTIFICATE----- ...) or a path to a PEM file'
  if (raw.includes('-----BEGIN')) {
    if (!PEM_CERT.test(raw)) {
      throw invalidInput(input, 'Not a PEM certificate', raw, accepted)
    }
    return raw
  }
  const path = parseExistingFile(input, raw, { baseDir })
  const text = readFileSync(path, 'utf8')
  if (!PEM_CERT.test(text)) {
    throw invalidInput(input, `The file ${path} holds no PEM certificate`, raw, accepted)
  }
  return text
}

/** MAESTRO_ACTIONS_RETRY_MAX_DELAY_MS, or undefined when unset. */
export function parseRetryMaxDelay(env: NodeJS.ProcessEnv): number | undefined {
  const variable = ConnectionEnv.retryMaxDelayMs
  const raw = parseOptionalString(env[variable] ?? '')
  if (raw === undefined) return undefined
  if (!/^\d{1,9}$/.test(raw)) {
    throw invalidInput(variable, 'Not a whole number of milliseconds', raw, 'e.g. 50, or unset')
  }
  return Number(raw)
}

/**
 * Whether a BOTCITY_ACCESS_TOKEN may be sent to `server` as `login`: yes unless BOTCITY_SERVER or
 * BOTCITY_LOGIN is set and names another server (after normalising) or login.
 */
function tokenTargetMatches(env: NodeJS.ProcessEnv, server: string, login: string): boolean {
  const envServer = parseOptionalString(env[ConnectionEnv.server] ?? '')
  const envLogin = parseOptionalString(env[ConnectionEnv.login] ?? '')
  if (envLogin !== undefined && envLogin !== login) return false
  if (envServer === undefined) return true
  try {
    return parseServer(ConnectionInputs.server, envServer) === server
  } catch {
    return false
  }
}

/**
 * Reads the connection inputs. Masks the key and any token first (whole value and line by line),
 * before any other input is read or anything is logged.
 */
export function readConnection(
  core: ActionCore,
  options: ReadConnectionOptions = {}
): MaestroConnectionOptions {
  const env = options.env ?? process.env
  const I = ConnectionInputs

  // 1. Secrets, before anything could print them.
  const key = fromInputOrEnv(core, I.accessKey, env, ConnectionEnv.key)
  const accessToken = parseOptionalString(env[ConnectionEnv.accessToken] ?? '')
  maskSecret(core, key)
  maskSecret(core, accessToken)

  // 2. Everything else.
  const serverRaw = fromInputOrEnv(core, I.server, env, ConnectionEnv.server)
  if (serverRaw === undefined) {
    throw missing(
      I.server,
      ConnectionEnv.server,
      'Maestro server',
      'https://developers.botcity.dev'
    )
  }
  const server = parseServer(I.server, serverRaw)
  const login = fromInputOrEnv(core, I.login, env, ConnectionEnv.login)
  if (login === undefined) {
    throw missing(I.login, ConnectionEnv.login, 'login (workspace organisation)', 'my-org')
  }
  // The token is only sent where it came from: a step that names another server or login than
  // the job's BOTCITY_SERVER / BOTCITY_LOGIN (which a login step exports) logs in with the key.
  const usableToken =
    accessToken !== undefined && tokenTargetMatches(env, server, login) ? accessToken : undefined
  if (accessToken !== undefined && usableToken === undefined) {
    const why = `the ${ConnectionEnv.accessToken} in the environment was issued for the job's ${ConnectionEnv.server} / ${ConnectionEnv.login}, and this step talks to ${server} as '${login}'`
    if (key === undefined) {
      throw new MissingKeyError(
        I.accessKey,
        `No access key given, and ${why}. Accepted: set the '${I.accessKey}' input or the ${ConnectionEnv.key} environment variable, or use the server and login of the login step`
      )
    }
    core.info(`Logging in with the access key: ${why}.`)
  }
  if (key === undefined && accessToken === undefined) {
    throw missing(
      I.accessKey,
      ConnectionEnv.key,
      'access key',
      `\${{ secrets.BOTCITY_KEY }} (or run a login step that sets ${ConnectionEnv.accessToken})`
    )
  }

  const inputs = createInputReader(core)
  const caRaw = inputs.raw(I.caCertificate)
  const caCertificate =
    caRaw === '' ? undefined : parseCaCertificate(I.caCertificate, caRaw, options.baseDir)
  const insecureSkipTlsVerify = inputs.boolean(I.insecureSkipTlsVerify, false)
  const timeoutMs = inputs.secondsToMs(I.timeoutSeconds, {
    min: 1,
    max: 3600,
    default: DEFAULT_TIMEOUT_SECONDS
  })
  const result: MaestroConnectionOptions = {
    server,
    login,
    insecureSkipTlsVerify,
    // The client warns when verification is off, and says how to trust a server: in our words.
    tlsOptionNames: {
      caCertificate: `the '${I.caCertificate}' input`,
      insecureSkipTlsVerify: `'${I.insecureSkipTlsVerify}: true'`
    },
    timeoutMs,
    onSecret: value => maskSecret(core, value),
    logger: {
      debug: m => core.debug(redact(m)),
      info: m => core.info(redact(m)),
      warning: m => core.warning(redact(m))
    }
  }
  if (key !== undefined) result.key = key
  if (usableToken !== undefined) {
    result.accessToken = usableToken
    if (key === undefined) result.expiredTokenHint = expiredTokenHint()
  }
  if (caCertificate !== undefined) result.caCertificate = caCertificate
  const cap = parseRetryMaxDelay(env)
  if (cap !== undefined) {
    // Only ever below the client's own defaults.
    result.retry = {
      baseDelayMs: Math.min(cap, DEFAULT_RETRY.baseDelayMs),
      maxDelayMs: Math.min(cap, DEFAULT_RETRY.maxDelayMs)
    }
  }
  result.userAgent = options.userAgent ?? defaultUserAgent(options.action)
  return result
}
