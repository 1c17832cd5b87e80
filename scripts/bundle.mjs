#!/usr/bin/env node
// Bundles every action with @vercel/ncc into a self-contained folder:
//   src/actions/<name>/index.ts  ->  dist/<name>/index.js    a small start file (what action.yml runs)
//                                    dist/<name>/<id>.index.js  the action and its dependencies
//                                    + package.json {"type":"module"}, licenses.txt
// `src/actions/shared` is not an action; `src/actions/all/index.ts`, when present, becomes dist/all.
// ncc builds a generated start file per action (.work/bundle-entries/) that turns on Node's compile
// cache and then import()s the action, which webpack puts in its own chunk file: Node compiles that
// chunk through the cache, so a job's later steps skip most of the parse and compile work.
//
//   node scripts/bundle.mjs            rebuild dist/
//   node scripts/bundle.mjs --check    bundle into a temp folder and fail if dist/ differs
//   node scripts/bundle.mjs create-task alert    only these actions
//   --src <dir> --dist <dir>           other folders (the bundler's own tests use them)
//
// ncc reads the TypeScript entry itself (its ts-loader honours tsconfig.json's NodeNext + "type":
// "module", so the output is ESM and ncc adds the package.json that makes Node load it as such).
// The output holds no absolute paths and no timestamps, so a rebuild of the same sources is
// byte-identical; the check asserts it. Each entry is built in its own process (webpack is
// single-threaded; two at a time halves the wall time on a 2-core runner).
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const SCRIPT = fileURLToPath(import.meta.url)
export const FIX_COMMAND = 'npm run bundle && git add dist/'

/** Actions to bundle: `src/actions/<name>/index.ts`, except `shared`. Sorted by name. */
export function findEntries(srcDir = join(ROOT, 'src/actions')) {
  if (!existsSync(srcDir)) return []
  return readdirSync(srcDir, { withFileTypes: true })
    .filter(d => d.isDirectory() && d.name !== 'shared')
    .map(d => ({ name: d.name, entry: join(srcDir, d.name, 'index.ts') }))
    .filter(e => existsSync(e.entry))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

/**
 * Bundles one entry into `outDir` (created; emptied first). Returns the written files, relative to
 * outDir, sorted. Runs in this process.
 */
export async function bundleEntry(entry, outDir) {
  const { default: ncc } = await import('@vercel/ncc')
  const start = writeStartFile(resolve(entry))
  let built
  try {
    built = await ncc(start, {
      cache: false,
      license: 'licenses.txt',
      minify: false,
      sourceMap: false,
      quiet: true,
      target: 'es2022',
      // debug (under @actions/artifact's Azure client) tries `require('supports-color')` in a
      // try/catch; left to Node, it is simply absent on a runner instead of a dev-only package
      // (installed here for jest) being inlined.
      externals: ['supports-color']
    })
  } finally {
    rmSync(start, { force: true })
  }
  const { code, assets } = built
  const files = { 'index.js': code }
  for (const [name, asset] of Object.entries(assets)) files[name] = asset.source
  for (const [name, text] of Object.entries(files)) {
    const s = Buffer.isBuffer(text) ? text.toString('utf8') : String(text)
    if (s.includes(ROOT)) {
      throw new Error(
        `${name} for ${entry} contains the absolute path ${ROOT}: output not portable`
      )
    }
  }
  rmSync(outDir, { recursive: true, force: true })
  mkdirSync(outDir, { recursive: true })
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(outDir, name)), { recursive: true })
    writeFileSync(join(outDir, name), text)
  }
  return Object.keys(files).sort()
}

const posix = path => path.split(sep).join('/')

/**
 * Writes the start file ncc builds for `entry` (src/actions/<name>/index.ts) and returns its path.
 * It lives at a fixed place inside the repository, so webpack's module ids (hashes of paths relative
 * to the project) and therefore the output stay the same from one build to the next.
 */
export function writeStartFile(entry) {
  const srcDir = dirname(dirname(entry))
  const key = createHash('sha256')
    .update(posix(relative(ROOT, srcDir)))
    .digest('hex')
    .slice(0, 8)
  const dir = join(ROOT, '.work', 'bundle-entries', key)
  mkdirSync(dir, { recursive: true })
  const from = target => {
    const r = posix(relative(dir, target)).replace(/\.ts$/, '.js')
    return r.startsWith('.') ? r : `./${r}`
  }
  const file = join(dir, `${basename(dirname(entry))}.ts`)
  writeFileSync(
    file,
    `// Generated by scripts/bundle.mjs. The cache must be on before the action's chunk is loaded.\n` +
      `import { enableCompileCache } from '${from(join(ROOT, 'src/actions/shared/compile-cache.ts'))}'\n` +
      `enableCompileCache()\n` +
      `await import('${from(entry)}')\n`
  )
  return file
}

function runWorker(entry, outDir) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [SCRIPT, '--worker', entry, outDir], {
      stdio: ['ignore', 'inherit', 'pipe']
    })
    let stderr = ''
    child.stderr.on('data', d => (stderr += d))
    child.on('error', reject)
    child.on('close', code =>
      code === 0
        ? resolvePromise()
        : reject(new Error(`bundling ${relative(ROOT, entry)} failed:\n${stderr.slice(-4000)}`))
    )
  })
}

