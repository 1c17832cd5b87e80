import type { On } from '../context.js'

export function registerErrors(_on: On): void {}
