#!/usr/bin/env node
// Starts the TypeScript CLI through tsx, which also lets @actions/workflow-parser's JSON schema
// import (no import attribute) load on Node 20. Workflows run against a fresh Maestro sandbox
// unless --server names a real one (src/runner/start.ts).
import { register } from 'tsx/esm/api'

register()
const { cliMain } = await import('../src/runner/start.ts')
process.exitCode = await cliMain(process.argv.slice(2))
