// `fail-on-error: false` for actions meant for `if: failure()` steps (alert, report-error): a
// failure Maestro caused (server, network, login) becomes a warning with the same text, so a
// Maestro problem does not hide the failure the step reports. A mistake in the step's inputs, or a
// bug, still fails it: a misconfigured step should be fixed, not hidden.
import type { ActionCore } from './core.js'
import { describeFailure } from './run.js'
import { redact } from './secrets.js'

/** The input's name in every action that has it (each still lists it in its own `Inputs`). */
export const FAIL_ON_ERROR_INPUT = 'fail-on-error'

/**
 * Rethrows `thrown` unless `failOnError` is false and Maestro caused it; then prints it as one
 * warning (same title and text as the error would have) and returns, so the step passes.
 */
export function failOrWarn(
  core: Pick<ActionCore, 'warning' | 'debug'>,
  actionName: string,
  failOnError: boolean,
  thrown: unknown
): void {
  const report = describeFailure(actionName, thrown)
  if (failOnError || report.kind !== 'maestro') throw thrown
  if (report.debug) core.debug(redact(report.debug))
  core.warning(
    `${redact(report.message)} (not failing the step: '${FAIL_ON_ERROR_INPUT}' is false)`,
    { title: redact(report.title) }
  )
}
