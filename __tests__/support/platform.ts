// What the tests need to know about the system they run on: CI runs them on Linux and on Windows.
import { describe, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'

export const onWindows = process.platform === 'win32'

/** Python 3's command: Windows installs it as `python` only. */
export const PYTHON = onWindows ? 'python' : 'python3'

/** A Python 3 script's stdout, byte for byte (sys.stdout.buffer.write adds no \r on Windows). */
export function pythonOutput(script: string, args: string[]): Buffer {
  return execFileSync(PYTHON, ['-c', script, ...args])
}

/** A Python 3 script's printed text, with the \r\n that print() writes on Windows made \n. */
export function pythonText(script: string, args: string[]): string {
  return pythonOutput(script, args).toString().replaceAll('\r\n', '\n')
}

type TestBody = Parameters<typeof it.skip>[1]

/**
 * A test of something Windows does not have (a POSIX signal, a mode bit, a file name Windows
 * refuses): run elsewhere, on Windows reported as skipped with the reason in its name.
 */
export function itOnPosix(whyNotOnWindows: string, name: string, body: TestBody, timeout?: number) {
  if (onWindows) it.skip(`${name} (not on Windows: ${whyNotOnWindows})`, body, timeout)
  else it(name, body, timeout)
}

/** describe() for a group of such tests; see itOnPosix. */
export function describeOnPosix(whyNotOnWindows: string, name: string, body: () => void) {
  if (onWindows) describe.skip(`${name} (not on Windows: ${whyNotOnWindows})`, body)
  else describe(name, body)
}
