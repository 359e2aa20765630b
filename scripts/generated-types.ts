import { fieldsToJsonSchema } from '@segment/actions-core'
import { compile, type JSONSchema } from 'json-schema-to-typescript'
import path from 'node:path'
import destination from '../src/destination'

/**
 * The generated-types.ts files: the Settings type and each action's Payload type, derived from the
 * field definitions the way Segment's own tooling does (inline, commented properties).
 */

const HEADER = '// Generated file. DO NOT MODIFY IT BY HAND. Regenerate with `npm run types`.\n\n'
/** Paths are relative to the package root. */
const DESTINATION_DIR = path.join('src', 'destination')

// json-schema-to-typescript turns every titled schema into a named alias; without titles the
// properties stay inline, each with its description as a comment.
function withoutTitles(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutTitles)
  if (typeof schema !== 'object' || schema === null) return schema
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key]) => key !== 'title')
      .map(([key, value]) => [key, withoutTitles(value)])
  )
}

async function render(fields: Parameters<typeof fieldsToJsonSchema>[0], name: string): Promise<string> {
  const schema = withoutTitles(fieldsToJsonSchema(fields)) as JSONSchema
  const body = await compile(schema, name, {
    bannerComment: '',
    // Free-form objects (dataFields) take any key; fieldsToJsonSchema closes the others itself.
    additionalProperties: true,
    style: { semi: false, singleQuote: true, printWidth: 120, trailingComma: 'none' }
  })
  return HEADER + body
}

/** Path (relative to the package root) → contents, for every generated-types.ts of the destination. */
export async function renderGeneratedTypes(): Promise<Map<string, string>> {
  const files = new Map<string, string>()
  const settingsFields = destination.authentication?.fields ?? {}
  files.set(path.join(DESTINATION_DIR, 'generated-types.ts'), await render(settingsFields, 'Settings'))
  for (const [key, action] of Object.entries(destination.actions)) {
    files.set(path.join(DESTINATION_DIR, key, 'generated-types.ts'), await render(action.fields, 'Payload'))
  }
  return files
}
