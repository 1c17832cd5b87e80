import type { On } from '../context.js'

export function registerCredentials(_on: On): void {}
