import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  MAX_INPUT_LENGTH,
  checkInputLength,
  ActionInputError,
  createInputReader,
  parseBoolean,
  parseDateTime,
  parseEnum,
  parseExistingFile,
  parseInteger,
  parseList,
  parseMapping,
  parseOneLine,
  parseOptionalString,
  parseRequiredString,
  parseSecondsToMs,
  quoteValue,
  refuseControlChars
} from '../../src/actions/shared/inputs.js'
import { createCoreStub } from '../support/core-stub.js'

function errorOf(fn: () => unknown): ActionInputError {
  try {
    fn()
  } catch (e) {
    if (e instanceof ActionInputError) return e
    throw e
  }
  throw new Error('expected an ActionInputError')
}

describe('strings', () => {
  it('required: trimmed value, or an error naming the input', () => {
    expect(parseRequiredString('label', '  bot ')).toBe('bot')
    const e = errorOf(() => parseRequiredString('label', '  '))
    expect(e.input).toBe('label')
    expect(e.name).toBe('ActionInputError')
    expect(e.message).toBe(
      "Required input is empty. Accepted: any non-empty text; set 'label' under 'with:' in the step"
    )
  })
  it('optional: undefined for empty', () => {
    expect(parseOptionalString('')).toBeUndefined()
    expect(parseOptionalString('  ')).toBeUndefined()
    expect(parseOptionalString(' x ')).toBe('x')
  })
})

describe('one-line text', () => {
  const options = { accepted: 'one line of at most 5 characters', maxLength: 5 }
  it('returns the trimmed value', () => {
    expect(parseOneLine('subject', '  Build ', options)).toBe('Build')
  })
  it('refuses, in order: empty, control characters (shown as JSON), too long', () => {
    expect(errorOf(() => parseOneLine('subject', ' ', options)).message).toBe(
      'Required input is empty. Accepted: one line of at most 5 characters'
    )
    expect(errorOf(() => parseOneLine('subject', 'a\nbcdefgh', options)).message).toBe(
      `Line breaks and control characters are not allowed, got '"a\\nbcdefgh"'. Accepted: one line of at most 5 characters`
    )
    const e = errorOf(() => parseOneLine('subject', 'abcdef', options))
    expect(e.input).toBe('subject')
    expect(e.message).toBe("Too long, got 'abcdef'. Accepted: one line of at most 5 characters")
  })
  it('names the problems in the words the caller chose', () => {
    const named = { ...options, controlProblem: 'The label holds a tab', tooLongProblem: 'Long' }
    expect(errorOf(() => parseOneLine('log', 'a\tb', named)).message).toMatch(
      /^The label holds a tab, got '"a\\tb"'/
    )
    expect(errorOf(() => parseOneLine('log', 'abcdef', named)).message).toMatch(/^Long, got/)
  })
  it('refuseControlChars: NUL and DEL too; other text passes', () => {
    expect(() => refuseControlChars('name', 'é ü', 'a name')).not.toThrow()
    for (const bad of ['a\u0000b', 'a\u007fb', 'a\rb']) {
      expect(errorOf(() => refuseControlChars('name', bad, 'a name')).message).toBe(
        `Control characters are not allowed, got '${JSON.stringify(bad)}'. Accepted: a name`
      )
    }
  })
})

describe('parseBoolean', () => {
  it.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
    ['FALSE', false]
  ])('%s', (raw, want) => expect(parseBoolean('test', raw, !want)).toBe(want))
  it('empty gives the default', () => {
    expect(parseBoolean('test', '', true)).toBe(true)
    expect(parseBoolean('test', '', false)).toBe(false)
  })
  it.each(['yes', 'no', '1', '0', 'tRUE', 'on'])('rejects %s (YAML 1.1 forms)', raw => {
    expect(() => parseBoolean('test', raw, false)).toThrow(ActionInputError)
  })
  it('error text', () => {
    expect(errorOf(() => parseBoolean('test', 'yes', false)).message).toBe(
      "Not a boolean, got 'yes'. Accepted: true | True | TRUE | false | False | FALSE"
    )
  })
  it('secret inputs are not quoted', () => {
    expect(errorOf(() => parseBoolean('x', 's3cr3t', false, { secret: true })).message).toBe(
      'Not a boolean. Accepted: true | True | TRUE | false | False | FALSE'
    )
  })
})

