// The Maestro API client: everything public.
export { MaestroClient, type MaestroClientOptions } from './client.js'
export {
  MaestroError,
  MaestroHttpError,
  MaestroNetworkError,
  MaestroInputError,
  describeErrorBody,
  hintForStatus,
  withHint
} from './errors.js'
export { MAYBE_DONE_HINT, type Logger, type TlsOptionNames } from './http.js'
export { resolveItemCounts, type ItemCounts, type ItemCountsInput } from './items.js'
export * from './models.js'
export { Redactor } from './redact.js'
export {
  DEFAULT_RETRY,
  backoffDelay,
  decideRetry,
  parseRetryAfter,
  type Idempotency,
  type Outcome,
  type RetryDecision,
  type RetrySettings
} from './retry.js'
export { isLoopbackHost, normalizeServerUrl, type NormalizedServer } from './url.js'
export { renameIntoPlace, safeFileName } from './files.js'
export { CLIENT_NAME, CLIENT_VERSION, defaultUserAgent } from './version.js'
