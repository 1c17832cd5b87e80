import { describe, expect, test } from '@jest/globals'
import {
  describeErrorBody,
  hintForStatus,
  MaestroError,
  MaestroHttpError,
  MaestroNetworkError,
  Redactor,
  withHint
} from '../../src/maestro/index.js'

describe('error wording', () => {
  test('HTTP error: operation, status, Maestro message, hint', () => {
    const e = new MaestroHttpError({
      operation: "create task for automation 'deploy-bot'",
      method: 'POST',
      path: '/api/v2/task',
      status: 404,
      serverMessage: "Automation 'deploy-bot' not found",
      hint: hintForStatus(404, { notFound: "automation 'deploy-bot' (the activity label)" })
    })
    expect(e).toBeInstanceOf(MaestroError)
    expect(e.message).toBe(
      "Could not create task for automation 'deploy-bot': HTTP 404 Not Found: Automation 'deploy-bot' not found. " +
        "Hint: check that automation 'deploy-bot' (the activity label) exists in this workspace (labels are case-sensitive)."
    )
    expect(e).toMatchObject({
      status: 404,
      method: 'POST',
      path: '/api/v2/task',
      operation: "create task for automation 'deploy-bot'"
    })
  })

  test('hints by status', () => {
    expect(hintForStatus(401)).toMatch(/login.*key/)
    expect(hintForStatus(401, { tokenFromCaller: true, keyAvailable: false })).toMatch(
      /token expired or is invalid/
    )
    expect(hintForStatus(403)).toMatch(/permissions/)
    expect(hintForStatus(404)).toMatch(/server URL/)
    expect(hintForStatus(500)).toMatch(/server-side/)
    expect(hintForStatus(503)).toMatch(/server-side/)
    expect(hintForStatus(400)).toBeUndefined()
  })

  test('network error names code and attempts', () => {
    const e = new MaestroNetworkError({
      operation: 'read task 1',
      code: 'ECONNREFUSED',
      detail: 'connect ECONNREFUSED 127.0.0.1:9',
      attempts: 4,
      hint: 'nothing listens at the server URL; check the host and port.'
    })
    expect(e.message).toBe(
      'Could not read task 1: network error (ECONNREFUSED) after 4 attempts: connect ECONNREFUSED 127.0.0.1:9. Hint: nothing listens at the server URL; check the host and port.'
    )
  })
})

describe('withHint', () => {
  test('adds to the hint of HTTP and network errors, keeping everything else', () => {
    const http = new MaestroHttpError({
      operation: 'send file',
      method: 'POST',
      path: '/api/v2/artifact/log/7',
      status: 503,
      serverMessage: 'busy',
      hint: hintForStatus(503),
      attempts: 4
    })
    const h = withHint(http, 'Artifact 7 stays.')
    expect(h).toBeInstanceOf(MaestroHttpError)
    expect(h).toMatchObject({ status: 503, attempts: 4, path: '/api/v2/artifact/log/7' })
    expect(h.message).toBe(`${http.message} Artifact 7 stays.`)

    const cause = new Error('read ECONNRESET')
    const net = new MaestroNetworkError({
      operation: 'send file',
      code: 'ECONNRESET',
      detail: 'read ECONNRESET',
      attempts: 2,
      cause
    })
    const n = withHint(net, 'Artifact 7 stays.')
    expect(n).toBeInstanceOf(MaestroNetworkError)
    expect(n).toMatchObject({ code: 'ECONNRESET', attempts: 2, cause })
    expect(n.message).toBe(
      'Could not send file: network error (ECONNRESET) after 2 attempts: read ECONNRESET. Hint: Artifact 7 stays.'
    )
    const other = new MaestroError('Could not x.', { operation: 'x' })
    expect(withHint(other, 'more')).toBe(other)
  })
})

describe('describeErrorBody', () => {
  test('Spring JSON message', () => {
    expect(
      describeErrorBody(
        '{"timestamp":"2026-01-01","status":404,"error":"Not Found","message":"Task 9 not found","path":"/api/v2/task/9"}',
        'application/json'
      )
    ).toBe('Task 9 not found')
    expect(describeErrorBody('{"status":500,"error":"Internal Server Error"}')).toBe(
      'Internal Server Error'
    )
    expect(describeErrorBody('{"status":500}')).toBeUndefined()
  })
  test('non-JSON bodies become one short clean line', () => {
    const html = `<html><head><style>b{}</style></head><body><h1>502 Bad Gateway</h1>\n<p>nginx</p></body></html>`
    expect(describeErrorBody(html, 'text/html')).toBe('502 Bad Gateway nginx')
    const long = describeErrorBody('x'.repeat(1000))!
    expect(long.length).toBe(200)
    expect(describeErrorBody('a\u0000b\u001bc')).toBe('a b c')
    expect(describeErrorBody('   ')).toBeUndefined()
    expect(describeErrorBody('{not json')).toBe('{not json')
  })
})

describe('Redactor', () => {
  test('masks raw, JSON-escaped, URL-encoded and per-line forms, longest first', () => {
    const r = new Redactor()
    r.add('s3cr3t"value/x')
    r.add('line-one-secret\nline-two-secret')
    r.add('ab') // too short to mask
    expect(r.redact('raw s3cr3t"value/x!')).toBe('raw ***!')
    expect(r.redact('json "s3cr3t\\"value/x"')).toBe('json "***"')
    expect(r.redact('url s3cr3t%22value%2Fx')).toBe('url ***')
    expect(r.redact('got line-two-secret only')).toBe('got *** only')
    expect(r.redact('ab stays')).toBe('ab stays')
  })
})
