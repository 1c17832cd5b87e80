import type { On } from '../context.js'

export function registerMessages(_on: On): void {}
