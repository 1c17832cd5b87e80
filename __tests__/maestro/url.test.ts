import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import {
  CLIENT_VERSION,
  defaultUserAgent,
  isLoopbackHost,
  MaestroInputError,
  normalizeServerUrl
} from '../../src/maestro/index.js'

describe('normalizeServerUrl', () => {
  test('strips trailing slashes and keeps a path prefix', () => {
    expect(normalizeServerUrl('https://developers.botcity.dev///').baseUrl).toBe(
      'https://developers.botcity.dev'
    )
    const n = normalizeServerUrl(' https://maestro.example.com:8443/maestro/ ')
    expect(n).toMatchObject({
      baseUrl: 'https://maestro.example.com:8443/maestro',
      origin: 'https://maestro.example.com:8443',
      pathPrefix: '/maestro'
    })
    expect(n.warning).toBeUndefined()
  })

  test('plain http warns unless loopback', () => {
    expect(normalizeServerUrl('http://maestro.internal').warning).toMatch(/unencrypted/)
    expect(normalizeServerUrl('http://127.0.0.1:8080').warning).toBeUndefined()
    expect(normalizeServerUrl('http://localhost:1/').warning).toBeUndefined()
    expect(normalizeServerUrl('http://[::1]:9/').warning).toBeUndefined()
  })

  test.each([
    ['', /empty/],
    ['developers.botcity.dev', /not a valid URL/],
    ['ftp://x.example', /https:\/\/ or http:\/\//],
    ['https://u:p@x.example', /user name or password/],
    ['https://x.example/?a=1', /query or fragment/]
  ])('refuses %p', (url, message) => {
    try {
      normalizeServerUrl(url)
      throw new Error('accepted')
    } catch (e) {
      expect(e).toBeInstanceOf(MaestroInputError)
      expect((e as MaestroInputError).field).toBe('server')
      expect((e as Error).message).toMatch(message)
    }
  })

  test('loopback detection', () => {
    expect(isLoopbackHost('127.0.0.5')).toBe(true)
    expect(isLoopbackHost('[::1]')).toBe(true)
    expect(isLoopbackHost('LOCALHOST')).toBe(true)
    expect(isLoopbackHost('128.0.0.1')).toBe(false)
    expect(isLoopbackHost('localhost.example.com')).toBe(false)
  })
})

describe('user agent', () => {
  test('names the project, its package.json version and node', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }
    expect(CLIENT_VERSION).toBe(pkg.version)
    expect(defaultUserAgent()).toBe(`maestro-actions/${pkg.version} (+node ${process.version})`)
  })
})