describe('parseInteger', () => {
  const range = { min: 0, max: 10 }
  it('parses within range, with default for empty', () => {
    expect(parseInteger('priority', '7', range)).toBe(7)
    expect(parseInteger('priority', '+0', range)).toBe(0)
    expect(parseInteger('priority', '', { ...range, default: 5 })).toBe(5)
    expect(parseInteger('n', '-3', { min: -5, max: 5 })).toBe(-3)
  })
  it('out of range quotes the value and the range', () => {
    expect(errorOf(() => parseInteger('priority', '11', range)).message).toBe(
      "Out of range, got '11'. Accepted: an integer from 0 to 10"
    )
  })
  it.each(['1.5', '1e2', 'ten', '0x1', ' 5 5'])('rejects %s', raw => {
    expect(errorOf(() => parseInteger('priority', raw, range)).message).toBe(
      `Not an integer, got '${raw.trim()}'. Accepted: an integer from 0 to 10`
    )
  })
  it('empty without default is required', () => {
    expect(errorOf(() => parseInteger('priority', '', range)).message).toBe(
      'Required input is empty. Accepted: an integer from 0 to 10'
    )
  })
})

describe('parseSecondsToMs', () => {
  const o = { min: 1, max: 3600, default: 60 }
  it('converts', () => {
    expect(parseSecondsToMs('timeout-seconds', '', o)).toBe(60_000)
    expect(parseSecondsToMs('timeout-seconds', '1.5', o)).toBe(1500)
    expect(parseSecondsToMs('timeout-seconds', '3600', o)).toBe(3_600_000)
  })
  it('errors', () => {
    expect(errorOf(() => parseSecondsToMs('timeout-seconds', '5m', o)).message).toBe(
      "Not a number of seconds, got '5m'. Accepted: a number of seconds from 1 to 3600"
    )
    expect(errorOf(() => parseSecondsToMs('timeout-seconds', '0', o)).message).toBe(
      "Out of range, got '0'. Accepted: a number of seconds from 1 to 3600"
    )
    expect(() => parseSecondsToMs('timeout-seconds', '-1', o)).toThrow(ActionInputError)
  })
})

describe('parseEnum', () => {
  const values = ['SUCCESS', 'FAILED', 'PARTIALLY_COMPLETED'] as const
  const o = { values, aliases: { ok: 'SUCCESS', partial: 'PARTIALLY_COMPLETED' } as const }
  it('matches case-insensitively and treats - and space like _', () => {
    expect(parseEnum('status', 'success', o)).toBe('SUCCESS')
    expect(parseEnum('status', 'Partially-Completed', o)).toBe('PARTIALLY_COMPLETED')
    expect(parseEnum('status', 'partially completed', o)).toBe('PARTIALLY_COMPLETED')
  })
  it('aliases', () => {
    expect(parseEnum('status', 'OK', o)).toBe('SUCCESS')
    expect(parseEnum('status', 'partial', o)).toBe('PARTIALLY_COMPLETED')
  })
  it('default for empty', () => {
    expect(parseEnum('status', '', { values, default: 'FAILED' })).toBe('FAILED')
  })
  it('error lists accepted values and aliases', () => {
    expect(errorOf(() => parseEnum('status', 'done', o)).message).toBe(
      "Unknown value, got 'done'. Accepted: one of SUCCESS, FAILED, PARTIALLY_COMPLETED (any case); also ok (= SUCCESS), partial (= PARTIALLY_COMPLETED)"
    )
    expect(errorOf(() => parseEnum('type', 'x', { values: ['INFO', 'WARN'] })).message).toBe(
      "Unknown value, got 'x'. Accepted: one of INFO, WARN (any case)"
    )
  })
})

