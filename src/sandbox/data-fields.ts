/** How Iterable folds a request's `dataFields` into a stored profile. */

export type DataFields = Record<string, unknown>

function isPlainObject(value: unknown): value is DataFields {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Iterable merges at the top level: every key sent replaces the stored value and keys not sent are kept.
 * With `mergeNestedObjects`, a top-level object sent where an object is stored is merged into it, one level
 * deep ({"mySettings":{"mobile":true}} + {"mySettings":{"email":true}} keeps both keys; objects inside
 * mySettings are still replaced whole).
 */
export function mergeDataFields(stored: DataFields, sent: DataFields, mergeNestedObjects: boolean): DataFields {
  const merged = { ...stored }
  for (const [key, value] of Object.entries(sent)) {
    const current = merged[key]
    merged[key] =
      mergeNestedObjects && isPlainObject(current) && isPlainObject(value) ? { ...current, ...value } : value
  }
  return merged
}

/** E.164, the form Iterable needs in `phoneNumber` to reach a phone (the seed: "+14158675309"). */
const E164 = /^\+[1-9]\d{1,14}$/

/** What is wrong with user data beyond identifiers, or undefined: bulk replies call these invalidData*. */
export function dataFieldsProblem(dataFields: DataFields): string | undefined {
  const phone = dataFields.phoneNumber
  if (phone !== undefined && phone !== null && !(typeof phone === 'string' && E164.test(phone))) {
    return `Invalid phoneNumber: ${JSON.stringify(phone)} (expected E.164, e.g. +14158675309)`
  }
  return undefined
}
