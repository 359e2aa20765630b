// Generated file. DO NOT MODIFY IT BY HAND. Regenerate with `npm run types`.

export interface Payload {
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
  /**
   * A new email address for the user. A single event changes it with Iterable's updateEmail after updating the profile; in a batch it is sent as the user's `dataFields.email`.
   */
  newEmail?: string
  /**
   * Batches only: when true, Iterable updates existing users and creates none (`updateOnly` on bulk update).
   */
  updateOnly?: boolean
  /**
   * When enabled, Segment will send data to Iterable in batches of up to 1001
   */
  enable_batching?: boolean
  /**
   * Maximum number of events to include in each batch sent to Iterable.
   */
  batch_size?: number
}
