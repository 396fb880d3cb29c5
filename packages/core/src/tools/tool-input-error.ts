/**
 * Thrown by a tool's `execute` when its input passed the schema but is still unusable (an
 * unknown time zone, an end date before the start…). The registry answers `invalid_arguments`
 * with this message instead of `execution_failed`, telling the model to fix its arguments
 * rather than to retry. Recognised with `instanceof`.
 */
export class ToolInputError extends Error {
  override readonly name = 'ToolInputError';
}
