import { core } from '../shared/actions-core.js'
import { runAction } from '../shared/run.js'
import { run, titleFor } from './main.js'

await runAction(titleFor(core.getInput('command')), run, { core })
