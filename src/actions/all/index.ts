import * as core from '@actions/core'
import { runAction } from '../shared/run.js'
import { run, titleFor } from './main.js'

await runAction(titleFor(core.getInput('command')), run, { core })
