import { validateDefinition } from '../../src/iterable/schema'

const EVENT = { email: 'jane@example.com', eventName: 'Viewed', createdAt: 1684317600, dataFields: { a: 1 } }
const ITEM = { id: 'p-1', name: 'Shoe', price: 9.99, quantity: 1 }

describe('validateDefinition', () => {
  it('finds nothing wrong with a body that conforms', () => {
    expect(validateDefinition('BulkTrackRequest', { events: [EVENT, { userId: 'u-1', eventName: 'Viewed' }] })).toEqual(
      []
    )
  })

  it('reports a property the definition does not have', () => {
    expect(validateDefinition('TrackRequest', { ...EVENT, phoneNumber: '+1555' })).toEqual([
      'phoneNumber is not a property Iterable defines'
    ])
  })

  it('reports a value of the wrong type', () => {
    expect(validateDefinition('TrackRequest', { ...EVENT, email: 42 })).toEqual(['email must be a string'])
    expect(validateDefinition('TrackRequest', { ...EVENT, createdAt: '2023-05-17' })).toEqual([
      'createdAt must be an integer'
    ])
    expect(validateDefinition('BulkTrackRequest', { events: {} })).toEqual(['events must be an array'])
    expect(validateDefinition('TrackRequest', { ...EVENT, campaignId: '12' })).toEqual([
      'campaignId must be an integer'
    ])
  })

  it('reports a fractional number where an integer is required', () => {
    expect(validateDefinition('TrackRequest', { ...EVENT, createdAt: 1684317600.5 })).toEqual([
      'createdAt must be an integer'
    ])
  })

  it('accepts an integer where a number is required', () => {
    expect(validateDefinition('CommerceItem', { ...ITEM, price: 10 })).toEqual([])
  })

  it('reports a missing required property', () => {
    expect(validateDefinition('TrackRequest', { email: 'jane@example.com' })).toEqual(['eventName is required'])
  })

  it('says "an object" when an object is missing, the body included', () => {
    expect(validateDefinition('TrackRequest', null)).toEqual(['the body must be an object'])
    expect(validateDefinition('TrackRequest', { ...EVENT, dataFields: 'x' })).toEqual(['dataFields must be an object'])
  })

  it('names the path of a problem inside arrays and nested objects', () => {
    const problems = validateDefinition('TrackPurchaseRequest', {
      user: { email: 'jane@example.com', phoneNumber: '+1555' },
      items: [ITEM, ITEM, { ...ITEM, quantity: 1.5, categories: ['a', 3] }, { name: 'x', price: 1, quantity: 1 }],
      total: 20
    })
    expect(problems).toHaveLength(4)
    expect(problems).toEqual(
      expect.arrayContaining([
        'user.phoneNumber is not a property Iterable defines',
        'items[2].quantity must be an integer',
        'items[2].categories[1] must be a string',
        'items[3].id is required'
      ])
    )
  })

  it('follows references to other definitions', () => {
    expect(validateDefinition('BulkUpdateUsersRequest', { users: [{ email: 'a@b.c', updateOnly: true }] })).toEqual([
      'users[0].updateOnly is not a property Iterable defines'
    ])
  })

  it('accepts any content in free-form dataFields', () => {
    const dataFields = { anything: { nested: [1, 'two', null] }, phoneNumber: null }
    expect(validateDefinition('ApiUserUpdateRequest', { email: 'a@b.c', dataFields })).toEqual([])
  })

  it('reports an int32 outside its range and accepts its bounds', () => {
    const purchase = { user: { email: 'a@b.c' }, items: [ITEM], total: 9.99 }
    expect(validateDefinition('TrackPurchaseRequest', { ...purchase, campaignId: 2 ** 31 - 1 })).toEqual([])
    expect(validateDefinition('TrackPurchaseRequest', { ...purchase, templateId: -(2 ** 31) })).toEqual([])
    expect(validateDefinition('TrackPurchaseRequest', { ...purchase, campaignId: 2 ** 31 })).toEqual([
      'campaignId is out of int32 range'
    ])
    expect(validateDefinition('TrackPurchaseRequest', { ...purchase, templateId: -(2 ** 31) - 1 })).toEqual([
      'templateId is out of int32 range'
    ])
  })

  it('reports an int64 beyond the integers JSON can carry exactly', () => {
    expect(validateDefinition('TrackRequest', { ...EVENT, campaignId: 2 ** 31 })).toEqual([])
    expect(validateDefinition('TrackRequest', { ...EVENT, campaignId: 2 ** 53 })).toEqual([
      'campaignId is out of int64 range'
    ])
  })

  it("reports a reply code that is not one of Iterable's", () => {
    expect(validateDefinition('IterableApiResponse', { msg: '', code: 'Success', params: {} })).toEqual([])
    expect(validateDefinition('IterableApiResponse', { msg: '', code: 'Okay' })).toEqual([
      "code is not one of Iterable's values"
    ])
  })

  it('reports every problem, not only the first', () => {
    expect(validateDefinition('TrackRequest', { userId: 7, createdAt: 'now', extra: true })).toHaveLength(4)
  })

  it("accepts Iterable's bulk replies, failedUpdates and all", () => {
    expect(
      validateDefinition('BulkTrackResponse', {
        successCount: 1,
        failCount: 1,
        createdFields: [],
        filteredOutFields: ['secret'],
        disallowedEventNames: [],
        failedUpdates: { invalidEmails: ['x'], notFoundUserIds: [] }
      })
    ).toEqual([])
    expect(
      validateDefinition('UserBulkUpdateListResponse', {
        successCount: 1,
        failCount: 2,
        invalidEmails: [],
        failedUpdates: { conflictEmails: ['a@b.c'], invalidDataUserIds: ['u-1'] }
      })
    ).toEqual([])
  })

  it('accepts params: null in a reply, as Iterable sends it', () => {
    expect(validateDefinition('IterableApiResponse', { msg: '', code: 'Success', params: null })).toEqual([])
  })

  it('lists problems in the order of the items they concern', () => {
    expect(validateDefinition('BulkTrackRequest', { events: [{ eventName: 1 }, { eventName: 2 }] })).toEqual([
      'events[0].eventName must be a string',
      'events[1].eventName must be a string'
    ])
  })
})
