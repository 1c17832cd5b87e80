import { afterEach, describe, expect, it, jest } from '@jest/globals'
import * as actionsCore from '@actions/core'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { core } from '../../src/actions/shared/actions-core.js'
import type { ActionCore } from '../../src/actions/shared/core.js'

const FILES = ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'] as const
const saved = { ...process.env }
afterEach(() => {
  process.env = { ...saved }
  process.exitCode = undefined
})

async function script(c: ActionCore): Promise<void> {
  c.info('plain line')
  c.debug('debug 100% done\r\nnext')
  c.setSecret('p@ss:word,1')
  c.notice('note', { title: 'T: a, b', file: 'src/x.ts', startLine: 3, endLine: 4 })
  c.warning(new Error('careful'), { startColumn: 2, endColumn: 0 })
  c.error('bad\nthing', {})
  c.error('no props')
  c.setOutput('plain', 'value')
  c.setOutput('json', { a: [1, 'two'], b: null })
  c.setOutput('multi', 'line one\nline two')
  c.setOutput('nothing', undefined)
  c.exportVariable('CORE_TEST_VAR', 'exported')
  c.exportVariable('CORE_TEST_NUM', 42)
  c.saveState('st', { k: 'v' })
  c.startGroup('group: a')
  c.endGroup()
  c.setFailed('failed, 100%')
  await c.summary
    .addHeading('Title', 2)
    .addHeading('Bad level', 9)
    .addTable([
      [
        { data: 'h', header: true },
        { data: 'wide', colspan: '2' }
      ],
      ['a', 'b', 'c']
    ])
    .addLink('link', 'https://example.com/?a=1&b=2')
    .addList(['one', 'two'])
    .addList(['first'], true)
    .addRaw('raw', true)
    .addRaw('tail')
    .addEOL()
    .write()
  await c.summary.addRaw('replaced').write({ overwrite: true })
  c.summary.addRaw('dropped').emptyBuffer()
}

/** Everything one run of the script leaves: stdout, the files, env, state and the exit code. */
async function observe(c: ActionCore, withFiles: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'actions-core-'))
  for (const name of FILES) {
    if (withFiles) {
      process.env[name] = join(dir, name)
      writeFileSync(join(dir, name), '')
    } else delete process.env[name]
  }
  process.env.INPUT_MY_INPUT = '  spaced  '
  process.env.STATE_st = 'from pre'
  process.env.RUNNER_DEBUG = '1'
  let out = ''
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
    out += String(chunk)
    return true
  })
  let thrown = ''
  try {
    await script(c)
    try {
      c.getInput('missing', { required: true })
    } catch (e) {
      thrown = String(e)
    }
  } finally {
    spy.mockRestore()
  }
  const files = withFiles
    ? FILES.map(n =>
        readFileSync(join(dir, n), 'utf8').replace(/ghadelimiter_[0-9a-f-]+/g, 'DELIM')
      )
    : []
  const result = {
    out,
    files,
    thrown,
    input: [c.getInput('my input'), c.getInput('my input', { trimWhitespace: false })],
    state: c.getState('st'),
    debug: c.isDebug(),
    env: [process.env.CORE_TEST_VAR, process.env.CORE_TEST_NUM],
    exitCode: process.exitCode
  }
  process.exitCode = undefined
  return result
}

describe('actions-core', () => {
  it.each([
    ['with the environment files', true],
    ['with the older stdout commands', false]
  ])('writes what @actions/core writes, byte for byte, %s', async (_, withFiles) => {
    const ours = await observe(core, withFiles)
    const theirs = await observe(actionsCore, withFiles)
    expect(ours).toEqual(theirs)
    expect(ours.out).toContain('::error::bad%0Athing')
  })

  it('is what the actions load: no action imports @actions/core (or @actions/glob) statically', () => {
    const root = 'src/actions'
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(f =>
      f.endsWith('.ts')
    )
    // Each would load @actions/http-client and all of undici at start-up: await import() it instead.
    const offenders = files.filter(f =>
      /^import (?!type )[^\n]*from '@actions\/(core|glob)'/m.test(
        readFileSync(join(root, f), 'utf8')
      )
    )
    expect(offenders).toEqual([])
  })
})
