/** The shape every feature's handler map has: contract method -> handler of its parsed request. */
import type { ApiMethod, ApiParsedRequest, ApiResponse } from '../../../shared/api/contract.js';

export type Handlers = { [M in ApiMethod]: (request: ApiParsedRequest<M>) => ApiResponse<M> | Promise<ApiResponse<M>> };

/** One feature's share of the contract (Actual Budget's per-feature handler maps). */
export type HandlerMap<M extends ApiMethod> = Pick<Handlers, M>;
