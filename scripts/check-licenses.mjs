#!/usr/bin/env node
// The licenses of everything the bundles can contain: the production dependency tree
// (`npm ls --omit=dev --all --json --long`), each package's `license` field checked against an
// allow-list of permissive licenses. The bundles in dist/ are built from this tree only, so a
// package that is not here cannot be in them; the licenses.txt ncc writes into each bundle is
// checked too (every package in it from the production tree, with an allowed license).
//
//   node scripts/check-licenses.mjs     prints every package and license; exit 1 on a problem
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

/** Licenses a bundled dependency may have (SPDX ids). Anything else needs a decision first. */
export const ALLOWED_LICENSES = [
  '0BSD',
  'Apache-2.0',
  'BlueOak-1.0.0',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'CC0-1.0',
  'ISC',
  'MIT',
  'Python-2.0',
  'Unlicense'
]

/**
 * Whether an SPDX expression is allowed: `A OR B` when either side is, `A AND B` when both are.
 * Parentheses and `WITH` exceptions are not accepted (none of our dependencies needs them).
 */
export function licenseAllowed(expression, allowed = ALLOWED_LICENSES) {
  if (typeof expression !== 'string' || expression.trim() === '') return false
  const e = expression.trim().replace(/^\((.*)\)$/, '$1')
  if (/[()]|\bWITH\b/.test(e)) return false
  return e
    .split(/\s+OR\s+/)
    .some(alternative => alternative.split(/\s+AND\s+/).every(id => allowed.includes(id.trim())))
}

/**
 * Packages whose package.json has no SPDX license, read by hand. Both come with @actions/artifact
 * (unzip-stream -> binary, for its download path, which get-artifact never calls but which is
 * bundled): chainsaw says "MIT/X11", i.e. MIT; buffers 0.1.1 says nothing, and its author
 * published its sibling packages (chainsaw, binary, traverse) as MIT/X11.
 */
export const REVIEWED_LICENSES = { 'chainsaw@0.1.0': 'MIT', 'buffers@0.1.1': 'MIT' }

/** A package.json `license` as a string; the old `{type}` object and `licenses: [...]` forms too. */
export function licenseOf(pkg) {
  const l = pkg?.license
  if (typeof l === 'string') return l
  if (l && typeof l === 'object' && typeof l.type === 'string') return l.type
  if (Array.isArray(pkg?.licenses)) {
    const types = pkg.licenses.map(x => (typeof x === 'string' ? x : x?.type)).filter(Boolean)
    if (types.length > 0) return types.length === 1 ? types[0] : `(${types.join(' OR ')})`
  }
  return undefined
}

/**
 * Every installed package of an `npm ls --json --long` tree (the root excluded), once per
 * name@version: `{name, version, license, path}`. The license comes from the tree, else from the
 * package.json at the package's path. Optional packages for other platforms (listed as `{}`) are
 * not installed and not bundled, so they are left out.
 */
export function packagesOf(tree) {
  const seen = new Map()
  const visit = deps => {
    for (const [name, node] of Object.entries(deps ?? {})) {
      // An optional package for another platform (esbuild's, fsevents) is listed, not installed.
      if (node.version === undefined && node.missing !== true) continue
      const id = `${name}@${node.version}`
      if (!seen.has(id)) {
        let license = licenseOf(node)
        if (license === undefined && node.path && existsSync(join(node.path, 'package.json'))) {
          license = licenseOf(JSON.parse(readFileSync(join(node.path, 'package.json'), 'utf8')))
        }
        license = REVIEWED_LICENSES[id] ?? license
        seen.set(id, { name, version: node.version, license, path: node.path })
      }
      visit(node.dependencies)
    }
  }
  visit(tree.dependencies)
  return [...seen.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

/** The packages whose license is missing or not allowed, each as `name@version: license`. */
export function licenseProblems(packages, allowed = ALLOWED_LICENSES) {
  return packages
    .filter(p => !licenseAllowed(p.license, allowed))
    .map(p => `${p.name}@${p.version}: ${p.license ?? 'no license field'}`)
}

const PACKAGE_NAME = /^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/
const LICENSE_LINE = /^\(?[A-Za-z0-9.+-]+( (OR|AND) [A-Za-z0-9.+-]+)*\)?$/

/**
 * The packages ncc wrote into a bundle's licenses.txt, as `{name, license}`. Each entry is the
 * package name, its license and the license text, entries separated by a blank line.
 */
export function parseLicensesTxt(text) {
  const lines = text.split(/\r?\n/)
  const out = []
  for (let i = 0; i < lines.length - 1; i++) {
    if ((i === 0 || lines[i - 1] === '') && PACKAGE_NAME.test(lines[i])) {
      if (LICENSE_LINE.test(lines[i + 1])) out.push({ name: lines[i], license: lines[i + 1] })
    }
  }
  return out
}

/** Every `dist/<name>/licenses.txt`, parsed: `{bundle, packages}` (a bundle without one: []). */
export function bundledLicenses(distDir = 'dist') {
  if (!existsSync(distDir)) return []
  return readdirSync(distDir, { withFileTypes: true })
    .filter(d => d.isDirectory())
    .map(d => {
      const file = join(distDir, d.name, 'licenses.txt')
      return {
        bundle: d.name,
        hasFile: existsSync(file),
        packages: existsSync(file) ? parseLicensesTxt(readFileSync(file, 'utf8')) : []
      }
    })
}

/** The production dependency tree of the project at `root`, as `npm ls` reports it. */
export function productionTree(root = process.cwd()) {
  const r = spawnSync('npm', ['ls', '--omit=dev', '--all', '--json', '--long'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    // npm is npm.cmd on Windows, which only a shell can start.
    shell: process.platform === 'win32'
  })
  if (!r.stdout) throw new Error(`npm ls printed nothing: ${r.stderr || r.error?.message}`)
  const tree = JSON.parse(r.stdout)
  // npm ls exits 1 for extraneous or missing packages; a missing one is a broken install.
  if (tree.problems?.some(p => /^missing:/.test(p))) {
    throw new Error(`npm ls: ${tree.problems.join('; ')}`)
  }
  return tree
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const packages = packagesOf(productionTree())
  for (const p of packages) process.stdout.write(`${p.name}@${p.version}  ${p.license}\n`)
  const problems = licenseProblems(packages)
  const names = new Set(packages.map(p => p.name))
  for (const b of bundledLicenses()) {
    for (const p of b.packages) {
      if (!names.has(p.name))
        problems.push(`${p.name} in dist/${b.bundle}: not a production dependency`)
      else if (!licenseAllowed(p.license))
        problems.push(`${p.name} in dist/${b.bundle}: ${p.license}`)
    }
  }
  for (const p of problems) process.stderr.write(`not on the allow-list: ${p}\n`)
  process.stdout.write(
    `${packages.length} production packages, ${problems.length} with a license not allowed\n`
  )
  process.exitCode = problems.length === 0 ? 0 : 1
}
