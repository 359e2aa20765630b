import type { InputField } from '@segment/actions-core'
import { DEFAULT_BATCH_SIZE } from '../iterable/endpoints'

/** Field definitions that several actions share, with the default mappings users already rely on. */

/** `properties.email` when the event carries one, else the email among the user's traits. */
export const EMAIL_FROM_EVENT = {
  '@if': {
    exists: { '@path': '$.properties.email' },
    then: { '@path': '$.properties.email' },
    else: { '@path': '$.context.traits.email' }
  }
}

/** The field without its default mapping, for places where the default comes from elsewhere. */
export function withoutDefault(field: InputField): InputField {
  const { default: _default, ...rest } = field
  return rest
}

/** Its default differs by action: the event's email, or the identified user's. */
export const email: InputField = {
  label: 'Email Address',
  description: 'An email address that identifies a user profile in Iterable.',
  type: 'string',
  format: 'email',
  required: false
}

export const userId: InputField = {
  label: 'User ID',
  description: 'A user ID that identifies a user profile in Iterable.',
  type: 'string',
  required: false,
  default: { '@path': '$.userId' }
}

export const eventDataFields: InputField = {
  label: 'Event Data Fields',
  description: 'Additional event properties.',
  type: 'object',
  required: false,
  default: { '@path': '$.properties' }
}

export const createdAt: InputField = {
  label: 'Timestamp',
  description: 'Time the event took place.',
  type: 'datetime',
  required: false,
  default: { '@path': '$.timestamp' }
}

export const campaignId: InputField = {
  label: 'Campaign ID',
  description: 'Iterable campaign the event can be attributed to.',
  type: 'integer',
  required: false,
  default: { '@path': '$.properties.campaignId' }
}

export const templateId: InputField = {
  label: 'Template ID',
  description: 'Iterable template the event can be attributed to.',
  type: 'integer',
  required: false,
  default: { '@path': '$.properties.templateId' }
}

export const enableBatching: InputField = {
  label: 'Enable Batching',
  description: 'When enabled, Segment will send data to Iterable in batches of up to 1001',
  type: 'boolean',
  required: false,
  default: true
}

export const batchSize: InputField = {
  label: 'Batch Size',
  description: 'Maximum number of events to include in each batch sent to Iterable.',
  type: 'number',
  required: false,
  unsafe_hidden: true,
  minimum: 1,
  maximum: DEFAULT_BATCH_SIZE,
  default: DEFAULT_BATCH_SIZE
}

export const phoneNumber: InputField = {
  label: 'User Phone Number',
  description: 'User phone number. Must be a valid phone number including country code. e.g. +14158675309',
  type: 'string',
  required: false,
  allowNull: true
}

export const mergeNestedObjects: InputField = {
  label: 'Merge Nested Objects',
  description:
    "If you'd like to merge (rather than overwrite) a user profile's top-level objects with the values provided for them in the request body, set mergeNestedObjects to true.",
  type: 'boolean',
  required: false,
  default: false
}

/** The user a commerce event belongs to, created or updated by Iterable along with it. */
export const userData: InputField = {
  label: 'User Data',
  description: 'Updates user data or adds a user if none exists',
  type: 'object',
  required: true,
  defaultObjectUI: 'keyvalue',
  additionalProperties: false,
  properties: {
    email,
    userId: withoutDefault(userId),
    dataFields: {
      label: 'User Data Fields',
      description: 'Data to store on the user profile.',
      type: 'object',
      required: false
    },
    phoneNumber,
    mergeNestedObjects: withoutDefault(mergeNestedObjects)
  },
  default: {
    email: EMAIL_FROM_EVENT,
    userId: { '@path': '$.userId' },
    dataFields: { '@path': '$.context.traits' },
    phoneNumber: { '@path': '$.context.traits.phone' },
    mergeNestedObjects: false
  }
}

/** Cart or order items, from Segment's `products`; extra keys become the item's dataFields. */
export const cartItems: InputField = {
  label: 'Cart items',
  description:
    'Individual items in the cart. Each item must contain `id`, `name`, `price`, and `quantity`. Extra values are added to dataFields.',
  type: 'object',
  multiple: true,
  required: true,
  defaultObjectUI: 'keyvalue',
  additionalProperties: true,
  properties: {
    id: { label: 'Product ID', description: 'Unique product identifier.', type: 'string', required: true },
    sku: { label: 'SKU', description: "The product's stock keeping unit.", type: 'string', required: false },
    categories: {
      label: 'Categories',
      description: 'Categories this product belongs to; a single category becomes a one-element list.',
      type: 'string',
      multiple: true,
      required: false
    },
    name: { label: 'Name', description: 'Name of the product.', type: 'string', required: true },
    price: { label: 'Price', description: 'Price of one unit of the product.', type: 'number', required: true },
    quantity: { label: 'Quantity', description: 'Number of units.', type: 'integer', required: true },
    url: { label: 'Product URL', description: 'URL to the product.', type: 'string', required: false },
    imageUrl: { label: 'Image URL', description: 'URL to an image of the product.', type: 'string', required: false },
    description: { label: 'Description', description: 'Description of the product.', type: 'string', required: false }
  },
  default: {
    '@arrayPath': [
      '$.properties.products',
      {
        id: { '@path': '$.product_id' },
        sku: { '@path': '$.sku' },
        categories: { '@path': '$.category' },
        name: { '@path': '$.name' },
        price: { '@path': '$.price' },
        quantity: { '@path': '$.quantity' },
        url: { '@path': '$.url' },
        imageUrl: { '@path': '$.image_url' },
        description: { '@path': '$.description' }
      }
    ]
  }
}
