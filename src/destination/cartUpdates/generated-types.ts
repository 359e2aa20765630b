// Generated file. DO NOT MODIFY IT BY HAND. Regenerate with `npm run types`.

export interface Payload {
  /**
   * Updates user data or adds a user if none exists
   */
  user: {
    /**
     * An email address that identifies a user profile in Iterable.
     */
    email?: string
    /**
     * A user ID that identifies a user profile in Iterable.
     */
    userId?: string
    /**
     * Data to store on the user profile.
     */
    dataFields?: {
      [k: string]: unknown
    }
    /**
     * User phone number. Must be a valid phone number including country code. e.g. +14158675309
     */
    phoneNumber?: string | null
    /**
     * If you'd like to merge (rather than overwrite) a user profile's top-level objects with the values provided for them in the request body, set mergeNestedObjects to true.
     */
    mergeNestedObjects?: boolean
  }
  /**
   * Individual items in the cart. Each item must contain `id`, `name`, `price`, and `quantity`. Extra values are added to dataFields.
   */
  items: {
    /**
     * Unique product identifier.
     */
    id: string
    /**
     * The product's stock keeping unit.
     */
    sku?: string
    /**
     * Categories this product belongs to; a single category becomes a one-element list.
     */
    categories?: string[]
    /**
     * Name of the product.
     */
    name: string
    /**
     * Price of one unit of the product.
     */
    price: number
    /**
     * Number of units.
     */
    quantity: number
    /**
     * URL to the product.
     */
    url?: string
    /**
     * URL to an image of the product.
     */
    imageUrl?: string
    /**
     * Description of the product.
     */
    description?: string
    [k: string]: unknown
  }[]
}
