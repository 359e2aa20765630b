// Generated file. DO NOT MODIFY IT BY HAND. Regenerate with `npm run types`.

export interface Settings {
  /**
   * To obtain the API Key, go to the Iterable app and naviate to Integrations > API Keys. Create a new API Key with the 'Server-Side' type.
   */
  apiKey: string
  /**
   * The location where your Iterable data is hosted.
   */
  dataCenterLocation?: 'united_states' | 'europe'
}
