#!/usr/bin/env node
// Starts the TypeScript CLI through tsx, which also lets @actions/workflow-parser's JSON schema
// import (no import attribute) load on Node 20.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../src/runner/cli.ts')
process.exitCode = await main(process.argv.slice(2))
