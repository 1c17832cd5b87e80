import { describe, expect, it } from '@jest/globals'
import * as undici from 'undici'
import request from 'undici/lib/api/api-request.js'
import EnvHttpProxyAgent from 'undici/lib/dispatcher/env-http-proxy-agent.js'

// The client imports two files of undici instead of its index (start-up time): an undici update that
// moves or changes them fails here rather than in a run.
describe('the parts of undici the client imports', () => {
  it('are what the index exports', () => {
    expect(EnvHttpProxyAgent).toBe(undici.EnvHttpProxyAgent)
    expect(request).toBe(undici.Dispatcher.prototype.request)
  })
})
