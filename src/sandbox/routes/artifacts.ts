import type { On } from '../context.js'

export function registerArtifacts(_on: On): void {}