describe('parseMapping', () => {
  it('JSON keeps types', () => {
    expect(
      parseMapping('parameters', '{"a": 1, "b": true, "c": null, "d": [1, "x"], "e": {"f": 1.5}}')
    ).toEqual({ a: 1, b: true, c: null, d: [1, 'x'], e: { f: 1.5 } })
  })
  it('YAML mapping keeps types', () => {
    expect(parseMapping('parameters', 'name: bot\ncount: 3\ndry: false\nlist:\n  - a\n')).toEqual({
      name: 'bot',
      count: 3,
      dry: false,
      list: ['a']
    })
  })
  it('empty is an empty mapping', () => {
    expect(parseMapping('parameters', '')).toEqual({})
  })
  it('syntax error points at line and column', () => {
    expect(errorOf(() => parseMapping('parameters', '{"a": 1,')).message).toBe(
      `Not valid JSON or YAML at line 1, column 9 (Flow map must end with a }), got '{"a": 1,'. Accepted: a JSON object or a YAML mapping, e.g. {"name": "value"} or one "name: value" per line`
    )
    expect(errorOf(() => parseMapping('p', 'a: 1\nb: "x\n')).message).toMatch(
      /^Not valid JSON or YAML at line 2, column \d+ \(/
    )
  })
  it('duplicate keys are an error', () => {
    expect(errorOf(() => parseMapping('p', 'a: 1\na: 2')).message).toMatch(
      /^Not valid JSON or YAML at line 2, column 1 \(Map keys must be unique\)/
    )
  })
  it('a list or a scalar is not a mapping', () => {
    expect(errorOf(() => parseMapping('parameters', '[1, 2]')).message).toBe(
      `Expected a mapping but this is a list, got '[1, 2]'. Accepted: a JSON object or a YAML mapping, e.g. {"name": "value"} or one "name: value" per line`
    )
    expect(errorOf(() => parseMapping('parameters', '42')).message).toMatch(
      /^Expected a mapping but this is a single number, got '42'\./
    )
    expect(errorOf(() => parseMapping('parameters', 'just text')).message).toMatch(
      /^Expected a mapping but this is a single string/
    )
  })
  it('huge values are truncated in the error', () => {
    const raw = '[' + '1,'.repeat(500) + '1]'
    const msg = errorOf(() => parseMapping('parameters', raw)).message
    expect(msg).toContain(`got ${quoteValue(raw)}`)
    expect(msg).toContain(`…' (${raw.length} characters)`)
    expect(msg).not.toContain(raw)
    expect(msg.length).toBeLessThan(400)
  })
})

describe('parseDateTime', () => {
  it.each([
    ['2026-01-31T18:00:00Z', '2026-01-31T18:00:00.000Z'],
    ['2026-01-31T15:00:00-03:00', '2026-01-31T18:00:00.000Z'],
    ['2026-01-31T15:00:00-0300', '2026-01-31T18:00:00.000Z'],
    ['2026-01-31 18:00', '2026-01-31T18:00:00.000Z'],
    ['2026-01-31', '2026-01-31T00:00:00.000Z'],
    ['2026-02-01T01:30:00.25+05:30', '2026-01-31T20:00:00.250Z'],
    ['2024-02-29T00:00:00z', '2024-02-29T00:00:00.000Z']
  ])('%s -> %s', (raw, want) => expect(parseDateTime('min-execution-date', raw)).toBe(want))
  it('rejects text', () => {
    expect(errorOf(() => parseDateTime('min-execution-date', 'tomorrow')).message).toBe(
      "Not an ISO-8601 date/time, got 'tomorrow'. Accepted: an ISO-8601 date or date-time such as 2026-01-31, 2026-01-31T18:00:00Z or 2026-01-31T15:00:00-03:00 (no offset means UTC)"
    )
  })
  it.each([
    '2026-02-30',
    '2025-02-29T00:00Z',
    '2026-01-31T24:00:00Z',
    '2026-13-01',
    '2026-01-31T10:61Z'
  ])('rejects impossible %s', raw => {
    expect(errorOf(() => parseDateTime('d', raw)).message).toMatch(
      /^Not a real calendar date\/time, got /
    )
  })
})

describe('parseList', () => {
  it('one item per line, trimmed, skipping blanks and comments', () => {
    expect(parseList('a\n  b  \r\n\n# comment\n  #also\nc d\n')).toEqual(['a', 'b', 'c d'])
    expect(parseList('')).toEqual([])
  })
})

describe('parseExistingFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inputs-'))
  writeFileSync(join(dir, 'report.txt'), 'x')
  mkdirSync(join(dir, 'folder'))
  it('resolves relative paths against the base folder', () => {
    expect(parseExistingFile('file', 'report.txt', { baseDir: dir })).toBe(join(dir, 'report.txt'))
    expect(parseExistingFile('file', join(dir, 'report.txt'), { baseDir: '/nowhere' })).toBe(
      join(dir, 'report.txt')
    )
  })
  it('missing file', () => {
    expect(errorOf(() => parseExistingFile('file', 'nope.txt', { baseDir: dir })).message).toBe(
      `No file at ${join(dir, 'nope.txt')}, got 'nope.txt'. Accepted: a path to an existing file, absolute or relative to the workspace`
    )
  })
  it('a folder is not a file', () => {
    expect(errorOf(() => parseExistingFile('file', 'folder', { baseDir: dir })).message).toMatch(
      /^Not a regular file: /
    )
  })
})

