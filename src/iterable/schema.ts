/**
 * The parts of Iterable's published API definition (swagger 2.0) that this project sends or reads,
 * and a small validator for them. Descriptions are left out; shapes, formats and required keys are
 * Iterable's. A property missing from a definition is an error here, so nothing we send can carry a
 * field Iterable does not define.
 */

export interface SchemaNode {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean'
  format?: 'int32' | 'int64' | 'double'
  enum?: readonly string[]
  required?: readonly string[]
  properties?: Readonly<Record<string, SchemaNode>>
  items?: SchemaNode
  $ref?: string
  /** Iterable sends null here although its definition says object. */
  nullable?: boolean
}

const string: SchemaNode = { type: 'string' }
const boolean: SchemaNode = { type: 'boolean' }
const int32: SchemaNode = { type: 'integer', format: 'int32' }
const int64: SchemaNode = { type: 'integer', format: 'int64' }
const double: SchemaNode = { type: 'number', format: 'double' }
/** Free-form data: Iterable accepts any JSON object. */
const freeObject: SchemaNode = { type: 'object' }
const strings: SchemaNode = { type: 'array', items: string }
const ref = (name: string): SchemaNode => ({ $ref: name })
const arrayOf = (name: string): SchemaNode => ({ type: 'array', items: ref(name) })

const RESPONSE_CODES = [
  'Success',
  'BadApiKey',
  'BadAuthorizationHeader',
  'BadJsonBody',
  'BadParams',
  'BatchTooLarge',
  'DatabaseError',
  'EmailAlreadyExists',
  'ExternalKeyConflict',
  'Forbidden',
  'ForbiddenParamsError',
  'ForgottenUserError',
  'GenericError',
  'InvalidEmailAddressError',
  'InvalidJwtPayload',
  'InvalidUserIdError',
  'JwtUserIdentifiersMismatched',
  'NotFound',
  'QueueEmailError',
  'RateLimitExceeded',
  'RequestFieldsTypesMismatched',
  'Unauthorized',
  'UniqueFieldsLimitExceeded',
  'UnknownEmailError',
  'UnknownUserIdError',
  'UserIdAlreadyExists'
] as const

export type IterableResponseCode = (typeof RESPONSE_CODES)[number]

const userIdentity = {
  email: string,
  userId: string,
  dataFields: freeObject,
  mergeNestedObjects: boolean,
  preferUserId: boolean
}

export const DEFINITIONS = {
  TrackRequest: {
    type: 'object',
    required: ['eventName'],
    properties: {
      campaignId: int64,
      createNewFields: boolean,
      createdAt: int64,
      dataFields: freeObject,
      email: string,
      eventName: string,
      id: string,
      templateId: int64,
      userId: string
    }
  },
  BulkTrackRequest: { type: 'object', required: ['events'], properties: { events: arrayOf('TrackRequest') } },
  ApiUserUpdateRequest: { type: 'object', properties: { ...userIdentity, createNewFields: boolean } },
  OptionalApiUser: { type: 'object', properties: userIdentity },
  BulkUpdateUsersRequest: {
    type: 'object',
    required: ['users'],
    properties: {
      createNewFields: boolean,
      users: arrayOf('OptionalApiUser'),
      // Documented on Iterable's bulkUpdate page (update existing users only, never create one);
      // the published swagger definition does not list it.
      updateOnly: boolean
    }
  },
  UpdateEmailRequest: {
    type: 'object',
    required: ['newEmail'],
    properties: { currentEmail: string, currentUserId: string, newEmail: string }
  },
  CommerceItem: {
    type: 'object',
    required: ['id', 'name', 'price', 'quantity'],
    properties: {
      categories: strings,
      dataFields: freeObject,
      description: string,
      id: string,
      imageUrl: string,
      name: string,
      price: double,
      quantity: int64,
      sku: string,
      url: string
    }
  },
  UpdateCartRequest: {
    type: 'object',
    required: ['items', 'user'],
    properties: { items: arrayOf('CommerceItem'), user: ref('ApiUserUpdateRequest') }
  },
  TrackPurchaseRequest: {
    type: 'object',
    required: ['items', 'total', 'user'],
    properties: {
      campaignId: int32,
      createdAt: int64,
      dataFields: freeObject,
      id: string,
      items: arrayOf('CommerceItem'),
      templateId: int32,
      total: double,
      user: ref('ApiUserUpdateRequest')
    }
  },
  IterableApiResponse: {
    type: 'object',
    required: ['code', 'msg'],
    properties: {
      code: { type: 'string', enum: RESPONSE_CODES },
      msg: string,
      params: { ...freeObject, nullable: true }
    }
  },
  FailedEventUpdates: {
    type: 'object',
    properties: {
      forgottenEmails: strings,
      forgottenUserIds: strings,
      invalidEmails: strings,
      invalidUserIds: strings,
      notFoundEmails: strings,
      notFoundUserIds: strings
    }
  },
  BulkTrackResponse: {
    type: 'object',
    required: ['failCount', 'successCount'],
    properties: {
      createdFields: strings,
      disallowedEventNames: strings,
      failCount: int32,
      failedUpdates: ref('FailedEventUpdates'),
      filteredOutFields: strings,
      invalidEmails: strings,
      invalidUserIds: strings,
      successCount: int32
    }
  },
  FailedUserUpdates: {
    type: 'object',
    properties: {
      conflictEmails: strings,
      conflictUserIds: strings,
      forgottenEmails: strings,
      forgottenUserIds: strings,
      invalidDataEmails: strings,
      invalidDataUserIds: strings,
      invalidEmails: strings,
      invalidUserIds: strings,
      notFoundEmails: strings,
      notFoundUserIds: strings
    }
  },
  UserBulkUpdateListResponse: {
    type: 'object',
    required: ['failCount', 'successCount'],
    properties: {
      createdFields: strings,
      failCount: int32,
      failedUpdates: ref('FailedUserUpdates'),
      filteredOutFields: strings,
      invalidEmails: strings,
      invalidUserIds: strings,
      successCount: int32
    }
  }
} as const satisfies Record<string, SchemaNode>

