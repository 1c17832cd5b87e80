// Turns jest's --json report and the static checks into the one closing line CI counts.

/**
 * @param {any} report jest's --json output (undefined when jest produced none)
 * @param {{name: string, ok: boolean}[]} checks static checks run before jest
 * @returns {{passed: number, failed: number, skipped: number}}
 */
export function countResults(report, checks) {
  let passed = checks.filter(c => c.ok).length
  let failed = checks.length - passed
  let skipped = 0
  if (!report) return { passed, failed: failed + 1, skipped }
  passed += report.numPassedTests ?? 0
  failed += report.numFailedTests ?? 0
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
  // A suite that fails to load (syntax error, missing module) runs no test: count it, or a
  // broken file would silently shrink the total.
  failed += report.numRuntimeErrorTestSuites ?? 0
  return { passed, failed, skipped }
}

/** @param {{passed: number, failed: number, skipped: number}} counts */
export function closingLine(counts) {
  const base = `${counts.passed} passed, ${counts.failed} failed`
  return counts.skipped ? `${base}, ${counts.skipped} skipped` : base
}
