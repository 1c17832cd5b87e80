// Loaded with `node --import` by runStep when an environment value is too long for the OS to pass
// to a new process: sets those variables before the action's own code runs.
import { readFileSync } from 'node:fs'

const file = process.env.MAESTRO_TEST_LARGE_ENV
if (file) {
  delete process.env.MAESTRO_TEST_LARGE_ENV
  Object.assign(process.env, JSON.parse(readFileSync(file, 'utf8')))
}
