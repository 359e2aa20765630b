import { toCommerceItem, type MappedItem } from '../../src/iterable/commerce'
import { expectConformsTo } from '../helpers/iterable'

const SHOE = { id: 'p-1', name: 'Running shoe', price: 89.9, quantity: 2 }

describe('toCommerceItem', () => {
  it("keeps every field of Iterable's CommerceItem as it is", () => {
    const item = {
      ...SHOE,
      sku: 'RS-42',
      description: 'Light and fast',
      url: 'https://shop.example/rs',
      imageUrl: 'https://shop.example/rs.png'
    }
    expect(toCommerceItem(item)).toEqual(item)
  })

  it('turns a single category into a one-element list', () => {
    expect(toCommerceItem({ ...SHOE, categories: 'Shoes' }).categories).toEqual(['Shoes'])
  })

  it('keeps a list of categories as a list', () => {
    expect(toCommerceItem({ ...SHOE, categories: ['Shoes', 'Running'] }).categories).toEqual(['Shoes', 'Running'])
  })

  it.each([undefined, null, ''])('leaves categories out when the mapped category is %p', (categories) => {
    expect(toCommerceItem({ ...SHOE, categories })).not.toHaveProperty('categories')
  })

  it("moves properties CommerceItem does not define into the item's dataFields", () => {
    expect(toCommerceItem({ ...SHOE, color: 'red', size: 42, tags: ['new'] })).toEqual({
      ...SHOE,
      dataFields: { color: 'red', size: 42, tags: ['new'] }
    })
  })

  it('converts date-times among the extra properties', () => {
    const item = toCommerceItem({ ...SHOE, releasedAt: '2023-05-17T10:00:00+02:00', batch: '2023-05-17' })
    expect(item.dataFields).toEqual({ releasedAt: '2023-05-17 08:00:00 +00:00', batch: '2023-05-17' })
  })

  it('keeps explicit dataFields, together with the extra properties', () => {
    const item = toCommerceItem({
      ...SHOE,
      color: 'red',
      dataFields: { warehouse: 'north', at: '2023-05-17T10:00:00Z' }
    })
    expect(item.dataFields).toEqual({ color: 'red', warehouse: 'north', at: '2023-05-17 10:00:00 +00:00' })
  })

  it('sends no empty dataFields', () => {
    expect(toCommerceItem({ ...SHOE })).not.toHaveProperty('dataFields')
    expect(toCommerceItem({ ...SHOE, dataFields: {} })).not.toHaveProperty('dataFields')
  })

  it('drops properties whose value is undefined', () => {
    expect(toCommerceItem({ ...SHOE, sku: undefined, color: undefined })).toEqual(SHOE)
  })

  it('does not mutate the mapped item', () => {
    const mapped: MappedItem = Object.freeze({
      ...SHOE,
      categories: 'Shoes',
      color: 'red',
      dataFields: Object.freeze({ at: '2023-05-17T10:00:00Z' })
    })
    const before = structuredClone(mapped)
    toCommerceItem(mapped)
    expect(mapped).toEqual(before)
  })

  it("gives an item that conforms to Iterable's CommerceItem", () => {
    const item = toCommerceItem({
      ...SHOE,
      sku: 'RS-42',
      categories: 'Shoes',
      color: 'red',
      dataFields: { at: '2023-05-17T10:00:00Z' }
    })
    expectConformsTo('CommerceItem', item)
  })

  it('keeps a "__proto__" property as data in dataFields and leaves Object.prototype untouched', () => {
    const mapped = JSON.parse(
      '{"id": "p-1", "name": "Shoe", "price": 1, "quantity": 1, "__proto__": {"polluted": true}}'
    )
    const item = toCommerceItem(mapped)
    expect(Object.getOwnPropertyDescriptor(item.dataFields, '__proto__')?.value).toEqual({ polluted: true })
    expect(Object.getPrototypeOf(item.dataFields)).toBe(Object.prototype)
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false)
  })
})
