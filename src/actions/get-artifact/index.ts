import * as core from '@actions/core'
import { runAction } from '../shared/run.js'
import { run } from './main.js'

await runAction('Get result files', run, { core })
