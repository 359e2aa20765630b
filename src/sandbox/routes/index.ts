/** Every route the sandbox answers. */
import { Router } from '../router'
import { commerceRoutes } from './commerce'
import { controlRoutes, type Controls } from './controls'
import { eventRoutes } from './events'
import { readRoutes } from './reads'
import { userRoutes } from './users'

export function sandboxRouter(controls: Controls): Router {
  const { state } = controls
  return new Router([
    ...eventRoutes(state),
    ...userRoutes(state),
    ...commerceRoutes(state),
    ...readRoutes(state),
    ...controlRoutes(controls)
  ])
}
