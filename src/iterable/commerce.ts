import { convertDates } from './dates'
import type { CommerceItem } from './requests'

/** A cart item as mapped from a Segment product: CommerceItem's fields plus anything else. */
export interface MappedItem {
  [key: string]: unknown
  categories?: string | string[] | null
  dataFields?: Record<string, unknown>
}

const COMMERCE_ITEM_FIELDS = new Set(['id', 'name', 'price', 'quantity', 'sku', 'description', 'url', 'imageUrl'])

/**
 * Iterable's CommerceItem for a mapped item: `categories` becomes a list, and every property
 * CommerceItem does not define moves into the item's `dataFields` (dates converted).
 */
export function toCommerceItem(item: MappedItem): CommerceItem {
  const commerceItem: Record<string, unknown> = {}
  const extra: Array<[string, unknown]> = []
  for (const [key, value] of Object.entries(item)) {
    if (value === undefined) continue
    if (COMMERCE_ITEM_FIELDS.has(key)) commerceItem[key] = value
    else if (key !== 'categories' && key !== 'dataFields') extra.push([key, value])
  }
  const categories = toCategories(item.categories)
  if (categories) commerceItem.categories = categories
  // fromEntries keeps a key such as "__proto__" as data instead of setting a prototype.
  const dataFields = convertDates(Object.fromEntries([...extra, ...Object.entries(item.dataFields ?? {})]))
  if (Object.keys(dataFields).length > 0) commerceItem.dataFields = dataFields
  return commerceItem as unknown as CommerceItem
}

function toCategories(categories: MappedItem['categories']): string[] | undefined {
  if (categories === undefined || categories === null || categories === '') return undefined
  return (Array.isArray(categories) ? categories : [categories]).map(String)
}
