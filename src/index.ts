import destination from './destination'

export default destination
export type { Settings } from './destination/generated-types'
