import { core } from '../shared/actions-core.js'
import { runAction } from '../shared/run.js'
import { run } from './main.js'

await runAction('Alert', run, { core })
