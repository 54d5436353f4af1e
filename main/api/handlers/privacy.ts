/** "Erase candidate" in the detail pane, from the one erasure service the CLI's `forget` uses. */
import { ErasureError, ErasureService } from '../../privacy/erasure.js';
import type { Retention } from '../../privacy/retention.js';
import { ApiFailure } from '../errors.js';
import type { HandlerMap } from './types.js';

export function privacyHandlers(
  erasure: ErasureService,
  retention: Retention,
  dataChanged: () => void,
): HandlerMap<'planErasure' | 'eraseCandidate' | 'previewRetention'> {
  const failure = (error: unknown): never => {
    if (error instanceof ErasureError) throw new ApiFailure(error.code === 'not_found' ? 'not-found' : 'invalid-request', error.message);
    throw error;
  };
  return {
    planErasure: ({ applicationId }) => {
      try {
        return erasure.plan({ applicationId });
      } catch (error) {
        return failure(error);
      }
    },
    eraseCandidate: ({ applicationId }) => {
      let result;
      try {
        result = erasure.forget({ applicationId });
      } catch (error) {
        return failure(error);
      }
      dataChanged();
      return result;
    },
    previewRetention: ({ months }) => retention.preview(months),
  };
}
