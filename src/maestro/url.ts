// The server URL: normalised once, validated before anything is sent.

import { isIP } from 'node:net'
import { MaestroInputError } from './errors.js'

export interface NormalizedServer {
  /** `https://host[:port][/prefix]`, no trailing slash. */
  baseUrl: string
  /** scheme://host[:port], what undici dispatches to. */
  origin: string
  /** Path prefix before `/api/v2` (on-premise installs behind a context path), '' when none. */
  pathPrefix: string
  /** Set when the key would travel unencrypted. */
  warning?: string
}

/** True for localhost, 127.0.0.0/8 and ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  if (h === 'localhost' || h.endsWith('.localhost')) return true
  if (isIP(h) === 4) return h.startsWith('127.')
  if (isIP(h) === 6) return h === '::1' || h === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(h)
  return false
}

/** Strips trailing slashes, requires http(s), refuses credentials, query and fragment. */
export function normalizeServerUrl(server: string): NormalizedServer {
  const field = 'server'
  const raw = (server ?? '').trim()
  if (!raw)
    throw new MaestroInputError(
      field,
      'The Maestro server URL is empty; give e.g. https://developers.botcity.dev.'
    )
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new MaestroInputError(
      field,
      `The Maestro server URL '${raw}' is not a valid URL; give e.g. https://developers.botcity.dev.`
    )
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new MaestroInputError(
      field,
      `The Maestro server URL '${raw}' must start with https:// or http://.`
    )
  if (url.username || url.password)
    throw new MaestroInputError(
      field,
      'The Maestro server URL must not contain a user name or password.'
    )
  if (url.search || url.hash)
    throw new MaestroInputError(
      field,
      `The Maestro server URL '${url.origin}${url.pathname}' must not have a query or fragment.`
    )
  const pathPrefix = url.pathname.replace(/\/+$/, '')
  const baseUrl = `${url.origin}${pathPrefix}`
  const result: NormalizedServer = { baseUrl, origin: url.origin, pathPrefix }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname))
    result.warning = `The Maestro server URL ${baseUrl} uses plain http: the workspace key and access token travel unencrypted. Use https:// unless this network is trusted.`
  return result
}