describe('createInputReader', () => {
  it('reads through core.getInput', () => {
    const core = createCoreStub({
      inputs: {
        label: ' bot ',
        dry: 'TRUE',
        priority: '3',
        status: 'ok',
        params: 'a: 1',
        when: '2026-01-01T00:00:00+01:00',
        files: 'a\n\nb',
        timeout: '2'
      }
    })
    const r = createInputReader(core)
    expect(r.required('label')).toBe('bot')
    expect(r.optional('missing')).toBeUndefined()
    expect(r.boolean('dry', false)).toBe(true)
    expect(r.integer('priority', { min: 0, max: 10 })).toBe(3)
    expect(r.enum('status', { values: ['SUCCESS'], aliases: { ok: 'SUCCESS' } })).toBe('SUCCESS')
    expect(r.optionalEnum('missing', { values: ['A'] })).toBeUndefined()
    expect(r.mapping('params')).toEqual({ a: 1 })
    expect(r.dateTime('when')).toBe('2025-12-31T23:00:00.000Z')
    expect(r.dateTime('missing')).toBeUndefined()
    expect(r.list('files')).toEqual(['a', 'b'])
    expect(r.secondsToMs('timeout', { min: 1, max: 10 })).toBe(2000)
    expect(r.file('missing')).toBeUndefined()
  })
  it('never quotes inputs declared secret', () => {
    const core = createCoreStub({ inputs: { token: 'hunter2' } })
    const r = createInputReader(core, { secrets: ['token'] })
    const e = errorOf(() => r.integer('token', { min: 0, max: 1 }))
    expect(e.message).toBe('Not an integer. Accepted: an integer from 0 to 1')
    expect(e.message).not.toContain('hunter2')
  })
})

describe('the input length limit', () => {
  const long = 's3cret'.repeat(Math.ceil((MAX_INPUT_LENGTH + 1) / 6))
  it('refuses a value over the limit through every reader method, without quoting it', () => {
    const reader = createInputReader(createCoreStub({ inputs: { big: long } }))
    for (const read of [
      () => reader.raw('big'),
      () => reader.optional('big'),
      () => reader.list('big'),
      () => reader.mapping('big')
    ]) {
      let error: unknown
      try {
        read()
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(ActionInputError)
      expect((error as ActionInputError).input).toBe('big')
      expect((error as Error).message).toBe(
        `Too long: ${long.length} characters, the limit is ${MAX_INPUT_LENGTH}. Accepted: at most ${MAX_INPUT_LENGTH} characters; put large content in a file and pass its path`
      )
    }
  })
  it('accepts a value of exactly the limit', () => {
    const value = 'x'.repeat(MAX_INPUT_LENGTH)
    expect(checkInputLength('v', value)).toBe(value)
    expect(createInputReader(createCoreStub({ inputs: { v: value } })).raw('v')).toBe(value)
  })
})
