import { beforeEach, describe, expect, it } from '@jest/globals'
import { maskSecret, resetMaskedValuesForTests } from '../../src/actions/shared/secrets.js'
import {
  escapeHtml,
  formatSize,
  plural,
  setOutputs,
  writeSummary
} from '../../src/actions/shared/summary.js'
import { createCoreStub } from '../support/core-stub.js'

beforeEach(() => resetMaskedValuesForTests())

describe('writeSummary', () => {
  it('writes a heading, a table without empty rows, and http links once', async () => {
    const core = createCoreStub()
    await writeSummary(core, {
      title: 'Task 12 <created>',
      rows: [
        ['Task', 12],
        ['Label', 'a&b'],
        ['Skipped', undefined],
        ['Empty', ''],
        ['Test', false]
      ],
      links: [
        { text: 'Open in Maestro', href: 'https://maestro.example/tasks/12?a=1&b=2' },
        { text: 'evil', href: 'javascript:alert(1)' }
      ]
    })
    expect(core.summaryWritten).toBe(
      '<h3>Task 12 &lt;created&gt;</h3>\n' +
        '<table><tr><th>Field</th><th>Value</th></tr><tr><td>Task</td><td>12</td></tr>' +
        '<tr><td>Label</td><td>a&amp;b</td></tr><tr><td>Test</td><td>false</td></tr></table>\n' +
        '<ul><li><a href="https://maestro.example/tasks/12?a=1&amp;b=2">Open in Maestro</a></li></ul>\n'
    )
  })
  it('never writes a masked value', async () => {
    const core = createCoreStub()
    maskSecret(core, 'top-secret')
    await writeSummary(core, { title: 'x top-secret', rows: [['k', 'v top-secret']] })
    expect(core.summaryWritten).not.toContain('top-secret')
    expect(core.summaryWritten).toContain('v ***')
  })
  it('a summary that cannot be written is a warning', async () => {
    const core = createCoreStub({ summaryWriteFails: true })
    await writeSummary(core, { title: 't' })
    expect(core.annotations).toEqual([
      {
        level: 'warning',
        message:
          'Could not write the job summary: Unable to find environment variable for $GITHUB_STEP_SUMMARY.',
        properties: {}
      }
    ])
  })
  it('escapeHtml', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;'
    )
  })
})

describe('setOutputs', () => {
  it('every output exists, as text', () => {
    const core = createCoreStub()
    setOutputs(core, { id: 12, ok: true, none: undefined, nil: null, obj: { a: 1 }, s: 'x' })
    expect(core.outputs).toEqual({
      id: '12',
      ok: 'true',
      none: '',
      nil: '',
      obj: '{"a":1}',
      s: 'x'
    })
  })
})

describe('plural', () => {
  it('adds an s to every count but 1', () => {
    expect(plural(0, 'file')).toBe('0 files')
    expect(plural(1, 'result file')).toBe('1 result file')
    expect(plural(2, 'day')).toBe('2 days')
    expect(formatSize(1)).toBe('1 byte')
  })
})
