import { describe, expect, test } from '@jest/globals'
import { runFixture } from './helpers.js'

const PEM = '-----BEGIN KEY-----\nline-aaa-111\nline-bbb-222\n-----END KEY-----'

describe('masking', () => {
  test('secrets and add-mask values never reach the output; add-mask applies from then on', async () => {
    const run = await runFixture('masking.yml', {
      secrets: { API_KEY: 'sk-live-0123456789', PEM }
    })
    expect(run.result).toBe('success')
    for (const text of [run.printed, run.log]) {
      expect(text).not.toContain('sk-live-0123456789')
      expect(text).not.toContain('line-aaa-111')
      expect(text).not.toContain('line-bbb-222')
      expect(text).toContain('secret: ***')
      expect(text).toContain('env secret: ***')
      // Printed before the add-mask command: GitHub shows it too.
      expect(text).toContain('before mask: pre-mask-value')
      expect(text).toContain('after mask: ***')
      expect(text).toContain('next step: ***')
      expect(text).toContain('Warning: warned about ***')
      expect(text).toContain('Name with ***')
      expect(text).toContain('b64: ***')
      expect(text).not.toContain(Buffer.from('sk-live-0123456789').toString('base64').slice(0, 20))
    }
    const pemBlock = run.printed.split('pem:\n')[1].split('\n').slice(0, 4)
    expect(pemBlock.map(l => l.trim())).toEqual(['***', '***', '***', '***'])
  })
})
