import type { RequestContext } from '../http/transport.js'
import { ApiError } from './errors.js'
import { platformRequest, type PlatformConnection } from './request.js'
import { endpointUrl } from './endpoints.js'

/**
 * Asks the platform to cancel a run; false when it is gone or finished already (404, 409).
 * A module of its own: the post step loads it and nothing that could trigger a run.
 */
export async function requestCancel(
  connection: PlatformConnection,
  runId: string,
  context: RequestContext
): Promise<boolean> {
  const url = endpointUrl(connection.baseUrl, connection.paths.cancel, runId)
  try {
    return await platformRequest(
      connection,
      'cancel',
      'POST',
      url,
      { name: 'cancel', runId },
      context,
      () => true
    )
  } catch (error) {
    if (error instanceof ApiError && (error.httpStatus === 404 || error.httpStatus === 409)) {
      return false
    }
    throw error
  }
}
