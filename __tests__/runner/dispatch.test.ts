import { describe, expect, test } from '@jest/globals'
import { lines, runFixture } from './helpers.js'

describe('workflow_dispatch inputs', () => {
  test('declared defaults, typed booleans, github.event.inputs, warnings', async () => {
    const run = await runFixture('dispatch.yml', { inputs: { nope: 'x' } })
    const out = lines(run.printed)
    expect(out).toContain('who=world target= event-who=world')
    expect(out).toContain('dry run (typed boolean)')
    expect(out).not.toContain('real run')
    expect(out).toContain('Warning: Input required and not supplied: target')
    expect(out).toContain(
      "Warning: Unexpected input(s) 'nope', valid inputs are ['who', 'dry-run', 'target']"
    )
  })

  test('given values win and are typed by their declaration', async () => {
    const run = await runFixture('dispatch.yml', {
      inputs: { who: 'Ada', 'dry-run': 'false', target: 'staging' }
    })
    const out = lines(run.printed)
    expect(out).toContain('who=Ada target=staging event-who=Ada')
    expect(out).toContain('real run')
    expect(out).not.toContain('dry run (typed boolean)')
    expect(run.printed).not.toContain('Warning')
  })
})