export type DefinitionName = keyof typeof DEFINITIONS

const INTEGER_RANGES = {
  int32: [-(2 ** 31), 2 ** 31 - 1],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER]
} as const

function typeOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value
}

/**
 * Every way `value` breaks Iterable's definition `name`, as messages naming the offending path
 * (e.g. "events[2].createdAt must be an integer"). An empty list means the value conforms.
 */
export function validateDefinition(name: DefinitionName, value: unknown): string[] {
  const problems: string[] = []
  const pending: Array<{ node: SchemaNode; value: unknown; path: string }> = [
    { node: DEFINITIONS[name], value, path: '' }
  ]
  const at = (path: string) => path || 'the body'

  // Breadth first, so problems come out in document order.
  for (let next = 0; next < pending.length; next++) {
    const { node: declared, value: current, path } = pending[next]
    const node: SchemaNode = declared.$ref ? DEFINITIONS[declared.$ref as DefinitionName] : declared
    if (current === null && node.nullable) continue
    const actual = typeOf(current)
    const expected = node.type

    if (expected && actual !== expected && !(expected === 'number' && actual === 'integer')) {
      problems.push(`${at(path)} must be ${/^[aeiou]/.test(expected) ? 'an' : 'a'} ${expected}`)
      continue
    }
    if (node.format === 'int32' || node.format === 'int64') {
      const [min, max] = INTEGER_RANGES[node.format]
      if ((current as number) < min || (current as number) > max)
        problems.push(`${at(path)} is out of ${node.format} range`)
    }
    if (node.enum && !node.enum.includes(current as string))
      problems.push(`${at(path)} is not one of Iterable's values`)

    if (expected === 'array' && node.items) {
      ;(current as unknown[]).forEach((item, index) =>
        pending.push({ node: node.items!, value: item, path: `${path}[${index}]` })
      )
    }
    if (expected === 'object' && node.properties) {
      const record = current as Record<string, unknown>
      const properties = node.properties
      for (const key of node.required ?? []) {
        if (record[key] === undefined) problems.push(`${path ? `${path}.` : ''}${key} is required`)
      }
      for (const [key, child] of Object.entries(record)) {
        const childPath = path ? `${path}.${key}` : key
        if (!Object.hasOwn(properties, key)) problems.push(`${childPath} is not a property Iterable defines`)
        else if (child !== undefined) pending.push({ node: properties[key], value: child, path: childPath })
      }
    }
  }
  return problems
}
