import { beforeEach, describe, expect, it } from '@jest/globals'
import {
  maskSecret,
  maskedValues,
  redact,
  resetMaskedValuesForTests,
  secretVariants
} from '../../src/actions/shared/secrets.js'
import { createCoreStub } from '../support/core-stub.js'

beforeEach(() => resetMaskedValuesForTests())

describe('maskSecret', () => {
  it('masks a one-line value once', () => {
    const core = createCoreStub()
    maskSecret(core, 'abc123')
    expect(core.secrets).toEqual(['abc123'])
    expect(core.lines).toEqual(['::add-mask::abc123'])
  })
  it('masks a multi-line value whole and line by line, with trimmed variants', () => {
    const core = createCoreStub()
    const pem = '-----BEGIN KEY-----\r\n  AAAA  \nBBBB\n\n-----END KEY-----\n'
    maskSecret(core, pem)
    expect(core.secrets).toEqual([
      pem,
      '-----BEGIN KEY-----',
      '  AAAA  ',
      'AAAA',
      'BBBB',
      '-----END KEY-----'
    ])
    // the whole value goes out as ONE command line, escaped like @actions/core does
    expect(core.lines[0]).toBe(
      '::add-mask::-----BEGIN KEY-----%0D%0A  AAAA  %0ABBBB%0A%0A-----END KEY-----%0A'
    )
  })
  it('ignores empty, whitespace-only and undefined values', () => {
    const core = createCoreStub()
    maskSecret(core, '')
    maskSecret(core, '  \n ')
    maskSecret(core, undefined)
    expect(core.secrets).toEqual([])
  })
  it('secretVariants does not repeat values', () => {
    expect(secretVariants('x\nx\nx')).toEqual(['x\nx\nx', 'x'])
  })
})

describe('redact', () => {
  it('replaces every masked value, longest first', () => {
    const core = createCoreStub()
    maskSecret(core, 'line-one\nline-two')
    maskSecret(core, 'tok')
    expect(redact('a line-one b line-two c tok')).toBe('a *** b *** c ***')
    expect(redact('line-one\nline-two')).toBe('***')
    expect(redact('nothing here')).toBe('nothing here')
    expect(maskedValues()).toContain('tok')
  })
  it('is the identity when nothing is masked', () => {
    expect(redact('tok')).toBe('tok')
  })
})
