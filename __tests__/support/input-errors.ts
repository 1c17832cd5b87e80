// What every action must do with a bad input, checked the same way in every action's tests.
// Apart from runner.ts, which benchmarks import outside Jest.
import { expect } from '@jest/globals'
import { expectNoLeaks, onlyError, type RunResult, type WorkflowCommand } from './runner.js'

/**
 * The step failed on `input`: exit code 1, no leak, one `::error` titled `Invalid input '<input>'`
 * whose text holds (a string) or matches (a RegExp) `expected` and says what is accepted.
 */
export function expectInputError(
  result: RunResult,
  input: string,
  expected: string | RegExp
): WorkflowCommand {
  expect(result.exitCode).toBe(1)
  expectNoLeaks(result)
  const error = onlyError(result)
  expect(error.properties.title).toBe(`Invalid input '${input}'`)
  if (typeof expected === 'string') expect(error.data).toContain(expected)
  else expect(error.data).toMatch(expected)
  expect(error.data).toContain('Accepted:')
  return error
}
