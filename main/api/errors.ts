import type { ApiError } from '../../shared/api/contract.js';

/** A failure a handler reports to the user, with the contract's error code. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ApiError['code'],
    message: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}