/** Bundles each entry into `<outRoot>/<name>/`, `parallel` at a time, each in a child process. */
export async function bundleAll(entries, outRoot, parallel = Math.min(2, availableParallelism())) {
  const queue = [...entries]
  const workers = Array.from({ length: Math.max(1, parallel) }, async () => {
    for (let e = queue.shift(); e; e = queue.shift())
      await runWorker(e.entry, join(outRoot, e.name))
  })
  await Promise.all(workers)
}

function listFiles(dir, base = dir) {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).flatMap(d =>
    d.isDirectory() ? listFiles(join(dir, d.name), base) : [relative(base, join(dir, d.name))]
  )
}

const digest = file => createHash('sha256').update(readFileSync(file)).digest('hex')

/**
 * Differences between the expected bundles (`expectedRoot`) and the committed folder
 * (`actualRoot`), for the given action names; also committed bundle folders with no source.
 * Returns paths relative to the roots, each with a reason.
 */
export function compareBundles(expectedRoot, actualRoot, names) {
  const problems = []
  for (const name of names) {
    const expected = new Set(listFiles(join(expectedRoot, name)))
    const actual = new Set(listFiles(join(actualRoot, name)))
    for (const f of [...new Set([...expected, ...actual])].sort()) {
      const path = `${name}/${f}`
      if (!actual.has(f)) problems.push({ path, reason: 'missing' })
      else if (!expected.has(f)) problems.push({ path, reason: 'not produced by the build' })
      else if (digest(join(expectedRoot, name, f)) !== digest(join(actualRoot, name, f))) {
        problems.push({ path, reason: 'differs' })
      }
    }
  }
  if (existsSync(actualRoot)) {
    for (const d of readdirSync(actualRoot, { withFileTypes: true })) {
      if (d.isDirectory() && !names.includes(d.name)) {
        problems.push({ path: `${d.name}/`, reason: 'no src/actions/<name>/index.ts for it' })
      }
    }
  }
  return problems
}

/** Bytes of JavaScript in a bundle folder: the start file and its chunks. */
export function bundleBytes(dir) {
  return listFiles(dir)
    .filter(f => f.endsWith('.js'))
    .reduce((sum, f) => sum + statSync(join(dir, f)).size, 0)
}

function formatSize(bytes) {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(2)} MiB`
    : `${(bytes / 1024).toFixed(1)} KiB`
}

async function main(argv) {
  if (argv[0] === '--worker') {
    await bundleEntry(argv[1], argv[2])
    return 0
  }
  const check = argv.includes('--check')
  const flag = name => {
    const i = argv.indexOf(name)
    return i >= 0 ? argv[i + 1] : undefined
  }
  const valued = new Set(['--src', '--dist'].flatMap(f => (flag(f) ? [flag(f)] : [])))
  const only = argv.filter(a => !a.startsWith('--') && !valued.has(a))
  // --src/--dist exist for the bundler's own tests; the defaults are the project's folders.
  const distRoot = resolve(flag('--dist') ?? join(ROOT, 'dist'))
  let entries = findEntries(resolve(flag('--src') ?? join(ROOT, 'src/actions')))
  if (only.length > 0) {
    const unknown = only.filter(n => !entries.some(e => e.name === n))
    if (unknown.length > 0)
      throw new Error(`no src/actions/<name>/index.ts for: ${unknown.join(', ')}`)
    entries = entries.filter(e => only.includes(e.name))
  }
  const started = Date.now()
  const outRoot = check ? mkdtempSync(join(tmpdir(), 'maestro-dist-')) : distRoot
  if (entries.length === 0) {
    process.stdout.write('No actions to bundle (no src/actions/<name>/index.ts).\n')
  } else {
    await bundleAll(entries, outRoot)
  }
  for (const e of entries) {
    const size = statSync(join(outRoot, e.name, 'index.js')).size
    const total = bundleBytes(join(outRoot, e.name))
    process.stdout.write(
      `  dist/${e.name}/index.js  ${formatSize(size)}  (with its chunks ${formatSize(total)})\n`
    )
  }
  process.stdout.write(
    `Bundled ${entries.length} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`
  )
  if (!check) return 0

  // A partial check (named actions) must not report the others as stale.
  const names = entries.map(e => e.name)
  const problems = compareBundles(outRoot, distRoot, names).filter(
    p => only.length === 0 || names.includes(p.path.split('/')[0])
  )
  if (problems.length === 0) {
    rmSync(outRoot, { recursive: true, force: true })
    process.stdout.write('dist/ is current.\n')
    return 0
  }
  process.stderr.write('dist/ is out of date with the sources:\n')
  for (const p of problems) process.stderr.write(`  dist/${p.path}  (${p.reason})\n`)
  process.stderr.write(`The expected bundles are in ${outRoot}\nTo fix: ${FIX_COMMAND}\n`)
  return 1
}

if (process.argv[1] && resolve(process.argv[1]) === SCRIPT) {
  main(process.argv.slice(2)).then(
    code => {
      process.exitCode = code
    },
    error => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
      process.exitCode = 1
    }
  )
}
